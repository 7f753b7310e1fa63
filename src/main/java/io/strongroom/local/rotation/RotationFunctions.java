package io.strongroom.local.rotation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rotation functions the store runs, by name. Each exists in every local account and region,
 * as a Lambda function of that account would: its ARN is
 * {@code arn:aws:lambda:REGION:ACCOUNT:function:NAME}, and a rotation may only name a function of
 * the secret's own account and region.
 */
public final class RotationFunctions {

    private static final Pattern ARN = Pattern.compile("arn:aws:lambda:([a-z0-9-]+):(\\d{12}):function:([A-Za-z0-9_-]+)(?::(\\$LATEST|\\d+))?");

    /** A function ARN taken apart; {@code qualifier} is null when the ARN names none. */
    public record FunctionArn(String region, String accountId, String name, String qualifier) {}

    private final Map<String, RotationFunction> byName = new LinkedHashMap<>();

    public RotationFunctions(Collection<? extends RotationFunction> functions) {
        for (RotationFunction f : functions) {
            if (byName.putIfAbsent(f.name(), f) != null) {
                throw new IllegalArgumentException("two rotation functions are named " + f.name());
            }
        }
    }

    /** Every function, in the order they were given. */
    public List<RotationFunction> all() {
        return new ArrayList<>(byName.values());
    }

    public Optional<RotationFunction> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public static String arn(String region, String accountId, String name) {
        return "arn:aws:lambda:" + region + ":" + accountId + ":function:" + name;
    }

    /** {@code arn} taken apart, if it is a Lambda function ARN at all. */
    public static Optional<FunctionArn> parse(String arn) {
        if (arn == null) {
            return Optional.empty();
        }
        Matcher m = ARN.matcher(arn);
        return m.matches() ? Optional.of(new FunctionArn(m.group(1), m.group(2), m.group(3), m.group(4))) : Optional.empty();
    }

    /** The function {@code arn} names for a secret in {@code accountId} and {@code region}, if it names one of ours there. */
    public Optional<RotationFunction> resolve(String arn, String accountId, String region) {
        return parse(arn)
                .filter(a -> a.accountId().equals(accountId) && a.region().equals(region))
                .flatMap(a -> named(a.name()));
    }
}
