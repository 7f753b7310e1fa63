package io.strongroom.local.policy;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One condition test of a statement: an operator (with its set qualifier and {@code IfExists}),
 * one key and the values it is compared with. Values are compiled when the policy is parsed:
 * wildcards, numbers, dates and CIDR blocks are read once; a value that cannot be read (the
 * parser reports it) matches nothing.
 */
public final class Condition {

    /** The set operator in front of the operator name, if any. */
    public enum Qualifier {
        NONE, FOR_ANY_VALUE, FOR_ALL_VALUES
    }

    private final ConditionOperator operator;
    private final Qualifier qualifier;
    private final boolean ifExists;
    private final String key;
    private final String lowerCaseKey;
    private final List<String> values;
    private final Object[] compiled;

    Condition(ConditionOperator operator, Qualifier qualifier, boolean ifExists, String key, List<String> values) {
        this(operator, qualifier, ifExists, key, values, true);
    }

    /**
     * {@code variables} is whether {@code ${...}} is a policy variable: only in a policy of
     * Version 2012-10-17; under an older or missing Version it is literal text.
     */
    Condition(ConditionOperator operator, Qualifier qualifier, boolean ifExists, String key, List<String> values,
              boolean variables) {
        this.operator = Objects.requireNonNull(operator, "operator");
        this.qualifier = Objects.requireNonNull(qualifier, "qualifier");
        this.ifExists = ifExists;
        this.key = Objects.requireNonNull(key, "key");
        this.lowerCaseKey = key.toLowerCase(Locale.ROOT);
        this.values = List.copyOf(values);
        this.compiled = new Object[this.values.size()];
        for (int i = 0; i < compiled.length; i++) {
            compiled[i] = compile(operator, this.values.get(i), variables);
        }
    }

    public ConditionOperator operator() {
        return operator;
    }

    public Qualifier qualifier() {
        return qualifier;
    }

    public boolean ifExists() {
        return ifExists;
    }

    public String key() {
        return key;
    }

    public List<String> values() {
        return values;
    }

    /** Whether the value reads as the operator's type; the parser reports the ones that do not. */
    static boolean readable(ConditionOperator operator, String value) {
        return operator.kind() == ConditionOperator.Kind.STRING || operator.kind() == ConditionOperator.Kind.ARN
                || operator.kind() == ConditionOperator.Kind.BINARY || compile(operator, value, true) != null;
    }

    boolean holds(AccessRequest request) {
        List<String> present = request.values(lowerCaseKey);
        boolean absent = present == null || present.isEmpty()
                // For the set operators a key whose values resolve to an empty data set ("for
                // example, an empty string") is as good as absent (IAM User Guide, multivalued keys).
                || (qualifier != Qualifier.NONE && allEmpty(present));
        if (operator == ConditionOperator.NULL) {
            for (Object wantsAbsent : compiled) {
                if (wantsAbsent != null && (Boolean) wantsAbsent == absent) {
                    return true;
                }
            }
            return false;
        }
        if (absent) {
            if (ifExists) {
                return true;
            }
            return switch (qualifier) {
                case FOR_ALL_VALUES -> true;
                case FOR_ANY_VALUE -> false;
                case NONE -> operator.negated();
            };
        }
        Object[] resolved = resolve(request);
        switch (qualifier) {
            case FOR_ALL_VALUES:
                for (String value : present) {
                    if (!satisfied(value, resolved)) {
                        return false;
                    }
                }
                return true;
            case FOR_ANY_VALUE:
                for (String value : present) {
                    if (satisfied(value, resolved)) {
                        return true;
                    }
                }
                return false;
            default:
                boolean any = false;
                for (String value : present) {
                    if (matchesAny(value, resolved)) {
                        any = true;
                        break;
                    }
                }
                return operator.negated() != any;
        }
    }

