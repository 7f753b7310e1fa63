package io.strongroom.ui.feature;

import io.strongroom.ui.common.Icons;
import javafx.scene.layout.Pane;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContributionsTest {

    private static Section section(String id, int order) {
        return new Section(id, "nav." + id, Icons.NAV_INVENTORY, order, Section.Placement.MAIN, false);
    }

    @Test
    void sectionsComeInNavigationOrderWhateverTheOrderFeaturesContributeIn() {
        Contributions all = new Contributions();
        all.section(section("journal", 80), Pane::new);
        new PlannedSections().contribute(null, all);
        all.section(section("inventory", 10), Pane::new);

        assertEquals(java.util.List.of("inventory", "findings", "incident", "journal"),
                all.sections().stream().map(e -> e.section().id()).toList());
    }

    @Test
    void aPlannedSectionHasNoViewAndAContributedOneHasItsOwn() {
        Contributions all = new Contributions();
        all.section(section("inventory", 10), Pane::new);
        new PlannedSections().contribute(null, all);

        assertTrue(all.sections().get(0).hasView());
        assertFalse(all.sections().get(1).hasView());
        assertTrue(all.sections().get(1).section().planned());
    }

    @Test
    void twoFeaturesCannotClaimTheSameSection() {
        Contributions all = new Contributions();
        all.section(section("inventory", 10), Pane::new);
        assertThrows(IllegalArgumentException.class, () -> all.sectionWithoutView(section("inventory", 20)));
    }

    @Test
    void detailTabsKeepTheirContributionOrder() {
        Contributions all = new Contributions();
        io.strongroom.ui.common.DetailTab.Factory first = host -> null;
        io.strongroom.ui.common.DetailTab.Factory second = host -> null;
        all.detailTab(first);
        all.detailTab(second);
        assertEquals(java.util.List.of(first, second), all.detailTabs());
    }
}
