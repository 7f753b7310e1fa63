package io.strongroom.cli;

import io.strongroom.local.DataDirectory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** The {@code strongroom} command and its subcommands. */
@Command(name = "strongroom", mixinStandardHelpOptions = true, versionProvider = StrongroomCommand.Version.class,
        description = "Strongroom: every secret across accounts and regions, and an embedded local secret store. "
                + "Without a command, opens the console on the embedded store.",
        subcommands = {ServeCommand.class, InventoryCommand.class, PolicyCommand.class, RotationCommand.class, ReplicationCommand.class, AuditCommand.class})
public final class StrongroomCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--read-only", description = "Open the console in read-only mode: nothing can be changed (for auditors).")
    boolean readOnly;

    @Option(names = "--data-dir", description = "The embedded store's data directory (default: $" + DataDirectory.ENV
            + " or the per-user data directory).")
    String dataDir;

    private final ConsoleOptions.Opener console;

    StrongroomCommand(ConsoleOptions.Opener console) {
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        return console.open(new ConsoleOptions(readOnly, dataDir));
    }

    /** Runs a command line; without a subcommand, {@code console} opens the window. */
    public static int run(Backends backends, ConsoleOptions.Opener console, String... args) {
        return run(backends, console, new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int run(Backends backends, PrintWriter out, PrintWriter err, String... args) {
        return run(backends, options -> {
            err.println("strongroom: this build has no console; use 'strongroom serve' or 'strongroom inventory'");
            return 1;
        }, out, err, args);
    }

    public static int run(Backends backends, ConsoleOptions.Opener console, PrintWriter out, PrintWriter err, String... args) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine cli = new CommandLine(new StrongroomCommand(console), new CommandLine.IFactory() {
            @Override
            @SuppressWarnings("unchecked")
            public <K> K create(Class<K> type) throws Exception {
                if (type == InventoryCommand.class) {
                    return (K) new InventoryCommand(backends);
                }
                if (type == RotationCommand.class) {
                    return (K) new RotationCommand(backends);
                }
                if (type == ReplicationCommand.class) {
                    return (K) new ReplicationCommand(backends);
                }
                if (type == PolicyCheckCommand.class) {
                    return (K) new PolicyCheckCommand(backends);
                }
                if (type == PolicyValidateCommand.class) {
                    return (K) new PolicyValidateCommand(backends);
                }
                return defaults.create(type);
            }
        });
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("strongroom: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return 1;
        });
        return cli.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"strongroom " + io.strongroom.platform.AppVersion.current()};
        }
    }
}
