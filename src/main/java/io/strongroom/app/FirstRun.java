package io.strongroom.app;

import io.strongroom.local.LocalStore;

/**
 * What the console does the first time it starts an embedded store (no database existed in the
 * data directory): the demo estate, so a newcomer sees a populated window with no configuration.
 * Runs in the background before the first listing. Wire the real seeding here in one line:
 * {@code FirstRun demo = DemoEstate::seed;}
 */
@FunctionalInterface
public interface FirstRun {

    /** Nothing: an empty store stays empty. */
    FirstRun NONE = store -> { };

    /** Seeds {@code store} (the window then shows a demo badge). */
    void seed(LocalStore store) throws Exception;
}
