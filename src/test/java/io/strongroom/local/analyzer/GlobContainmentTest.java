package io.strongroom.local.analyzer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * IAM wildcard containment and intersection: a table of the cases policies meet, then every pair
 * of short patterns checked against brute force (all strings up to a length that holds a witness).
 */
class GlobContainmentTest {

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            *                              | secretsmanager:GetSecretValue   | true
            secretsmanager:Get*            | secretsmanager:GetSecretValue   | true
            secretsmanager:GetSecretValue  | secretsmanager:Get*             | false
            secretsmanager:Get*            | *                               | false
            secretsmanager:*               | secretsmanager:Get*             | true
            secretsmanager:Get*            | secretsmanager:*                | false
            secretsmanager:*Secret*        | secretsmanager:Get*Secret*Value | true
            secretsmanager:*Secret*Value   | secretsmanager:*Secret*         | false
            secretsmanager:Get?ecret*      | secretsmanager:GetSecret*       | true
            secretsmanager:GetSecret*      | secretsmanager:Get?ecret*       | false
            a*b                            | a*b*b                           | true
            a*b*b                          | a*b                             | false
            a*a                            | a?*a                            | true
            ?*                             | *?                              | true
            ?                              | *                               | false
            **                             | *                               | true
            *a*                            | *a*a*                           | true
            *ab*                           | *a*b*                           | false
            arn:aws:secretsmanager:*:111122223333:secret:prod/* | arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-* | true
            arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-* | arn:aws:secretsmanager:*:111122223333:secret:prod/* | false
            arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/* | arn:aws:secretsmanager:eu-west-1:444455556666:secret:prod/* | false
            """)
    void containment(String outer, String inner, boolean expected) {
        assertEquals(expected, GlobContainment.contains(outer, inner, false));
    }

    @Test
    void actionsCompareIgnoringCaseAndResourcesExactly() {
        assertEquals(true, GlobContainment.contains("SecretsManager:get*", "secretsmanager:GetSecretValue", true));
        assertEquals(false, GlobContainment.contains("arn:aws:s3:::Bucket/*", "arn:aws:s3:::bucket/x", false));
        assertEquals(true, GlobContainment.intersects("S3:Get*", "s3:*Object", true));
        assertEquals(false, GlobContainment.intersects("arn:aws:s3:::Bucket/*", "arn:aws:s3:::bucket/*", false));
    }

    @ParameterizedTest(name = "{0} meets {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            secretsmanager:Get*       | secretsmanager:*Value   | true
            secretsmanager:Get*       | secretsmanager:Put*     | false
            kms:*                     | secretsmanager:*        | false
            a*                        | *b                      | true
            a?c                       | ab?                     | true
            a?c                       | ab?d                    | false
            *                         | x                       | true
            abc                       | abd                     | false
            """)
    void intersection(String a, String b, boolean expected) {
        assertEquals(expected, GlobContainment.intersects(a, b, false));
        assertEquals(expected, GlobContainment.intersects(b, a, false), "intersection is symmetric");
    }

    /** Every pattern of up to three symbols over a, b, ?, * against every other, checked by enumeration. */
    @Test
    void agreesWithBruteForceOnAllShortPatterns() {
        List<String> patterns = words("ab?*", 3);
        List<String> strings = words("abc", 7); // c: a character no pattern names
        for (String p : patterns) {
            Pattern pr = regex(p);
            for (String q : patterns) {
                Pattern qr = regex(q);
                boolean counterexample = false;
                boolean common = false;
                for (String s : strings) {
                    boolean inQ = qr.matcher(s).matches();
                    boolean inP = pr.matcher(s).matches();
                    counterexample |= inQ && !inP;
                    common |= inQ && inP;
                }
                assertEquals(!counterexample, GlobContainment.contains(p, q, false), "'" + p + "' contains '" + q + "'");
                assertEquals(common, GlobContainment.intersects(p, q, false), "'" + p + "' meets '" + q + "'");
            }
        }
    }

    private static List<String> words(String alphabet, int maxLength) {
        List<String> out = new ArrayList<>();
        out.add("");
        int from = 0;
        for (int len = 1; len <= maxLength; len++) {
            int to = out.size();
            for (int i = from; i < to; i++) {
                for (char c : alphabet.toCharArray()) {
                    out.add(out.get(i) + c);
                }
            }
            from = to;
        }
        return out;
    }

    private static Pattern regex(String glob) {
        StringBuilder sb = new StringBuilder();
        for (char c : glob.toCharArray()) {
            sb.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(sb.toString(), Pattern.DOTALL);
    }
}
