package io.strongroom.ui.audit;

import io.strongroom.domain.AuditQuery;
import io.strongroom.domain.Scope;
import io.strongroom.service.audit.AuditService;
import io.strongroom.service.audit.AuditService.CallEstimate;
import io.strongroom.ui.common.DialogService;
import io.strongroom.ui.common.Texts;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a query costs before it runs: the LookupEvents calls it may make in the chosen scopes
 * (AWS allows 2 a second per account and region), shown beside Run, and the question asked
 * before a query that may make more than the threshold.
 */
final class QueryCost {

    private final AuditService audit;
    private final DialogService dialogs;
    private final Texts texts;
    private final int confirmAboveCalls;
    private final ReadOnlyObjectWrapper<CallEstimate> estimate = new ReadOnlyObjectWrapper<>(this, "estimate");
    private final ReadOnlyStringWrapper estimateText = new ReadOnlyStringWrapper(this, "estimateText", "");

    QueryCost(AuditService audit, DialogService dialogs, Texts texts, int confirmAboveCalls) {
        this.audit = Objects.requireNonNull(audit);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.texts = Objects.requireNonNull(texts);
        this.confirmAboveCalls = confirmAboveCalls;
    }

    ReadOnlyObjectProperty<CallEstimate> estimateProperty() {
        return estimate.getReadOnlyProperty();
    }

    /** {@link #estimateProperty()} in words, for beside Run; "" when the query cannot run. */
    ReadOnlyStringProperty estimateTextProperty() {
        return estimateText.getReadOnlyProperty();
    }

    /** The cost of {@code query} (null: none, it cannot run) in {@code scopes}, published. */
    CallEstimate estimate(List<Scope> scopes, AuditQuery query, int maxEventsPerScope) {
        CallEstimate c = query == null ? null : audit.estimate(scopes, query, maxEventsPerScope);
        estimate.set(c);
        estimateText.set(c == null ? "" : texts.format("estimate", c.maxCalls(), c.scopes(), duration(c.atLeast())));
        return c;
    }

    /** Whether {@code cost} is small enough to run without asking. */
    boolean small(CallEstimate cost) {
        return cost != null && cost.maxCalls() <= confirmAboveCalls;
    }

    /** True when {@code cost} is small, or the user agreed to it. */
    boolean agreed(CallEstimate cost) {
        return small(cost) || dialogs.confirm(texts.get("confirm.title"), confirmation(cost));
    }

    String confirmation(CallEstimate cost) {
        String text = texts.format("confirm.message", cost.maxCalls(), cost.scopes(), duration(cost.atLeast()));
        return cost.cachedScopes() == 0 ? text : text + " " + texts.format("confirm.cached", cost.cachedScopes());
    }

    /** "45 seconds", "12 minutes", "2 hours 5 minutes": how long a run takes at least. */
    String duration(Duration d) {
        long seconds = Math.max(0, (d.toMillis() + 999) / 1000);
        if (seconds < 120) {
            return texts.format("duration.seconds", seconds);
        }
        long minutes = (seconds + 59) / 60;
        if (minutes < 120) {
            return texts.format("duration.minutes", minutes);
        }
        return texts.format("duration.hours", minutes / 60, minutes % 60);
    }
}
