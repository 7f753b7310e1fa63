package io.strongroom.ui.audit.secret;

import io.strongroom.ui.audit.timeline.AuditParts;
import io.strongroom.ui.common.DetailHost;
import io.strongroom.ui.common.DetailTab;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.feature.FeatureContext;
import io.strongroom.ui.secret.DetailHeaderLine;
import javafx.scene.Node;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * The Audit tab of the secret detail (its CloudTrail events of the last 90 days on a timeline and
 * in a list), and "Last read by" in the detail's header. {@link SecretAuditFeature} contributes it
 * with {@code contributions.detailTab(AuditTab.factory(context))}.
 */
public final class AuditTab implements DetailTab, DetailHeaderLine {

    public static final String ID = "audit";
    /** The tab's texts: the audit parts' bundle, read through {@link Texts#in}. */
    public static final String BUNDLE = AuditParts.BUNDLE;

    private final String title;
    private final Supplier<? extends Node> view;
    private final Supplier<? extends Node> line;
    private Node content;
    private Node headerLine;

    AuditTab(String title, Supplier<? extends Node> view, Supplier<? extends Node> line) {
        this.title = Objects.requireNonNull(title);
        this.view = Objects.requireNonNull(view);
        this.line = Objects.requireNonNull(line);
    }

    /** The tab for each detail pane, on the console's audit service, executor, clock and formats. */
    public static DetailTab.Factory factory(FeatureContext context) {
        Texts texts = context.texts().in(BUNDLE);
        return host -> create(host, context, texts);
    }

    private static AuditTab create(DetailHost host, FeatureContext context, Texts texts) {
        AuditTabViewModel vm = new AuditTabViewModel(host.secretProperty(), context.audit(), context.ui(), context.clock());
        return new AuditTab(texts.get("tab.audit"), () -> new AuditTabView(vm, texts, context.formats()),
                () -> new LastReadLine(vm, texts, context.formats()));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public Node content() {
        if (content == null) {
            content = view.get();
        }
        return content;
    }

    @Override
    public Node headerLine() {
        if (headerLine == null) {
            headerLine = line.get();
        }
        return headerLine;
    }
}
