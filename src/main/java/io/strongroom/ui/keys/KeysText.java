package io.strongroom.ui.keys;

import io.strongroom.domain.KeyInfo;
import io.strongroom.ui.common.Formats;
import io.strongroom.ui.common.Texts;

/** How the Keys view words a key's state, manager and rotation (shared by the view, the detail and the column). */
final class KeysText {

    private KeysText() {}

    static String state(Texts texts, String state) {
        if (state == null) {
            return texts.get("state.unknown");
        }
        String key = "state." + state;
        return texts.has(key) ? texts.get(key) : state;
    }

    static String manager(Texts texts, KeyInfo key) {
        return key.keyManager() == null ? "" : texts.get(key.isAwsManaged() ? "manager.aws" : "manager.customer");
    }

    /** "On · every 365 days", "Off", or "—" where rotation does not apply or is unknown. */
    static String rotation(Texts texts, KeyInfo key) {
        if (key.rotationEnabled() == null) {
            return texts.get("rotation.na");
        }
        if (!key.rotationEnabled()) {
            return texts.get("rotation.off");
        }
        Integer days = key.rotation().periodDays();
        return days == null ? texts.get("rotation.on") : texts.format("rotation.onEvery", days);
    }

    /** "On · 180 d", "Off", "—": the table's short form. */
    static String rotationShort(Texts texts, KeyInfo key) {
        if (key.rotationEnabled() == null || !key.rotationEnabled() || key.rotation().periodDays() == null) {
            return rotation(texts, key);
        }
        return texts.format("rotation.onShort", key.rotation().periodDays());
    }

    static String date(Formats formats, java.time.Instant i) {
        return i == null ? "\u2014" : formats.date(i);
    }
}
