package io.strongroom.app;

import io.strongroom.cli.StrongroomCommand;

/**
 * The plain {@code main} the jar and {@code mvn exec:java} start. It is deliberately not the
 * JavaFX {@code Application}: a classpath launch of an Application subclass fails without
 * JavaFX on the module path, while this class can start either the console or a headless
 * command.
 */
public final class Launcher {

    private Launcher() {}

    public static void main(String[] args) {
        int exit;
        try (Composition composition = new Composition()) {
            exit = StrongroomCommand.run(composition, args);
        }
        System.exit(exit);
    }
}
