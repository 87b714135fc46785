-- Dataset jobs claimed from scheduled_tasks and resumed from their chunk cursor by whichever instance claims
-- them. Portable SQL: runs unchanged on H2 and PostgreSQL.

-- Set by a cancellation on any instance; the instance running the job reads it between chunks.
ALTER TABLE dataset_jobs ADD COLUMN cancel_requested BOOLEAN DEFAULT FALSE NOT NULL;
-- How many times the job was taken up again after the instance running it stopped.
ALTER TABLE dataset_jobs ADD COLUMN resumes INT DEFAULT 0 NOT NULL;
-- When the current run began and the cursor it began from: the rate since then gives the time left.
ALTER TABLE dataset_jobs ADD COLUMN run_started_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE dataset_jobs ADD COLUMN run_from INT DEFAULT 0 NOT NULL;
