package io.strongroom.ui.rotation;

import io.strongroom.service.journal.SecretMutation;

import java.util.Objects;

/**
 * One API call of a repair: the journaled mutation that performs it and the AWS CLI line that
 * says exactly what it sends ({@link RepairCommandLine}).
 */
public record RepairCall(SecretMutation<?> mutation, String commandLine) {

    public RepairCall {
        Objects.requireNonNull(mutation, "mutation");
        Objects.requireNonNull(commandLine, "commandLine");
    }

    public static RepairCall of(SecretMutation<?> mutation) {
        return new RepairCall(mutation, RepairCommandLine.of(mutation));
    }

    /** The AWS operation, e.g. {@code UpdateSecretVersionStage}. */
    public String operation() {
        return mutation.action();
    }
}
