package io.strongroom.ui.replication;

import io.strongroom.service.replication.ReplicaPlan;

import java.util.Objects;

/**
 * One secret of a bulk "Add region": its plan and command line (null when it is skipped), how
 * far it got, and what came of it (why it is skipped, or the error with scope, code and request ID).
 */
public record BulkAddItem(ReplicationRow row, ReplicaPlan plan, String commandLine, State state, String message) {

    public enum State { PLANNED, SKIPPED, RUNNING, DONE, FAILED }

    public BulkAddItem {
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(state, "state");
    }

    BulkAddItem with(State state, String message) {
        return new BulkAddItem(row, plan, commandLine, state, message);
    }
}
