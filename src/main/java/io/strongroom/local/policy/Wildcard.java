package io.strongroom.local.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A compiled IAM wildcard: {@code *} matches any run of characters (colons and slashes
 * included), {@code ?} exactly one. Literal patterns and the lone {@code *} take a fast path;
 * the rest match greedily with one backtrack point, so a match is linear for the patterns
 * policies use and allocates nothing.
 */
final class Wildcard {

    private static final Wildcard ANY = new Wildcard(new char[] {'*'}, new boolean[] {true}, true);

    private final char[] chars;
    /** Whether {@code chars[i]} is a wildcard, not a literal (a substituted variable is literal). */
    private final boolean[] wild;
    private final boolean ignoreCase;
    private final boolean literal;
    private final String literalText;

    private Wildcard(char[] chars, boolean[] wild, boolean ignoreCase) {
        this.chars = chars;
        this.wild = wild;
        this.ignoreCase = ignoreCase;
        boolean anyWild = false;
        for (boolean w : wild) {
            anyWild |= w;
        }
        this.literal = !anyWild;
        this.literalText = literal ? new String(chars) : null;
    }

    /** {@code *} and {@code ?} in {@code pattern} are wildcards. */
    static Wildcard of(String pattern, boolean ignoreCase) {
        if ("*".equals(pattern)) {
            return ANY;
        }
        char[] chars = pattern.toCharArray();
        boolean[] wild = new boolean[chars.length];
        for (int i = 0; i < chars.length; i++) {
            wild[i] = chars[i] == '*' || chars[i] == '?';
        }
        return new Wildcard(chars, wild, ignoreCase);
    }

    /** A pattern built piece by piece, where only the pieces added as wild are wildcards. */
    static Builder builder(boolean ignoreCase) {
        return new Builder(ignoreCase);
    }

    boolean matchesAnything() {
        return this == ANY;
    }

    boolean matches(String text) {
        return matches(text, 0, text.length());
    }

    /** Whether {@code text[from, to)} matches, without copying it. */
    boolean matches(String text, int from, int to) {
        if (this == ANY) {
            return true;
        }
        if (literal) {
            return to - from == literalText.length() && text.regionMatches(ignoreCase, from, literalText, 0, to - from);
        }
        int p = 0;
        int t = from;
        int starP = -1;
        int starT = -1;
        int n = to;
        while (t < n) {
            if (p < chars.length && wild[p] && chars[p] == '*') {
                starP = p++;
                starT = t;
            } else if (p < chars.length && ((wild[p] && chars[p] == '?') || same(chars[p], text.charAt(t)))) {
                p++;
                t++;
            } else if (starP >= 0) {
                p = starP + 1;
                t = ++starT;
            } else {
                return false;
            }
        }
        while (p < chars.length && wild[p] && chars[p] == '*') {
            p++;
        }
        return p == chars.length;
    }

    /**
     * This pattern cut at its first {@code limit - 1} colons (a colon is never a wildcard), so
     * that each part of an ARN pattern can be matched against its own field.
     */
    Wildcard[] split(char separator, int limit) {
        if (this == ANY) {
            return new Wildcard[] {ANY};
        }
        List<Wildcard> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < chars.length && parts.size() < limit - 1; i++) {
            if (chars[i] == separator && !wild[i]) {
                parts.add(part(start, i));
                start = i + 1;
            }
        }
        parts.add(part(start, chars.length));
        return parts.toArray(Wildcard[]::new);
    }

    private Wildcard part(int from, int to) {
        char[] partChars = Arrays.copyOfRange(chars, from, to);
        boolean[] partWild = Arrays.copyOfRange(wild, from, to);
        if (partChars.length == 1 && partChars[0] == '*' && partWild[0]) {
            // A lone * matches anything, whatever the case rule.
            return ANY;
        }
        return new Wildcard(partChars, partWild, ignoreCase);
    }

    private boolean same(char a, char b) {
        return a == b || (ignoreCase && Character.toLowerCase(a) == Character.toLowerCase(b));
    }

    static final class Builder {
        private final StringBuilder chars = new StringBuilder();
        private final StringBuilder wildMask = new StringBuilder();
        private final boolean ignoreCase;

        private Builder(boolean ignoreCase) {
            this.ignoreCase = ignoreCase;
        }

        Builder pattern(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                chars.append(c);
                wildMask.append(c == '*' || c == '?' ? 'w' : 'l');
            }
            return this;
        }

        Builder literal(String text) {
            chars.append(text);
            wildMask.append("l".repeat(text.length()));
            return this;
        }

        Wildcard build() {
            boolean[] wild = new boolean[chars.length()];
            for (int i = 0; i < wild.length; i++) {
                wild[i] = wildMask.charAt(i) == 'w';
            }
            return new Wildcard(chars.toString().toCharArray(), wild, ignoreCase);
        }
    }
}
