package io.strongroom.local.secrets;

import io.strongroom.local.wire.AwsException;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * GetRandomPassword: characters drawn with a CSPRNG from the classes the caller keeps.
 *
 * <p>RequireEachIncludedType is documented as "at least one upper and lowercase letter, one
 * number, and one punctuation" (API reference, GetRandomPassword): the four classes. A space is
 * admitted by IncludeSpace but never required, so it does not count against a short length.
 * The refusals and their wording, checked in this order, are what Secrets Manager answers (the
 * same generator serves CloudFormation's GenerateSecretString, where they were observed; AWS's
 * documentation does not list them):
 * <ol>
 *   <li>a required class that ExcludeCharacters empties: "All characters of the desired type
 *       have been excluded."
 *   <li>no character left at all: "All characters have been excluded from selection."
 *   <li>fewer characters than required classes: "Password length is too short based on the
 *       required types."
 * </ol>
 * All three are {@code InvalidParameterException}. PasswordLength outside 1..4096 is the model
 * validator's {@code ValidationException}, raised before this class is reached.
 */
final class PasswordGenerator {

    static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    static final String DIGITS = "0123456789";
    static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    private static final SecureRandom RANDOM = new SecureRandom();

    record Options(int length, String excludeCharacters, boolean excludeNumbers, boolean excludePunctuation,
                   boolean excludeUppercase, boolean excludeLowercase, boolean includeSpace, boolean requireEachIncludedType) {}

    private PasswordGenerator() {}

    static String generate(Options o) {
        Validation.range(o.length(), "passwordLength", 1, 4096);
        String excluded = o.excludeCharacters() == null ? "" : o.excludeCharacters();
        List<String> required = new ArrayList<>();
        StringBuilder pool = new StringBuilder();
        addClass(required, pool, LOWER, !o.excludeLowercase(), excluded, o.requireEachIncludedType());
        addClass(required, pool, UPPER, !o.excludeUppercase(), excluded, o.requireEachIncludedType());
        addClass(required, pool, DIGITS, !o.excludeNumbers(), excluded, o.requireEachIncludedType());
        addClass(required, pool, PUNCTUATION, !o.excludePunctuation(), excluded, o.requireEachIncludedType());
        if (o.includeSpace()) {
            pool.append(keep(" ", excluded));
        }
        if (pool.length() == 0) {
            throw AwsException.invalidParameter("All characters have been excluded from selection.");
        }
        if (o.length() < required.size()) {
            throw AwsException.invalidParameter("Password length is too short based on the required types.");
        }
        String all = pool.toString();
        char[] out = new char[o.length()];
        int i = 0;
        for (String cls : required) {
            out[i++] = cls.charAt(RANDOM.nextInt(cls.length()));
        }
        for (; i < out.length; i++) {
            out[i] = all.charAt(RANDOM.nextInt(all.length()));
        }
        for (int k = out.length - 1; k > 0; k--) {       // shuffle so required characters sit anywhere
            int j = RANDOM.nextInt(k + 1);
            char t = out[k];
            out[k] = out[j];
            out[j] = t;
        }
        return new String(out);
    }

    private static void addClass(List<String> required, StringBuilder pool, String chars, boolean included, String excluded,
                                 boolean requireEach) {
        if (!included) {
            return;
        }
        String kept = keep(chars, excluded);
        if (kept.isEmpty() && requireEach) {
            throw AwsException.invalidParameter("All characters of the desired type have been excluded.");
        }
        pool.append(kept);
        if (requireEach) {
            required.add(kept);
        }
    }

    private static String keep(String chars, String excluded) {
        StringBuilder kept = new StringBuilder();
        for (char c : chars.toCharArray()) {
            if (excluded.indexOf(c) < 0) {
                kept.append(c);
            }
        }
        return kept.toString();
    }
}
