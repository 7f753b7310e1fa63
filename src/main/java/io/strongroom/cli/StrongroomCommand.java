package io.strongroom.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** The {@code strongroom} command and its subcommands. */
@Command(name = "strongroom", mixinStandardHelpOptions = true, versionProvider = StrongroomCommand.Version.class,
        description = "Strongroom: every secret across accounts and regions, and an embedded local secret store.",
        subcommands = {ServeCommand.class, InventoryCommand.class})
public final class StrongroomCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        // The console arrives with the next release; until then the bare command serves the store.
        new CommandLine(new ServeCommand()).execute();
    }

    public static int run(Backends backends, String... args) {
        return run(backends, new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int run(Backends backends, PrintWriter out, PrintWriter err, String... args) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine cli = new CommandLine(new StrongroomCommand(), new CommandLine.IFactory() {
            @Override
            @SuppressWarnings("unchecked")
            public <K> K create(Class<K> type) throws Exception {
                return type == InventoryCommand.class ? (K) new InventoryCommand(backends) : defaults.create(type);
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
            String v = StrongroomCommand.class.getPackage().getImplementationVersion();
            return new String[] {"strongroom " + (v == null ? "development build" : v)};
        }
    }
}
