package io.strongroom.local.secrets;

import io.strongroom.testing.RunningStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetRandomPasswordRequest;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntPredicate;

import static io.strongroom.testing.AwsErrors.refused;
import static org.junit.jupiter.api.Assertions.*;

/** GetRandomPassword: each parameter, its defaults and its limits. */
class GetRandomPasswordTest {

    static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    static final String DIGITS = "0123456789";
    static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    static final int SAMPLES = 40;

    static RunningStore store;
    static SecretsManagerClient sm;

    @BeforeAll
    static void start() {
        store = new RunningStore();
        sm = store.secrets();
    }

    @AfterAll
    static void stop() {
        store.close();
    }

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
    void aLengthOutsideOneTo4096IsRefused(long length) {
        refused("ValidationException", () -> password(b -> b.passwordLength(length)));
    }

    @Test
    void aLengthTooShortForEveryRequiredTypeIsRefusedUnlessTypesAreNotRequired() {
        refused(InvalidParameterException.class, "InvalidParameterException", () -> password(b -> b.passwordLength(3L)));
        assertEquals(1, password(b -> b.passwordLength(1L).requireEachIncludedType(false)).length());
        assertEquals(2, password(b -> b.passwordLength(2L).excludeNumbers(true).excludePunctuation(true)).length());
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
    void includeSpaceAddsSpaceAsARequiredType() {
        for (int i = 0; i < SAMPLES; i++) {
            assertTrue(password(b -> b.includeSpace(true).passwordLength(8L)).contains(" "));
        }
        refused(InvalidParameterException.class, "InvalidParameterException", () -> password(b -> b.includeSpace(true).passwordLength(4L)));
        String onlySpaces = password(b -> b.includeSpace(true).excludeLowercase(true).excludeUppercase(true)
                .excludeNumbers(true).excludePunctuation(true).passwordLength(3L));
        assertEquals("   ", onlySpaces);
    }

    @Test
    void excludingEveryCharacterIsRefused() {
        refused(InvalidParameterException.class, "InvalidParameterException", () -> password(b -> b.excludeLowercase(true)
                .excludeUppercase(true).excludeNumbers(true).excludePunctuation(true)));
        refused(InvalidParameterException.class, "InvalidParameterException", () -> password(b -> b.excludeLowercase(true)
                .excludeUppercase(true).excludePunctuation(true).excludeCharacters(DIGITS)));
        refused("ValidationException", () -> password(b -> b.excludeCharacters("x".repeat(4097))));
    }
}
