package io.strongroom.ui.common;

import io.strongroom.testing.HeldUiExecutor;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The state every dialog's command shares, without a store and without the FX thread: the
 * executor here holds work until the test finishes it, so the in-flight state can be seen.
 */
class DialogCommandTest {

    private final HeldUiExecutor executor = new HeldUiExecutor();
    private final SimpleBooleanProperty readOnly = new SimpleBooleanProperty();
    /** The editor's texts, which hold the command's two read-only texts. */
    private final Texts texts = Texts.load().in("io.strongroom.ui.editor.messages");
    private final DialogCommand.Context ctx = new DialogCommand.Context(executor, readOnly, texts);

    /** The view model's own verdict, as its validation would find it. */
    private String ownProblem;
    private int validations;
    private final DialogCommand<String> command = new DialogCommand<>(this, ctx, "PutSecretValue", "canSave", "saved", this::validate);

    private void validate() {
        validations++;
        command.settle(ownProblem);
    }

    @Test
    void theViewModelsProblemComesFirstThenTheReadOnlyMode() {
        validate();
        assertNull(command.problemProperty().get());
        assertTrue(command.canRunProperty().get());

        ownProblem = "The name is too long.";
        readOnly.set(true);
        assertEquals("The name is too long.", command.problemProperty().get());
        assertFalse(command.canRunProperty().get());

        ownProblem = null;
        validate();
        assertEquals(texts.format("readOnly.banner"), command.problemProperty().get());
        assertFalse(command.canRunProperty().get());
    }

    @Test
    void notReadyIsNoProblemButStillNoRun() {
        command.settle(null, false);
        assertNull(command.problemProperty().get());
        assertFalse(command.canRunProperty().get());
    }

    @Test
    void aChangeOfTheReadOnlyModeValidatesAgain() {
        validate();
        int before = validations;
        readOnly.set(true);
        assertEquals(before + 1, validations);
        assertFalse(command.canRunProperty().get());
        readOnly.set(false);
        assertTrue(command.canRunProperty().get());
    }

    @Test
    void readOnlyRefusesNamingTheActionAndTheSecret() {
        readOnly.set(true);
        assertFalse(command.mayRun("prod/db"));
        assertEquals("Read-only mode: PutSecretValue prod/db was not sent.", command.errorProperty().get());
        assertEquals(0, executor.heldCount());
    }

    @Test
    void aProblemRefusesQuietly() {
        ownProblem = "Add at least one key.";
        assertFalse(command.mayRun("prod/db"));
        assertNull(command.errorProperty().get(), "the problem is shown already; it is no error");
    }

    @Test
    void busyWhileTheCallIsInFlightThenTheResultAfterWhatMustHappenFirst() {
        assertTrue(command.mayRun("prod/db"));
        List<String> order = new ArrayList<>();
        command.resultProperty().addListener((o, was, now) -> order.add("result " + now));
        command.send(() -> "v2", () -> order.add("wiped"));

        assertTrue(command.busyProperty().get());
        assertFalse(command.canRunProperty().get(), "no second call while one is in flight");
        assertFalse(command.mayRun("prod/db"));

        executor.finishAll();
        assertFalse(command.busyProperty().get());
        assertEquals(List.of("wiped", "result v2"), order);
        assertFalse(command.mayRun("prod/db"), "a command runs once");
    }

    @Test
    void aFailureStaysToBeReadAndTheCommandMayBeTriedAgain() {
        assertTrue(command.mayRun("prod/db"));
        command.send(() -> {
            throw new IllegalStateException("AccessDeniedException: not allowed");
        });
        executor.finishAll();
        assertEquals("AccessDeniedException: not allowed", command.errorProperty().get());
        assertFalse(command.busyProperty().get());
        assertNull(command.resultProperty().get());
        assertTrue(command.canRunProperty().get());

        command.send(() -> "v2");
        assertNull(command.errorProperty().get(), "a new attempt clears the old error");
        executor.finishAll();
        assertEquals("v2", command.resultProperty().get());
    }

    @Test
    void otherWorkSharesBusyAndErrorButPublishesNoResult() {
        List<Integer> loaded = new ArrayList<>();
        command.inBackground(() -> 42, loaded::add);
        assertTrue(command.busyProperty().get());
        executor.finishAll();
        assertEquals(List.of(42), loaded);
        assertNull(command.resultProperty().get());
        assertTrue(command.canRunProperty().get());
    }

    @Test
    void aLongCallReportsItsProgressWhileBusy() {
        assertTrue(command.mayRun("prod/db"));
        List<String> seen = new ArrayList<>();
        command.progressMessageProperty().addListener((o, was, now) -> seen.add(now + " " + command.progressProperty().get()));
        command.sendReporting(progress -> {
            progress.report(0.5, "half way");
            return "v2";
        }, () -> { });
        assertEquals(LatestWins.INDETERMINATE, command.progressProperty().get(), "nothing reported before the call runs");

        executor.finishAll();
        assertEquals(1.0, command.progressProperty().get(), "complete once the call answered");
        assertNull(command.progressMessageProperty().get());
        assertEquals("v2", command.resultProperty().get());
        assertEquals(List.of("half way 0.5", "null 1.0"), seen);
    }

    @Test
    void aCancelledCallPublishesNoResult() {
        assertTrue(command.mayRun("prod/db"));
        command.send(() -> "v2");
        command.cancel();
        assertFalse(command.busyProperty().get());
        executor.finishAll();
        assertNull(command.resultProperty().get(), "the dialog was closed; the answer is dropped");
        assertTrue(command.canRunProperty().get());
    }
}
