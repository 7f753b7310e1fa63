package io.strongroom.local.http;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SigV4NormalizationTest {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', value = {
            "application/x-amz-json-1.1|application/x-amz-json-1.1",
            "'  padded  '|padded",
            "a  b|a b",
            "a \t b|a b",
            "'a\tb'|a b",
            "a b c|a b c",
            "''|''",
    })
    void headerValuesAreTrimmedAndSpaceRunsFoldedAsSigV4Requires(String raw, String canonical) {
        assertEquals(canonical, SigV4Verifier.trimAll(raw));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "20261123T235959Z, 2026-11-23T23:59:59Z",
            "20240229T000000Z, 2024-02-29T00:00:00Z",
            "19700101T000000Z, 1970-01-01T00:00:00Z",
    })
    void amzDatesParseToTheInstantTheyName(String amzDate, String expected) {
        assertEquals(Instant.parse(expected), SigV4Verifier.parseAmzDate(amzDate));
    }

    @ParameterizedTest(name = "{0} is refused")
    @CsvSource({"20261323T000000Z", "20250229T000000Z", "20261123T240000Z", "20261123T236000Z", "2026112XT000000Z",
            "20261123 000000Z", "20261123T000000", "2026-11-23T00:00:00Z", "''"})
    void malformedAmzDatesAreRefused(String amzDate) {
        assertNull(SigV4Verifier.parseAmzDate(amzDate));
    }
}
