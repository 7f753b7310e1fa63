package io.strongroom.ui.secret;

import io.strongroom.domain.SecretDeletion;
import io.strongroom.domain.SecretSummary;
import io.strongroom.domain.SecretVersion;
import io.strongroom.service.SecretsService;
import io.strongroom.service.journal.SecretMutation;
import io.strongroom.service.journal.SecretMutations;
import io.strongroom.ui.common.ClipboardService;
import io.strongroom.ui.common.DetailHost;
import io.strongroom.ui.common.DialogService;
import io.strongroom.ui.common.ErrorText;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.common.UiExecutor;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One secret in detail, as tabs: the header (name, scope, badges, the banners, new value, edit,
 * delete, restore) and the parts behind the built-in tabs, {@link #overview()} and
 * {@link #tagsPart()} (Overview), {@link #value()} (Value) and {@link #versionsPart()} (Versions).
 * Tabs other features contribute get {@link #host()}. This coordinator describes the secret and
 * hands each part what it shows; the parts never talk to each other.
 *
 * <p><b>The value is masked until the user reveals it.</b> Its part ({@link ValueViewModel}) is
 * the only reader of it (GetSecretValue, on Reveal or Copy); this coordinator tells it when another
 * secret is chosen ({@code reset}), when a dialog changed the secret ({@code hide}) and routes
 * "view this version's value" from the versions list to it. Copies are cleared after
 * {@link #CLIPBOARD_CLEAR_SECONDS}.
 *
 * <p>Every change goes through {@link SecretMutations}; while {@link #readOnlyProperty()} is true every
 * {@code can…} property is false and every changing command refuses.
 *
 * <p>Inputs the shell binds: {@link #secretProperty()} (the inventory's selection) and
 * {@link #readOnlyProperty()} (the console's read-only mode).
 */
public final class SecretDetailViewModel {

    /** Seconds after which a copied value is cleared from the clipboard (unless it changed meanwhile). */
    public static final int CLIPBOARD_CLEAR_SECONDS = 30;

    /** The detail's own texts (with the shared strings behind them). */
    public static final String BUNDLE = "io.strongroom.ui.secret.messages";

    private final SecretsService secrets;
    private final UiExecutor executor;
    private final ClipboardService clipboard;
    private final Clock clock;
    private final Texts texts;
    private final DetailActivity activity;
    private UiExecutor.Task loadTask;

    // ---- Inputs --------------------------------------------------------------------------------
    private final ObjectProperty<SecretSummary> secret = new SimpleObjectProperty<>(this, "secret");
    private final BooleanProperty readOnly = new SimpleBooleanProperty(this, "readOnly");

    // ---- The header ----------------------------------------------------------------------------
    private final ReadOnlyObjectWrapper<SecretSummary> summary = new ReadOnlyObjectWrapper<>(this, "summary");
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(this, "name");
    private final ReadOnlyStringWrapper scopeLabel = new ReadOnlyStringWrapper(this, "scopeLabel");
    private final ReadOnlyBooleanWrapper plannedForDeletion = new ReadOnlyBooleanWrapper(this, "plannedForDeletion");
    private final ReadOnlyBooleanWrapper gone = new ReadOnlyBooleanWrapper(this, "gone");
    private final ReadOnlyBooleanWrapper canMutate = new ReadOnlyBooleanWrapper(this, "canMutate");
    private final ReadOnlyBooleanWrapper canRestore = new ReadOnlyBooleanWrapper(this, "canRestore");

    // ---- The parts (built-in tabs) and the contributed tabs' host ------------------------------
    private final OverviewViewModel overview;
    private final ValueViewModel value;
    private final VersionsViewModel versions;
    private final TagsViewModel tags;
    /** The secret as the contributed tabs see it: null while none is shown or it is gone. */
    private final ReadOnlyObjectWrapper<SecretSummary> shown = new ReadOnlyObjectWrapper<>(this, "shown");
    private final DetailHost host = new Host();

    public SecretDetailViewModel(SecretsService secrets, SecretMutations mutations, UiExecutor executor, DialogService dialogs,
                                 ClipboardService clipboard, Texts texts) {
        this(secrets, mutations, executor, dialogs, clipboard, texts, Clock.systemUTC());
    }

    /** @param texts the console's shared texts; the detail reads its own bundle ({@link #BUNDLE}) through them */
    public SecretDetailViewModel(SecretsService secrets, SecretMutations mutations, UiExecutor executor, DialogService dialogs,
                                 ClipboardService clipboard, Texts texts, Clock clock) {
        this.secrets = Objects.requireNonNull(secrets);
        this.executor = Objects.requireNonNull(executor);
        this.clipboard = Objects.requireNonNull(clipboard);
        this.clock = Objects.requireNonNull(clock);
        this.texts = texts.in(BUNDLE);
        this.activity = new DetailActivity(executor, mutations, this::refresh, readOnly, canMutate.getReadOnlyProperty(),
                action -> text("readOnly.refused", action), this::versionsListed);
        DetailChanges changes = activity;
        ReadOnlyObjectProperty<SecretSummary> described = summary.getReadOnlyProperty();
        this.overview = new OverviewViewModel(clock, this.texts);
        this.value = new ValueViewModel(described, gone.getReadOnlyProperty(), secrets, executor, clipboard, this.texts, changes);
        this.versions = new VersionsViewModel(described, canMutate.getReadOnlyProperty(), secrets, executor, Objects.requireNonNull(dialogs),
                this.texts, changes, value::viewVersion);
        this.tags = new TagsViewModel(described, canMutate.getReadOnlyProperty(), mutations, this.texts, changes);
        secret.addListener((o, was, now) -> selected(now));
        Observable[] gates = {readOnly, activity.busyProperty(), gone, summary, plannedForDeletion};
        for (Observable g : gates) {
            g.addListener(o -> updateGates());
        }
        clearOverview();
        updateGates();
    }

    // ---- Inputs --------------------------------------------------------------------------------

    /** The secret to show (the shell binds the inventory's selection here); null shows nothing. */
    public ObjectProperty<SecretSummary> secretProperty() {
        return secret;
    }

    /** The console's read-only mode: every changing command refuses and every {@code can…} is false. */
    public BooleanProperty readOnlyProperty() {
        return readOnly;
    }

    // ---- The header ----------------------------------------------------------------------------

    /** The secret as last described (DescribeSecret), or as the inventory listed it until then. */
    public ReadOnlyObjectProperty<SecretSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    /** "alias / region" of the secret's scope. */
    public ReadOnlyStringProperty scopeLabelProperty() {
        return scopeLabel.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty plannedForDeletionProperty() {
        return plannedForDeletion.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return activity.busyProperty();
    }

    /** True once the secret was deleted without recovery from this pane: there is nothing left to show. */
    public ReadOnlyBooleanProperty goneProperty() {
        return gone.getReadOnlyProperty();
    }

    /**
     * Counts the changes made from this pane (tags, rollback, restore, and what the dialogs
     * report through {@link #changed()}): the shell refreshes its inventory row when it moves.
     */
    public ReadOnlyLongProperty changeCountProperty() {
        return activity.changeCountProperty();
    }

    /** The last failure: scope, AWS error code, message and request ID; null when none. */
    public ReadOnlyStringProperty errorProperty() {
        return activity.errorProperty();
    }

    /** The outcome of the last action ("Copied…", "AWSCURRENT moved…"), or null. */
    public ReadOnlyStringProperty noticeProperty() {
        return activity.noticeProperty();
    }

    /** Whether changing commands (tags, rollback, new value, edit, delete) may run now. */
    public ReadOnlyBooleanProperty canMutateProperty() {
        return canMutate.getReadOnlyProperty();
    }

    /** Whether the secret is scheduled for deletion and may be restored now. */
    public ReadOnlyBooleanProperty canRestoreProperty() {
        return canRestore.getReadOnlyProperty();
    }

    // ---- The parts -----------------------------------------------------------------------------

    /** The Overview tab's facts. */
    public OverviewViewModel overview() {
        return overview;
    }

    /** The tags (on the Overview tab) and the inline tag editor. */
    public TagsViewModel tagsPart() {
        return tags;
    }

    /** The Value tab: masked until revealed, for the viewed version. */
    public ValueViewModel value() {
        return value;
    }

    /** The Versions tab: the list, and rollback. */
    public VersionsViewModel versionsPart() {
        return versions;
    }

    /** What the tabs other features contribute (policy, rotation…) get from this detail. */
    public DetailHost host() {
        return host;
    }

    // ---- Commands ------------------------------------------------------------------------------

    /** Clears the error banner. */
    public void dismissError() {
        activity.error(null);
    }

    /** A dialog changed the secret (new value, edit): counts the change and describes it again. */
    public void changed() {
        activity.countChange();
        value.hide();
        refresh();
    }

    /**
     * A dialog deleted the secret. Scheduled: describe it again (it now shows its deletion date).
     * Forced: it is gone, and the pane says so instead of showing an error on the next read.
     */
    public void deleted(SecretDeletion deletion) {
        activity.countChange();
        value.hide();
        boolean forced = deletion.deletionDate() == null || deletion.deletionDate().isBefore(clock.instant().plus(Duration.ofDays(1)));
        if (!forced) {
            refresh();
            return;
        }
        activity.nextSecret();
        gone.set(true);
        versions.reset();
        value.dropped();
        activity.notice(text("notice.deletedForever", deletion.name()));
        updateGates();
    }

    /** Describes the secret again and lists its versions (after a change, or on demand). */
    public void refresh() {
        SecretSummary s = summary.get();
        if (s == null || gone.get()) {
            return;
        }
        if (loadTask != null) {
            loadTask.cancel();
        }
        long gen = activity.generation();
        boolean deprecated = versions.includeDeprecatedProperty().get();
        activity.busy(true);
        loadTask = executor.submit(() -> new Loaded(secrets.describe(s.scope(), s.arn()),
                secrets.listVersions(s.scope(), s.arn(), deprecated)), loaded -> {
            if (activity.current(gen)) {
                activity.busy(false);
                activity.error(null);
                showOverview(loaded.summary);
                versionsListed(versions.show(loaded.versions));
            }
        }, e -> {
            if (activity.current(gen)) {
                activity.busy(false);
                activity.error(ErrorText.of(e));
            }
        });
    }

    /** Copies the ARN (not a secret: no clearing). */
    public void copyArn() {
        SecretSummary s = summary.get();
        if (s != null && s.arn() != null) {
            clipboard.put(s.arn());
            activity.notice(text("notice.copiedArn"));
        }
    }

    /** Cancels the scheduled deletion (RestoreSecret); returns whether it was sent. */
    public boolean restore() {
        SecretSummary s = summary.get();
        if (readOnly.get()) {
            activity.error(text("readOnly.refused", "RestoreSecret"));
            return false;
        }
        if (!canRestore.get()) {
            return false;
        }
        return activity.change(new SecretMutation.Restore(s.scope(), s.arn()), text("notice.restored", s.name()), null);
    }

    /** The detail's texts, for its views. */
    public Texts texts() {
        return texts;
    }

    // ---- Internals -----------------------------------------------------------------------------

    private record Loaded(SecretSummary summary, List<SecretVersion> versions) {}

    private void selected(SecretSummary s) {
        SecretSummary before = summary.get();
        if (s != null && before != null && !gone.get() && Objects.equals(s.arn(), before.arn())
                && s.scope().id().equals(before.scope().id())) {
            // the same secret, listed again (an inventory refresh): keep what is open, describe it again
            refresh();
            return;
        }
        activity.nextSecret();
        if (loadTask != null) {
            loadTask.cancel();
            loadTask = null;
        }
        activity.busy(false);
        gone.set(false);
        activity.error(null);
        activity.notice(null);
        tags.cancelTagEdit();
        versions.reset();
        summary.set(s);
        value.reset();
        if (s == null) {
            clearOverview();
            return;
        }
        showOverview(s);
        refresh();
    }

    private void versionsListed(List<SecretVersion> sorted) {
        value.versionsListed(sorted);
        updateGates();
    }

    private void showOverview(SecretSummary s) {
        summary.set(s);
        name.set(s.name());
        scopeLabel.set(s.scope().label());
        plannedForDeletion.set(s.isPlannedForDeletion());
        overview.show(s);
        tags.show(s.tags());
    }

    private void clearOverview() {
        name.set(null);
        scopeLabel.set(null);
        plannedForDeletion.set(false);
        overview.clear();
        tags.clear();
    }

    private void updateGates() {
        SecretSummary s = summary.get();
        boolean present = s != null && s.arn() != null && !gone.get();
        boolean idle = !readOnly.get() && !activity.busyProperty().get();
        canMutate.set(present && idle && !plannedForDeletion.get());
        canRestore.set(present && idle && plannedForDeletion.get());
        shown.set(present ? s : null);
    }

    private String text(String key, Object... args) {
        return texts.format(key, args);
    }

    /** What a contributed tab gets. */
    private final class Host implements DetailHost {
        @Override
        public ReadOnlyObjectProperty<SecretSummary> secretProperty() {
            return shown.getReadOnlyProperty();
        }

        @Override
        public ObservableBooleanValue readOnly() {
            return readOnly;
        }

        @Override
        public void changed() {
            SecretDetailViewModel.this.changed();
        }

        @Override
        public void deleted(SecretDeletion deletion) {
            SecretDetailViewModel.this.deleted(deletion);
        }
    }
}
