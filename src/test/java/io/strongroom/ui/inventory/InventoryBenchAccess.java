package io.strongroom.ui.inventory;

import java.util.List;

/**
 * The benchmarks' way to the inventory's package-private hook for adding rows without a
 * backend ({@code io.strongroom.bench.ConsoleBenchmarks}: 100,000-row estates). Test sources only.
 */
public final class InventoryBenchAccess {

    private InventoryBenchAccess() {}

    /** Adds {@code batch} as one batch of arrived pages would be added (call on the FX thread). */
    public static void addRows(InventoryViewModel vm, List<SecretRow> batch) {
        vm.addRows(batch);
    }
}
