package io.strongroom.ui.policy;

import io.strongroom.domain.PolicyReach;
import io.strongroom.domain.SecretSummary;
import io.strongroom.ui.common.InventoryColumn;
import io.strongroom.ui.common.Styles;
import io.strongroom.ui.common.Texts;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The inventory's Policy column: how far each secret's resource policy reaches (none, own
 * account, cross-account, public), sortable from least to most exposed. Not shown until chosen:
 * each secret shown costs one GetResourcePolicy, which on a large AWS estate is the user's call.
 */
final class PolicyColumn implements InventoryColumn<PolicyReachCache.Entry> {

    private final PolicyReachCache cache;
    private final Texts texts;

    PolicyColumn(PolicyReachCache cache, Texts texts) {
        this.cache = Objects.requireNonNull(cache);
        this.texts = Objects.requireNonNull(texts);
    }

    @Override
    public String id() {
        return "policy";
    }

    @Override
    public String title(Texts consoleTexts) {
        return texts.get("column.policy");
    }

    @Override
    public PolicyReachCache.Entry value(SecretSummary secret) {
        return secret == null ? null : cache.of(secret);
    }

    @Override
    public String text(PolicyReachCache.Entry value, SecretSummary secret, Words words) {
        return value.reach() == null ? texts.get("reach.unreadable") : texts.get("reach." + key(value.reach()));
    }

    @Override
    public String emptyText(Words words) {
        return texts.get("reach.loading");
    }

    @Override
    public String state(PolicyReachCache.Entry value, SecretSummary secret) {
        if (value == null) {
            return Styles.CELL_MUTED;
        }
        if (value.reach() == null) {
            return Styles.CELL_WARNING;
        }
        return switch (value.reach()) {
            case PUBLIC -> Styles.CELL_DANGER;
            case CROSS_ACCOUNT -> Styles.CELL_WARNING;
            case NONE -> Styles.CELL_MUTED;
            case OWN_ACCOUNT -> null;
        };
    }

    @Override
    public String tooltip(PolicyReachCache.Entry value, SecretSummary secret, Words words) {
        if (value == null) {
            return null;
        }
        return value.reach() == null ? value.error() : texts.get("reach." + key(value.reach()) + ".tooltip");
    }

    @Override
    public Comparator<PolicyReachCache.Entry> comparator() {
        return Comparator.comparingInt(e -> e.reach() == null ? Integer.MAX_VALUE : e.reach().ordinal());
    }

    /** Filtering by reach fetches the policy of every secret listed (one GetResourcePolicy each), not only those shown. */
    @Override
    public List<PolicyReachCache.Entry> filterChoices() {
        return java.util.Arrays.stream(PolicyReach.values()).map(r -> new PolicyReachCache.Entry(r, null)).toList();
    }

    @Override
    public boolean passes(PolicyReachCache.Entry value, PolicyReachCache.Entry chosen) {
        return value != null && value.reach() == chosen.reach();
    }

    @Override
    public boolean shownByDefault() {
        return false;
    }

    @Override
    public double preferredWidth() {
        return 120;
    }

    @Override
    public void whenChanged(Runnable redraw) {
        cache.addListener(redraw);
    }

    private static String key(PolicyReach reach) {
        return reach.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
