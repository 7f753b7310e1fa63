package io.strongroom.service.keys;

import io.strongroom.domain.KeyInfo;
import io.strongroom.domain.SecretSummary;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What disabling a key, scheduling its deletion or narrowing its policy would do to the secrets
 * listed: the secrets it encrypts become unreadable (GetSecretValue fails with DecryptionFailure)
 * and unwritable, replicas among them included; the replicas of those secrets in other regions are
 * encrypted with their own region's keys and stay readable, but no longer receive the primary's
 * new values while the primary cannot be read.
 *
 * @param unreadable   the secrets the key encrypts, by region then name
 * @param staleReplicas replicas, in other regions, of the unreadable secrets that are primaries
 */
public record KeyImpact(KeyInfo key, List<SecretSummary> unreadable, List<SecretSummary> staleReplicas) {

    private static final Comparator<SecretSummary> ORDER =
            Comparator.comparing(SecretSummary::region).thenComparing(s -> s.name() == null ? "" : s.name());

    public KeyImpact {
        Objects.requireNonNull(key, "key");
        unreadable = unreadable.stream().sorted(ORDER).toList();
        staleReplicas = staleReplicas.stream().sorted(ORDER).toList();
    }

    /** The impact of a change to {@code key} on the secrets of {@code listed} (every scope the console lists). */
    public static KeyImpact of(KeyInfo key, Collection<SecretSummary> listed) {
        List<SecretSummary> unreadable = KeyUsage.secretsUsing(key, listed);
        Set<String> primaries = unreadable.stream().filter(s -> !s.isReplica()).map(SecretSummary::name).collect(Collectors.toSet());
        List<SecretSummary> stale = listed.stream()
                .filter(s -> s.isReplica() && key.scope().region().equals(s.primaryRegion())
                        && key.scope().accountId().equals(s.accountId()) && primaries.contains(s.name()))
                .toList();
        return new KeyImpact(key, unreadable, stale);
    }

    /** The unreadable secrets grouped by region, regions in order. */
    public Map<String, List<SecretSummary>> unreadableByRegion() {
        return byRegion(unreadable);
    }

    public Map<String, List<SecretSummary>> staleReplicasByRegion() {
        return byRegion(staleReplicas);
    }

    public int regionCount() {
        return unreadableByRegion().size();
    }

    /** How many of the unreadable secrets are replicas themselves. */
    public long replicaCount() {
        return unreadable.stream().filter(SecretSummary::isReplica).count();
    }

    public boolean isEmpty() {
        return unreadable.isEmpty() && staleReplicas.isEmpty();
    }

    private static Map<String, List<SecretSummary>> byRegion(List<SecretSummary> secrets) {
        return secrets.stream().collect(Collectors.groupingBy(SecretSummary::region, TreeMap::new, Collectors.toList()));
    }
}
