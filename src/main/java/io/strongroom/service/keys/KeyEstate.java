package io.strongroom.service.keys;

import io.strongroom.domain.KeyInfo;
import io.strongroom.domain.ScopeError;
import io.strongroom.domain.SecretSummary;

import java.util.List;
import java.util.Map;

/**
 * The KMS keys and the secrets of the chosen scopes, read together so that each key can say which
 * secrets use it. A scope whose keys or secrets could not be listed is among {@code problems}; the
 * other scopes are complete.
 *
 * @param secretCounts how many listed secrets each key encrypts, by {@link KeyUsage#idOf}
 */
public record KeyEstate(List<KeyInfo> keys, List<SecretSummary> secrets, Map<String, Integer> secretCounts,
                        List<ScopeError> problems) {

    public KeyEstate {
        keys = List.copyOf(keys);
        secrets = List.copyOf(secrets);
        secretCounts = Map.copyOf(secretCounts);
        problems = List.copyOf(problems);
    }

    public static final KeyEstate EMPTY = new KeyEstate(List.of(), List.of(), Map.of(), List.of());

    public int secretsUsing(KeyInfo key) {
        return secretCounts.getOrDefault(KeyUsage.idOf(key), 0);
    }

    public KeyImpact impactOf(KeyInfo key) {
        return KeyImpact.of(key, secrets);
    }

    /** This estate with {@code key} replaced by its newer description (same key ARN). */
    public KeyEstate withKey(KeyInfo key) {
        List<KeyInfo> replaced = keys.stream().map(k -> KeyUsage.idOf(k).equals(KeyUsage.idOf(key)) ? key : k).toList();
        return new KeyEstate(replaced, secrets, secretCounts, problems);
    }
}
