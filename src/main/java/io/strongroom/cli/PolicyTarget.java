package io.strongroom.cli;

import io.strongroom.domain.Account;
import io.strongroom.domain.PolicyFinding;
import io.strongroom.domain.PolicyKind;
import io.strongroom.domain.Scope;
import io.strongroom.local.DataDirectory;
import io.strongroom.service.AccountSource;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The options every {@code policy} subcommand shares: where the checks run, the policy type, the
 * output format and the severity that fails the run. By default the checks run on the embedded
 * store started on a temporary data directory, so a pipeline never opens the user's own store.
 */
final class PolicyTarget {

    enum Type { secret, key, identity }

    enum Format { text, json, sarif }

    enum FailOn { error, security_warning, warning, suggestion }

    @Option(names = "--profile", paramLabel = "NAME", description = "Run the checks with IAM Access Analyzer on AWS, as this profile.")
    String profile;

    @Option(names = "--region", paramLabel = "REGION", defaultValue = "us-east-1",
            description = "The region whose Access Analyzer runs the checks (default ${DEFAULT-VALUE}).")
    String region;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Run on the embedded store in this data directory instead of a temporary one.")
    String dataDir;

    @Option(names = "--format", defaultValue = "text", description = "text, json or sarif (SARIF 2.1.0; default ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--fail-on", defaultValue = "security_warning",
            description = "The least severe finding that fails the run: error, security_warning, warning or suggestion "
                    + "(default ${DEFAULT-VALUE}).")
    FailOn failOn;

    /** The scope the checks run in; a bad choice of options is a usage error (exit 2). */
    Scope scope(Backends backends, CommandLine cli) {
        if (profile != null && dataDir != null) {
            throw new CommandLine.ParameterException(cli, "--profile and --data-dir exclude each other");
        }
        if (profile != null) {
            return backends.awsProfiles().accounts().stream().filter(a -> profile.equals(a.alias())).findFirst()
                    .orElseThrow(() -> new CommandLine.ParameterException(cli, "no AWS profile named '" + profile + "'"))
                    .in(region);
        }
        AccountSource store = dataDir == null ? backends.temporaryStore() : backends.embeddedStore(DataDirectory.resolve(dataDir));
        Account first = store.accounts().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("the embedded store has no account"));
        return first.in(region);
    }

    PolicyFinding.Severity failThreshold() {
        return PolicyFinding.Severity.valueOf(failOn.name().toUpperCase(Locale.ROOT));
    }

    static PolicyKind kind(Type type) {
        return switch (type) {
            case secret -> PolicyKind.SECRET;
            case key -> PolicyKind.KEY;
            case identity -> PolicyKind.IDENTITY;
        };
    }

    /** A policy file as UTF-8 text; one that cannot be read is bad input. */
    static String read(Path file) throws BadInput {
        try {
            return Files.readString(file);
        } catch (CharacterCodingException e) {
            throw new BadInput(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new BadInput(file + ": cannot read the file (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
    }

    /** Input that stops the run before any check (exit 2). */
    static final class BadInput extends Exception {
        BadInput(String message) {
            super(message);
        }
    }
}
