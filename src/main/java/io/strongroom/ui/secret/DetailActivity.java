package io.strongroom.ui.secret;

import io.strongroom.domain.SecretVersion;
import io.strongroom.service.journal.SecretMutation;
import io.strongroom.service.journal.SecretMutations;
import io.strongroom.ui.common.ErrorText;
import io.strongroom.ui.common.UiExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What the detail is doing and has done: busy, the error and notice banners, the count of changes
 * made from it, and which secret's answers still count (the generation, moved on each time another
 * secret is chosen). Writes run through {@link #run}: they are not latest-wins (a change once sent
 * completes), only their outcome is not shown when another secret was chosen meanwhile.
 */
final class DetailActivity implements DetailChanges {

    private final UiExecutor executor;
    private final SecretMutations mutations;
    private final Runnable describeAgain;
    private final ObservableBooleanValue readOnly;
    private final ObservableBooleanValue canMutate;
    private final Function<String, String> refusal;
    private final Consumer<List<SecretVersion>> versionsListed;

    private long generation;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyLongWrapper changeCount = new ReadOnlyLongWrapper(this, "changeCount");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice");

    /**
     * @param describeAgain  describes the secret shown again (after a change)
     * @param readOnly       the console's read-only mode
     * @param canMutate      the detail's gate: whether changes may run now
     * @param refusal        the refusal shown for an action in read-only mode
     * @param versionsListed what the detail does when the versions part listed the versions by itself
     */
    DetailActivity(UiExecutor executor, SecretMutations mutations, Runnable describeAgain, ObservableBooleanValue readOnly,
                   ObservableBooleanValue canMutate, Function<String, String> refusal, Consumer<List<SecretVersion>> versionsListed) {
        this.executor = Objects.requireNonNull(executor);
        this.mutations = Objects.requireNonNull(mutations);
        this.describeAgain = Objects.requireNonNull(describeAgain);
        this.readOnly = Objects.requireNonNull(readOnly);
        this.canMutate = Objects.requireNonNull(canMutate);
        this.refusal = Objects.requireNonNull(refusal);
        this.versionsListed = Objects.requireNonNull(versionsListed);
    }

    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    ReadOnlyLongProperty changeCountProperty() {
        return changeCount.getReadOnlyProperty();
    }

    ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    void busy(boolean now) {
        busy.set(now);
    }

    @Override
    public void error(String text) {
        error.set(text);
    }

    @Override
    public void notice(String text) {
        notice.set(text);
    }

    @Override
    public boolean mayMutate(String action) {
        if (readOnly.get()) {
            error.set(refusal.apply(action));
            return false;
        }
        return canMutate.get();
    }

    @Override
    public <R> boolean write(Callable<R> work, Function<R, String> done) {
        return run(work, done, false, true);
    }

    @Override
    public void versionsListed(List<SecretVersion> sorted) {
        versionsListed.accept(sorted);
    }

    void countChange() {
        changeCount.set(changeCount.get() + 1);
    }

    /** Another secret is chosen (or this one is gone): answers started before no longer count. */
    void nextSecret() {
        generation++;
    }

    /** Which secret's answers count now; compare with {@link #current}. */
    long generation() {
        return generation;
    }

    boolean current(long gen) {
        return gen == generation;
    }

    @Override
    public <R> boolean change(SecretMutation<R> mutation, String done, Runnable after) {
        return run(() -> mutations.apply(mutation), r -> {
            if (after != null) {
                after.run();
            }
            return done;
        }, true, false);
    }

    /** Runs a change in the background (busy, counted in {@link #changeCountProperty()}). */
    <R> boolean run(Callable<R> work, Function<R, String> done, boolean clearNotice, boolean describeAfterFailure) {
        busy.set(true);
        error.set(null);
        if (clearNotice) {
            notice.set(null);
        }
        long gen = generation;
        executor.submit(work, r -> {
            busy.set(false);
            countChange();
            if (gen == generation) {
                notice.set(done.apply(r));
                describeAgain.run();
            }
        }, e -> {
            busy.set(false);
            error.set(ErrorText.of(e));
            if (describeAfterFailure && gen == generation) {
                describeAgain.run();
            }
        });
        return true;
    }
}
