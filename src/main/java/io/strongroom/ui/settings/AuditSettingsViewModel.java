package io.strongroom.ui.settings;

import io.strongroom.domain.AnomalyThresholds;
import io.strongroom.ui.common.DialogService;
import io.strongroom.ui.common.ErrorText;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.common.UiExecutor;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Settings → Audit: the anomaly thresholds, each typed and checked ({@link ThresholdField}).
 * Apply puts them in force at once (the console's thresholds property: the anomalies are found
 * again with them) and saves them in the background; if saving fails they still hold for this
 * run, and the user is told. Nothing can be applied before the saved settings are read.
 */
public final class AuditSettingsViewModel {

    /** Where the thresholds are kept (settings.json). Called off the FX thread. */
    @FunctionalInterface
    public interface Store {
        void saveAnomalyThresholds(AnomalyThresholds thresholds) throws Exception;
    }

    private final UiExecutor ui;
    private final Store store;
    private final ObjectProperty<AnomalyThresholds> applied;
    private final DialogService dialogs;
    private final Texts texts;
    private final ThresholdField learningDays;
    private final ThresholdField spikeFactor;
    private final ThresholdField spikeMinimum;
    private final ThresholdField deniedBurst;
    private final ThresholdField deniedWindowMinutes;
    private final ThresholdField offHoursMinimum;
    private final ThresholdField sweepSecrets;
    private final ThresholdField sweepWindowMinutes;
    private final List<ThresholdField> fields;
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyStringWrapper saveError = new ReadOnlyStringWrapper(this, "saveError");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice");
    private final BooleanBinding canApply;
    private final BooleanBinding canReset;
    private final Object saveLock = new Object();
    private volatile AnomalyThresholds toSave;

    /**
     * @param applied the thresholds in force (the console's, which the audit views follow)
     */
    public AuditSettingsViewModel(UiExecutor ui, Store store, ObjectProperty<AnomalyThresholds> applied, DialogService dialogs, Texts texts) {
        this.ui = Objects.requireNonNull(ui);
        this.store = Objects.requireNonNull(store);
        this.applied = Objects.requireNonNull(applied);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.texts = Objects.requireNonNull(texts);
        learningDays = new ThresholdField("learningDays", false, 0, 60, texts);
        spikeFactor = new ThresholdField("spikeFactor", true, 1.1, 100, texts);
        spikeMinimum = new ThresholdField("spikeMinimum", false, 1, 10_000, texts);
        deniedBurst = new ThresholdField("deniedBurst", false, 2, 1_000, texts);
        deniedWindowMinutes = new ThresholdField("deniedWindow", false, 1, 1_440, texts);
        offHoursMinimum = new ThresholdField("offHoursMinimum", false, 1, 100_000, texts);
        sweepSecrets = new ThresholdField("sweepSecrets", false, 2, 10_000, texts);
        sweepWindowMinutes = new ThresholdField("sweepWindow", false, 1, 1_440, texts);
        fields = List.of(learningDays, spikeFactor, spikeMinimum, deniedBurst, deniedWindowMinutes, offHoursMinimum, sweepSecrets,
                sweepWindowMinutes);
        List<Observable> deps = new ArrayList<>();
        deps.add(loaded);
        deps.add(applied);
        fields.forEach(f -> deps.add(f.textProperty()));
        Observable[] on = deps.toArray(Observable[]::new);
        canApply = Bindings.createBooleanBinding(() -> loaded.get() && fields.stream().allMatch(ThresholdField::valid)
                && !typed().equals(applied.get()), on);
        canReset = Bindings.createBooleanBinding(() -> loaded.get() && (!AnomalyThresholds.DEFAULT.equals(applied.get())
                || fields.stream().anyMatch(f -> !f.valid()) || !AnomalyThresholds.DEFAULT.equals(typed())), on);
        show(applied.get() == null ? AnomalyThresholds.DEFAULT : applied.get());
    }

    // ---- Properties -----------------------------------------------------------------------------

