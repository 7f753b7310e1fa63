package io.strongroom.ui.editor;

import io.strongroom.service.journal.SecretMutation;
import io.strongroom.domain.Scope;
import io.strongroom.domain.SecretQuery;
import io.strongroom.domain.SecretSummary;
import io.strongroom.ui.common.DialogCommand;
import io.strongroom.ui.common.ErrorText;
import io.strongroom.ui.common.LatestWins;
import io.strongroom.ui.common.Texts;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The secrets of some scopes that are scheduled for deletion, soonest first, each restorable
 * (RestoreSecret) until its deletion date. Scopes that cannot be listed are reported by name,
 * code and request ID while the others' secrets still show.
 */
public final class PlannedDeletionsViewModel {

    private final EditorContext ctx;
    private final Texts texts;
    private final List<Scope> scopes;
    private final InvalidationListener onReadOnly = x -> updateCanRestore();
    /** Listing and restoring: one at a time (restore waits while busy), busy and the error shared. */
    private final LatestWins work;

    private final ObservableList<SecretSummary> secrets = FXCollections.observableArrayList();
    private final ObjectProperty<SecretSummary> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyBooleanWrapper canRestore = new ReadOnlyBooleanWrapper(this, "canRestore");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status");
    private final ReadOnlyStringWrapper restoredName = new ReadOnlyStringWrapper(this, "restoredName");

    public PlannedDeletionsViewModel(EditorContext ctx, Collection<Scope> scopes) {
        this.ctx = Objects.requireNonNull(ctx);
        this.texts = ctx.texts();
        this.scopes = List.copyOf(scopes);
        this.work = new LatestWins(this, ctx.executor());
        selected.addListener(x -> updateCanRestore());
        work.busyProperty().addListener(x -> updateCanRestore());
        ctx.readOnly().addListener(new WeakInvalidationListener(onReadOnly));
        updateCanRestore();
    }

    /** The editor's texts, for the view that shows this model. */
    Texts texts() {
        return texts;
    }

    public List<Scope> scopes() {
        return scopes;
    }

    /** Secrets scheduled for deletion, soonest deletion first. */
    public ObservableList<SecretSummary> secrets() {
        return FXCollections.unmodifiableObservableList(secrets);
    }

    public ObjectProperty<SecretSummary> selectedProperty() {
        return selected;
    }

    public ReadOnlyBooleanProperty canRestoreProperty() {
        return canRestore.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return work.busyProperty();
    }

    /** Failures, one line per scope or per restore, or null. */
    public ReadOnlyStringProperty errorProperty() {
        return work.errorProperty();
    }

    /** "3 secrets scheduled for deletion in 2 scopes". */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The name of the secret last restored (for a confirmation line), or null. */
    public ReadOnlyStringProperty restoredNameProperty() {
        return restoredName.getReadOnlyProperty();
    }

    // ---- Commands ------------------------------------------------------------------------------

    /** Lists every scope including planned deletions and keeps those scheduled for deletion. */
    public void load() {
        status.set(texts.format("planned.loading", scopes.size()));
        work.run(progress -> list(), result -> {
            secrets.setAll(result.items());
            work.fail(result.failures().isEmpty() ? null
                    : result.failures().stream().map(ErrorText::of).collect(Collectors.joining("\n")));
            status.set(texts.format("planned.count", result.items().size(), scopes.size()));
        }, e -> {
            work.fail(e);
            status.set(null);
        });
    }

    /** Restores the selected secret; returns whether RestoreSecret was sent. */
    public boolean restoreSelected() {
        return restore(selected.get());
    }

    /** Cancels {@code secret}'s deletion; returns whether RestoreSecret was sent. */
    public boolean restore(SecretSummary secret) {
        if (secret == null || work.isBusy() || ctx.isReadOnly()) {
            if (ctx.isReadOnly()) {
                work.fail(texts.format(DialogCommand.READ_ONLY_REFUSED, "RestoreSecret", secret == null ? "" : secret.name()));
            }
            return false;
        }
        restoredName.set(null);
        work.run(progress -> ctx.mutations().apply(new SecretMutation.Restore(secret.scope(), secret.arn())), arn -> {
            secrets.remove(secret);
            if (selected.get() == secret) {
                selected.set(null);
            }
            restoredName.set(secret.name());
            status.set(texts.format("planned.count", secrets.size(), scopes.size()));
        });
        return true;
    }

    public void cancel() {
        work.cancel();
    }

    /** Every scope's secrets scheduled for deletion, soonest first, and the scopes that could not be listed. */
    private ScopeListing<SecretSummary> list() throws Exception {
        ScopeListing<SecretSummary> listed = ScopeListing.await(
                listener -> ctx.secrets().list(scopes, SecretQuery.all().withPlannedDeletion(true), listener));
        List<SecretSummary> sorted = new ArrayList<>(listed.items().stream().filter(SecretSummary::isPlannedForDeletion).toList());
        sorted.sort(Comparator.comparing(SecretSummary::deletedDate).thenComparing(SecretSummary::name));
        return new ScopeListing<>(sorted, listed.failures());
    }

    private void updateCanRestore() {
        canRestore.set(selected.get() != null && !work.isBusy() && !ctx.isReadOnly());
    }
}
