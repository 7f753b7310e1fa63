package io.strongroom.cli;

import io.strongroom.local.DataDirectory;
import io.strongroom.local.audit.AuditVerifier;
import io.strongroom.local.crypto.RootKey;
import io.strongroom.local.storage.Database;
import io.strongroom.local.storage.StorageException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code strongroom audit}: the embedded store's audit trail, from the command line.
 *
 * <p>Exit codes, as {@link PolicyCommand}'s: 0 the trail is intact; 1 it is not (a chain does not
 * verify); 2 bad input (a bad option, a data directory with no store); 3 the check could not run
 * (the root key is missing or is not this store's, the database cannot be read or is of another
 * schema version).
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "The embedded store's audit trail.",
        subcommands = {AuditCommand.Verify.class})
public final class AuditCommand implements Callable<Integer> {

    static final int INTACT = 0;
    static final int NOT_INTACT = 1;
    static final int BAD_INPUT = 2;
    static final int NOT_RUN = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return BAD_INPUT;
    }

    /**
     * {@code strongroom audit verify}: checks every chain of the trail (each event's MAC and link,
     * each chain's head and count, the list of chains) and prints, per account and region, how
     * many events verified, and the first event that does not, with how it looks (edited, removed,
     * inserted). Reads the database read-only, without the store's lock: it works on a stopped
     * store, a killed one, and beside a running one.
     */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Verify the embedded store's tamper-evident audit trail: every chain, every event. "
                    + "Exit 0 intact, 1 not intact, 2 bad input, 3 could not verify.")
    public static final class Verify implements Callable<Integer> {

        @Option(names = "--data-dir", description = "The store's data directory (default: $" + DataDirectory.ENV
                + " or the per-user data directory).")
        String dataDir;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Path dir = DataDirectory.resolve(dataDir);
            Path database = dir.resolve("strongroom.db");
            if (!Files.isRegularFile(database)) {
                err.println("strongroom audit verify: there is no store in " + dir + " (no strongroom.db); give its --data-dir");
                err.flush();
                return BAD_INPUT;
            }
            try {
                RootKey rootKey = RootKey.load(dir.resolve("root.key"));
                AuditVerifier.Report report = Database.readOnly(database, c -> {
                    int version = Database.schemaVersion(c);
                    if (version < AuditVerifier.FIRST_CHAINED_SCHEMA || version > Database.SCHEMA_VERSION) {
                        throw new NotVerifiable(version < AuditVerifier.FIRST_CHAINED_SCHEMA
                                ? "the store has schema version " + version + ", from before its trail was chained; start it once "
                                        + "with this version of Strongroom (strongroom serve) to chain the events it holds"
                                : "the store has schema version " + version + ", newer than this Strongroom understands ("
                                        + Database.SCHEMA_VERSION + ")");
                    }
                    if (!rootKey.opensCheck(RootKey.storedCheck(c))) {
                        throw new NotVerifiable("the root key in " + dir + " is not the one this store was made with; without it "
                                + "nothing can be verified");
                    }
                    return AuditVerifier.verify(c, rootKey);
                });
                print(out, database, report);
                out.flush();
                return report.intact() ? INTACT : NOT_INTACT;
            } catch (NotVerifiable | IllegalStateException | StorageException | java.io.UncheckedIOException e) {
                err.println("strongroom audit verify: could not verify: " + e.getMessage());
                err.flush();
                return NOT_RUN;
            }
        }

        private static void print(PrintWriter out, Path database, AuditVerifier.Report report) {
            out.println("Audit trail of " + database.toAbsolutePath());
            long events = 0;
            int broken = 0;
            for (AuditVerifier.ChainResult chain : report.chains()) {
                events += chain.verified();
                String where = String.format(Locale.ROOT, "  %-12s  %-15s  ", orDash(chain.accountId()), orDash(chain.region()));
                String purged = chain.purged() == 0 ? "" : " (after " + chain.purged() + " purged by retention)";
                if (chain.intact()) {
                    out.println(where + "intact: " + chain.verified() + " events verified" + purged);
                } else {
                    broken++;
                    out.println(where + "NOT INTACT: " + chain.verified() + " events verified" + purged + ", then:");
                    out.println("      " + describe(chain.failure()));
                }
            }
            for (String problem : report.problems()) {
                out.println("  NOT INTACT: " + problem);
            }
            out.println(report.intact()
                    ? "Intact: " + events + " events in " + report.chains().size() + " chains verified."
                    : "NOT INTACT: " + broken + " of " + report.chains().size() + " chains do not verify"
                            + (report.problems().isEmpty() ? "" : "; " + report.problems().size() + " other problems") + ".");
        }

        /** "event ID (seq N) at TIME, NAME: looks edited: why", with what is known of the event. */
        static String describe(AuditVerifier.Failure f) {
            String looks = "looks " + f.kind().name().toLowerCase(Locale.ROOT);
            if (f.eventId() == null && f.seq() == null) {
                return looks + ": " + f.detail();
            }
            StringBuilder s = new StringBuilder("first event that does not verify: event ").append(f.eventId())
                    .append(" (seq ").append(f.seq()).append(")");
            if (f.time() != null) {
                s.append(" at ").append(f.time());
            }
            if (f.eventName() != null) {
                s.append(", ").append(f.eventName());
            }
            return s.append(": ").append(looks).append(": ").append(f.detail()).toString();
        }

        private static String orDash(String s) {
            return s == null || s.isEmpty() ? "-" : s;
        }
    }

    /** The trail cannot be verified at all (not: it does not verify). */
    private static final class NotVerifiable extends RuntimeException {
        NotVerifiable(String message) {
            super(message);
        }
    }
}
