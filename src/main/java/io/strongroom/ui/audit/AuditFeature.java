package io.strongroom.ui.audit;

import io.strongroom.ui.audit.anomaly.AnomaliesModel;
import io.strongroom.ui.audit.anomaly.AnomaliesView;
import io.strongroom.ui.audit.timeline.AuditParts;
import io.strongroom.ui.audit.timeline.TimelineModel;
import io.strongroom.ui.audit.timeline.TimelineView;
import io.strongroom.domain.AnomalyThresholds;
import io.strongroom.ui.common.Formats;
import io.strongroom.ui.common.Icons;
import io.strongroom.ui.common.UiExecutor;
import javafx.beans.property.ReadOnlyObjectProperty;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.feature.Contributions;
import io.strongroom.ui.feature.Feature;
import io.strongroom.ui.feature.FeatureContext;
import io.strongroom.ui.feature.Section;

import java.time.Clock;

/**
 * The audit trail in the console: the navigation section "Audit" ({@link AuditView}), CloudTrail's
 * events of the chosen scopes with the timeline, who read what, the anomalies, the event table and
 * its exports.
 */
public final class AuditFeature implements Feature {

    public static final Section SECTION = new Section("audit", "nav.audit", Icons.NAV_AUDIT, 30, Section.Placement.MAIN, false);

    /** {@code io/strongroom/ui/audit/audit-view.properties}: the view's texts. */
    public static final String BUNDLE = "io.strongroom.ui.audit.audit-view";

    @Override
    public void contribute(FeatureContext context, Contributions contributions) {
        Texts texts = context.texts().in(BUNDLE);
        contributions.section(SECTION, () -> {
            AuditViewModel vm = new AuditViewModel(context.audit(), context.ui(), context.dialogs(), texts, context.clock(),
                    context.scopes());
            return compose(vm, texts, context.texts().in(AuditParts.BUNDLE), context.anomalyThresholds(), context.ui(),
                    context.formats(), context.clock());
        });
    }

    /** The view with its timeline and anomalies panel, connected to {@code vm}. */
    static AuditView compose(AuditViewModel vm, Texts texts, Texts parts, ReadOnlyObjectProperty<AnomalyThresholds> thresholds,
                             UiExecutor ui, Formats formats, Clock clock) {
        TimelineModel timeline = new TimelineModel(clock);
        AnomaliesModel anomalies = new AnomaliesModel(thresholds, parts, ui);
        AuditLinks.connect(vm, timeline, anomalies);
        return new AuditView(vm, texts, new TimelineView(timeline, parts, formats),
                new AnomaliesView(anomalies, parts, formats, events -> vm.showOnly(events, AuditLinks.why(anomalies))));
    }
}
