package io.strongroom.local.rotation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * {@code strongroom-random-value}: a new random password, as the whole value or inside a JSON
 * value, for secrets whose consumers read the value at use and have no server to update (API
 * tokens the application itself checks, signing keys). setSecret has no target to change;
 * testSecret checks that the pending value really differs from the current one.
 *
 * <p>Settings, from the secret's tags (the embedded store's counterpart of a rotation Lambda's
 * environment variables):
 * <ul>
 *   <li>{@value #JSON_KEY}: the key of the JSON value to replace; by default {@code password} when
 *       the current value is a JSON object holding it, otherwise the whole value is replaced;</li>
 *   <li>{@value #LENGTH}: the password's length, 1 to 4096 (default 32);</li>
 *   <li>{@value #EXCLUDE}: characters never used (default none);</li>
 *   <li>{@value #PREFIX}: text put before the password, for key formats that start with one
 *       ({@code sk_live_}, {@code ghp_}; default none).</li>
 * </ul>
 */
public final class RandomValueFunction extends TemplateFunction {

    public static final String NAME = "strongroom-random-value";
    public static final String JSON_KEY = "strongroom:rotation:json-key";
    public static final String LENGTH = "strongroom:rotation:password-length";
    public static final String EXCLUDE = "strongroom:rotation:exclude-characters";
    public static final String PREFIX = "strongroom:rotation:prefix";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Replaces the value, or one key of a JSON value, with a new random password (no target system).";
    }

    @Override
    protected String newValue(String current, RotationContext ctx) throws RotationException {
        Map<String, String> tags = ctx.tags();
        String password = tags.getOrDefault(PREFIX, "") + ctx.randomPassword(length(tags), tags.getOrDefault(EXCLUDE, ""));
        String key = tags.get(JSON_KEY);
        JsonNode parsed = parseObject(current);
        if (key == null) {
            if (parsed == null || !parsed.has("password")) {
                return password;
            }
            key = "password";
        }
        if (parsed == null) {
            throw new RotationException("The tag " + JSON_KEY + " names the key '" + key
                    + "', but the secret's current value is not a JSON object.");
        }
        ((ObjectNode) parsed).put(key, password);
        try {
            return JSON.writeValueAsString(parsed);
        } catch (JsonProcessingException e) {
            throw new RotationException("The new JSON value could not be written.");
        }
    }

    private static int length(Map<String, String> tags) throws RotationException {
        String given = tags.get(LENGTH);
        if (given == null) {
            return 32;
        }
        try {
            int n = Integer.parseInt(given.trim());
            if (n >= 1 && n <= 4096) {
                return n;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw new RotationException("The tag " + LENGTH + " must be a whole number from 1 to 4096, not '" + given + "'.");
    }

    /** The value as a JSON object, or null when it is not one. */
    static JsonNode parseObject(String value) {
        try {
            JsonNode n = JSON.readTree(value);
            return n != null && n.isObject() ? n : null;
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }

    @Override
    protected void setSecret(RotationContext ctx) {
        // No target system: the consumers read the value from the secret.
    }

    @Override
    protected void testSecret(RotationContext ctx) throws RotationException {
        String pending = pending(ctx);
        if (ctx.valueAt("AWSCURRENT").filter(pending::equals).isPresent()) {
            throw new RotationException("The pending value is the same as the current one.");
        }
    }
}
