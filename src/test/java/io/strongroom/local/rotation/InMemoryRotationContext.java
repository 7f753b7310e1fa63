package io.strongroom.local.rotation;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A secret's versions and stages in memory, with Secrets Manager's rules for the calls a rotation
 * function makes: one version per stage, AWSCURRENT moving to the token's version at finish with
 * the old one becoming AWSPREVIOUS. Other secrets of the "account" and tags are set by the test.
 */
final class InMemoryRotationContext implements RotationContext {

    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    private static final String DIGITS = "0123456789";
    /** GetRandomPassword's punctuation. */
    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private final String arn;
    private final SecureRandom random = new SecureRandom();
    /** Version ID to value and stages, in the order they were added. */
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, Set<String>> stages = new LinkedHashMap<>();
    private final Map<String, String> others = new HashMap<>();
    private final Map<String, String> tags = new HashMap<>();
    private final Deque<String> scriptedPasswords = new ArrayDeque<>();
    private String token;

    InMemoryRotationContext(String arn, String currentValue) {
        this.arn = arn;
        String first = UUID.randomUUID().toString();
        values.put(first, currentValue);
        stages.put(first, new LinkedHashSet<>(Set.of("AWSCURRENT")));
        this.token = UUID.randomUUID().toString();
    }

    // ---- what a test sets up ----------------------------------------------------------------

    /** Starts a new rotation: a fresh token, as RotateSecret gives. */
    InMemoryRotationContext newToken() {
        token = UUID.randomUUID().toString();
        return this;
    }

    /** Another secret of the account, readable through {@link #otherSecret}. */
    InMemoryRotationContext withOtherSecret(String id, String value) {
        others.put(id, value);
        return this;
    }

    InMemoryRotationContext withTag(String key, String value) {
        tags.put(key, value);
        return this;
    }

    /** The next {@link #randomPassword} answer, whatever the rules: for passwords a test needs to be awkward. */
    InMemoryRotationContext withNextPassword(String password) {
        scriptedPasswords.add(password);
        return this;
    }

    /** Adds a version with these stages, taking them from any version that had them. */
    InMemoryRotationContext withVersion(String value, String... stagesOfIt) {
        String id = UUID.randomUUID().toString();
        values.put(id, value);
        stages.put(id, new LinkedHashSet<>());
        for (String s : stagesOfIt) {
            moveStage(s, id);
        }
        return this;
    }

    /** Runs the four steps, as the store does for one rotation, with a fresh token. */
    void rotate(RotationFunction f) throws RotationException {
        newToken();
        for (RotationStep step : RotationStep.values()) {
            f.run(step, this);
        }
    }

    /** The version IDs carrying {@code stage} (one at most, by Secrets Manager's rules). */
    Set<String> versionsAt(String stage) {
        Set<String> ids = new LinkedHashSet<>();
        stages.forEach((id, s) -> {
            if (s.contains(stage)) {
                ids.add(id);
            }
        });
        return ids;
    }

    // ---- RotationContext ----------------------------------------------------------------------

    @Override
    public String secretArn() {
        return arn;
    }

    @Override
    public String token() {
        return token;
    }

    @Override
    public Optional<String> valueAt(String stage) {
        return versionsAt(stage).stream().findFirst().map(values::get);
    }

    @Override
    public Optional<String> pendingValue() {
        return stages.getOrDefault(token, Set.of()).contains("AWSPENDING") ? Optional.of(values.get(token)) : Optional.empty();
    }

    @Override
    public void putPending(String secretString) throws RotationException {
        if (values.containsKey(token)) {
            if (!values.get(token).equals(secretString)) {
                throw new RotationException("version " + token + " already exists with another value");
            }
        } else {
            values.put(token, secretString);
            stages.put(token, new LinkedHashSet<>());
        }
        moveStage("AWSPENDING", token);
    }

    @Override
    public void finish() throws RotationException {
        if (!values.containsKey(token)) {
            throw new RotationException("no version " + token);
        }
        if (stages.get(token).contains("AWSCURRENT")) {
            return;
        }
        String old = versionsAt("AWSCURRENT").stream().findFirst().orElse(null);
        moveStage("AWSCURRENT", token);
        stages.get(token).remove("AWSPENDING");
        if (old != null) {
            moveStage("AWSPREVIOUS", old);
        }
    }

    @Override
    public Optional<String> otherSecret(String secretId) {
        return Optional.ofNullable(others.get(secretId));
    }

    @Override
    public Map<String, String> tags() {
        return Map.copyOf(tags);
    }

    @Override
    public String randomPassword(int length, String excludeCharacters) throws RotationException {
        if (!scriptedPasswords.isEmpty()) {
            return scriptedPasswords.poll();
        }
        String[] classes = {UPPER, LOWER, DIGITS, PUNCTUATION};
        StringBuilder all = new StringBuilder();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < classes.length; i++) {
            String allowed = without(classes[i], excludeCharacters);
            classes[i] = allowed;
            all.append(allowed);
        }
        if (all.isEmpty() || length < 4) {
            throw new RotationException("no password of " + length + " characters can be made without " + excludeCharacters);
        }
        for (String c : classes) {
            if (!c.isEmpty()) {
                password.append(c.charAt(random.nextInt(c.length())));
            }
        }
        while (password.length() < length) {
            password.append(all.charAt(random.nextInt(all.length())));
        }
        // the one-of-each characters must not always lead
        for (int i = password.length() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            char t = password.charAt(i);
            password.setCharAt(i, password.charAt(j));
            password.setCharAt(j, t);
        }
        return password.toString();
    }

    private static String without(String chars, String excluded) {
        StringBuilder b = new StringBuilder();
        for (char c : chars.toCharArray()) {
            if (excluded.indexOf(c) < 0) {
                b.append(c);
            }
        }
        return b.toString();
    }

    private void moveStage(String stage, String toVersion) {
        stages.values().forEach(s -> s.remove(stage));
        stages.get(toVersion).add(stage);
    }
}
