package io.strongroom.local.analyzer;

import io.strongroom.local.policy.AccessRequest;
import io.strongroom.local.policy.ConditionContext;
import io.strongroom.local.policy.NamedPolicy;
import io.strongroom.local.policy.ParsedPolicy;
import io.strongroom.local.policy.PolicyEvaluator;
import io.strongroom.local.policy.PolicyParser;
import io.strongroom.local.policy.PolicyType;
import io.strongroom.local.policy.RequestPrincipal;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A PASS of CheckNoNewAccess is never wrong: random pairs of identity policies (wildcard actions
 * and resources, NotAction, Allow and Deny, conditions), and for every pair the check passes, every
 * request of a pool the store's own evaluator allows under the new policy it allows under the
 * existing one, alone and beside another policy that allows everything.
 */
class NoNewAccessSoundnessTest {

    private static final String[] ACTIONS = {"s3:GetObject", "s3:Get*", "s3:*", "*", "s3:?etObject", "s3:PutObject", "s3:*Object", "kms:Decrypt"};
    private static final String[] RESOURCES = {"arn:aws:s3:::b/*", "arn:aws:s3:::b/a*", "*", "arn:aws:s3:::b/ab", "arn:aws:s3:::c/?b"};
    private static final String[] CONDITIONS = {"{\"Bool\":{\"aws:SecureTransport\":\"true\"}}",
            "{\"StringEquals\":{\"aws:PrincipalTag/team\":\"orders\"}}"};
    private static final String[] REQUEST_ACTIONS = {"s3:GetObject", "s3:PutObject", "s3:getobject", "s3:GetObjectAcl", "s3:ListBucket", "kms:Decrypt", "sts:GetCallerIdentity"};
    private static final String[] REQUEST_RESOURCES = {"arn:aws:s3:::b/ab", "arn:aws:s3:::b/x", "arn:aws:s3:::b/a", "arn:aws:s3:::c/xb", "arn:aws:kms:eu-west-1:111122223333:key/k"};

    @Test
    void aPassNeverHidesAccessTheEvaluatorGrants() {
        Random random = new Random(20240611L);
        RequestPrincipal user = RequestPrincipal.of("arn:aws:iam::111122223333:user/alice", "111122223333");
        List<ConditionContext> contexts = List.of(ConditionContext.empty(),
                ConditionContext.builder().put("aws:SecureTransport", "true").build(),
                ConditionContext.builder().put("aws:SecureTransport", "true").put("aws:PrincipalTag/team", "orders").build(),
                ConditionContext.builder().put("aws:PrincipalTag/team", "orders").build());
        NamedPolicy everything = policy("everything", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}");
        int passes = 0;
        for (int round = 0; round < 4000; round++) {
            List<String> before = randomStatements(random);
            String existingText = document(before);
            String newText = document(random.nextBoolean() ? mutate(before, random) : randomStatements(random));
            NamedPolicy existing = policy("existing", existingText);
            NamedPolicy updated = policy("new", newText);
            if (!NoNewAccessCheck.compare(existing.document(), updated.document()).isEmpty()) {
                continue;
            }
            passes++;
            for (String action : REQUEST_ACTIONS) {
                for (String resource : REQUEST_RESOURCES) {
                    for (ConditionContext context : contexts) {
                        AccessRequest request = new AccessRequest(user, action, resource, "111122223333", context);
                        for (List<NamedPolicy> others : List.of(List.<NamedPolicy>of(), List.of(everything))) {
                            boolean now = allowed(request, updated, others);
                            boolean then = allowed(request, existing, others);
                            if (now && !then) {
                                fail("PASS, yet " + action + " on " + resource + " is new access" + (others.isEmpty() ? "" : " beside Allow *")
                                        + "\nexisting: " + existingText + "\nnew: " + newText);
                            }
                        }
                    }
                }
            }
        }
        assertTrue(passes > 200, "enough passing pairs to mean something: " + passes);
    }

    private static boolean allowed(AccessRequest request, NamedPolicy policy, List<NamedPolicy> others) {
        List<NamedPolicy> all = new ArrayList<>(others);
        all.add(policy);
        return PolicyEvaluator.evaluate(request, all, null).allowed();
    }

    private static NamedPolicy policy(String name, String text) {
        ParsedPolicy parsed = PolicyParser.parse(text, PolicyType.IDENTITY_POLICY);
        assertTrue(parsed.valid(), text + " " + parsed.errors());
        return new NamedPolicy(name, parsed.document());
    }

    private static List<String> randomStatements(Random random) {
        int n = 1 + random.nextInt(3);
        List<String> statements = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            statements.add(randomStatement(random));
        }
        return statements;
    }

    private static String document(List<String> statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
    }

    /** The existing statements reordered, with one dropped, added or replaced: near misses. */
    private static List<String> mutate(List<String> statements, Random random) {
        List<String> out = new ArrayList<>(statements);
        java.util.Collections.shuffle(out, random);
        switch (random.nextInt(3)) {
            case 0 -> {
                if (out.size() > 1) {
                    out.remove(random.nextInt(out.size()));
                }
            }
            case 1 -> out.add(randomStatement(random));
            default -> out.set(random.nextInt(out.size()), randomStatement(random));
        }
        return out;
    }

    private static String randomStatement(Random random) {
        String effect = random.nextInt(4) == 0 ? "Deny" : "Allow";
        String actionElement = random.nextInt(5) == 0 ? "NotAction" : "Action";
        String resourceElement = random.nextInt(6) == 0 ? "NotResource" : "Resource";
        String condition = random.nextInt(3) == 0 ? ",\"Condition\":" + CONDITIONS[random.nextInt(CONDITIONS.length)] : "";
        return "{\"Effect\":\"" + effect + "\",\"" + actionElement + "\":" + pick(ACTIONS, random) + ",\"" + resourceElement + "\":"
                + pick(RESOURCES, random) + condition + "}";
    }

    private static String pick(String[] pool, Random random) {
        int n = 1 + random.nextInt(2);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add("\"" + pool[random.nextInt(pool.length)] + "\"");
        }
        return "[" + String.join(",", out) + "]";
    }
}
