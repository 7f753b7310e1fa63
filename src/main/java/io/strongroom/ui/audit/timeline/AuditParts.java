package io.strongroom.ui.audit.timeline;

/**
 * The audit parts (the timeline, the anomalies panel, the secret's Audit tab) share one bundle:
 * {@code io/strongroom/ui/audit/audit-parts.properties}, read through
 * {@link io.strongroom.ui.common.Texts#in}. Here, not on a view, so models may name it too.
 */
public final class AuditParts {

    public static final String BUNDLE = "io.strongroom.ui.audit.audit-parts";

    private AuditParts() {}
}
