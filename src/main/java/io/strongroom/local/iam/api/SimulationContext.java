package io.strongroom.local.iam.api;

import io.strongroom.local.iam.IamErrors;
import io.strongroom.local.policy.ConditionContext;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The {@code ContextEntries} of a simulation: each a key name (5 to 256 characters, as the model
 * has it), its values and their type (the model's {@code ContextKeyTypeEnum}; {@code string}
 * when left out). Values are checked against their type, so a simulation never silently compares
 * a date with text: a value that is not of its type, or several values for a single-valued type,
 * is {@code InvalidInput}. The last entry for a key wins.
 *
 * <p>Not observed on AWS: the wording of those InvalidInput messages, and whether AWS defaults a
 * missing type; both are this store's choices.
 */
final class SimulationContext {

    static final List<String> TYPES = List.of("string", "stringList", "numeric", "numericList", "boolean", "booleanList",
            "ip", "ipList", "binary", "binaryList", "date", "dateList");
    private static final IamRequest.Spec KEY_NAME = IamRequest.Spec.of(5, 256, null);
    private static final Pattern IP = Pattern.compile("[0-9A-Fa-f.:]+(/[0-9]{1,3})?");

    private SimulationContext() {
    }

    /**
     * Reads the entries, checking the model's constraints with the rest of the request; the
     * supplier, called once {@code r.done()} passed, checks their values and gives the context.
     */
    static Supplier<ConditionContext> read(IamRequest r) {
        ConditionContext.Builder context = ConditionContext.builder();
        List<Runnable> checks = new ArrayList<>();
        for (int i = 1; r.has("ContextEntries.member." + i + "."); i++) {
            String at = "ContextEntries.member." + i + ".";
            String shownAt = "contextEntries." + i + ".member.";
            String name = r.nested(at + "ContextKeyName", shownAt + "contextKeyName", KEY_NAME);
            String type = r.nestedOneOf(at + "ContextKeyType", shownAt + "contextKeyType", TYPES);
            List<String> values = new ArrayList<>();
            for (int v = 1; r.raw(at + "ContextKeyValues.member." + v) != null; v++) {
                values.add(r.raw(at + "ContextKeyValues.member." + v));
            }
            checks.add(() -> {
                if (name == null) {
                    throw IamErrors.invalidInput("Each context entry needs a ContextKeyName.");
                }
                String kind = type == null ? "stringList" : type;
                checkValues(name, kind, values);
                context.put(name, values);
            });
        }
        return () -> {
            checks.forEach(Runnable::run);
            return context.build();
        };
    }

    private static void checkValues(String name, String type, List<String> values) {
        boolean list = type.endsWith("List");
        if (!list && values.size() > 1) {
            throw IamErrors.invalidInput("The context key " + name + " of type " + type + " takes one value; "
                    + values.size() + " were given.");
        }
        String base = list ? type.substring(0, type.length() - 4) : type;
        for (String value : values) {
            if (!ofType(base, value)) {
                throw IamErrors.invalidInput("The value " + value + " of context key " + name + " is not of type " + type + ".");
            }
        }
    }

    private static boolean ofType(String type, String value) {
        try {
            switch (type) {
                case "numeric" -> new BigDecimal(value.trim());
                case "boolean" -> {
                    String v = value.toLowerCase(Locale.ROOT);
                    return v.equals("true") || v.equals("false");
                }
                case "date" -> {
                    return date(value);
                }
                case "ip" -> {
                    return IP.matcher(value).matches();
                }
                case "binary" -> Base64.getDecoder().decode(value);
                default -> {
                    return true;
                }
            }
            return true;
        } catch (IllegalArgumentException notOfType) {
            return false;
        }
    }

    /** An ISO 8601 date-time (with or without its offset, UTC assumed) or seconds since the epoch. */
    private static boolean date(String value) {
        try {
            OffsetDateTime.parse(value);
            return true;
        } catch (DateTimeParseException notOffset) {
            try {
                Instant.parse(value);
                return true;
            } catch (DateTimeParseException notInstant) {
                return value.matches("[0-9]{1,12}") || value.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}");
            }
        }
    }
}
