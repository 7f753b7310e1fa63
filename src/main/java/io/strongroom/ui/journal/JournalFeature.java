package io.strongroom.ui.journal;

import io.strongroom.ui.common.Icons;
import io.strongroom.ui.feature.Contributions;
import io.strongroom.ui.feature.Feature;
import io.strongroom.ui.feature.FeatureContext;
import io.strongroom.ui.feature.Section;

/** The action journal viewer: its navigation section, after the planned ones. */
public final class JournalFeature implements Feature {

    public static final Section SECTION = new Section("journal", "nav.journal", Icons.NAV_JOURNAL, 80,
            Section.Placement.MAIN, false);

    @Override
    public void contribute(FeatureContext context, Contributions contributions) {
        contributions.section(SECTION, () -> new JournalView(new JournalViewModel(context.journal().get(), context.ui(),
                context.clipboard(), context.clock().getZone(), context.texts())));
    }
}
