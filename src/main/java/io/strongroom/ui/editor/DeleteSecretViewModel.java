package io.strongroom.ui.editor;

import io.strongroom.service.journal.SecretMutation;
import io.strongroom.domain.DeletionMode;
import io.strongroom.domain.SecretDeletion;
import io.strongroom.domain.SecretSummary;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The delete dialog: schedule deletion with a recovery window of 7 to 30 days (restorable until
 * then), or delete at once without recovery, which must be confirmed by typing the secret's
 * exact name.
 */
public final class DeleteSecretViewModel extends ChangeSecretModel<SecretDeletion> {

    private final Clock clock;

    private final BooleanProperty force = new SimpleBooleanProperty(this, "force");
    private final IntegerProperty recoveryDays = new SimpleIntegerProperty(this, "recoveryDays", DeletionMode.MAX_RECOVERY_DAYS);
    private final ReadOnlyObjectWrapper<Instant> recoverableUntil = new ReadOnlyObjectWrapper<>(this, "recoverableUntil");

    public DeleteSecretViewModel(EditorContext ctx, SecretSummary secret) {
        this(ctx, secret, Clock.systemUTC());
    }

    public DeleteSecretViewModel(EditorContext ctx, SecretSummary secret, Clock clock) {
        super(ctx, secret, "DeleteSecret", "canDelete", "deleted");
        this.clock = Objects.requireNonNull(clock);
        validateOn(force, recoveryDays);
    }

    /** Delete without recovery instead of scheduling. */
    public BooleanProperty forceProperty() {
        return force;
    }

    /** The recovery window in days, 7 to 30 (AWS's default is 30). */
    public IntegerProperty recoveryDaysProperty() {
        return recoveryDays;
    }

    /** Until when the secret could be restored with the chosen window; null when forced. */
    public ReadOnlyObjectProperty<Instant> recoverableUntilProperty() {
        return recoverableUntil.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canDeleteProperty() {
        return canRun();
    }

    /** What DeleteSecret answered, once it succeeded. */
    public ReadOnlyObjectProperty<SecretDeletion> deletedProperty() {
        return result();
    }

    // ---- Commands ------------------------------------------------------------------------------

    /**
     * Deletes as chosen; returns whether DeleteSecret was sent. A forced deletion first asks the
     * user to type the secret's name ({@code DialogService.confirmByTyping}); without the exact
     * name nothing is sent.
     */
    public boolean delete() {
        return submit();
    }

    @Override
    boolean send() {
        DeletionMode mode;
        if (force.get()) {
            boolean typed = ctx.dialogs().confirmByTyping(texts.format("delete.force.confirmTitle"),
                    texts.format("delete.force.confirmMessage", secret.name(), secret.scope().label()), secret.name());
            if (!typed) {
                return false;
            }
            mode = DeletionMode.forceWithoutRecovery();
        } else {
            mode = DeletionMode.withRecovery(recoveryDays.get());
        }
        command.send(() -> ctx.mutations().apply(new SecretMutation.Delete(secret.scope(), secret.arn(), mode)));
        return true;
    }

    @Override
    void validate() {
        String p = force.get() ? null : rules.recoveryWindowProblem(recoveryDays.get()).orElse(null);
        recoverableUntil.set(force.get() || p != null ? null : clock.instant().plus(Duration.ofDays(recoveryDays.get())));
        command.settle(first(p, when(secret.isPlannedForDeletion() && !force.get(), "delete.alreadyScheduled")));
    }
}
