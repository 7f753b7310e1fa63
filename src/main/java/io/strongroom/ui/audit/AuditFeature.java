package io.strongroom.ui.audit;

import io.strongroom.ui.common.Icons;
import io.strongroom.ui.common.Styles;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.feature.Contributions;
import io.strongroom.ui.feature.Feature;
import io.strongroom.ui.feature.FeatureContext;
import io.strongroom.ui.feature.Section;
import javafx.scene.Node;
import javafx.scene.control.Label;

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
            return new AuditView(vm, texts, timeline(texts), anomalies(texts));
        });
    }

    /** The band of events over time. */
    private static Node timeline(Texts texts) {
        return placeholder(texts.get("placeholder.timeline"));
    }

    /** The anomalies panel. */
    private static Node anomalies(Texts texts) {
        return placeholder(texts.get("placeholder.anomalies"));
    }

    private static Label placeholder(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        return l;
    }
}
