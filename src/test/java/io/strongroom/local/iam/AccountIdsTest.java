package io.strongroom.local.iam;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What counts as a valid list of chosen account IDs, and the aliases their accounts get. */
class AccountIdsTest {

    @Test
    void twelveDigitsIncludingLeadingZerosAreValidAndBlanksAroundAreIgnored() {
        assertEquals(List.of("000000000000", "123456789012"), AccountIds.validate(List.of("000000000000", " 123456789012 ")));
        assertEquals(List.of(), AccountIds.validate(List.of()));
    }

    @Test
    void anythingButExactlyTwelveDigitsIsRefusedNamingTheValue() {
        for (String bad : List.of("", "12345678901", "1234567890123", "12345678901a", "-12345678901", "１２３４５６７８９０１２",
                "1234 5678 9012", "arn:aws:iam::123456789012:root")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AccountIds.validate(List.of(bad)), bad);
            assertEquals("an account ID is exactly 12 digits, e.g. 123456789012; got '" + bad + "'", e.getMessage());
        }
    }

    @Test
    void anIdGivenTwiceIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AccountIds.validate(List.of("111111111111", "222222222222", " 111111111111")));
        assertEquals("account ID 111111111111 is given twice; each account needs an ID of its own", e.getMessage());
    }

    @Test
    void theDefaultAliasesComeFirstThenNumberedOnes() {
        assertEquals("security-audit", AccountIds.aliasAt(0));
        assertEquals("analytics-dev", AccountIds.aliasAt(2));
        assertEquals("account-4", AccountIds.aliasAt(3));
        assertEquals("account-12", AccountIds.aliasAt(11));
    }
}
