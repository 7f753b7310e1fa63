package io.strongroom.cli;

import io.strongroom.domain.PolicyFinding;
import io.strongroom.domain.PolicyKind;
import io.strongroom.domain.Scope;
import io.strongroom.service.PolicyService;
import io.strongroom.service.ScopeException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code strongroom policy check --existing OLD --new NEW}: does the new policy grant anything the
 * old one did not (CheckNoNewAccess)? Both documents are validated first: the new one's findings
 * are reported and gated by {@code --fail-on}; the existing one's errors only, since they make the
 * comparison impossible (the deployed policy's warnings are not this change's to fix). With
 * {@code --no-public-access} the new document must also pass CheckNoPublicAccess. Exit codes as
 * {@link PolicyCommand} documents.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Fail when a changed policy grants new access (IAM Access Analyzer CheckNoNewAccess).")
public final class PolicyCheckCommand implements Callable<Integer> {

    @Option(names = "--existing", required = true, paramLabel = "FILE", description = "The policy as it is now (JSON).")
    Path existing;

    @Option(names = "--new", required = true, paramLabel = "FILE", description = "The policy as it is proposed (JSON).")
    Path proposed;

    @Option(names = "--type", defaultValue = "secret",
            description = "secret (a secret's resource policy), key (a KMS key policy) or identity (default ${DEFAULT-VALUE}).")
    PolicyTarget.Type type;

    @Option(names = "--no-public-access", description = "Also fail when the new policy lets anyone in (CheckNoPublicAccess; secret or key).")
    boolean noPublicAccess;

    @Mixin
    PolicyTarget target;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Backends backends;

    public PolicyCheckCommand(Backends backends) {
        this.backends = backends;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PolicyKind kind = PolicyTarget.kind(type);
        if (noPublicAccess && !kind.isResourcePolicy()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--no-public-access applies to --type secret or key");
        }
        String before;
        String after;
        try {
            before = PolicyTarget.read(existing);
            after = PolicyTarget.read(proposed);
        } catch (PolicyTarget.BadInput e) {
            err.println("strongroom: " + e.getMessage());
            err.flush();
            return PolicyCommand.BAD_INPUT;
        }
        Scope scope = target.scope(backends, spec.commandLine());
        PolicyService policies = backends.policies();
        PolicyReport report = new PolicyReport();
        try {
            boolean comparable = validate(report, policies, scope, existing, before, kind, false)
                    & validate(report, policies, scope, proposed, after, kind, true);
            if (comparable) {
                StatementLocator statements = StatementLocator.of(after);
                report.check(proposed, "NO_NEW_ACCESS", policies.checkNoNewAccess(scope, before, after, kind), statements);
                if (noPublicAccess) {
                    report.check(proposed, "NO_PUBLIC_ACCESS", policies.checkNoPublicAccess(scope, after, kind), statements);
                }
            }
        } catch (ScopeException e) {
            return PolicyValidateCommand.notRun(err, e);
        }
        report.write(target.format, spec.commandLine().getOut());
        return report.failed() ? PolicyCommand.FAIL : PolicyCommand.PASS;
    }

    /**
     * Reports {@code file}'s findings (every one for the new document, only errors for the
     * existing one) and returns whether it has no error, so that the checks can compare it.
     */
    private boolean validate(PolicyReport report, PolicyService policies, Scope scope, Path file, String text,
                             PolicyKind kind, boolean isNew) {
        PolicyFinding.Severity failOn = isNew ? target.failThreshold() : PolicyFinding.Severity.ERROR;
        if (text.isBlank()) {
            report.finding(file, PolicyValidateCommand.EMPTY, failOn);
            return false;
        }
        List<PolicyFinding> findings = policies.validate(scope, text, kind);
        for (PolicyFinding f : findings) {
            if (isNew || f.severity() == PolicyFinding.Severity.ERROR) {
                report.finding(file, f, failOn);
            }
        }
        return findings.stream().noneMatch(f -> f.severity() == PolicyFinding.Severity.ERROR);
    }
}
