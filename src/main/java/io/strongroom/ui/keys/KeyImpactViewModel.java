package io.strongroom.ui.keys;

import io.strongroom.domain.SecretSummary;
import io.strongroom.service.keys.KeyImpact;
import io.strongroom.ui.common.Texts;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The impact dialog's model: what a change to a key would make unreadable, grouped by region with
 * the replicas marked, the replicas elsewhere that would stop receiving changes, and the typed
 * confirmation: the key's alias (or, without one, its key ID) must be typed exactly.
 */
public final class KeyImpactViewModel {

    /** One line of the dialog's list: a secret, in its region, and whether it is a replica. */
    public record Line(String name, String account, boolean replica, String primaryRegion) {}

    /** The secrets of one region. */
    public record Group(String region, List<Line> lines) {}

    private final KeyImpact impact;
    private final KeyChange change;
    private final Texts texts;
    private final StringProperty typed = new SimpleStringProperty(this, "typed", "");
    private final BooleanBinding confirmable;

    public KeyImpactViewModel(KeyImpact impact, KeyChange change, Texts texts) {
        this.impact = Objects.requireNonNull(impact);
        this.change = Objects.requireNonNull(change);
        this.texts = Objects.requireNonNull(texts);
        String expected = expected();
        this.confirmable = Bindings.createBooleanBinding(() -> expected.equals(typed.get() == null ? null : typed.get().strip()), typed);
    }

    // ---- Properties ----------------------------------------------------------------------------

    public KeyImpact impact() {
        return impact;
    }

    public KeyChange change() {
        return change;
    }

    /** What the user types to confirm (the view binds its field here). */
    public StringProperty typedProperty() {
        return typed;
    }

    public BooleanBinding confirmableProperty() {
        return confirmable;
    }

    /** The text to type: the key's alias, or its key ID when it has none. */
    public String expected() {
        return impact.key().displayName();
    }

    public String title() {
        return texts.format("impact.title." + change.textKey(), impact.key().displayName());
    }

    /** "These 37 secrets in 3 regions would become unreadable", or that none would. */
    public String headline() {
        int n = impact.unreadable().size();
        if (n == 0) {
            return texts.format("impact.headline.none");
        }
        return texts.format("impact.headline", n, impact.regionCount());
    }

    /** What the change does, in a sentence for this change. */
    public String explanation() {
        return texts.format("impact.explain." + change.textKey());
    }

    /** "2 of them are replicas; 3 replicas in other regions would stop receiving changes", or empty. */
    public String replicaNote() {
        long replicas = impact.replicaCount();
        int stale = impact.staleReplicas().size();
        if (replicas == 0 && stale == 0) {
            return "";
        }
        String own = replicas == 0 ? "" : texts.format("impact.replicas", replicas);
        String others = stale == 0 ? "" : texts.format("impact.stale", stale, impact.staleReplicasByRegion().size());
        return own.isEmpty() ? others : others.isEmpty() ? own : own + " " + others;
    }

    public String prompt() {
        return texts.format("impact.type", expected());
    }

    /** The unreadable secrets by region, regions in order. */
    public List<Group> groups() {
        return groups(impact.unreadableByRegion());
    }

    /** The replicas that stay readable but go stale, by region. */
    public List<Group> staleGroups() {
        return groups(impact.staleReplicasByRegion());
    }

    private static List<Group> groups(Map<String, List<SecretSummary>> byRegion) {
        return byRegion.entrySet().stream().map(e -> new Group(e.getKey(), e.getValue().stream()
                .map(s -> new Line(s.name(), s.accountId(), s.isReplica(), s.primaryRegion())).toList())).toList();
    }
}
