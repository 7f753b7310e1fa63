package io.strongroom.ui.keys;

import io.strongroom.domain.KeyInfo;
import io.strongroom.service.journal.SecretMutation;
import io.strongroom.service.journal.SecretMutations;
import io.strongroom.ui.common.LatestWins;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.common.UiExecutor;
import io.strongroom.ui.policy.PolicyTarget;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.value.ObservableBooleanValue;

import java.util.Objects;
import java.util.function.Function;

/**
 * The changes to the selected key, every one through the journaled mutations (refused in read-only
 * mode, and disabled here then): enable, disable, schedule deletion (7 to 30 days) and cancel it,
 * automatic rotation on (with a period of 90 to 2560 days) or off, rotate now. Disabling and
 * scheduling deletion first show what would become unreadable ({@link KeyImpactPrompt}); nothing is
 * sent unless the user typed the key's name. AWS managed keys (aws/secretsmanager) cannot be
 * changed: every action is disabled and {@link #lockedReasonProperty()} says why.
 */
public final class KeyActionsModel {

    public static final int MIN_DELETION_DAYS = 7;
    public static final int MAX_DELETION_DAYS = 30;
    public static final int MIN_ROTATION_DAYS = 90;
    public static final int MAX_ROTATION_DAYS = 2560;

    private final KeysViewModel keys;
    private final SecretMutations mutations;
    private final KeyImpactPrompt prompt;
    private final Texts texts;
    private final Runnable changed;
    private final LatestWins writing;
    private final IntegerProperty deletionDays = new SimpleIntegerProperty(this, "deletionDays", MAX_DELETION_DAYS);
    private final IntegerProperty rotationDays = new SimpleIntegerProperty(this, "rotationDays", 365);
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final BooleanBinding changeable;
    private final StringBinding lockedReason;

    /** @param changed told after a key changed (the inventory's key states are read again) */
    public KeyActionsModel(KeysViewModel keys, SecretMutations mutations, UiExecutor ui, ObservableBooleanValue readOnly,
                           KeyImpactPrompt prompt, Texts texts, Runnable changed) {
        this.keys = Objects.requireNonNull(keys);
        this.mutations = Objects.requireNonNull(mutations);
        this.prompt = Objects.requireNonNull(prompt);
        this.texts = Objects.requireNonNull(texts);
        this.changed = Objects.requireNonNull(changed);
        this.writing = new LatestWins(this, ui);
        changeable = Bindings.createBooleanBinding(() -> {
            KeyRow r = keys.selectedProperty().get();
            return !readOnly.get() && r != null && !r.key().isAwsManaged() && r.key().detailError() == null && !writing.isBusy();
        }, readOnly, keys.selectedProperty(), writing.busyProperty());
        lockedReason = Bindings.createStringBinding(() -> {
            KeyRow r = keys.selectedProperty().get();
            if (r == null) {
                return "";
            }
            if (r.key().isAwsManaged()) {
                return texts.format("actions.awsManaged");
            }
            return readOnly.get() ? texts.format("actions.readOnly") : "";
        }, readOnly, keys.selectedProperty());
        keys.selectedProperty().addListener((o, was, now) -> {
            notice.set("");
            if (now != null && now.key().rotation().periodDays() != null) {
                rotationDays.set(now.key().rotation().periodDays());
            }
        });
    }

    // ---- Properties ----------------------------------------------------------------------------

    /** Whether the selected key may be changed here (a customer managed key, not read-only, nothing in flight). */
    public BooleanBinding changeableProperty() {
        return changeable;
    }

    /** Why the actions are disabled ("AWS manages this key…"), or empty. */
    public StringBinding lockedReasonProperty() {
        return lockedReason;
    }

    public IntegerProperty deletionDaysProperty() {
        return deletionDays;
    }

    public IntegerProperty rotationDaysProperty() {
        return rotationDays;
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return writing.errorProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return writing.busyProperty();
    }

    // ---- Commands ------------------------------------------------------------------------------

    public void enable() {
        change(k -> new SecretMutation.EnableKey(k.scope(), k.arn()), "notice.enabled");
    }

    /** Disables the key after the impact dialog's typed confirmation. */
    public void disable() {
        if (confirmed(KeyChange.DISABLE)) {
            change(k -> new SecretMutation.DisableKey(k.scope(), k.arn()), "notice.disabled");
        }
    }

    /** Schedules the key's deletion after {@link #deletionDaysProperty()} days, after the impact dialog's typed confirmation. */
    public void scheduleDeletion() {
        int days = Math.max(MIN_DELETION_DAYS, Math.min(MAX_DELETION_DAYS, deletionDays.get()));
        if (confirmed(KeyChange.SCHEDULE_DELETION)) {
            change(k -> new SecretMutation.ScheduleKeyDeletion(k.scope(), k.arn(), days), "notice.deletionScheduled");
        }
    }

    public void cancelDeletion() {
        change(k -> new SecretMutation.CancelKeyDeletion(k.scope(), k.arn()), "notice.deletionCancelled");
    }

    /** Turns automatic rotation on every {@link #rotationDaysProperty()} days. */
    public void enableRotation() {
        int days = Math.max(MIN_ROTATION_DAYS, Math.min(MAX_ROTATION_DAYS, rotationDays.get()));
        change(k -> new SecretMutation.EnableKeyRotation(k.scope(), k.arn(), days), "notice.rotationOn");
    }

    public void disableRotation() {
        change(k -> new SecretMutation.DisableKeyRotation(k.scope(), k.arn()), "notice.rotationOff");
    }

    public void rotateNow() {
        change(k -> new SecretMutation.RotateKeyOnDemand(k.scope(), k.arn()), "notice.rotated");
    }

    /**
     * The policy editor's gate for a key policy: the impact of the selected key (or of the key the
     * target names), with typed confirmation, before the policy is put.
     */
    public void askBeforePolicy(PolicyTarget target, Runnable proceed) {
        KeyRow r = keys.selectedProperty().get();
        if (r != null && target.arn().equals(r.key().arn()) && confirmed(KeyChange.POLICY)) {
            proceed.run();
        }
    }

    private boolean confirmed(KeyChange change) {
        KeyRow r = keys.selectedProperty().get();
        if (r == null || !changeable.get()) {
            return false;
        }
        boolean yes = prompt.confirm(new KeyImpactViewModel(keys.estateProperty().get().impactOf(r.key()), change, texts));
        if (!yes) {
            notice.set(texts.format("notice.notChanged"));
        }
        return yes;
    }

    private void change(Function<KeyInfo, SecretMutation<?>> mutation, String noticeKey) {
        KeyRow r = keys.selectedProperty().get();
        if (r == null || !changeable.get()) {
            return;
        }
        KeyInfo key = r.key();
        SecretMutation<?> m = mutation.apply(key);
        writing.run(p -> mutations.apply(m), done -> {
            notice.set(texts.format(noticeKey, key.displayName()));
            keys.reload(key);
            changed.run();
        });
    }
}
