-- The state a training resumes from, stored at its curve points: whichever instance claims the training after a
-- stop or a crash goes on from the last one. Portable SQL: runs unchanged on H2 and PostgreSQL.
-- Arrays are float32 little-endian bytes, as adapters.weights.
CREATE TABLE training_checkpoints (
    adapter_id     BIGINT PRIMARY KEY REFERENCES adapters (id) ON DELETE CASCADE,
    -- The curve point the state follows: the next step to run is step + 1, and adapters.curve holds the points
    -- up to this one.
    step           INT     NOT NULL,
    -- The form's parameters (W itself for a full adapter, the diagonal, or U and V of a low-rank one).
    parameters     BYTEA   NOT NULL,
    -- Adam: the first and second moments and the number of updates so far.
    first_moment   BYTEA   NOT NULL,
    second_moment  BYTEA   NOT NULL,
    adam_steps     INT     NOT NULL,
    -- The W with the best validation ROC-AUC so far, its step and that ROC-AUC (null while none was defined).
    best_weights   BYTEA   NOT NULL,
    best_step      INT     NOT NULL,
    best_auc       DOUBLE PRECISION,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
