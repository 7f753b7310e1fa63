package io.strongroom.ui.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the parts of a JSON text are, for highlighting: keys, string values, numbers, literals
 * ({@code true}, {@code false}, {@code null}) and punctuation, as character ranges with a style
 * class. It never fails: text that is not JSON (half typed) is scanned as far as it goes, and what
 * cannot be read is left unstyled. No JavaFX here, so it is tested as plain Java.
 */
public final class JsonStyles {

    public static final String KEY = "json-key";
    public static final String STRING = "json-string";
    public static final String NUMBER = "json-number";
    public static final String LITERAL = "json-literal";
    public static final String PUNCTUATION = "json-punctuation";

    /** Characters {@code start} (inclusive) to {@code end} (exclusive) carry {@code styleClass}. */
    public record Span(int start, int end, String styleClass) {}

    private JsonStyles() {
    }

    public static List<Span> of(String text) {
        List<Span> spans = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '"') {
                int end = stringEnd(text, i);
                spans.add(new Span(i, end, followedByColon(text, end) ? KEY : STRING));
                i = end;
            } else if (c == '-' || Character.isDigit(c)) {
                int end = i + 1;
                while (end < n && "0123456789.eE+-".indexOf(text.charAt(end)) >= 0) {
                    end++;
                }
                spans.add(new Span(i, end, NUMBER));
                i = end;
            } else if (Character.isLetter(c)) {
                int end = i + 1;
                while (end < n && Character.isLetter(text.charAt(end))) {
                    end++;
                }
                String word = text.substring(i, end);
                if (word.equals("true") || word.equals("false") || word.equals("null")) {
                    spans.add(new Span(i, end, LITERAL));
                }
                i = end;
            } else if ("{}[]:,".indexOf(c) >= 0) {
                spans.add(new Span(i, i + 1, PUNCTUATION));
                i++;
            } else {
                i++;
            }
        }
        return spans;
    }

    /** The index after a string starting at {@code start} (its closing quote), or the end of the line/text if unclosed. */
    private static int stringEnd(String text, int start) {
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '"') {
                return i + 1;
            }
            if (c == '\n') {
                return i;
            }
            i++;
        }
        return text.length();
    }

    private static boolean followedByColon(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ':') {
                return true;
            }
            if (!Character.isWhitespace(c)) {
                return false;
            }
        }
        return false;
    }
}
