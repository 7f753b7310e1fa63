package io.strongroom.local.policy;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The condition operators of the IAM policy grammar, without the {@code IfExists} suffix and the
 * {@code ForAnyValue:}/{@code ForAllValues:} qualifiers (those are parsed around it). A negated
 * operator ({@code StringNotEquals}, {@code NotIpAddress}, ...) is true when its positive
 * counterpart matches none of the values, and so also when the key is absent.
 */
public enum ConditionOperator {
    STRING_EQUALS("StringEquals", Kind.STRING, false),
    STRING_NOT_EQUALS("StringNotEquals", Kind.STRING, true),
    STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", Kind.STRING, false),
    STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", Kind.STRING, true),
    STRING_LIKE("StringLike", Kind.STRING, false),
    STRING_NOT_LIKE("StringNotLike", Kind.STRING, true),
    NUMERIC_EQUALS("NumericEquals", Kind.NUMERIC, false),
    NUMERIC_NOT_EQUALS("NumericNotEquals", Kind.NUMERIC, true),
    NUMERIC_LESS_THAN("NumericLessThan", Kind.NUMERIC, false),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Kind.NUMERIC, false),
    NUMERIC_GREATER_THAN("NumericGreaterThan", Kind.NUMERIC, false),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Kind.NUMERIC, false),
    DATE_EQUALS("DateEquals", Kind.DATE, false),
    DATE_NOT_EQUALS("DateNotEquals", Kind.DATE, true),
    DATE_LESS_THAN("DateLessThan", Kind.DATE, false),
    DATE_LESS_THAN_EQUALS("DateLessThanEquals", Kind.DATE, false),
    DATE_GREATER_THAN("DateGreaterThan", Kind.DATE, false),
    DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", Kind.DATE, false),
    BOOL("Bool", Kind.BOOL, false),
    BINARY_EQUALS("BinaryEquals", Kind.BINARY, false),
    IP_ADDRESS("IpAddress", Kind.IP, false),
    NOT_IP_ADDRESS("NotIpAddress", Kind.IP, true),
    ARN_EQUALS("ArnEquals", Kind.ARN, false),
    ARN_LIKE("ArnLike", Kind.ARN, false),
    ARN_NOT_EQUALS("ArnNotEquals", Kind.ARN, true),
    ARN_NOT_LIKE("ArnNotLike", Kind.ARN, true),
    NULL("Null", Kind.NULL, false);

    /** What an operator compares, which decides how its values are read. */
    public enum Kind {
        STRING, NUMERIC, DATE, BOOL, BINARY, IP, ARN, NULL
    }

    private static final Map<String, ConditionOperator> BY_NAME = new HashMap<>();

    static {
        for (ConditionOperator operator : values()) {
            BY_NAME.put(operator.awsName.toLowerCase(Locale.ROOT), operator);
        }
    }

    private final String awsName;
    private final Kind kind;
    private final boolean negated;

    ConditionOperator(String awsName, Kind kind, boolean negated) {
        this.awsName = awsName;
        this.kind = kind;
        this.negated = negated;
    }

    public String awsName() {
        return awsName;
    }

    public Kind kind() {
        return kind;
    }

    public boolean negated() {
        return negated;
    }

    /** The operator named so (operator names are case-insensitive in AWS), or null. */
    static ConditionOperator named(String name) {
        return BY_NAME.get(name.toLowerCase(Locale.ROOT));
    }
}
