package io.strongroom.local.secrets;

import io.strongroom.local.http.AwsException;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/** GetRandomPassword: characters drawn with a CSPRNG from the classes the caller keeps. */
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
        if (o.length() < 1 || o.length() > 4096) {
            throw AwsException.invalidParameter("PasswordLength must be between 1 and 4096.");
        }
        String excluded = o.excludeCharacters() == null ? "" : o.excludeCharacters();
        List<String> classes = new ArrayList<>();
        addClass(classes, LOWER, !o.excludeLowercase(), excluded);
        addClass(classes, UPPER, !o.excludeUppercase(), excluded);
        addClass(classes, DIGITS, !o.excludeNumbers(), excluded);
        addClass(classes, PUNCTUATION, !o.excludePunctuation(), excluded);
        addClass(classes, " ", o.includeSpace(), excluded);
        if (classes.isEmpty()) {
            throw AwsException.invalidParameter("The password can't be generated because every character type is excluded.");
        }
        if (o.requireEachIncludedType() && o.length() < classes.size()) {
            throw AwsException.invalidParameter("PasswordLength " + o.length() + " is too short to include each of the "
                    + classes.size() + " included character types.");
        }
        String all = String.join("", classes);
        char[] out = new char[o.length()];
        int i = 0;
        if (o.requireEachIncludedType()) {
            for (String cls : classes) {
                out[i++] = cls.charAt(RANDOM.nextInt(cls.length()));
            }
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

    private static void addClass(List<String> classes, String chars, boolean included, String excluded) {
        if (!included) {
            return;
        }
        StringBuilder kept = new StringBuilder();
        for (char c : chars.toCharArray()) {
            if (excluded.indexOf(c) < 0) {
                kept.append(c);
            }
        }
        if (kept.length() > 0) {
            classes.add(kept.toString());
        }
    }
}
