package io.strongroom.domain;

import java.util.Objects;

/**
 * One finding of a policy validation, as IAM Access Analyzer's ValidatePolicy reports it: how
 * serious it is, its issue code ({@code MISSING_EFFECT}, {@code JSON_SYNTAX_ERROR}…), what is
 * wrong, where (a path such as {@code Statement[0].Effect} and a span in the text as given) and
 * where to read more.
 *
 * @param path  the element the finding is about, {@code Statement[0].Principal.AWS}; empty for the whole document
 * @param span  where that element is in the text, or null when the finding has no location
 * @param learnMoreLink documentation of the issue code, or null
 */
public record PolicyFinding(Severity severity, String issueCode, String message, String path, Span span,
                            String learnMoreLink) {

    public PolicyFinding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(issueCode, "issueCode");
        message = message == null ? "" : message;
        path = path == null ? "" : path;
    }

    /** Access Analyzer's finding types, most serious first. */
    public enum Severity {
        /** The policy is invalid: AWS refuses it or it does not do what it says. */
        ERROR,
        /** The policy grants access a security reviewer should look at (e.g. to everyone). */
        SECURITY_WARNING,
        /** The policy works but does not follow good practice. */
        WARNING,
        /** A simplification that changes nothing. */
        SUGGESTION;

        /** Whether this is at least as serious as {@code threshold}. */
        public boolean atLeast(Severity threshold) {
            return ordinal() <= threshold.ordinal();
        }
    }

    /**
     * A position in the policy text, as Access Analyzer counts it.
     *
     * @param line   1-based
     * @param column 0-based, in characters from the start of the line
     * @param offset 0-based, in characters from the start of the text
     */
    public record Position(int line, int column, int offset) {
        public Position {
            if (line < 1 || column < 0 || offset < 0) {
                throw new IllegalArgumentException("not a position: line " + line + ", column " + column + ", offset " + offset);
            }
        }
    }

    /** A range of the policy text: {@code start} inclusive, {@code end} exclusive. */
    public record Span(Position start, Position end) {
        public Span {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
        }
    }
}
