-- Dataset creation jobs, stored so that their progress outlives the process that ran them.
-- Portable SQL: runs unchanged on H2 and PostgreSQL.

-- A dataset is complete once its job has stored every sentence; until then it is left out of the dataset list.
-- duplicates: input lines dropped because the dataset already had their text.
ALTER TABLE datasets ADD COLUMN complete BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE datasets ADD COLUMN duplicates INT DEFAULT 0 NOT NULL;

CREATE TABLE dataset_jobs (
    id            VARCHAR(36)  PRIMARY KEY,
    name          VARCHAR(200) NOT NULL,
    model         VARCHAR(200),
    -- queued, running, done, failed, cancelled, interrupted
    state         VARCHAR(20)  NOT NULL,
    -- The dataset being filled; null until the job starts, and again once the dataset is deleted.
    dataset_id    BIGINT REFERENCES datasets (id) ON DELETE SET NULL,
    total         INT          NOT NULL,
    -- Sentences stored with their vectors: positions below it are committed (the chunk cursor).
    embedded      INT          NOT NULL,
    duplicates    INT          NOT NULL,
    -- The instance running the job, and when it last showed it was alive.
    owner         VARCHAR(100),
    heartbeat_at  TIMESTAMP WITH TIME ZONE,
    -- Set when the job failed: the HTTP status its problem maps to, and the reason.
    error_status  INT,
    error_detail  VARCHAR(2000),
    dismissed     BOOLEAN      DEFAULT FALSE NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at    TIMESTAMP WITH TIME ZONE,
    finished_at   TIMESTAMP WITH TIME ZONE
);

CREATE INDEX dataset_jobs_by_state ON dataset_jobs (state);
CREATE INDEX dataset_jobs_by_dataset ON dataset_jobs (dataset_id);
