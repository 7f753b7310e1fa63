package io.strongroom.ui.common;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.kordamp.ikonli.materialdesign2.MaterialDesignW;

/**
 * Every icon the console shows, named for what it means here, mapped once onto Material Design
 * Icons. Views ask {@code Icons.SEARCH.icon()}; changing an icon is one line.
 */
public enum Icons {
    BRAND(MaterialDesignS.SHIELD_KEY_OUTLINE),
    SEARCH(MaterialDesignM.MAGNIFY),
    CLEAR(MaterialDesignC.CLOSE),
    REFRESH(MaterialDesignR.REFRESH),
    CANCEL(MaterialDesignS.STOP_CIRCLE_OUTLINE),
    COPY(MaterialDesignC.CONTENT_COPY),
    EXPORT(MaterialDesignF.FILE_EXPORT),
    CSV(MaterialDesignF.FILE_DELIMITED),
    JSON(MaterialDesignC.CODE_JSON),
    FILTER(MaterialDesignF.FILTER_VARIANT),
    FILTER_OFF(MaterialDesignF.FILTER_OFF_OUTLINE),
    COLUMNS(MaterialDesignT.TABLE_COG),
    SCOPE(MaterialDesignE.EARTH),
    ACCOUNT(MaterialDesignA.ACCOUNT_KEY_OUTLINE),
    REGION(MaterialDesignM.MAP_MARKER_OUTLINE),
    BACKEND_EMBEDDED(MaterialDesignD.DATABASE_OUTLINE),
    BACKEND_AWS(MaterialDesignC.CLOUD_OUTLINE),
    BACKEND_CUSTOM(MaterialDesignS.SERVER),
    IDENTITY(MaterialDesignA.ACCOUNT_CIRCLE_OUTLINE),
    READ_ONLY(MaterialDesignE.EYE_OUTLINE),
    LOCKED(MaterialDesignL.LOCK_OUTLINE),
    THEME_DARK(MaterialDesignW.WEATHER_NIGHT),
    THEME_LIGHT(MaterialDesignW.WHITE_BALANCE_SUNNY),
    OK(MaterialDesignC.CHECK_CIRCLE_OUTLINE),
    ERROR(MaterialDesignA.ALERT_CIRCLE_OUTLINE),
    PENDING(MaterialDesignT.TIMER_SAND),
    DELETION(MaterialDesignD.DELETE_CLOCK_OUTLINE),
    TAG(MaterialDesignT.TAG_OUTLINE),
    WARNING(MaterialDesignA.ALERT_OUTLINE),
    INFO(MaterialDesignI.INFORMATION_OUTLINE),
    // settings and custom endpoints
    ENDPOINT(MaterialDesignS.SERVER_NETWORK),
    ENDPOINT_ADD(MaterialDesignS.SERVER_PLUS),
    ENDPOINT_REMOVE(MaterialDesignD.DELETE_OUTLINE),
    ENDPOINT_UNLOCK(MaterialDesignL.LOCK_OPEN_OUTLINE),
    TEST_CONNECTION(MaterialDesignL.LAN_CONNECT),
    APPEARANCE(MaterialDesignP.PALETTE_OUTLINE),
    // navigation
    NAV_INVENTORY(MaterialDesignK.KEY_CHAIN_VARIANT),
    NAV_ROTATION(MaterialDesignA.AUTORENEW),
    NAV_AUDIT(MaterialDesignH.HISTORY),
    NAV_REPLICATION(MaterialDesignS.SOURCE_BRANCH),
    NAV_KEYS(MaterialDesignK.KEY_VARIANT),
    NAV_FINDINGS(MaterialDesignS.SHIELD_ALERT_OUTLINE),
    NAV_INCIDENT(MaterialDesignA.ALARM_LIGHT_OUTLINE),
    NAV_JOURNAL(MaterialDesignC.CLIPBOARD_TEXT_OUTLINE),
    NAV_SETTINGS(MaterialDesignC.COG_OUTLINE),
    NAV_SOON(MaterialDesignP.PROGRESS_CLOCK);

    private final Ikon ikon;

    Icons(Ikon ikon) {
        this.ikon = ikon;
    }

    public Ikon ikon() {
        return ikon;
    }

    /** A new icon node (a node can have one parent, so every use gets its own). */
    public FontIcon icon() {
        return new FontIcon(ikon);
    }

    /** A new icon node with an extra style class (e.g. a semantic color). */
    public FontIcon icon(String styleClass) {
        FontIcon i = icon();
        i.getStyleClass().add(styleClass);
        return i;
    }
}
