package io.strongroom.app;

import io.strongroom.cli.StrongroomCommand;

/**
 * The plain {@code main} the jar and {@code mvn exec:java} start. It is deliberately not the
 * JavaFX {@code Application}: a classpath launch of an Application subclass fails without
 * JavaFX on the module path, while this class can start either the console (no subcommand) or a
 * headless command ({@code serve}, {@code inventory}).
 */
public final class Launcher {

    /** What the console does on a fresh store. The demo estate plugs in here: {@code DemoEstate::seed}. */
    /** A new data directory starts with the demo estate, labelled and removable (DemoEstate). */
    static final FirstRun FIRST_RUN = io.strongroom.local.demo.DemoEstate::seed;

    private Launcher() {}

    public static void main(String[] args) {
        int exit;
        try (Composition composition = new Composition()) {
            exit = StrongroomCommand.run(composition, options -> StrongroomApp.launch(composition, options, FIRST_RUN), args);
        }
        System.exit(exit);
    }
}
