package io.strongroom.ui.editor;

import io.strongroom.domain.Scope;
import io.strongroom.domain.ScopeError;
import io.strongroom.service.FanOut;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * A fan-out listing waited for to its end in the background: every page of every scope, and the
 * scopes that failed. Interrupting the waiting thread (a newer load superseded this one) cancels
 * the listing.
 *
 * @param items    every item delivered, in the order the pages arrived
 * @param failures one error per scope that could not be listed
 */
record ScopeListing<T>(List<T> items, List<ScopeError> failures) {

    ScopeListing {
        items = List.copyOf(items);
        failures = List.copyOf(failures);
    }

    /** Starts the listing with {@code start} (handing it the listener to report to) and waits until every scope ended. */
    static <T> ScopeListing<T> await(Function<FanOut.Listener<T>, FanOut.Handle> start)
            throws InterruptedException, ExecutionException {
        List<T> found = Collections.synchronizedList(new ArrayList<>());
        List<ScopeError> failures = Collections.synchronizedList(new ArrayList<>());
        FanOut.Handle handle = start.apply(new FanOut.Listener<>() {
            @Override
            public void page(Scope scope, List<T> items) {
                found.addAll(items);
            }

            @Override
            public void failed(Scope scope, ScopeError error) {
                failures.add(error);
            }
        });
        try {
            handle.done().get();
        } catch (InterruptedException e) {
            handle.cancel();
            throw e;
        }
        return new ScopeListing<>(found, failures);
    }
}