    private static boolean allEmpty(List<String> values) {
        for (String value : values) {
            if (!value.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** One request value against the policy values, in the operator's sense (negation included). */
    private boolean satisfied(String value, Object[] resolved) {
        return operator.negated() != matchesAny(value, resolved);
    }

    private Object[] resolve(AccessRequest request) {
        if (operator.kind() != ConditionOperator.Kind.STRING && operator.kind() != ConditionOperator.Kind.ARN) {
            return compiled;
        }
        Object[] resolved = null;
        for (int i = 0; i < compiled.length; i++) {
            if (compiled[i] instanceof VariablePattern variable) {
                if (resolved == null) {
                    resolved = compiled.clone();
                }
                resolved[i] = variable.resolve(request);
            }
        }
        return resolved == null ? compiled : resolved;
    }

    private boolean matchesAny(String value, Object[] resolved) {
        for (Object policyValue : resolved) {
            if (policyValue != null && matches(value, policyValue)) {
                return true;
            }
        }
        return false;
    }

    private boolean matches(String value, Object policyValue) {
        switch (operator.kind()) {
            case STRING:
            case BINARY:
                return ((Wildcard) policyValue).matches(value);
            case ARN:
                return ((ArnPattern) policyValue).matches(value);
            case BOOL:
                return ((Boolean) policyValue) ? "true".equalsIgnoreCase(value) : "false".equalsIgnoreCase(value);
            case IP:
                return ((Cidr) policyValue).contains(value);
            case NUMERIC: {
                BigDecimal given = number(value);
                return given != null && compares(given.compareTo((BigDecimal) policyValue));
            }
            case DATE: {
                Instant given = date(value);
                return given != null && compares(given.compareTo((Instant) policyValue));
            }
            default:
                return false;
        }
    }

    /** {@code order} is request value compared with policy value. */
    private boolean compares(int order) {
        return switch (operator) {
            case NUMERIC_LESS_THAN, DATE_LESS_THAN -> order < 0;
            case NUMERIC_LESS_THAN_EQUALS, DATE_LESS_THAN_EQUALS -> order <= 0;
            case NUMERIC_GREATER_THAN, DATE_GREATER_THAN -> order > 0;
            case NUMERIC_GREATER_THAN_EQUALS, DATE_GREATER_THAN_EQUALS -> order >= 0;
            default -> order == 0;
        };
    }

    private static Object compile(ConditionOperator operator, String value, boolean variables) {
        boolean hasVariable = variables && value.contains("${");
        switch (operator.kind()) {
            case STRING: {
                boolean ignoreCase = operator == ConditionOperator.STRING_EQUALS_IGNORE_CASE
                        || operator == ConditionOperator.STRING_NOT_EQUALS_IGNORE_CASE;
                boolean like = operator == ConditionOperator.STRING_LIKE || operator == ConditionOperator.STRING_NOT_LIKE;
                ValuePattern pattern = ValuePattern.of(value, ignoreCase, like, variables);
                return hasVariable ? new VariablePattern(pattern, like, false) : pattern.resolve(null, like);
            }
            case BINARY:
                return Wildcard.builder(false).literal(value).build();
            case ARN:
                return hasVariable ? new VariablePattern(ValuePattern.of(value, false, true, true), true, true)
                        : new ArnPattern(value);
            case BOOL:
                return "true".equalsIgnoreCase(value) ? Boolean.TRUE
                        : "false".equalsIgnoreCase(value) ? Boolean.FALSE : null;
            case NULL:
                // The stored flag is "the key must be absent".
                return "true".equalsIgnoreCase(value) ? Boolean.TRUE
                        : "false".equalsIgnoreCase(value) ? Boolean.FALSE : null;
            case IP:
                return Cidr.parse(value);
            case NUMERIC:
                return number(value);
            case DATE:
                return date(value);
            default:
                return null;
        }
    }

    private static BigDecimal number(String value) {
        try {
            return new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** ISO 8601 (with or without offset, or a plain date) or epoch seconds, as AWS accepts. */
    static Instant date(String value) {
        String text = value.trim();
        try {
            if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
                return Instant.ofEpochSecond(Long.parseLong(text));
            }
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException | NumberFormatException e) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    /** A String or Arn value with policy variables, resolved per request. */
    private record VariablePattern(ValuePattern pattern, boolean wildcards, boolean arn) {
        Object resolve(AccessRequest request) {
            Wildcard resolved = pattern.resolve(request, wildcards);
            if (resolved == null || !arn) {
                return resolved;
            }
            return new ArnPattern(resolved);
        }
    }

    /**
     * ArnEquals/ArnLike: "each of the six colon-delimited components of the ARN is checked
     * separately" (IAM User Guide, condition operators), so a wildcard never reaches across a
     * colon into the next field; the sixth field, the resource, runs to the end, colons and all.
     * A pattern of fewer fields matches its last one against the rest of the ARN, so a lone
     * {@code *} still matches any ARN. Only values that are ARNs (six fields) match.
     */
    private static final class ArnPattern {
        private static final int FIELDS = 6;
        private final Wildcard[] fields;

        ArnPattern(String pattern) {
            this(Wildcard.of(pattern, false));
        }

        ArnPattern(Wildcard whole) {
            this.fields = whole.split(':', FIELDS);
        }

        boolean matches(String arn) {
            if (!arn.startsWith("arn:")) {
                return false;
            }
            int start = 0;
            for (int field = 0; field < fields.length; field++) {
                boolean last = field == fields.length - 1;
                int end = last ? arn.length() : arn.indexOf(':', start);
                if (end < 0 || !fields[field].matches(arn, start, end)) {
                    return false;
                }
                start = end + 1;
            }
            // The value must have all six fields even when the pattern is shorter.
            int colons = 0;
            for (int i = 0; i < arn.length() && colons < FIELDS - 1; i++) {
                if (arn.charAt(i) == ':') {
                    colons++;
                }
            }
            return colons == FIELDS - 1;
        }
    }

    /** An IPv4 or IPv6 block; a bare address is a block of one. */
    private record Cidr(byte[] network, int prefix) {
        static Cidr parse(String text) {
            String value = text.trim();
            int slash = value.indexOf('/');
            byte[] address = address(slash < 0 ? value : value.substring(0, slash));
            if (address == null) {
                return null;
            }
            int prefix = address.length * 8;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(value.substring(slash + 1));
                } catch (NumberFormatException e) {
                    return null;
                }
                if (prefix < 0 || prefix > address.length * 8) {
                    return null;
                }
            }
            return new Cidr(address, prefix);
        }

        boolean contains(String ip) {
            byte[] candidate = address(ip.trim());
            if (candidate == null || candidate.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (candidate[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (candidate[full] & mask) == (network[full] & mask);
        }

        /** Only literal addresses: a host name must never trigger a DNS lookup. */
        private static byte[] address(String text) {
            if (text.isEmpty() || !(text.indexOf(':') >= 0 || text.chars().allMatch(c -> c == '.' || Character.isDigit(c)))) {
                return null;
            }
            if (text.indexOf(':') < 0) {
                String[] parts = text.split("\\.", -1);
                if (parts.length != 4) {
                    return null;
                }
                byte[] bytes = new byte[4];
                for (int i = 0; i < 4; i++) {
                    if (parts[i].isEmpty() || parts[i].length() > 3) {
                        return null;
                    }
                    int octet = Integer.parseInt(parts[i]);
                    if (octet > 255) {
                        return null;
                    }
                    bytes[i] = (byte) octet;
                }
                return bytes;
            }
            if (!text.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
                return null;
            }
            try {
                // With only hex digits, colons and dots this is parsed, never resolved.
                byte[] bytes = InetAddress.getByName(text).getAddress();
                return bytes;
            } catch (UnknownHostException e) {
                return null;
            }
        }
    }
}
