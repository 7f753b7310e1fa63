package io.strongroom.ui.feature;

import io.strongroom.ui.common.Icons;

import java.util.Objects;

/**
 * A place in the left navigation, contributed by a feature. The navigation lists sections by
 * {@link #order()}, the {@link Placement#FOOT foot} ones apart at the bottom. A section shows its
 * feature's view; one contributed without a view shows a "coming in a later release" page if it
 * is {@link #planned()}, and is hidden otherwise (a feature still being written this release).
 *
 * @param id      stable id: the navigation item is {@code nav-<id>}, its placeholder {@code placeholder-<id>}
 * @param textKey the key of its name in the texts; its description is {@code textKey + ".about"}
 * @param order   position in the navigation, lowest first
 */
public record Section(String id, String textKey, Icons icon, int order, Placement placement, boolean planned) {

    /** Where the navigation puts a section: with the work sections, or at its foot (settings). */
    public enum Placement { MAIN, FOOT }

    public Section {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(textKey, "textKey");
        Objects.requireNonNull(icon, "icon");
        Objects.requireNonNull(placement, "placement");
    }
}
