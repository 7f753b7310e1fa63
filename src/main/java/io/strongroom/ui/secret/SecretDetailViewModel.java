package io.strongroom.ui.secret;

import io.strongroom.domain.SecretDeletion;
import io.strongroom.domain.SecretSummary;
import io.strongroom.domain.SecretVersion;
import io.strongroom.service.SecretsService;
import io.strongroom.ui.common.ClipboardService;
import io.strongroom.ui.common.DialogService;
import io.strongroom.ui.common.ErrorText;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.common.UiExecutor;
import io.strongroom.ui.editor.KmsKeyChoice;
import io.strongroom.service.journal.SecretMutation;
import io.strongroom.service.journal.SecretMutations;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * One secret in detail: overview (ARN, description, KMS key, dates, owning service, editable
 * tags), its value, and its versions.
 *
 * <p><b>The value is masked until the user reveals it.</b> Its part, {@link #value()}
 * ({@link ValueViewModel}), is the only reader of it (GetSecretValue, on Reveal or Copy); this
 * coordinator tells it when another secret is chosen ({@code reset}), when a dialog changed the
 * secret ({@code hide}) and routes "view this version's value" from the versions list to it, so
 * the parts never talk to each other. Copies are cleared after {@link #CLIPBOARD_CLEAR_SECONDS}.
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

    /** Where the value part stands. */
    public enum ValueState { NONE, MASKED, LOADING, REVEALED }

    /** What a revealed value turned out to be. */
    public enum ValueKind { TEXT, JSON, BINARY }

    /** How a revealed binary value is written out, on demand. */
    public enum BinaryView { NONE, HEX, BASE64 }

    private final SecretsService secrets;
    private final SecretMutations mutations;
    private final UiExecutor executor;
    private final DialogService dialogs;
    private final ClipboardService clipboard;
    private final Clock clock;
    private final Texts texts;

    private long secretGeneration;
    private UiExecutor.Task loadTask;

    // ---- Properties: inputs --------------------------------------------------------------------
    private final ObjectProperty<SecretSummary> secret = new SimpleObjectProperty<>(this, "secret");
    private final BooleanProperty readOnly = new SimpleBooleanProperty(this, "readOnly");

    // ---- Properties: overview ------------------------------------------------------------------
    private final ReadOnlyObjectWrapper<SecretSummary> summary = new ReadOnlyObjectWrapper<>(this, "summary");
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(this, "name");
    private final ReadOnlyStringWrapper scopeLabel = new ReadOnlyStringWrapper(this, "scopeLabel");
    private final ReadOnlyStringWrapper arn = new ReadOnlyStringWrapper(this, "arn");
    private final ReadOnlyStringWrapper description = new ReadOnlyStringWrapper(this, "description");
    private final ReadOnlyStringWrapper kmsKey = new ReadOnlyStringWrapper(this, "kmsKey");
    private final ReadOnlyStringWrapper created = new ReadOnlyStringWrapper(this, "created");
    private final ReadOnlyStringWrapper lastChanged = new ReadOnlyStringWrapper(this, "lastChanged");
    private final ReadOnlyStringWrapper lastAccessed = new ReadOnlyStringWrapper(this, "lastAccessed");
    private final ReadOnlyStringWrapper deletion = new ReadOnlyStringWrapper(this, "deletion");
    private final ReadOnlyStringWrapper owningService = new ReadOnlyStringWrapper(this, "owningService");
    private final ReadOnlyStringWrapper rotation = new ReadOnlyStringWrapper(this, "rotation");
    private final ReadOnlyBooleanWrapper plannedForDeletion = new ReadOnlyBooleanWrapper(this, "plannedForDeletion");

    // ---- Parts ---------------------------------------------------------------------------------
    private final ValueViewModel value;
    private final VersionsViewModel versions;
    private final TagsViewModel tags;


    // ---- Properties: state ---------------------------------------------------------------------
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper gone = new ReadOnlyBooleanWrapper(this, "gone");
    private final ReadOnlyLongWrapper changeCount = new ReadOnlyLongWrapper(this, "changeCount");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice");
    private final ReadOnlyBooleanWrapper canMutate = new ReadOnlyBooleanWrapper(this, "canMutate");
    private final ReadOnlyBooleanWrapper canRestore = new ReadOnlyBooleanWrapper(this, "canRestore");

    public SecretDetailViewModel(SecretsService secrets, SecretMutations mutations, UiExecutor executor, DialogService dialogs,
                                 ClipboardService clipboard, Texts texts) {
        this(secrets, mutations, executor, dialogs, clipboard, texts, Clock.systemUTC());
    }

    /** @param texts the console's shared texts; the detail reads its own bundle ({@link #BUNDLE}) through them */
    public SecretDetailViewModel(SecretsService secrets, SecretMutations mutations, UiExecutor executor, DialogService dialogs,
                                 ClipboardService clipboard, Texts texts, Clock clock) {
        this.secrets = Objects.requireNonNull(secrets);
        this.mutations = Objects.requireNonNull(mutations);
        this.executor = Objects.requireNonNull(executor);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.clipboard = Objects.requireNonNull(clipboard);
        this.clock = Objects.requireNonNull(clock);
        this.texts = texts.in(BUNDLE);
        this.value = new ValueViewModel(summary.getReadOnlyProperty(), gone.getReadOnlyProperty(), secrets, executor, clipboard,
                this.texts, new ValueViewModel.Banners() {
                    @Override
                    public void notice(String text) {
                        notice.set(text);
                    }

                    @Override
                    public void error(String text) {
                        error.set(text);
                    }
                });
        this.versions = new VersionsViewModel(summary.getReadOnlyProperty(), canMutate.getReadOnlyProperty(), secrets, executor, dialogs,
                this.texts, new VersionsViewModel.Changes() {
                    @Override
                    public boolean mayMutate(String action) {
                        return SecretDetailViewModel.this.mayMutate(action);
                    }

                    @Override
                    public <R> boolean change(SecretMutation<R> mutation, String done, Runnable after) {
                        return SecretDetailViewModel.this.change(mutation, done, after);
                    }

                    @Override
                    public void error(String text) {
                        error.set(text);
                    }

                    @Override
                    public void listed(List<SecretVersion> sorted) {
                        versionsListed(sorted);
                    }
                }, value::viewVersion);
        this.tags = new TagsViewModel(summary.getReadOnlyProperty(), canMutate.getReadOnlyProperty(), mutations, this.texts,
                new TagsViewModel.Changes() {
                    @Override
                    public boolean mayMutate(String action) {
                        return SecretDetailViewModel.this.mayMutate(action);
                    }

                    @Override
                    public <R> boolean change(SecretMutation<R> mutation, String done) {
                        return SecretDetailViewModel.this.change(mutation, done, null);
                    }

                    @Override
                    public <R> boolean write(Callable<R> work, Function<R, String> done) {
                        return SecretDetailViewModel.this.write(work, done, false, true);
                    }
                });
        secret.addListener((o, was, now) -> selected(now));
        Observable[] gates = {readOnly, busy, gone, summary, plannedForDeletion};
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

    // ---- Overview ------------------------------------------------------------------------------

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

    public ReadOnlyStringProperty arnProperty() {
        return arn.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty descriptionProperty() {
        return description.getReadOnlyProperty();
    }

    /** The KMS key, "aws/secretsmanager (AWS managed)" when none is set. */
    public ReadOnlyStringProperty kmsKeyProperty() {
        return kmsKey.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty createdProperty() {
        return created.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastChangedProperty() {
        return lastChanged.getReadOnlyProperty();
    }

    /** The day of the last read (AWS keeps only the day), or "never". */
    public ReadOnlyStringProperty lastAccessedProperty() {
        return lastAccessed.getReadOnlyProperty();
    }

    /** When the scheduled deletion happens, or a dash. */
    public ReadOnlyStringProperty deletionProperty() {
        return deletion.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty owningServiceProperty() {
        return owningService.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rotationProperty() {
        return rotation.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty plannedForDeletionProperty() {
        return plannedForDeletion.getReadOnlyProperty();
    }

    /** The tags part: the tags and the inline tag editor. */
    public TagsViewModel tagsPart() {
        return tags;
    }

    /** The tags, sorted by key (as {@link TagsViewModel#tags()}). */
    public ObservableList<TagRow> tags() {
        return tags.tags();
    }

    /** Saves the tag in the editor (as {@link TagsViewModel#saveTag()}). */
    public boolean saveTag() {
        return tags.saveTag();
    }

    /** Removes a tag (as {@link TagsViewModel#removeTag}). */
    public boolean removeTag(TagRow row) {
        return tags.removeTag(row);
    }

    // ---- Value ---------------------------------------------------------------------------------

    // ---- Value ---------------------------------------------------------------------------------

    /** The value part: masked until revealed, for the viewed version. */
    public ValueViewModel value() {
        return value;
    }

    /** Where the value part stands (as {@link ValueViewModel#valueStateProperty()}). */
    public ReadOnlyObjectProperty<ValueState> valueStateProperty() {
        return value.valueStateProperty();
    }

    // ---- Versions ------------------------------------------------------------------------------

    /** The versions part: the list, and rollback. */
    public VersionsViewModel versionsPart() {
        return versions;
    }

    /** Every version, newest first (as {@link VersionsViewModel#versions()}). */
    public ObservableList<SecretVersion> versions() {
        return versions.versions();
    }

    /** The version selected in the versions list (as {@link VersionsViewModel#selectedVersionProperty()}). */
    public ObjectProperty<SecretVersion> selectedVersionProperty() {
        return versions.selectedVersionProperty();
    }

    /** Makes {@code version} current again after confirmation (as {@link VersionsViewModel#rollback}). */
    public boolean rollback(SecretVersion version) {
        return versions.rollback(version);
    }

    // ---- State ---------------------------------------------------------------------------------

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
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
        return changeCount.getReadOnlyProperty();
    }

    /** The last failure: scope, AWS error code, message and request ID; null when none. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The outcome of the last action ("Copied…", "AWSCURRENT moved…"), or null. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Whether changing commands (tags, rollback, new value, edit, delete) may run now. */
    public ReadOnlyBooleanProperty canMutateProperty() {
        return canMutate.getReadOnlyProperty();
    }

    /** Whether the secret is scheduled for deletion and may be restored now. */
    public ReadOnlyBooleanProperty canRestoreProperty() {
        return canRestore.getReadOnlyProperty();
    }

    // ---- Commands: reading ---------------------------------------------------------------------

    /** Clears the error banner. */
    public void dismissError() {
        error.set(null);
    }

    /** A dialog changed the secret (new value, edit): counts the change and describes it again. */
    public void changed() {
        changeCount.set(changeCount.get() + 1);
        value.hide();
        refresh();
    }

    /**
     * A dialog deleted the secret. Scheduled: describe it again (it now shows its deletion date).
     * Forced: it is gone, and the pane says so instead of showing an error on the next read.
     */
    public void deleted(SecretDeletion deletion) {
        changeCount.set(changeCount.get() + 1);
        value.hide();
        boolean forced = deletion.deletionDate() == null || deletion.deletionDate().isBefore(clock.instant().plus(Duration.ofDays(1)));
        if (!forced) {
            refresh();
            return;
        }
        secretGeneration++;
        gone.set(true);
        versions.reset();
        value.dropped();
        notice.set(text("notice.deletedForever", deletion.name()));
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
        long gen = secretGeneration;
        boolean deprecated = versions.includeDeprecatedProperty().get();
        busy.set(true);
        loadTask = executor.submit(() -> new Loaded(secrets.describe(s.scope(), s.arn()),
                secrets.listVersions(s.scope(), s.arn(), deprecated)), loaded -> {
            if (gen != secretGeneration) {
                return;
            }
            busy.set(false);
            error.set(null);
            showOverview(loaded.summary);
            versionsListed(versions.show(loaded.versions));
        }, e -> {
            if (gen != secretGeneration) {
                return;
            }
            busy.set(false);
            error.set(ErrorText.of(e));
        });
    }

    /** Copies the ARN (not a secret: no clearing). */
    public void copyArn() {
        SecretSummary s = summary.get();
        if (s != null && s.arn() != null) {
            clipboard.put(s.arn());
            notice.set(text("notice.copiedArn"));
        }
    }

    /** Cancels the scheduled deletion (RestoreSecret); returns whether it was sent. */
    public boolean restore() {
        SecretSummary s = summary.get();
        if (readOnly.get()) {
            error.set(text("readOnly.refused", "RestoreSecret"));
            return false;
        }
        if (!canRestore.get()) {
            return false;
        }
        return change(new SecretMutation.Restore(s.scope(), s.arn()), text("notice.restored", s.name()), null);
    }

    // ---- Internals -----------------------------------------------------------------------------

    private record Loaded(SecretSummary summary, List<SecretVersion> versions) {}

    private void selected(SecretSummary s) {
        SecretSummary shown = summary.get();
        if (s != null && shown != null && !gone.get() && Objects.equals(s.arn(), shown.arn())
                && s.scope().id().equals(shown.scope().id())) {
            // the same secret, listed again (an inventory refresh): keep what is open, describe it again
            refresh();
            return;
        }
        secretGeneration++;
        if (loadTask != null) {
            loadTask.cancel();
            loadTask = null;
        }
        busy.set(false);
        gone.set(false);
        error.set(null);
        notice.set(null);
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

    private <R> boolean change(SecretMutation<R> mutation, String done, Runnable after) {
        return write(() -> mutations.apply(mutation), r -> {
            if (after != null) {
                after.run();
            }
            return done;
        }, true, false);
    }

    /**
     * Runs a change in the background (busy, counted in {@link #changeCountProperty()}). Writes are
     * not latest-wins: a change once sent completes; only its outcome is not shown when another
     * secret was chosen meanwhile.
     */
    private <R> boolean write(Callable<R> work, Function<R, String> done, boolean clearNotice, boolean refreshOnFailure) {
        busy.set(true);
        error.set(null);
        if (clearNotice) {
            notice.set(null);
        }
        long gen = secretGeneration;
        executor.submit(work, r -> {
            busy.set(false);
            changeCount.set(changeCount.get() + 1);
            if (gen == secretGeneration) {
                notice.set(done.apply(r));
                refresh();
            }
        }, e -> {
            busy.set(false);
            error.set(ErrorText.of(e));
            if (refreshOnFailure && gen == secretGeneration) {
                refresh();
            }
        });
        return true;
    }

    private boolean mayMutate(String action) {
        if (readOnly.get()) {
            error.set(text("readOnly.refused", action));
            return false;
        }
        return canMutate.get();
    }


    private void versionsListed(List<SecretVersion> sorted) {
        value.versionsListed(sorted);
        updateGates();
    }

    private void showOverview(SecretSummary s) {
        summary.set(s);
        name.set(s.name());
        scopeLabel.set(s.scope().label());
        arn.set(s.arn());
        description.set(s.description() == null || s.description().isBlank() ? text("none") : s.description());
        kmsKey.set(s.kmsKeyId() == null || KmsKeyChoice.DEFAULT.matches(s.kmsKeyId())
                ? text("kms.default") : s.kmsKeyId());
        created.set(DetailFormat.time(s.created()));
        lastChanged.set(DetailFormat.timeAndAge(s.lastChanged(), clock, texts));
        lastAccessed.set(s.lastAccessed() == null ? text("accessed.never") : DetailFormat.day(s.lastAccessed()));
        deletion.set(s.deletedDate() == null ? text("none")
                : text("deletion.scheduled", DetailFormat.time(s.deletedDate()), DetailFormat.relativeDays(s.deletedDate(), clock, texts)));
        owningService.set(s.owningService() == null ? text("none") : s.owningService());
        rotation.set(rotationText(s.rotation()));
        plannedForDeletion.set(s.isPlannedForDeletion());
        tags.show(s.tags());
    }

    private String rotationText(SecretSummary.Rotation r) {
        if (!r.enabled()) {
            return text("rotation.off");
        }
        String schedule = r.automaticallyAfterDays() != null ? text("rotation.days", r.automaticallyAfterDays())
                : r.scheduleExpression() != null ? r.scheduleExpression() : "";
        return text("rotation.on", schedule, DetailFormat.time(r.nextRotation()));
    }

    private void clearOverview() {
        for (ReadOnlyStringWrapper p : List.of(name, scopeLabel, arn, description, kmsKey, created, lastChanged, lastAccessed,
                deletion, owningService, rotation)) {
            p.set(null);
        }
        plannedForDeletion.set(false);
        tags.clear();
    }

    private void updateGates() {
        SecretSummary s = summary.get();
        boolean present = s != null && s.arn() != null && !gone.get();
        boolean mutable = present && !readOnly.get() && !busy.get() && !plannedForDeletion.get();
        canMutate.set(mutable);
        canRestore.set(present && !readOnly.get() && !busy.get() && plannedForDeletion.get());
    }

    /** The detail's texts, for its views. */
    public Texts texts() {
        return texts;
    }

    private String text(String key, Object... args) {
        return texts.format(key, args);
    }

    static String shortId(String versionId) {
        return versionId == null ? "\u2014" : versionId.length() <= 8 ? versionId : versionId.substring(0, 8) + "\u2026";
    }
}
