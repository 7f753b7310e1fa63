package io.strongroom.ui.secret;

import io.strongroom.domain.SecretVersion;
import io.strongroom.service.journal.SecretMutation;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * What a part of the detail (a built-in tab's view model) may ask of the detail: its read-only
 * check, its change runner and its banners. The detail owns busy, the banners and describing the
 * secret again; a part never talks to another part.
 */
interface DetailChanges {

    /** False (with the refusal shown) in read-only mode, else whether changes may run now. */
    boolean mayMutate(String action);

    /** Applies {@code mutation}, shows {@code done}, runs {@code after} (may be null) and describes the secret again. */
    <R> boolean change(SecretMutation<R> mutation, String done, Runnable after);

    /**
     * Runs {@code work} as one change (busy, counted); if the same secret is still shown,
     * {@code done} turns its answer into the notice; the secret is described again after, also
     * after a failure (part of it may have happened).
     */
    <R> boolean write(Callable<R> work, Function<R, String> done);

    /** The outcome of a command, in the notice banner. */
    void notice(String text);

    /** A failure (null clears the banner). */
    void error(String text);

    /** The versions part listed the versions again by itself (newest first): the value part keeps its labels current. */
    void versionsListed(List<SecretVersion> sorted);
}
