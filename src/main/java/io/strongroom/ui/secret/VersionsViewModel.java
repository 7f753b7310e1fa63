package io.strongroom.ui.secret;

import io.strongroom.domain.SecretSummary;
import io.strongroom.domain.SecretVersion;
import io.strongroom.service.SecretsService;
import io.strongroom.service.journal.SecretMutation;
import io.strongroom.ui.common.DialogService;
import io.strongroom.ui.common.ErrorText;
import io.strongroom.ui.common.LatestWins;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.common.UiExecutor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The versions of the secret shown, newest first with their staging labels: listing them (with
 * or without deprecated ones, latest request wins), and making an earlier one current again
 * after confirmation. "View this version's value" does not reach the value part directly: it goes
 * to the {@code viewValue} the detail ({@link SecretDetailViewModel}) hands in, which routes it.
 */
public final class VersionsViewModel {

    private final ReadOnlyObjectProperty<SecretSummary> summary;
    private final SecretsService secrets;
    private final DialogService dialogs;
    private final Texts texts;
    private final DetailChanges changes;
    private final Consumer<SecretVersion> viewValue;
    private final LatestWins listing;

    private final BooleanProperty includeDeprecated = new SimpleBooleanProperty(this, "includeDeprecated");
    private final ObjectProperty<SecretVersion> selectedVersion = new SimpleObjectProperty<>(this, "selectedVersion");
    private final ObservableList<SecretVersion> versions = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper canRollbackSelected = new ReadOnlyBooleanWrapper(this, "canRollbackSelected");

    /**
     * @param summary   the secret shown, as last described
     * @param canMutate whether changes may run now (the detail's gate)
     * @param viewValue shows a version's value in the value part (through the detail)
     */
    VersionsViewModel(ReadOnlyObjectProperty<SecretSummary> summary, ObservableBooleanValue canMutate, SecretsService secrets,
                      UiExecutor executor, DialogService dialogs, Texts texts, DetailChanges changes, Consumer<SecretVersion> viewValue) {
        this.summary = Objects.requireNonNull(summary);
        this.secrets = Objects.requireNonNull(secrets);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.texts = Objects.requireNonNull(texts);
        this.changes = Objects.requireNonNull(changes);
        this.viewValue = Objects.requireNonNull(viewValue);
        this.listing = new LatestWins(this, executor);
        includeDeprecated.addListener(o -> load());
        Runnable gate = () -> {
            SecretVersion v = selectedVersion.get();
            canRollbackSelected.set(canMutate.get() && v != null && !v.isCurrent());
        };
        canMutate.addListener(o -> gate.run());
        selectedVersion.addListener(o -> gate.run());
        gate.run();
    }

    // ---- Properties ----------------------------------------------------------------------------

    /** List deprecated versions (those without staging labels) too. */
    public BooleanProperty includeDeprecatedProperty() {
        return includeDeprecated;
    }

    /** The version selected in the versions list (the view binds its selection here). */
    public ObjectProperty<SecretVersion> selectedVersionProperty() {
        return selectedVersion;
    }

    /** Every version, newest first, with its staging labels. */
    public ObservableList<SecretVersion> versions() {
        return FXCollections.unmodifiableObservableList(versions);
    }

    /** Whether the selected version may be made current (it is not current already). */
    public ReadOnlyBooleanProperty canRollbackSelectedProperty() {
        return canRollbackSelected.getReadOnlyProperty();
    }

    // ---- Commands ------------------------------------------------------------------------------

    /** Shows {@code version}'s value (masked) in the value part. */
    public void viewVersion(SecretVersion version) {
        viewValue.accept(version);
    }

    /** Shows the selected version's value (masked) in the value part. */
    public void viewSelectedVersion() {
        viewVersion(selectedVersion.get());
    }

    /**
     * Makes the selected version current again (AWSCURRENT moves to it, AWSPREVIOUS to the
     * version that was current), after {@link DialogService#confirm}. Returns whether it was sent.
     */
    public boolean rollbackSelected() {
        return rollback(selectedVersion.get());
    }

    /** Makes {@code version} current again after confirmation; returns whether it was sent. */
    public boolean rollback(SecretVersion version) {
        SecretSummary s = summary.get();
        if (!changes.mayMutate("UpdateSecretVersionStage") || version == null || version.isCurrent()) {
            return false;
        }
        String current = s.currentVersionId();
        String id = DetailFormat.shortId(version.versionId());
        if (!dialogs.confirm(texts.format("rollback.title"), texts.format("rollback.message", s.name(), id,
                DetailFormat.time(version.created()), current == null ? "\u2014" : DetailFormat.shortId(current)))) {
            return false;
        }
        return changes.change(new SecretMutation.Rollback(s.scope(), s.arn(), version.versionId()),
                texts.format("notice.rolledBack", id), () -> {
                    viewValue.accept(null);
                    selectedVersion.set(null);
                });
    }

    // ---- From the detail -----------------------------------------------------------------------

    /** Another secret (or none, or it is gone): nothing listed, nothing selected, no listing in flight. */
    void reset() {
        listing.cancel();
        versions.clear();
        selectedVersion.set(null);
    }

    /** The versions as just listed with the description; returns them newest first. */
    List<SecretVersion> show(List<SecretVersion> list) {
        List<SecretVersion> sorted = new ArrayList<>(list);
        sorted.sort(Comparator.comparing(SecretVersion::created, Comparator.nullsLast(Comparator.reverseOrder())));
        SecretVersion keep = selectedVersion.get();
        versions.setAll(sorted);
        if (keep != null) {
            selectedVersion.set(sorted.stream().filter(v -> v.versionId().equals(keep.versionId())).findFirst().orElse(null));
        }
        return sorted;
    }

    // ---- Internals -----------------------------------------------------------------------------

    private void load() {
        SecretSummary s = summary.get();
        if (s == null) {
            return;
        }
        boolean deprecated = includeDeprecated.get();
        listing.run(p -> secrets.listVersions(s.scope(), s.arn(), deprecated), list -> changes.versionsListed(show(list)),
                e -> changes.error(ErrorText.of(e)));
    }
}
