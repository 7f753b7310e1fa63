package io.strongroom.ui.rotation;

import java.util.Objects;

/**
 * One call of a repair as it is being run: the call, how far it got, and what came of it (the
 * new version a RotateSecret started, or the error with scope, AWS code and request ID).
 *
 * @param versionId the version the call reported (the rotation a RotateSecret started, the version
 *                  a PutSecretValue wrote), or null
 */
public record RepairStep(RepairCall call, Status status, String message, String versionId) {

    public enum Status {
        /** Not sent yet. */
        PLANNED,
        /** Sent, no answer yet. */
        RUNNING,
        /** AWS accepted it. */
        DONE,
        /** AWS (or read-only mode) refused it; the repair stopped here. */
        FAILED,
        /** Not sent because an earlier call failed. */
        SKIPPED
    }

    public RepairStep {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(status, "status");
    }

    public static RepairStep planned(RepairCall call) {
        return new RepairStep(call, Status.PLANNED, null, null);
    }

    RepairStep with(Status status, String message, String versionId) {
        return new RepairStep(call, status, message, versionId);
    }
}
