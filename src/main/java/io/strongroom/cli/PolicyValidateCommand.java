package io.strongroom.cli;

import io.strongroom.domain.PolicyFinding;
import io.strongroom.domain.Scope;
import io.strongroom.service.ScopeException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code strongroom policy validate FILE}: Access Analyzer's ValidatePolicy on one document, every
 * finding reported with its line and column. Exit codes as {@link PolicyCommand} documents.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Validate a policy document with IAM Access Analyzer (ValidatePolicy).")
public final class PolicyValidateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The policy document (JSON).")
    Path file;

    @Option(names = "--type", defaultValue = "secret",
            description = "secret (a secret's resource policy), key (a KMS key policy) or identity (default ${DEFAULT-VALUE}).")
    PolicyTarget.Type type;

    @Mixin
    PolicyTarget target;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Backends backends;

    public PolicyValidateCommand(Backends backends) {
        this.backends = backends;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        String text;
        try {
            text = PolicyTarget.read(file);
        } catch (PolicyTarget.BadInput e) {
            err.println("strongroom: " + e.getMessage());
            err.flush();
            return PolicyCommand.BAD_INPUT;
        }
        PolicyReport report = new PolicyReport();
        if (text.isBlank()) {
            report.finding(file, EMPTY, target.failThreshold());
        } else {
            Scope scope = target.scope(backends, spec.commandLine());
            try {
                List<PolicyFinding> findings = backends.policies().validate(scope, text, PolicyTarget.kind(type));
                findings.forEach(f -> report.finding(file, f, target.failThreshold()));
            } catch (ScopeException e) {
                return notRun(err, e);
            }
        }
        report.write(target.format, spec.commandLine().getOut());
        return report.failed() ? PolicyCommand.FAIL : PolicyCommand.PASS;
    }

    /** What an empty file is, said the way Access Analyzer says it of any text that is not a policy. */
    static final PolicyFinding EMPTY = new PolicyFinding(PolicyFinding.Severity.ERROR, "JSON_SYNTAX_ERROR",
            "The policy document is empty.", "", null, null);

    static int notRun(PrintWriter err, ScopeException e) {
        err.println("strongroom: the check did not run: " + e.error().describe());
        err.flush();
        return PolicyCommand.NOT_RUN;
    }
}
