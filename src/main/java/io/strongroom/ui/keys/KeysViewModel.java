package io.strongroom.ui.keys;

import io.strongroom.domain.KeyInfo;
import io.strongroom.domain.Scope;
import io.strongroom.domain.SecretSummary;
import io.strongroom.service.KeysService;
import io.strongroom.service.keys.KeyEstate;
import io.strongroom.service.keys.KeyEstateLoader;
import io.strongroom.service.keys.KeyUsage;
import io.strongroom.ui.common.ErrorText;
import io.strongroom.ui.common.LatestWins;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.common.UiExecutor;
import io.strongroom.ui.policy.PolicyTarget;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The Keys view's model: every KMS key of the chosen scopes with the number of listed secrets that
 * use it (one {@link KeyEstate} read: ListKeys with each key described, and ListSecrets, over the
 * same scopes), the key selected with the secrets that use it and its policy as the policy editor's
 * target. The changes to the selected key are {@link KeyActionsModel}'s.
 */
public final class KeysViewModel {

    /** Rows: keys pending deletion first, then disabled, then by alias. */
    static final Comparator<KeyRow> ORDER = Comparator.<KeyRow>comparingInt(r -> stateRank(r.key().keyState()))
            .thenComparing(r -> r.key().isAwsManaged())
            .thenComparing(r -> r.key().displayName());

    private final KeyEstateLoader loader;
    private final KeysService keys;
    private final Supplier<List<Scope>> scopes;
    private final Texts texts;
    private final LatestWins loading;
    private final LatestWins describing;

    private final ObservableList<KeyRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<KeyRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<SecretSummary> selectedSecrets = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<KeyEstate> estate = new ReadOnlyObjectWrapper<>(this, "estate", KeyEstate.EMPTY);
    private final ReadOnlyStringWrapper problems = new ReadOnlyStringWrapper(this, "problems", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ObjectBinding<PolicyTarget> policyTarget;

    public KeysViewModel(KeysService keys, KeyEstateLoader loader, UiExecutor ui, Supplier<List<Scope>> scopes, Texts texts) {
        this.keys = Objects.requireNonNull(keys);
        this.loader = Objects.requireNonNull(loader);
        this.scopes = Objects.requireNonNull(scopes);
        this.texts = Objects.requireNonNull(texts);
        this.loading = new LatestWins(this, ui);
        this.describing = new LatestWins(this, ui);
        selected.addListener((o, was, now) -> selectedSecrets.setAll(now == null ? List.of()
                : estate.get().impactOf(now.key()).unreadable()));
        policyTarget = Bindings.createObjectBinding(() -> {
            KeyRow r = selected.get();
            return r == null || r.key().arn() == null ? null : PolicyTarget.key(r.key().scope(), r.key().arn(), r.key().isAwsManaged());
        }, selected);
    }

    // ---- Properties ----------------------------------------------------------------------------

    public ObservableList<KeyRow> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    /** The key selected (the view's table binds here). */
    public ObjectProperty<KeyRow> selectedProperty() {
        return selected;
    }

    /** The listed secrets the selected key encrypts, by region then name. */
    public ObservableList<SecretSummary> selectedSecrets() {
        return FXCollections.unmodifiableObservableList(selectedSecrets);
    }

    /** The selected key as the policy editor's target (null when none is selected). */
    public ObjectBinding<PolicyTarget> policyTargetProperty() {
        return policyTarget;
    }

    public ReadOnlyObjectProperty<KeyEstate> estateProperty() {
        return estate.getReadOnlyProperty();
    }

    /** The scopes that could not be listed, with their errors; empty when all were. */
    public ReadOnlyStringProperty problemsProperty() {
        return problems.getReadOnlyProperty();
    }

    /** "12 keys · 3 disabled · 1 pending deletion". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.busyProperty();
    }

    public ReadOnlyStringProperty loadErrorProperty() {
        return loading.errorProperty();
    }

    public ReadOnlyStringProperty describeErrorProperty() {
        return describing.errorProperty();
    }

    // ---- Commands ------------------------------------------------------------------------------

    /** Lists the keys and secrets of the chosen scopes again; the selection is kept by key ARN. */
    public void refresh() {
        List<Scope> chosen = List.copyOf(scopes.get());
        loading.run(p -> loader.load(chosen), this::show);
    }

    /** Reads the selected key again after a change (DescribeKey, its rotation), keeping the rest as listed. */
    void reload(KeyInfo key) {
        describing.run(p -> keys.describe(key.scope(), key.arn() != null ? key.arn() : key.keyId()), (KeyInfo fresh) -> {
            KeyEstate next = estate.get().withKey(fresh);
            show(next);
        });
    }

    private void show(KeyEstate next) {
        KeyRow was = selected.get();
        estate.set(next);
        List<KeyRow> fresh = next.keys().stream().map(k -> new KeyRow(k, next.secretsUsing(k))).sorted(ORDER).toList();
        rows.setAll(fresh);
        problems.set(next.problems().stream().map(ErrorText::of).collect(Collectors.joining("\n")));
        summary.set(texts.format("summary", fresh.size(), count(fresh, "Disabled"), count(fresh, "PendingDeletion"),
                next.secrets().size()));
        KeyRow again = was == null ? null : fresh.stream()
                .filter(r -> KeyUsage.idOf(r.key()).equals(KeyUsage.idOf(was.key()))).findFirst().orElse(null);
        selected.set(again);
        if (again != null) {
            selectedSecrets.setAll(next.impactOf(again.key()).unreadable());
        }
    }

    private static long count(List<KeyRow> rows, String state) {
        return rows.stream().filter(r -> state.equals(r.key().keyState())).count();
    }

    private static int stateRank(String state) {
        if (state == null) {
            return 3;
        }
        return switch (state) {
            case KeyInfo.PENDING_DELETION -> 0;
            case KeyInfo.DISABLED -> 1;
            default -> 2;
        };
    }
}
