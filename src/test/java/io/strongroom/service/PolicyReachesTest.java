package io.strongroom.service;

import io.strongroom.domain.PolicyReach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How far a resource policy reaches, read from its Allow statements' principals against the secret's account. */
class PolicyReachesTest {

    static final String OWN = "111122223333";

    static String allow(String principal, String condition) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":" + principal
                + ",\"Action\":\"secretsmanager:GetSecretValue\",\"Resource\":\"*\"" + (condition == null ? "" : ",\"Condition\":" + condition)
                + "}]}";
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no policy at all is NONE | | NONE",
            "the own account's root is OWN_ACCOUNT | {\"AWS\":\"111122223333\"} | OWN_ACCOUNT",
            "a role of the own account is OWN_ACCOUNT | {\"AWS\":\"arn:aws:iam::111122223333:role/app\"} | OWN_ACCOUNT",
            "a service principal is OWN_ACCOUNT | {\"Service\":\"lambda.amazonaws.com\"} | OWN_ACCOUNT",
            "another account's root is CROSS_ACCOUNT | {\"AWS\":\"arn:aws:iam::444455556666:root\"} | CROSS_ACCOUNT",
            "one foreign principal among own ones is CROSS_ACCOUNT | {\"AWS\":[\"111122223333\",\"arn:aws:iam::444455556666:user/x\"]} | CROSS_ACCOUNT",
            "everyone without a condition is PUBLIC | \"*\" | PUBLIC",
            "AWS star without a condition is PUBLIC | {\"AWS\":\"*\"} | PUBLIC",
    })
    void principalsDecide(String rule, String principal, PolicyReach expected) {
        assertEquals(expected, PolicyReaches.of(principal == null ? null : allow(principal, null), OWN), rule);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "everyone under an organization condition is CROSS_ACCOUNT, as BlockPublicPolicy accepts it | {\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-abc\"}} | CROSS_ACCOUNT",
    })
    void aConditionNarrowsEveryone(String rule, String condition, PolicyReach expected) {
        assertEquals(expected, PolicyReaches.of(allow("\"*\"", condition), OWN), rule);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a Deny for everyone grants nothing: OWN_ACCOUNT | {\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}]} | OWN_ACCOUNT",
            "a document that cannot be read asks to be looked at: PUBLIC | {not json | PUBLIC",
    })
    void denyOnlyAndUnreadable(String rule, String document, PolicyReach expected) {
        assertEquals(expected, PolicyReaches.of(document, OWN), rule);
    }
}
