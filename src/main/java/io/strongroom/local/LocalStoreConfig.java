package io.strongroom.local;

import io.strongroom.local.http.HttpLimits;
import io.strongroom.local.iam.AccountIds;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How to run an embedded store.
 *
 * @param dataDir          where the database and root key live
 * @param port             the loopback port, 0 for an ephemeral one
 * @param clock            the store's time: resource dates, deletion windows, audit times; tests move it
 * @param latencyByRegion  simulated latency added to each request, by region ({@code "*"} for all)
 * @param enforceQuotas    refuse calls over AWS's per-account, per-region request quotas
 * @param workerThreads    request threads; with simulated latency, more threads keep parallel callers parallel
 * @param httpLimits       how long the listener waits for a caller, and how many connections it keeps
 * @param accountIds       the accounts' IDs for a new data directory, one account each, in order (empty: the
 *                         default accounts with random IDs); a data directory that has accounts keeps them, and
 *                         other IDs are refused (see {@link io.strongroom.local.iam.Accounts#open})
 * @param rotationCommands external-command rotation functions: a function name and the program (with its first
 *                         arguments) that runs its setSecret and testSecret steps
 *                         (see {@link io.strongroom.local.rotation.ExternalCommandFunction})
 */
public record LocalStoreConfig(Path dataDir, int port, Clock clock, Map<String, Duration> latencyByRegion,
                               boolean enforceQuotas, int workerThreads, HttpLimits httpLimits, List<String> accountIds,
                               Map<String, List<String>> rotationCommands) {

    public LocalStoreConfig {
        latencyByRegion = Map.copyOf(latencyByRegion);
        accountIds = AccountIds.validate(accountIds);
        rotationCommands = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rotationCommands));
        java.util.Objects.requireNonNull(httpLimits, "httpLimits");
        if (workerThreads < 1) {
            throw new IllegalArgumentException("workerThreads must be at least 1");
        }
    }

    public static LocalStoreConfig defaults(Path dataDir) {
        return new LocalStoreConfig(dataDir, 0, Clock.systemUTC(), Map.of(), false, 32, HttpLimits.defaults(), List.of(), Map.of());
    }

    public LocalStoreConfig withPort(int port) {
        return new LocalStoreConfig(dataDir, port, clock, latencyByRegion, enforceQuotas, workerThreads, httpLimits, accountIds, rotationCommands);
    }

    public LocalStoreConfig withClock(Clock clock) {
        return new LocalStoreConfig(dataDir, port, clock, latencyByRegion, enforceQuotas, workerThreads, httpLimits, accountIds, rotationCommands);
    }

    public LocalStoreConfig withLatency(Map<String, Duration> latencyByRegion) {
        return new LocalStoreConfig(dataDir, port, clock, latencyByRegion, enforceQuotas, workerThreads, httpLimits, accountIds, rotationCommands);
    }

    public LocalStoreConfig withQuotas(boolean enforceQuotas) {
        return new LocalStoreConfig(dataDir, port, clock, latencyByRegion, enforceQuotas, workerThreads, httpLimits, accountIds, rotationCommands);
    }

    public LocalStoreConfig withWorkerThreads(int workerThreads) {
        return new LocalStoreConfig(dataDir, port, clock, latencyByRegion, enforceQuotas, workerThreads, httpLimits, accountIds, rotationCommands);
    }

    public LocalStoreConfig withHttpLimits(HttpLimits limits) {
        return new LocalStoreConfig(dataDir, port, clock, latencyByRegion, enforceQuotas, workerThreads, limits, accountIds, rotationCommands);
    }

    /** {@code ids}: valid, distinct 12-digit IDs (see {@link AccountIds#validate}), or empty for random ones. */
    public LocalStoreConfig withAccountIds(List<String> ids) {
        return new LocalStoreConfig(dataDir, port, clock, latencyByRegion, enforceQuotas, workerThreads, httpLimits, ids, rotationCommands);
    }

    /** Adds the external-command rotation functions {@code commands} (function name to program and arguments). */
    public LocalStoreConfig withRotationCommands(Map<String, List<String>> commands) {
        return new LocalStoreConfig(dataDir, port, clock, latencyByRegion, enforceQuotas, workerThreads, httpLimits, accountIds,
                commands);
    }
}
