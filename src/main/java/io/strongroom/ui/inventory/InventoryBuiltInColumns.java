package io.strongroom.ui.inventory;

import io.strongroom.domain.SecretSummary;
import io.strongroom.ui.common.Formats;
import io.strongroom.ui.common.Icons;
import io.strongroom.ui.common.InventoryColumn;
import io.strongroom.ui.common.Styles;
import io.strongroom.ui.common.Texts;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The inventory's own columns, defined with the same {@link InventoryColumn} contract as a column
 * another feature contributes, and contributed first by the inventory feature. Their IDs are the
 * ones users' saved column choices name, so they never change.
 *
 * <p>The table order is what an audit scans first (where, rotation, staleness, key) before the prose.
 */
public final class InventoryBuiltInColumns {

    private static final InventoryColumn.Mark PLANNED_FOR_DELETION = new InventoryColumn.Mark(Icons.DELETION, Styles.DANGER);

    static final RowColumn<String> NAME = text("name", "col.name", 270, SecretRow::name)
            .withMark((v, s) -> s != null && s.isPlannedForDeletion() ? PLANNED_FOR_DELETION : null);
    static final RowColumn<String> ACCOUNT = text("account", "col.account", 132, SecretRow::accountAlias)
            .withTooltip((v, s, w) -> s == null ? null : s.accountAlias() + " (" + s.accountId() + ")");
    static final RowColumn<String> REGION = text("region", "col.region", 100, SecretRow::region);
    static final RowColumn<Void> ROTATION = group("rotation", "col.rotation", List.of(
            new RowColumn<>("rotation.enabled", "col.rotation.enabled", 64, SecretRow::rotationEnabled, Comparator.<Boolean>naturalOrder())
                    .withText((v, s, w) -> w.texts().get(v ? "cell.rotation.on" : "cell.rotation.off"))
                    .withState((v, s) -> v == null ? null : v ? Styles.CELL_SUCCESS : Styles.CELL_MUTED),
            date("rotation.last", "col.rotation.last", 90, SecretRow::lastRotated, false, null),
            date("rotation.next", "col.rotation.next", 90, SecretRow::nextRotation, false, null)));
    static final RowColumn<Instant> LAST_ACCESSED = date("lastAccessed", "col.lastAccessed", 118, SecretRow::lastAccessed, false,
            "cell.never");
    static final RowColumn<Instant> LAST_CHANGED = date("lastChanged", "col.lastChanged", 145, SecretRow::lastChanged, true, null);
    static final RowColumn<String> KMS_KEY = text("kmsKey", "col.kmsKey", 155, SecretRow::kmsKeyLabel)
            .withState((v, s) -> s != null && SecretRow.usesDefaultKey(s) ? Styles.CELL_MUTED : null)
            .withTooltip((v, s, w) -> s == null || SecretRow.usesDefaultKey(s) ? null : s.kmsKeyId());
    static final RowColumn<String> TAGS = text("tags", "col.tags", 280, SecretRow::tagsText)
            .withTooltip((v, s, w) -> v == null ? null : v.replace(", ", "\n"));
    static final RowColumn<String> DESCRIPTION = text("description", "col.description", 230, SecretRow::description)
            .withTooltip((v, s, w) -> v);
    static final RowColumn<Instant> CREATED = date("created", "col.created", 145, SecretRow::created, true, null).hidden();
    static final RowColumn<String> OWNING_SERVICE = text("owningService", "col.owningService", 120, SecretRow::owningService).hidden();
    /** Every deletion date is a warning: unlike the other dates, no "muted" for none. */
    static final RowColumn<Instant> DELETION_DATE = date("deletionDate", "col.deletionDate", 145, SecretRow::deletionDate, true, null)
            .withState((v, s) -> v == null ? null : Styles.CELL_DANGER);

    /** In table order. */
    public static final List<InventoryColumn<?>> ALL = List.of(NAME, ACCOUNT, REGION, ROTATION, LAST_ACCESSED, LAST_CHANGED, KMS_KEY,
            TAGS, DESCRIPTION, CREATED, OWNING_SERVICE, DELETION_DATE);

    private InventoryBuiltInColumns() {
    }

    /** A header over {@code nested}, chosen and saved as one. */
    private static RowColumn<Void> group(String id, String titleKey, List<InventoryColumn<?>> nested) {
        RowColumn<Void> group = new RowColumn<>(id, titleKey, 0, r -> null, null);
        group.nested = List.copyOf(nested);
        return group;
    }

