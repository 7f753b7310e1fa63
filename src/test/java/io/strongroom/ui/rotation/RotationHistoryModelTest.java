package io.strongroom.ui.rotation;

import io.strongroom.domain.RotationEvent;
import io.strongroom.domain.SecretVersion;
import io.strongroom.ui.rotation.RotationHistoryEntry.Kind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.strongroom.ui.rotation.RotationProgressStateTest.T;
import static io.strongroom.ui.rotation.RotationProgressStateTest.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Versions and rotation events merged into one timeline, newest first. */
class RotationHistoryModelTest {

    @Test
    void versionsAndEventsAreMergedNewestFirstWithTheLabelsEachVersionHoldsNow() {
        Instant t0 = T.minusSeconds(86_400 * 30);
        List<SecretVersion> versions = List.of(
                new SecretVersion("v1", List.of(), t0, null, null),
                new SecretVersion("v2", List.of("AWSPREVIOUS"), T.plusSeconds(1), null, null),
                new SecretVersion("v3", List.of("AWSCURRENT"), T.plusSeconds(3601), null, null),
                new SecretVersion("v4", List.of("AWSPENDING"), T.plusSeconds(7201), null, null));
        List<RotationEvent> events = List.of(
                event(RotationEvent.Kind.FAILED, "v4", T.plusSeconds(7203), "Error when executing lambda f during setSecret step: refused"),
                event(RotationEvent.Kind.STARTED, "v4", T.plusSeconds(7200), null),
                event(RotationEvent.Kind.SUCCEEDED, "v2", T.plusSeconds(1), null),
                event(RotationEvent.Kind.STARTED, "v2", T, null));

        List<RotationHistoryEntry> merged = RotationHistoryModel.merge(versions, events);
        assertEquals(List.of(Kind.FAILED, Kind.VERSION, Kind.STARTED, Kind.VERSION, Kind.SUCCEEDED, Kind.VERSION, Kind.STARTED, Kind.VERSION),
                merged.stream().map(RotationHistoryEntry::kind).toList());
        assertEquals(List.of("v4", "v4", "v4", "v3", "v2", "v2", "v2", "v1"), merged.stream().map(RotationHistoryEntry::versionId).toList());
        RotationHistoryEntry failed = merged.get(0);
        assertEquals("setSecret", failed.step());
        assertEquals("refused", failed.reason());
        assertTrue(merged.get(1).byRotation(), "v4 was made by a rotation");
        assertEquals(List.of("AWSPENDING"), merged.get(1).stages());
        assertFalse(merged.get(3).byRotation(), "v3 was written by hand");
        assertTrue(merged.get(7).deprecated());
    }

    @Test
    void theModelShowsTheMergedListAndClears() {
        RotationHistoryModel model = new RotationHistoryModel();
        model.show(List.of(new SecretVersion("v1", List.of("AWSCURRENT"), T, null, null)), List.of());
        assertEquals(1, model.entries().size());
        model.clear();
        assertTrue(model.entries().isEmpty());
    }
}
