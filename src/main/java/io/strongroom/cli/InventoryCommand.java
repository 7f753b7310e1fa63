package io.strongroom.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code strongroom inventory}: every secret across the chosen scopes. */
@Command(name = "inventory", mixinStandardHelpOptions = true, description = "List secrets across accounts and regions.")
public final class InventoryCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 2;
    }
}