    /** The fields, in the order the screen shows them. */
    public List<ThresholdField> fields() {
        return fields;
    }

    /** True once the saved settings are in: the card is disabled before. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** Every field is valid and they differ from the thresholds in force. */
    public BooleanBinding canApplyProperty() {
        return canApply;
    }

    /** The thresholds in force or typed are not the defaults. */
    public BooleanBinding canResetProperty() {
        return canReset;
    }

    /** What the last command did, in words, or null. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Why the last save failed, or null. */
    public ReadOnlyStringProperty saveErrorProperty() {
        return saveError.getReadOnlyProperty();
    }

    // ---- Commands -------------------------------------------------------------------------------

    /** The saved thresholds, read at start-up (FX thread): in force and shown, not saved again. Enables the card. */
    public void restore(AnomalyThresholds saved) {
        AnomalyThresholds t = saved == null ? AnomalyThresholds.DEFAULT : saved;
        applied.set(t);
        show(t);
        loaded.set(true);
    }

    /** Puts the thresholds typed in force at once, and saves them. */
    public void apply() {
        if (!canApply.get()) {
            return;
        }
        AnomalyThresholds t = typed();
        applied.set(t);
        show(t);
        notice.set(texts.get("settings.audit.applied"));
        save(t);
    }

    /** The defaults, typed and applied. */
    public void resetToDefaults() {
        if (!canReset.get()) {
            return;
        }
        show(AnomalyThresholds.DEFAULT);
        if (!AnomalyThresholds.DEFAULT.equals(applied.get())) {
            applied.set(AnomalyThresholds.DEFAULT);
            notice.set(texts.get("settings.audit.reset"));
            save(AnomalyThresholds.DEFAULT);
        }
    }

    /** Forgets what was typed: the fields show the thresholds in force again. */
    public void revert() {
        show(applied.get());
        notice.set(null);
    }

    // ---- internals ------------------------------------------------------------------------------

    private void show(AnomalyThresholds t) {
        learningDays.show(t.learningDays());
        spikeFactor.show(t.spikeFactor());
        spikeMinimum.show(t.spikeMinimum());
        deniedBurst.show(t.deniedBurst());
        deniedWindowMinutes.show(Math.max(1, Math.round(t.deniedWindow().toSeconds() / 60.0)));
        offHoursMinimum.show(t.offHoursMinimum());
        sweepSecrets.show(t.sweepSecrets());
        sweepWindowMinutes.show(Math.max(1, Math.round(t.sweepWindow().toSeconds() / 60.0)));
    }

    /** The thresholds typed, or null while a field is not valid. */
    private AnomalyThresholds typed() {
        if (!fields.stream().allMatch(ThresholdField::valid)) {
            return null;
        }
        AnomalyThresholds now = applied.get() == null ? AnomalyThresholds.DEFAULT : applied.get();
        return new AnomalyThresholds(learningDays.intValue(), spikeFactor.value(), spikeMinimum.intValue(), deniedBurst.intValue(),
                minutes(deniedWindowMinutes, now.deniedWindow()), offHoursMinimum.intValue(), sweepSecrets.intValue(),
                minutes(sweepWindowMinutes, now.sweepWindow()));
    }

    /** The minutes typed; a window in force that is not whole minutes stays as it is while its minutes are unchanged. */
    private static Duration minutes(ThresholdField f, Duration inForce) {
        long typed = f.intValue();
        return Math.max(1, Math.round(inForce.toSeconds() / 60.0)) == typed ? inForce : Duration.ofMinutes(typed);
    }

    private void save(AnomalyThresholds t) {
        toSave = t;
        ui.submit(() -> {
            synchronized (saveLock) {
                store.saveAnomalyThresholds(toSave);
            }
            return Boolean.TRUE;
        }, done -> saveError.set(null), error -> {
            saveError.set(ErrorText.of(error));
            dialogs.showError(texts.get("settings.saveFailed"), error);
        });
    }
}
