package io.strongroom.ui.feature;

import io.strongroom.ui.common.Icons;
import io.strongroom.ui.feature.Section.Placement;

import java.util.List;

/**
 * The sections of features planned for later releases: each shows its "coming later" page until
 * its feature lands and contributes the section with a view (moving the constant with it).
 */
public final class PlannedSections implements Feature {

    public static final Section FINDINGS = planned("findings", "nav.findings", Icons.NAV_FINDINGS, 60);
    public static final Section INCIDENT = planned("incident", "nav.incident", Icons.NAV_INCIDENT, 70);

    private static final List<Section> ALL = List.of(FINDINGS, INCIDENT);

    private static Section planned(String id, String textKey, Icons icon, int order) {
        return new Section(id, textKey, icon, order, Placement.MAIN, true);
    }

    @Override
    public void contribute(FeatureContext context, Contributions contributions) {
        ALL.forEach(contributions::sectionWithoutView);
    }
}
