package org.simexplorer.dataset;

/** Where a dataset job stands; queued and running are the unfinished states. */
public enum JobState {
    QUEUED, RUNNING, DONE, FAILED, CANCELLED, INTERRUPTED;

    public boolean finished() {
        return this != QUEUED && this != RUNNING;
    }
}
