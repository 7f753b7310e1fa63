package io.strongroom.local.secrets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.secretsmanager.model.GetRandomPasswordRequest;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntPredicate;

import static io.strongroom.testing.AwsErrors.refused;
import static org.junit.jupiter.api.Assertions.*;

/** GetRandomPassword: each parameter, its defaults and its limits. */
class GetRandomPasswordTest extends StoreTestCase {

    static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    static final String DIGITS = "0123456789";
    static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    static final int SAMPLES = 40;

    private static String password(Consumer<GetRandomPasswordRequest.Builder> request) {
        return sm.getRandomPassword(request).randomPassword();
    }

    private static boolean any(String password, String chars) {
        return password.chars().anyMatch(c -> chars.indexOf(c) >= 0);
    }

    private static boolean all(String password, IntPredicate allowed) {
        return password.chars().allMatch(allowed);
    }

    @Test
    void byDefaultThirtyTwoCharactersWithEveryTypeAndNoSpace() {
        String allowed = LOWER + UPPER + DIGITS + PUNCTUATION;
        for (int i = 0; i < SAMPLES; i++) {
            String p = password(b -> { });
            assertEquals(32, p.length());
            assertTrue(all(p, c -> allowed.indexOf(c) >= 0), "only letters, digits and the documented punctuation");
            assertTrue(any(p, LOWER) && any(p, UPPER) && any(p, DIGITS) && any(p, PUNCTUATION), "each type at least once");
        }
    }

    @Test
    void passwordsDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < SAMPLES; i++) {
            assertTrue(seen.add(password(b -> { })));
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {4, 5, 64, 4096})
    void passwordLengthSetsTheLength(long length) {
        String p = password(b -> b.passwordLength(length));
        assertEquals(length, p.length());
        assertTrue(any(p, LOWER) && any(p, UPPER) && any(p, DIGITS) && any(p, PUNCTUATION));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, 4097})
    void aLengthOutsideOneTo4096IsTheModelValidatorsValidationException(long length) {
        AwsServiceException e = refused("ValidationException", () -> password(b -> b.passwordLength(length)));
        String bound = length > 4096 ? "less than or equal to 4096" : "greater than or equal to 1";
        assertEquals("1 validation error detected: Value '" + length + "' at 'passwordLength' failed to satisfy constraint: "
                + "Member must have value " + bound, e.awsErrorDetails().errorMessage());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void aLengthShorterThanTheFourRequiredTypesIsRefusedWithAwsMessage(long length) {
        AwsServiceException e = refused(InvalidParameterException.class, "InvalidParameterException",
                () -> password(b -> b.passwordLength(length)));
        assertEquals("Password length is too short based on the required types.", e.awsErrorDetails().errorMessage());
        assertEquals(length, password(b -> b.passwordLength(length).requireEachIncludedType(false)).length());
    }

    @Test
    void aShortLengthIsEnoughWhenFewerTypesAreIncluded() {
        assertEquals(2, password(b -> b.passwordLength(2L).excludeNumbers(true).excludePunctuation(true)).length());
        String one = password(b -> b.passwordLength(1L).excludeLowercase(true).excludeUppercase(true).excludePunctuation(true));
        assertTrue(DIGITS.contains(one));
    }

    @Test
    void includeSpaceAdmitsASpaceButNeverRequiresOne() {
        // RequireEachIncludedType is documented as one upper and lowercase letter, one number and
        // one punctuation: four types, the space not among them.
        boolean sawSpace = false;
        for (int i = 0; i < SAMPLES; i++) {
            String p = password(b -> b.includeSpace(true).passwordLength(64L));
            assertTrue(any(p, LOWER) && any(p, UPPER) && any(p, DIGITS) && any(p, PUNCTUATION));
            sawSpace |= p.contains(" ");
        }
        assertTrue(sawSpace, "spaces are drawn");
        assertEquals(4, password(b -> b.includeSpace(true).passwordLength(4L)).length(), "four characters hold the four types");
        AwsServiceException e = refused(InvalidParameterException.class, "InvalidParameterException",
                () -> password(b -> b.includeSpace(true).passwordLength(3L)));
        assertEquals("Password length is too short based on the required types.", e.awsErrorDetails().errorMessage());
        String onlySpaces = password(b -> b.includeSpace(true).excludeLowercase(true).excludeUppercase(true)
                .excludeNumbers(true).excludePunctuation(true).passwordLength(3L));
        assertEquals("   ", onlySpaces);
    }

    @Test
    void eachCharacterClassCanBeExcluded() {
        for (int i = 0; i < SAMPLES; i++) {
            String noDigits = password(b -> b.excludeNumbers(true));
            assertFalse(any(noDigits, DIGITS));
            String noPunctuation = password(b -> b.excludePunctuation(true));
            assertFalse(any(noPunctuation, PUNCTUATION));
            String noUpper = password(b -> b.excludeUppercase(true));
            assertFalse(any(noUpper, UPPER));
            String noLower = password(b -> b.excludeLowercase(true));
            assertFalse(any(noLower, LOWER));
            String onlyDigits = password(b -> b.excludeLowercase(true).excludeUppercase(true).excludePunctuation(true));
            assertTrue(all(onlyDigits, c -> DIGITS.indexOf(c) >= 0));
        }
    }

    @Test
    void excludeCharactersRemovesExactlyThoseCharacters() {
        String excluded = "abcdefghijklmABCDEFGHIJKLM01234!\"#$%&'()";
        for (int i = 0; i < SAMPLES; i++) {
            String p = password(b -> b.excludeCharacters(excluded).passwordLength(64L));
            assertFalse(any(p, excluded));
            assertTrue(any(p, "nopqrstuvwxyz") && any(p, "NOPQRSTUVWXYZ") && any(p, "56789"), "the rest of each class is still used");
        }
    }

    @Test
    void excludingEveryCharacterTypeIsRefusedWithAwsMessage() {
        AwsServiceException e = refused(InvalidParameterException.class, "InvalidParameterException", () -> password(b -> b
                .excludeLowercase(true).excludeUppercase(true).excludeNumbers(true).excludePunctuation(true)));
        assertEquals("All characters have been excluded from selection.", e.awsErrorDetails().errorMessage());
        refused("ValidationException", () -> password(b -> b.excludeCharacters("x".repeat(4097))));
    }

    @Test
    void excludeCharactersEmptyingARequiredTypeIsRefusedWithAwsMessage() {
        AwsServiceException e = refused(InvalidParameterException.class, "InvalidParameterException", () -> password(b -> b
                .excludeCharacters(DIGITS)));
        assertEquals("All characters of the desired type have been excluded.", e.awsErrorDetails().errorMessage());
        String noDigits = password(b -> b.excludeCharacters(DIGITS).requireEachIncludedType(false));
        assertFalse(any(noDigits, DIGITS), "without the requirement the other types serve");
    }

    @Test
    void excludeCharactersExcludingEverythingIsRefusedWithAwsMessage() {
        String everything = LOWER + UPPER + DIGITS + PUNCTUATION + " ";
        AwsServiceException required = refused(InvalidParameterException.class, "InvalidParameterException",
                () -> password(b -> b.excludeCharacters(everything).includeSpace(true)));
        assertEquals("All characters of the desired type have been excluded.", required.awsErrorDetails().errorMessage());
        AwsServiceException notRequired = refused(InvalidParameterException.class, "InvalidParameterException",
                () -> password(b -> b.excludeCharacters(everything).includeSpace(true).requireEachIncludedType(false)));
        assertEquals("All characters have been excluded from selection.", notRequired.awsErrorDetails().errorMessage());
    }
}
