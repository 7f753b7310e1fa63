package io.strongroom.local.policy;

import java.util.List;
import java.util.Locale;

/**
 * A Resource entry or condition value that may hold policy variables ({@code ${aws:username}},
 * {@code ${aws:PrincipalTag/team, 'none'}}, and the escapes {@code ${*}}, {@code ${?}},
 * {@code ${$}}). Without variables it is compiled once; with them it is resolved against the
 * request, and a variable the request lacks (with no default) makes the entry match nothing.
 */
final class ValuePattern {

    private final String raw;
    private final boolean ignoreCase;
    private final Wildcard compiled;

    private ValuePattern(String raw, boolean ignoreCase, Wildcard compiled) {
        this.raw = raw;
        this.ignoreCase = ignoreCase;
        this.compiled = compiled;
    }

    static ValuePattern of(String raw, boolean ignoreCase, boolean wildcards) {
        return of(raw, ignoreCase, wildcards, true);
    }

    /** As above; without {@code variables} (a policy older than 2012-10-17) {@code ${...}} is literal text. */
    static ValuePattern of(String raw, boolean ignoreCase, boolean wildcards, boolean variables) {
        if (variables && raw.contains("${")) {
            return new ValuePattern(raw, ignoreCase, null);
        }
        Wildcard compiled = wildcards ? Wildcard.of(raw, ignoreCase) : Wildcard.builder(ignoreCase).literal(raw).build();
        return new ValuePattern(raw, ignoreCase, compiled);
    }

    String raw() {
        return raw;
    }

    /** The pattern for this request, or null when a variable it uses has no value. */
    Wildcard resolve(AccessRequest request, boolean wildcards) {
        if (compiled != null) {
            return compiled;
        }
        Wildcard.Builder builder = Wildcard.builder(ignoreCase);
        int at = 0;
        while (at < raw.length()) {
            int open = raw.indexOf("${", at);
            int close = open < 0 ? -1 : raw.indexOf('}', open);
            if (open < 0 || close < 0) {
                text(builder, raw.substring(at), wildcards);
                break;
            }
            text(builder, raw.substring(at, open), wildcards);
            String value = variable(raw.substring(open + 2, close), request);
            if (value == null) {
                return null;
            }
            builder.literal(value);
            at = close + 1;
        }
        return builder.build();
    }

    private static void text(Wildcard.Builder builder, String text, boolean wildcards) {
        if (wildcards) {
            builder.pattern(text);
        } else {
            builder.literal(text);
        }
    }

    private static String variable(String body, AccessRequest request) {
        String name = body.trim();
        if (name.equals("*") || name.equals("?") || name.equals("$")) {
            return name;
        }
        String fallback = null;
        int comma = name.indexOf(',');
        if (comma >= 0) {
            String dflt = name.substring(comma + 1).trim();
            if (dflt.length() >= 2 && dflt.startsWith("'") && dflt.endsWith("'")) {
                fallback = dflt.substring(1, dflt.length() - 1);
            }
            name = name.substring(0, comma).trim();
        }
        List<String> values = request.values(name.toLowerCase(Locale.ROOT));
        // A multivalued key cannot stand in for one value.
        return values != null && values.size() == 1 ? values.get(0) : fallback;
    }
}