    /** Text as it is, sorted ignoring case, empty ones last. */
    private static RowColumn<String> text(String id, String titleKey, double width, Function<SecretRow, String> value) {
        return new RowColumn<>(id, titleKey, width, value, String.CASE_INSENSITIVE_ORDER).emptiesLast();
    }

    /** A day (or a moment, {@code withTime}) with the exact instant as its tooltip; none reads {@code emptyKey}'s text, muted. */
    private static RowColumn<Instant> date(String id, String titleKey, double width, Function<SecretRow, Instant> value,
                                           boolean withTime, String emptyKey) {
        return new RowColumn<>(id, titleKey, width, value, Comparator.<Instant>naturalOrder())
                .withText((v, s, w) -> withTime ? w.formats().dateTime(v) : w.formats().date(v))
                .withState((v, s) -> v == null ? Styles.CELL_MUTED : null)
                .withTooltip((v, s, w) -> v == null ? null : Formats.exact(v))
                .withEmptyText(emptyKey);
    }

    /** A cell method of the contract: the value (null for some), the row's secret and the words. */
    @FunctionalInterface
    interface CellWords<T> {
        String of(T value, SecretSummary secret, InventoryColumn.Words words);
    }

    /**
     * A built-in column: it reads the {@link SecretRow}, whose derived fields (the tags text, the
     * key label) are computed once per row, rather than the summary, so sorting 100,000 rows by
     * tags builds no strings. Configured once, at class initialisation, then only read.
     */
    static final class RowColumn<T> implements InventoryColumn<T> {
        private final String id;
        private final String titleKey;
        private final double width;
        private final Function<SecretRow, T> rowValue;
        private final Comparator<T> comparator;
        private boolean emptyLast;
        private boolean shownByDefault = true;
        private String emptyKey;
        private CellWords<T> text = (v, s, w) -> String.valueOf(v);
        private CellWords<T> tooltip = (v, s, w) -> null;
        private BiFunction<T, SecretSummary, String> state = (v, s) -> null;
        private BiFunction<T, SecretSummary, Mark> mark = (v, s) -> null;
        private List<InventoryColumn<?>> nested = List.of();

        RowColumn(String id, String titleKey, double width, Function<SecretRow, T> rowValue, Comparator<T> comparator) {
            this.id = id;
            this.titleKey = titleKey;
            this.width = width;
            this.rowValue = rowValue;
            this.comparator = comparator;
        }

        RowColumn<T> withText(CellWords<T> text) {
            this.text = text;
            return this;
        }

        RowColumn<T> withTooltip(CellWords<T> tooltip) {
            this.tooltip = tooltip;
            return this;
        }

        RowColumn<T> withState(BiFunction<T, SecretSummary, String> state) {
            this.state = state;
            return this;
        }

        RowColumn<T> withMark(BiFunction<T, SecretSummary, Mark> mark) {
            this.mark = mark;
            return this;
        }

        /** @param key the text of a null value; null: empty */
        RowColumn<T> withEmptyText(String key) {
            this.emptyKey = key;
            return this;
        }

        RowColumn<T> emptiesLast() {
            this.emptyLast = true;
            return this;
        }

        RowColumn<T> hidden() {
            this.shownByDefault = false;
            return this;
        }

        /** The value straight from the row (what the table reads). */
        T value(SecretRow row) {
            return rowValue.apply(row);
        }

        @Override
        public T value(SecretSummary secret) {
            return value(new SecretRow(secret));
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String title(Texts texts) {
            return texts.get(titleKey);
        }

        @Override
        public String text(T value, SecretSummary secret, Words words) {
            return text.of(value, secret, words);
        }

        @Override
        public String emptyText(Words words) {
            return emptyKey == null ? "" : words.texts().get(emptyKey);
        }

        @Override
        public String state(T value, SecretSummary secret) {
            return state.apply(value, secret);
        }

        @Override
        public String tooltip(T value, SecretSummary secret, Words words) {
            return tooltip.of(value, secret, words);
        }

        @Override
        public Mark mark(T value, SecretSummary secret) {
            return mark.apply(value, secret);
        }

        @Override
        public Comparator<T> comparator() {
            return comparator;
        }

        @Override
        public boolean emptyLast() {
            return emptyLast;
        }

        @Override
        public boolean shownByDefault() {
            return shownByDefault;
        }

        @Override
        public double preferredWidth() {
            return width;
        }

        @Override
        public List<InventoryColumn<?>> nested() {
            return nested;
        }
    }
}
