package io.strongroom.domain;

/**
 * Parameters of GetRandomPassword; null fields take AWS's defaults (32 characters, every
 * character class, each included type required).
 */
public record PasswordSpec(Long length, String excludeCharacters, Boolean excludeNumbers, Boolean excludePunctuation,
                           Boolean excludeUppercase, Boolean excludeLowercase, Boolean includeSpace,
                           Boolean requireEachIncludedType) {

    public static PasswordSpec defaults() {
        return new PasswordSpec(null, null, null, null, null, null, null, null);
    }

    public static PasswordSpec ofLength(long length) {
        return new PasswordSpec(length, null, null, null, null, null, null, null);
    }
}
