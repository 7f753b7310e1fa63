package io.strongroom.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/**
 * {@code strongroom policy}: policy checks for pipelines, run by IAM Access Analyzer (the embedded
 * store's, on a temporary data directory by default, or AWS's with {@code --profile}).
 *
 * <p>Exit codes, the same for every subcommand: 0 the policy passes; 1 it fails (a finding at or
 * above {@code --fail-on}, security warnings by default, or a failed check; a document that is
 * not JSON is a {@code JSON_SYNTAX_ERROR} finding, so it fails here too); 2 bad input (a file
 * that cannot be read, a bad option); 3 the check could not run (the backend refused or could
 * not be reached), reported with the scope, the AWS error code and the request ID.
 */
@Command(name = "policy", mixinStandardHelpOptions = true,
        description = "Check resource and identity policies with IAM Access Analyzer (for pipelines).",
        subcommands = {PolicyCheckCommand.class, PolicyValidateCommand.class})
public final class PolicyCommand implements Callable<Integer> {

    static final int PASS = 0;
    static final int FAIL = 1;
    static final int BAD_INPUT = 2;
    static final int NOT_RUN = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return BAD_INPUT;
    }
}
