package io.strongroom.ui.replication;

import io.strongroom.ui.common.Icons;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.feature.Contributions;
import io.strongroom.ui.feature.Feature;
import io.strongroom.ui.feature.FeatureContext;
import io.strongroom.ui.feature.Section;

/**
 * Multi-region secrets in the console: the navigation section "Replication" (the map of primaries
 * and their replicas, {@link ReplicationView}), the secret detail's Replication tab, and the
 * inventory's Replication column (which supersedes the built-in primary/replica column). The view
 * and the column share what is known of each primary ({@link ReplicationStates}).
 */
public final class ReplicationFeature implements Feature {

    public static final Section SECTION = new Section("replication", "nav.replication", Icons.NAV_REPLICATION, 40,
            Section.Placement.MAIN, false);

    /** {@code io/strongroom/ui/replication/replication.properties}. */
    public static final String BUNDLE = "io.strongroom.ui.replication.replication";

    @Override
    public void contribute(FeatureContext context, Contributions contributions) {
        Texts texts = context.texts().in(BUNDLE);
        ReplicationStates states = new ReplicationStates(context.replication(), context.ui());
        contributions.section(SECTION, () -> {
            ReplicationViewModel vm = new ReplicationViewModel(context.replication(), context.mutations(), context.ui(), context.scopes(),
                    context.readOnly(), texts, states, ReplicationViewModel.POLL_INTERVAL, ReplicationViewModel.POLL_ROUNDS);
            return new ReplicationView(vm, texts, context.formats())
                    .withBulkDialog((model, owner) -> BulkAddDialog.open(model, texts, vm.selected().size(), owner));
        });
        contributions.detailTab(host -> {
            ReplicationTabViewModel vm = new ReplicationTabViewModel(host.secretProperty(), host.readOnly(), context.replication(),
                    context.mutations(), context.ui(), context.dialogs(), texts, states, host::changed,
                    ReplicationViewModel.POLL_INTERVAL, ReplicationViewModel.POLL_ROUNDS);
            return new ReplicationTab(texts.get("tab.replication"), () -> new ReplicationTabView(vm, texts, context.formats()));
        });
        contributions.inventoryColumn(new ReplicationColumn(states, texts));
    }
}
