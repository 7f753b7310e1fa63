package io.strongroom.ui.shell;

import io.strongroom.ui.common.Icons;

/**
 * The places in the left navigation. A section shows the view registered for it (see
 * {@link ShellView}); one without a view shows a "coming in a later release" page if it is
 * {@link #planned()}, and is hidden otherwise (a feature still being written this release).
 */
public enum Section {
    INVENTORY("nav.inventory", Icons.NAV_INVENTORY, false),
    ROTATION("nav.rotation", Icons.NAV_ROTATION, true),
    AUDIT("nav.audit", Icons.NAV_AUDIT, true),
    REPLICATION("nav.replication", Icons.NAV_REPLICATION, true),
    KEYS("nav.keys", Icons.NAV_KEYS, true),
    FINDINGS("nav.findings", Icons.NAV_FINDINGS, true),
    INCIDENT("nav.incident", Icons.NAV_INCIDENT, true),
    JOURNAL("nav.journal", Icons.NAV_JOURNAL, false),
    SETTINGS("nav.settings", Icons.NAV_SETTINGS, false);

    private final String textKey;
    private final Icons icon;
    private final boolean planned;

    Section(String textKey, Icons icon, boolean planned) {
        this.textKey = textKey;
        this.icon = icon;
        this.planned = planned;
    }

    /** The key of its name in {@code strings.properties}; its description is {@code textKey + ".about"}. */
    public String textKey() {
        return textKey;
    }

    public Icons icon() {
        return icon;
    }

    /** Planned for a later release: without a view it shows as "coming later" rather than hidden. */
    public boolean planned() {
        return planned;
    }
}
