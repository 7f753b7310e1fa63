package io.strongroom.ui.common;

/**
 * Style classes used from Java, so a typo is a compile error and a rename is one edit. The
 * {@code sr-} classes are defined in {@code io/strongroom/ui/strongroom.css}; the others are
 * AtlantaFX's, re-exported so views import one class.
 */
public final class Styles {

    private Styles() {}

    /** The console's stylesheet (design tokens and {@code sr-} classes), added on top of the theme. */
    public static final String STYLESHEET = "/io/strongroom/ui/strongroom.css";

    // ---- AtlantaFX ------------------------------------------------------------------------------
    public static final String ACCENT = atlantafx.base.theme.Styles.ACCENT;
    public static final String SUCCESS = atlantafx.base.theme.Styles.SUCCESS;
    public static final String WARNING = atlantafx.base.theme.Styles.WARNING;
    public static final String DANGER = atlantafx.base.theme.Styles.DANGER;
    public static final String FLAT = atlantafx.base.theme.Styles.FLAT;
    public static final String BUTTON_ICON = atlantafx.base.theme.Styles.BUTTON_ICON;
    public static final String SMALL = atlantafx.base.theme.Styles.SMALL;
    public static final String DENSE = atlantafx.base.theme.Styles.DENSE;
    public static final String STRIPED = atlantafx.base.theme.Styles.STRIPED;
    public static final String BORDERED = atlantafx.base.theme.Styles.BORDERED;
    public static final String TEXT_MUTED = atlantafx.base.theme.Styles.TEXT_MUTED;
    public static final String TEXT_SUBTLE = atlantafx.base.theme.Styles.TEXT_SUBTLE;
    public static final String TEXT_BOLD = atlantafx.base.theme.Styles.TEXT_BOLD;
    public static final String TEXT_SMALL = atlantafx.base.theme.Styles.TEXT_SMALL;
    public static final String TITLE_4 = atlantafx.base.theme.Styles.TITLE_4;
    public static final String LEFT_PILL = atlantafx.base.theme.Styles.LEFT_PILL;
    public static final String CENTER_PILL = atlantafx.base.theme.Styles.CENTER_PILL;
    public static final String RIGHT_PILL = atlantafx.base.theme.Styles.RIGHT_PILL;

    // ---- Strongroom: shell ----------------------------------------------------------------------
    public static final String SHELL = "sr-shell";
    public static final String HEADER = "sr-header";
    public static final String BRAND = "sr-brand";
    public static final String NAV = "sr-nav";
    public static final String NAV_ITEM = "sr-nav-item";
    public static final String NAV_SOON = "sr-nav-soon";
    public static final String STATUS_BAR = "sr-status-bar";
    public static final String STATUS_ITEM = "sr-status-item";
    public static final String READ_ONLY_BADGE = "sr-read-only-badge";
    public static final String DEMO_BADGE = "sr-demo-badge";
    public static final String PLACEHOLDER = "sr-placeholder";
    public static final String PLACEHOLDER_TITLE = "sr-placeholder-title";
    /** A small icon inside a placeholder's line of text (the page's own icon stays large). */
    public static final String PLACEHOLDER_INLINE_ICON = "sr-placeholder-inline-icon";
    public static final String LOADING = "sr-loading";
    public static final String SCOPE_PICKER = "sr-scope-picker";
    public static final String SECTION_LABEL = "sr-section-label";

    // ---- Strongroom: inventory ------------------------------------------------------------------
    public static final String INVENTORY = "sr-inventory";
    public static final String TOOLBAR = "sr-toolbar";
    public static final String FILTER_BAR = "sr-filter-bar";
    public static final String PROGRESS_STRIP = "sr-progress-strip";
    public static final String SCOPE_ERRORS = "sr-scope-errors";
    public static final String SCOPE_ERROR = "sr-scope-error";
    public static final String SECRETS_TABLE = "sr-secrets-table";
    public static final String DETAIL_SLOT = "sr-detail-slot";
    public static final String MONO = "sr-mono";
    public static final String CELL_MUTED = "sr-cell-muted";
    public static final String CELL_DANGER = "sr-cell-danger";
    public static final String CELL_SUCCESS = "sr-cell-success";
    public static final String CELL_WARNING = "sr-cell-warning";
    public static final String TAG_CHIP = "sr-tag-chip";
    public static final String COUNT = "sr-count";

    // ---- Strongroom: settings and custom endpoints ----------------------------------------------
    public static final String SETTINGS = "sr-settings";
    public static final String SETTINGS_PAGE = "sr-settings-page";
    public static final String SETTINGS_TITLE = "sr-settings-title";
    public static final String SETTING_ROW = "sr-setting-row";
    public static final String SETTING_FORCED = "sr-setting-forced";
    public static final String ENDPOINT_ROW = "sr-endpoint-row";
    public static final String ENDPOINT_STATE = "sr-endpoint-state";
    public static final String ENDPOINT_DIALOG = "sr-endpoint-dialog";
    public static final String ENDPOINT_FIXED = "sr-endpoint-fixed";
    public static final String PICKER_ENDPOINTS = "sr-picker-endpoints";
}
