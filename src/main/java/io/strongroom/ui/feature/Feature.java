package io.strongroom.ui.feature;

/**
 * One feature of the console (inventory, journal, settings; rotation, audit… later), wired in by
 * one line at the composition root. From the {@link FeatureContext} it takes the services and
 * console collaborators it needs; into the {@link Contributions} it puts its navigation sections
 * (their views built on first show) and its secret-detail tabs.
 */
@FunctionalInterface
public interface Feature {

    /** Called once, on the FX thread, before the window is built: contribute, build nothing heavy. */
    void contribute(FeatureContext context, Contributions contributions);
}
