package io.strongroom.ui.keys;

/**
 * Shows the impact of a key change and waits for the user's typed confirmation (the view opens the
 * {@code KeyImpactDialog}; tests answer for the user). True only when the user typed the key's
 * name and confirmed.
 */
@FunctionalInterface
public interface KeyImpactPrompt {
    boolean confirm(KeyImpactViewModel impact);
}
