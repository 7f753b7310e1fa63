package io.strongroom.cli;

import io.strongroom.local.DataDirectory;
import io.strongroom.local.LocalStore;
import io.strongroom.local.LocalStoreConfig;
import io.strongroom.local.demo.DemoEstate;
import io.strongroom.local.demo.DemoPrincipals;
import io.strongroom.local.iam.AccessKey;
import io.strongroom.local.iam.AccountIds;
import io.strongroom.local.iam.AccountIdsMismatchException;
import io.strongroom.local.iam.IamRole;
import io.strongroom.local.iam.LocalAccount;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;

/**
 * {@code strongroom serve}: the embedded store, headless, on a loopback port, until Ctrl-C.
 * It prints what a person needs to point the AWS CLI or an SDK at it.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the embedded local secret store (Secrets Manager, KMS, STS, CloudTrail) on 127.0.0.1.")
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", description = "Loopback port (default ${DEFAULT-VALUE}; 0 picks a free one).", defaultValue = "4566")
    int port;

    @Option(names = "--data-dir", description = "Data directory (default: $" + DataDirectory.ENV + " or the per-user data directory).")
    String dataDir;

    @Option(names = "--latency", split = ",", paramLabel = "[REGION=]MILLIS",
            description = "Simulated latency per request, e.g. 50 or us-east-1=80,eu-west-1=120.")
    List<String> latency = List.of();

    @Option(names = "--enforce-quotas", description = "Refuse calls over AWS's per-account, per-region request quotas (ThrottlingException).")
    boolean enforceQuotas;

    // Split here rather than by picocli, which drops empty items ("1,,2", a trailing comma, ''):
    // an empty item is a mistake to report, not to ignore.
    @Option(names = "--account-id", paramLabel = "ACCOUNT_ID[,ACCOUNT_ID...]",
            description = "The local accounts' 12-digit IDs when the data directory is new, one account each, in order "
                    + "(repeatable, or a comma-separated list), e.g. --account-id 000000000000,111111111111,222222222222. "
                    + "The first three are aliased security-audit, payments-prod and analytics-dev, further ones account-4, account-5, ... "
                    + "Without it, a new data directory gets three accounts with random IDs. A data directory keeps the IDs it was "
                    + "created with: later starts use them, and refuse other IDs.")
    List<String> accountIds = List.of();

    @Option(names = "--rotation-command", paramLabel = "NAME=COMMAND",
            description = "A rotation function that runs COMMAND (split at spaces) for setSecret and testSecret, with the step, "
                    + "secret ARN and token as arguments and the pending value as JSON on standard input; listed as "
                    + "arn:aws:lambda:REGION:ACCOUNT:function:NAME in every account and region (repeatable).")
    List<String> rotationCommands = List.of();

    @Option(names = "--fail-replication-to", split = ",", paramLabel = "REGION",
            description = "Make every replication of a secret to REGION fail (its replicas end Failed, saying the fault was injected), "
                    + "to see what a failed replica looks like, e.g. eu-west-1 (repeatable).")
    List<String> failReplicationTo = List.of();

    @Option(names = "--quiet", description = "Print only the endpoint line.")
    boolean quiet;

    @Option(names = "--demo", description = "On an empty store, seed the demo estate first: a few hundred fake secrets and KMS keys "
            + "across the first three accounts and 4 regions, and IAM roles to assume (path " + DemoPrincipals.PATH + "), all tagged "
            + DemoEstate.TAG_KEY + "=" + DemoEstate.TAG_VALUE + ".")
    boolean demo;

    @Option(names = "--remove-demo", description = "Remove the demo estate (every secret, KMS key and IAM role tagged "
            + DemoEstate.TAG_KEY + "=" + DemoEstate.TAG_VALUE + ") before serving.")
    boolean removeDemo;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec == null ? new PrintWriter(System.out, true) : spec.commandLine().getOut();
        Path dir = DataDirectory.resolve(dataDir);
        if (demo && removeDemo) {
            throw usageError("--demo and --remove-demo cannot be used together");
        }
        List<String> ids;
        try {
            ids = AccountIds.validate(splitIds(accountIds));
        } catch (IllegalArgumentException e) {
            throw usageError("--account-id: " + e.getMessage());
        }
        java.util.Map<String, List<String>> commands = new java.util.LinkedHashMap<>();
        for (String c : rotationCommands) {
            int eq = c.indexOf('=');
            List<String> argv = eq < 0 ? List.of() : List.of(c.substring(eq + 1).trim().split("\\s+"));
            if (eq < 1 || argv.isEmpty() || argv.get(0).isEmpty() || !c.substring(0, eq).matches("[A-Za-z0-9_-]{1,64}")) {
                throw usageError("--rotation-command: expected NAME=COMMAND, NAME of letters, digits, '-' and '_', not '" + c + "'");
            }
            if (c.startsWith("strongroom-")) {
                throw usageError("--rotation-command: names starting with 'strongroom-' are the store's own functions");
            }
            commands.put(c.substring(0, eq), argv);
        }
        for (String region : failReplicationTo) {
            if (!region.matches("([a-z]+-)+\\d+")) {
                throw usageError("--fail-replication-to: expected a region such as eu-west-1, not '" + region + "'");
            }
        }
        LocalStore store;
        try {
            store = LocalStore.start(LocalStoreConfig.defaults(dir).withPort(port)
                    .withLatency(parseLatency(latency)).withQuotas(enforceQuotas).withAccountIds(ids).withRotationCommands(commands));
        } catch (AccountIdsMismatchException e) {
            // The options are well formed but contradict the data directory: a usage error all the
            // same (exit code 2), said without the usage text, which would not help.
            PrintWriter err = spec == null ? new PrintWriter(System.err, true) : spec.commandLine().getErr();
            err.println("strongroom serve: " + e.getMessage() + ".");
            err.println("Start without --account-id to use the stored IDs, or give another --data-dir for a store with "
                    + String.join(", ", e.requestedIds()) + ".");
            err.flush();
            return USAGE_ERROR;
        }
        failReplicationTo.forEach(region -> store.replication().faults().failRegion(region, true));
        String demoLine = null;
        if (demo) {
            demoLine = describe(DemoEstate.seed(store));
        } else if (removeDemo) {
            demoLine = describe(DemoEstate.remove(store));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new io.strongroom.local.NamedThreads("strongroom-shutdown").newThread(() -> {
            store.close();              // Ctrl-C: the database closes cleanly, the WAL is checkpointed
            stopped.countDown();
        }));
        printBanner(out, store, demoLine);
        if (!removeDemo) {
            // The demo's PostgreSQL (a second or two): its database secrets then really rotate.
            new io.strongroom.local.NamedThreads("strongroom-demo-database").newThread(() ->
                    io.strongroom.local.demo.DemoDatabase.startFor(store).ifPresent(db -> {
                        out.println("Demo database: PostgreSQL on " + io.strongroom.local.demo.DemoDatabase.HOST + ":" + db.port()
                                + " with " + db.roles() + " login roles, for the demo's database secrets.");
                        out.flush();
                    })).start();
        }
        stopped.await();
        return 0;
    }

    /** Each --account-id value split at commas, empty items kept (and refused by validation). */
    static List<String> splitIds(List<String> values) {
        List<String> ids = new java.util.ArrayList<>();
        for (String value : values) {
            ids.addAll(List.of(value.split(",", -1)));
        }
        return ids;
    }

    /** The exit code picocli gives a usage error. */
    static final int USAGE_ERROR = 2;

    private picocli.CommandLine.ParameterException usageError(String message) {
        return new picocli.CommandLine.ParameterException(spec == null ? new picocli.CommandLine(this) : spec.commandLine(), message);
    }

    /** One line on what --demo or --remove-demo did; counts only, never a value. */
    static String describe(DemoEstate.Summary s) {
        String tag = DemoEstate.TAG_KEY + "=" + DemoEstate.TAG_VALUE;
        return switch (s.outcome()) {
            case SEEDED -> String.format(java.util.Locale.ROOT,
                    "Demo estate: seeded %d secrets (%d versions, %d scheduled for deletion), %d KMS keys and %d IAM roles "
                            + "in %d accounts x %d regions in %.1f s, all tagged %s (remove with --remove-demo).",
                    s.secrets(), s.versions(), s.secretsScheduledForDeletion(), s.keys(), s.roles(), s.accounts(), s.regions(),
                    s.elapsed().toMillis() / 1000.0, tag);
            case ALREADY_PRESENT -> s.roles() > 0
                    ? "Demo estate: already present; added its " + s.roles() + " IAM roles (tagged " + tag + "; remove with --remove-demo)."
                    : "Demo estate: already present (tagged " + tag + "; remove with --remove-demo).";
            case STORE_NOT_EMPTY -> "Demo estate: not seeded, this store already holds secrets of its own.";
            case NO_DEFAULT_ACCOUNTS -> "Demo estate: not seeded, this store has none of the default accounts.";
            case REMOVED -> String.format(java.util.Locale.ROOT,
                    "Demo estate: removed %d secrets and %d IAM roles; %d KMS keys scheduled for deletion, %d kept (secrets of your own use them).",
                    s.secrets(), s.roles(), s.keysScheduledForDeletion(), s.keysKept());
            case NOTHING_TO_REMOVE -> "Demo estate: nothing to remove.";
        };
    }

    private void printBanner(PrintWriter out, LocalStore store, String demoLine) {
        String endpoint = store.endpoint().toString();
        out.println("Strongroom embedded store listening on " + endpoint);
        if (quiet) {
            out.flush();
            return;
        }
        out.println("Data directory: " + store.dataDir().toAbsolutePath());
        if (demoLine != null) {
            out.println(demoLine);
        }
        out.println();
        out.println("Local accounts:");
        List<LocalAccount> accounts = store.accounts().list();
        for (LocalAccount a : accounts) {
            out.printf("  %-16s %s%n", a.alias(), a.accountId());
        }
        List<AccessKey> keys = store.accounts().adminKeys();
        if (!keys.isEmpty()) {
            AccessKey first = keys.get(0);
            String alias = accounts.isEmpty() ? "" : accounts.get(0).alias();
            out.println();
            out.println("Point the AWS CLI at it (acting as " + first.principalArn() + ", account " + alias + "):");
            out.println("  export AWS_ACCESS_KEY_ID=" + first.accessKeyId());
            out.println("  export AWS_SECRET_ACCESS_KEY=" + first.secretAccessKey());
            out.println("  export AWS_DEFAULT_REGION=us-east-1");
            out.println("  aws --endpoint-url " + endpoint + " secretsmanager list-secrets");
            out.println();
            out.println("Admin keys of every account (local credentials for this store only):");
            for (AccessKey k : keys) {
                out.printf("  %s  %s  %s%n", k.accountId(), k.accessKeyId(), k.secretAccessKey());
            }
        }
        String roles = demoRolesLine(store);
        if (roles != null) {
            out.println();
            out.println(roles);
        }
        out.println();
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }

    /**
     * One line on the demo roles to assume, or null without them: the command for the first
     * account's break-glass role, then how many roles there are and their names (app roles as one).
     */
    static String demoRolesLine(LocalStore store) {
        List<IamRole> roles = DemoPrincipals.roles(store);
        if (roles.isEmpty()) {
            return null;
        }
        IamRole example = roles.stream().filter(r -> r.roleName().equals(DemoPrincipals.BREAK_GLASS)).findFirst().orElse(roles.get(0));
        java.util.Set<String> names = new java.util.TreeSet<>();
        roles.forEach(r -> names.add(r.roleName().startsWith(DemoPrincipals.APP_PREFIX) ? DemoPrincipals.APP_PREFIX + "<service>" : r.roleName()));
        return "Demo roles: aws sts assume-role --role-arn " + example.arn() + " --role-session-name me  (" + roles.size()
                + " roles under " + DemoPrincipals.PATH + ": " + String.join(", ", names) + ")";
    }

    static Map<String, Duration> parseLatency(List<String> specs) {
        Map<String, Duration> out = new HashMap<>();
        for (String spec : specs) {
            String s = spec.trim();
            if (s.isEmpty()) continue;
            int eq = s.indexOf('=');
            String region = eq < 0 ? "*" : s.substring(0, eq);
            String millis = eq < 0 ? s : s.substring(eq + 1);
            try {
                out.put(region, Duration.ofMillis(Long.parseLong(millis.replace("ms", ""))));
            } catch (NumberFormatException e) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(new ServeCommand()),
                        "--latency takes milliseconds, e.g. 50 or us-east-1=80; got '" + spec + "'");
            }
        }
        return out;
    }
}
