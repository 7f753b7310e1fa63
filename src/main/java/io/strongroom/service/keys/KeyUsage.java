package io.strongroom.service.keys;

import io.strongroom.domain.KeyInfo;
import io.strongroom.domain.SecretSummary;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which secrets a KMS key encrypts, worked out from a listing (no calls). A secret names its key
 * as Secrets Manager keeps it: a key ID, a key ARN, an alias name ({@code alias/x}) or an alias
 * ARN, or nothing, which means the AWS managed key {@code aws/secretsmanager} of the secret's own
 * account and region. A secret can only use a key of its own account and region (Secrets Manager
 * asks KMS in the secret's region), so a replica, which lives in another region than its primary,
 * is encrypted with a key of the replica's region.
 */
public final class KeyUsage {

    /** The alias of the AWS managed key Secrets Manager uses when a secret names none. */
    public static final String SECRETS_MANAGER_ALIAS = "alias/aws/secretsmanager";

    private KeyUsage() {}

    /** Whether {@code secret} is encrypted with {@code key}. */
    public static boolean uses(KeyInfo key, SecretSummary secret) {
        if (!key.scope().accountId().equals(secret.accountId()) || !key.scope().region().equals(secret.region())) {
            return false;
        }
        String ref = secret.kmsKeyId();
        if (ref == null || ref.isBlank()) {
            return key.aliases().contains(SECRETS_MANAGER_ALIAS);
        }
        if (ref.startsWith("arn:")) {
            // arn:aws:kms:<region>:<account>:key/<id> or ...:alias/<name>
            String[] parts = ref.split(":", 6);
            if (parts.length < 6 || !parts[3].equals(secret.region()) || !parts[4].equals(secret.accountId())) {
                return false;
            }
            String resource = parts[5];
            if (resource.startsWith("key/")) {
                return resource.substring(4).equals(key.keyId());
            }
            return resource.startsWith("alias/") && key.aliases().contains(resource);
        }
        if (ref.startsWith("alias/")) {
            return key.aliases().contains(ref);
        }
        return ref.equals(key.keyId());
    }

    /** The secrets of {@code secrets} that {@code key} encrypts, in the order given. */
    public static List<SecretSummary> secretsUsing(KeyInfo key, Collection<SecretSummary> secrets) {
        return secrets.stream().filter(s -> uses(key, s)).toList();
    }

    /**
     * For every key, how many of {@code secrets} it encrypts, by key ARN (a key without an ARN by its
     * ID). Secrets are grouped by scope first, so this is linear in keys plus secrets per scope.
     */
    public static Map<String, Integer> counts(Collection<KeyInfo> keys, Collection<SecretSummary> secrets) {
        Map<String, List<SecretSummary>> byScope = new HashMap<>();
        for (SecretSummary s : secrets) {
            byScope.computeIfAbsent(s.scope().id(), k -> new ArrayList<>()).add(s);
        }
        Map<String, Integer> counts = new HashMap<>();
        for (KeyInfo key : keys) {
            List<SecretSummary> inScope = byScope.getOrDefault(key.scope().id(), List.of());
            counts.put(idOf(key), (int) inScope.stream().filter(s -> uses(key, s)).count());
        }
        return counts;
    }

    /** The key in {@code keys} that encrypts {@code secret}, or null when it is not among them. */
    public static KeyInfo keyOf(SecretSummary secret, Collection<KeyInfo> keys) {
        return keys.stream().filter(k -> uses(k, secret)).findFirst().orElse(null);
    }

    /** How {@link #counts} names a key. */
    public static String idOf(KeyInfo key) {
        return key.arn() != null ? key.arn() : key.keyId();
    }
}
