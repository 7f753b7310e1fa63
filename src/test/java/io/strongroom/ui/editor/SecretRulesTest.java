package io.strongroom.ui.editor;

import io.strongroom.ui.common.Texts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** AWS's input rules as the console checks them before sending anything. */
class SecretRulesTest {

    private static final SecretRules RULES = new SecretRules(Texts.load());

    @ParameterizedTest
    @ValueSource(strings = {"a", "prod/payments/stripe-api-key", "A-Za-z0-9/_+=.@-", "analytics/redshift/etl-user", "x@y.z", "a+b=c"})
    void namesAwsAccepts(String name) {
        assertTrue(RULES.nameProblem(name).isEmpty(), name);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "prod payments | A space at position 5 is not allowed. Use letters, digits and / _ + = . @ -",
            "prod!key      | \u2018!\u2019 at position 5 is not allowed. Use letters, digits and / _ + = . @ -",
            "caf\u00e9         | \u2018\u00e9\u2019 at position 4 is not allowed. Use letters, digits and / _ + = . @ -",
            "a:b           | \u2018:\u2019 at position 2 is not allowed. Use letters, digits and / _ + = . @ -",
    })
    void namesAwsRefuses(String name, String problem) {
        assertEquals(problem, RULES.nameProblem(name).orElseThrow());
    }

    @Test
    void nameLengthIsOneTo512() {
        assertEquals("Enter a name.", RULES.nameProblem("").orElseThrow());
        assertTrue(RULES.nameProblem("n".repeat(512)).isEmpty());
        assertEquals("A name has at most 512 characters; this one has 513.", RULES.nameProblem("n".repeat(513)).orElseThrow());
        assertTrue(RULES.nameProblem("tab\there").orElseThrow().startsWith("U+0009"));
    }

    @Test
    void namesThatLookLikeAnArnSuffixAreAllowedWithAWarning() {
        assertTrue(RULES.nameProblem("prod/db-AbC123").isEmpty());
        assertTrue(RULES.nameWarning("prod/db-AbC123").isPresent());
        assertFalse(RULES.nameWarning("prod/db-main").isPresent());
    }

    @Test
    void valueSizeIsOneTo65536BytesOfUtf8() {
        assertTrue(RULES.textValueProblem("x".repeat(65_536)).isEmpty());
        assertTrue(RULES.textValueProblem("x".repeat(65_537)).isPresent());
        assertTrue(RULES.textValueProblem("\u20ac".repeat(21_846)).isPresent(), "21,846 euro signs are 65,538 bytes");
        assertEquals("Enter a value.", RULES.textValueProblem("").orElseThrow());
        assertTrue(RULES.sizeProblem(0).isPresent());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "owner         | payments-team | ",
            "cost center   | cc 1042       | ",
            "env           |               | ",
            "aws:createdBy | x             | Tag keys starting with aws: are reserved for AWS.",
            "AWS:x         | x             | Tag keys starting with aws: are reserved for AWS.",
            "team#1        | x             | Tag key \u201cteam#1\u201d: use letters, digits, spaces and _ . : / = + - @",
            "team          | a;b           | Tag \u201cteam\u201d: use letters, digits, spaces and _ . : / = + - @ in the value.",
    })
    void tags(String key, String value, String problem) {
        String p = RULES.tagProblem(key, value).orElse(null);
        assertEquals(problem, p);
    }

    @Test
    void recoveryWindowIsSevenToThirtyDays() {
        assertTrue(RULES.recoveryWindowProblem(7).isEmpty());
        assertTrue(RULES.recoveryWindowProblem(30).isEmpty());
        assertTrue(RULES.recoveryWindowProblem(6).isPresent());
        assertTrue(RULES.recoveryWindowProblem(31).isPresent());
    }

    @Test
    void rulesSpeakTheEditorsSentencesWhicheverFeaturesTextsMadeThem() {
        SecretRules fromTheDetail = new SecretRules(Texts.load().in("io.strongroom.ui.secret.messages"));
        assertEquals("Tag keys starting with aws: are reserved for AWS.", fromTheDetail.tagProblem("aws:x", "v").orElseThrow());
        assertEquals(RULES.nameProblem("").orElseThrow(), fromTheDetail.nameProblem("").orElseThrow());
    }
}
