package io.strongroom.ui.replication;

import io.strongroom.domain.ReplicaStatus;
import io.strongroom.domain.ReplicatedSecret;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The replication map worked out from the secrets delivered: one row per primary (the latest
 * delivery of a primary wins; two deliveries of an unreadable primary seen through different
 * replicas are merged), the regions that hold a replica (the map's columns), and the counts of
 * InSync, InProgress and Failed replicas per scope (the replicas' account and region). Pure: no
 * JavaFX, no service.
 */
public final class ReplicationMap {

    /** The replicas of one account in one region, counted by status. */
    public record ScopeCount(String accountAlias, String accountId, String region, int inSync, int inProgress, int failed) {
        public int total() {
            return inSync + inProgress + failed;
        }
    }

    /** Failures first, then by name, account and primary region. */
    public static final Comparator<ReplicationRow> ORDER = Comparator.comparingInt(ReplicationRow::rank)
            .thenComparing(ReplicationRow::name, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(r -> String.valueOf(r.accountId()))
            .thenComparing(ReplicationRow::primaryRegion);

    private final Map<String, ReplicatedSecret> byArn = new LinkedHashMap<>();

    /** Adds or replaces the secrets delivered. */
    public void put(Collection<ReplicatedSecret> secrets) {
        for (ReplicatedSecret s : secrets) {
            ReplicatedSecret was = byArn.get(s.arn());
            byArn.put(s.arn(), was != null && was.primaryError() != null && s.primaryError() != null ? merged(was, s) : s);
        }
    }

    public void clear() {
        byArn.clear();
    }

    public ReplicatedSecret get(String arn) {
        return byArn.get(arn);
    }

    public List<ReplicatedSecret> secrets() {
        return List.copyOf(byArn.values());
    }

    /** The rows, failures first. */
    public List<ReplicationRow> rows() {
        return byArn.values().stream().map(ReplicationRow::new).sorted(ORDER).toList();
    }

    /** The regions that hold at least one replica, sorted. */
    public List<String> regions() {
        TreeSet<String> regions = new TreeSet<>();
        byArn.values().forEach(s -> s.replicas().forEach(r -> regions.add(r.region())));
        return List.copyOf(regions);
    }

    /** Per account and replica region: how many replicas are InSync, InProgress and Failed; scopes with failures first. */
    public List<ScopeCount> counts() {
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, String[]> names = new TreeMap<>();
        for (ReplicatedSecret s : byArn.values()) {
            for (ReplicaStatus r : s.replicas()) {
                String key = s.primaryScope().accountAlias() + "\u0000" + s.primaryScope().accountId() + "\u0000" + r.region();
                names.putIfAbsent(key, new String[] {s.primaryScope().accountAlias(), s.primaryScope().accountId(), r.region()});
                int[] c = counts.computeIfAbsent(key, k -> new int[3]);
                if (ReplicatedSecret.IN_SYNC.equals(r.status())) {
                    c[0]++;
                } else if (ReplicatedSecret.IN_PROGRESS.equals(r.status())) {
                    c[1]++;
                } else if (ReplicatedSecret.FAILED.equals(r.status())) {
                    c[2]++;
                }
            }
        }
        List<ScopeCount> out = new ArrayList<>();
        counts.forEach((k, c) -> {
            String[] n = names.get(k);
            out.add(new ScopeCount(n[0], n[1], n[2], c[0], c[1], c[2]));
        });
        out.sort(Comparator.comparingInt((ScopeCount c) -> c.failed() > 0 ? 0 : c.inProgress() > 0 ? 1 : 2));
        return out;
    }

    /** Whether any replica is still InProgress. */
    public boolean anyInProgress() {
        return byArn.values().stream().anyMatch(ReplicatedSecret::anyInProgress);
    }

    private static ReplicatedSecret merged(ReplicatedSecret a, ReplicatedSecret b) {
        Map<String, ReplicaStatus> replicas = new LinkedHashMap<>();
        a.replicas().forEach(r -> replicas.put(r.region(), r));
        b.replicas().forEach(r -> replicas.put(r.region(), r));
        return new ReplicatedSecret(b.primaryScope(), b.arn(), b.name(), b.kmsKeyId(), List.copyOf(replicas.values()),
                b.primaryChosen(), b.primaryError());
    }
}
