package io.strongroom.ui.editor;

import io.strongroom.domain.KeyInfo;
import io.strongroom.domain.Scope;
import io.strongroom.service.KeysService;
import io.strongroom.service.ScopeException;
import io.strongroom.ui.common.ErrorText;
import io.strongroom.ui.common.LatestWins;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.common.UiExecutor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;

/**
 * The KMS key picker's model: {@code aws/secretsmanager} first (selected by default), then the
 * customer managed keys of one scope that can encrypt secrets, loaded in the background.
 */
public final class KmsKeyPicker {

    private final KeysService keys;
    private final Scope scope;
    private final Texts texts;
    /** The listing: loading while in flight, its error; a new load supersedes one in flight. */
    private final LatestWins listing;

    private final ObservableList<KmsKeyChoice> choices = FXCollections.observableArrayList(KmsKeyChoice.DEFAULT);
    private final ObjectProperty<KmsKeyChoice> selected = new SimpleObjectProperty<>(this, "selected", KmsKeyChoice.DEFAULT);

    public KmsKeyPicker(KeysService keys, Scope scope, UiExecutor executor, Texts texts) {
        this.keys = Objects.requireNonNull(keys);
        this.scope = Objects.requireNonNull(scope);
        this.texts = Objects.requireNonNull(texts);
        this.listing = new LatestWins(this, executor);
    }

    public ObservableList<KmsKeyChoice> choices() {
        return FXCollections.unmodifiableObservableList(choices);
    }

    public ObjectProperty<KmsKeyChoice> selectedProperty() {
        return selected;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return listing.busyProperty();
    }

    /** Why the keys could not be listed (the default key stays available), or null. */
    public ReadOnlyStringProperty errorProperty() {
        return listing.errorProperty();
    }

    /** Selects the choice that {@code keyRef} names (null: the default), adding it when it is not listed. */
    public void select(String keyRef) {
        KmsKeyChoice match = choices.stream().filter(c -> c.matches(keyRef)).findFirst().orElse(null);
        if (match == null) {
            match = KmsKeyChoice.unlisted(keyRef);
            choices.add(match);
        }
        selected.set(match);
    }

    /** Lists the scope's keys in the background. */
    public void load() {
        listing.run(progress -> listKeys(), listed -> {
            KmsKeyChoice keep = selected.get();
            List<KmsKeyChoice> next = new ArrayList<>();
            next.add(KmsKeyChoice.DEFAULT);
            listed.stream().filter(KmsKeyChoice::suitsSecrets).map(KmsKeyChoice::of)
                    .sorted(Comparator.comparing(KmsKeyChoice::label, String.CASE_INSENSITIVE_ORDER)).forEach(next::add);
            if (keep != null && !keep.isDefault() && next.stream().noneMatch(c -> c.matches(keep.keyRef()))) {
                next.add(keep);
            }
            choices.setAll(next);
            selected.set(keep == null ? KmsKeyChoice.DEFAULT
                    : next.stream().filter(c -> c.matches(keep.keyRef())).findFirst().orElse(KmsKeyChoice.DEFAULT));
        }, e -> listing.fail(texts.format("kms.listFailed", ErrorText.of(e))));
    }

    public void cancel() {
        listing.cancel();
    }

    /** The scope's keys; its listing error (one scope, so at most one) is thrown. */
    private List<KeyInfo> listKeys() throws InterruptedException, ExecutionException {
        ScopeListing<KeyInfo> listed = ScopeListing.await(listener -> keys.list(List.of(scope), listener));
        if (!listed.failures().isEmpty()) {
            throw new ScopeException(listed.failures().get(listed.failures().size() - 1), null);
        }
        return listed.items();
    }
}
