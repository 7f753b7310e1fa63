package io.strongroom.ui.audit;

import io.strongroom.domain.AuditQuery;
import io.strongroom.ui.common.Texts;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The query bar's state: ranges back from now, from–to in the console's zone, attributes, and what stops a query. */
class AuditQueryFormTest {

    static final Instant NOW = Instant.parse("2025-11-20T14:03:30Z");
    /** The console in Berlin: UTC+1 in November. */
    final AuditQueryForm form = new AuditQueryForm(Clock.fixed(NOW, ZoneId.of("Europe/Berlin")),
            Texts.load(Locale.ROOT).in(AuditFeature.BUNDLE));

    @Test
    void aPresetIsItsLengthBackFromNowWithoutAnAttribute() {
        assertEquals(AuditQuery.between(NOW.minus(Duration.ofHours(24)), NOW), form.query());
        form.presetProperty().set(RangePreset.LAST_90_DAYS);
        assertEquals(AuditQuery.between(NOW.minus(Duration.ofDays(90)), NOW), form.query());
    }

    @Test
    void choosingFromToStartsFromTheRangeThatWasChosenWrittenInTheConsolesZone() {
        form.presetProperty().set(RangePreset.LAST_7_DAYS);
        form.presetProperty().set(RangePreset.CUSTOM);
        assertEquals("2025-11-13 15:03", form.customFromProperty().get());
        assertEquals("2025-11-20 15:03", form.customToProperty().get());
        assertEquals(AuditQuery.between(Instant.parse("2025-11-13T14:03:00Z"), Instant.parse("2025-11-20T14:03:00Z")), form.query());
    }

    @Test
    void aDateAloneIsItsFirstMinuteAsTheStartAndItsLastSecondAsTheEnd() {
        form.presetProperty().set(RangePreset.CUSTOM);
        form.customFromProperty().set("2025-11-18");
        form.customToProperty().set(" 2025-11-18 ");
        assertEquals(AuditQuery.between(Instant.parse("2025-11-17T23:00:00Z"), Instant.parse("2025-11-18T22:59:59Z")), form.query());
    }

    @Test
    void whatStopsAQueryIsSaidAndNoQueryIsBuilt() {
        form.presetProperty().set(RangePreset.CUSTOM);
        form.customFromProperty().set("yesterday");
        assertEquals("Write the start as yyyy-MM-dd HH:mm (or a date).", form.problemProperty().get());
        assertNull(form.query());
        form.customFromProperty().set("2025-11-21 09:00");
        assertEquals("The start is after the end.", form.problemProperty().get());
        form.customFromProperty().set("2025-11-19 09:00");
        assertNull(form.problemProperty().get());

        form.attributeProperty().set(AuditQuery.Attribute.READ_ONLY);
        assertEquals("Give a value for Read-only.", form.problemProperty().get());
        form.attributeValueProperty().set("maybe");
        assertEquals("Read-only is looked up as true or false.", form.problemProperty().get());
        form.attributeValueProperty().set(" TRUE ");
        assertNull(form.problemProperty().get());
        assertEquals("true", form.query().value());
    }

    @Test
    void anAttributeIsLookedUpWithItsValueTrimmed() {
        form.lookFor(AuditQuery.Attribute.USERNAME, "  build-7 ");
        AuditQuery q = form.query();
        assertEquals(AuditQuery.Attribute.USERNAME, q.attribute());
        assertEquals("build-7", q.value());
        form.lookFor(null, null);
        assertNull(form.query().attribute());
    }
}
