package io.strongroom.ui.common;

import io.strongroom.testing.HeldUiExecutor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LatestWinsTest {

    @Test
    void aLateAnswerOfAnEarlierStartIsDropped() {
        HeldUiExecutor executor = new HeldUiExecutor();
        LatestWins op = new LatestWins(this, executor);
        List<String> shown = new ArrayList<>();
        op.run(p -> "first secret", shown::add);
        op.run(p -> "second secret", shown::add);
        assertTrue(op.isBusy());
        assertEquals(1, executor.cancelledCount(), "the first run is cancelled when the second starts");
        executor.finishAllEvenCancelled();
        assertEquals(List.of("second secret"), shown);
        assertFalse(op.isBusy());
    }

    @Test
    void aFailureShowsAsTextAndTheNextStartClearsIt() {
        LatestWins op = new LatestWins(this, new DirectUiExecutor());
        op.run(p -> {
            throw new IllegalStateException("the store is closed");
        }, x -> { });
        assertEquals("the store is closed", op.errorProperty().get());
        assertFalse(op.isBusy());
        op.run(p -> "ok", x -> { });
        assertNull(op.errorProperty().get());
    }

    @Test
    void aFailureHandlerDecidesWhatIsShown() {
        LatestWins op = new LatestWins(this, new DirectUiExecutor());
        List<Throwable> seen = new ArrayList<>();
        op.run(p -> {
            throw new IllegalStateException("gone");
        }, x -> { }, seen::add);
        assertEquals(1, seen.size());
        assertNull(op.errorProperty().get(), "the handler chose not to show it");
    }

    @Test
    void cancelDropsTheAnswerAndClearsBusy() {
        HeldUiExecutor executor = new HeldUiExecutor();
        LatestWins op = new LatestWins(this, executor);
        List<String> shown = new ArrayList<>();
        op.run(p -> "answer", shown::add);
        op.cancel();
        assertFalse(op.isBusy());
        executor.finishAllEvenCancelled();
        assertEquals(List.of(), shown);
    }

    @Test
    void progressOfTheLatestRunIsPublishedAndASupersededRunsIsNot() {
        HeldUiExecutor executor = new HeldUiExecutor();
        LatestWins op = new LatestWins(this, executor);
        LatestWins.Progress[] first = new LatestWins.Progress[1];
        op.run(p -> {
            first[0] = p;
            return 1;
        }, x -> { });
        executor.finishOldest();
        // the first run has finished; a second run reports while the first's reporter is still held
        op.run(p -> {
            p.report(0.5, "12 of 24 scopes");
            first[0].report(0.9, "stale");
            assertEquals(0.5, op.progressProperty().get());
            assertEquals("12 of 24 scopes", op.progressMessageProperty().get());
            return 2;
        }, x -> { });
        assertEquals(LatestWins.INDETERMINATE, op.progressProperty().get(), "a new run starts indeterminate");
        executor.finishAllEvenCancelled();
        assertEquals(1.0, op.progressProperty().get());
        assertNull(op.progressMessageProperty().get());
    }
}
