package io.strongroom.local.http;

import io.strongroom.local.wire.AwsException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsRequest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.*;

/** The generic codec on inputs no SDK sends: every one is the client's fault, never a server error. */
class JsonCodecTest {

    private static LookupEventsRequest read(String json) {
        return JsonCodec.read(json.getBytes(StandardCharsets.UTF_8), LookupEventsRequest::builder);
    }

    @Test
    void timestampsAreEpochSecondsWithFractions() {
        assertEquals(Instant.parse("2024-01-02T03:04:05.250Z"), read("{\"StartTime\": 1704164645.25}").startTime());
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 9, 10, 99, 100, 999, 1000, 1001, 1704164645250L, 1704164645005L, -1, -5, -999, -1000, -1500,
            -1704164645250L, Long.MAX_VALUE, Long.MIN_VALUE})
    void writtenTimestampsAreTheTextOfEpochMillisMovedThreePlaces(long millis) {
        assertEquals(java.math.BigDecimal.valueOf(millis).movePointLeft(3).toString(),
                JsonCodec.epochSecondsText(Instant.ofEpochMilli(millis)));
    }

    @Test
    void aWrittenTimestampReadsBackAsTheSameInstant() {
        Instant t = Instant.parse("2026-11-24T01:02:03.045Z");
        byte[] json = JsonCodec.write(LookupEventsRequest.builder().startTime(t).build());
        assertEquals(t, JsonCodec.read(json, LookupEventsRequest::builder).startTime());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e20", "-1e20", "99999999999999999999999", "1e400"})
    void aTimestampNoInstantCanHoldIsASerializationError(String seconds) {
        AwsException e = assertThrows(AwsException.class, () -> read("{\"StartTime\": " + seconds + "}"));
        assertEquals("SerializationException", e.code());
        assertTrue(e.senderFault());
    }
}
