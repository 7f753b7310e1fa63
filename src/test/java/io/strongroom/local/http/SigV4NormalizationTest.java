package io.strongroom.local.http;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
