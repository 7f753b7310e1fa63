package io.strongroom.ui.journal;

import io.strongroom.service.journal.ActionDetails;
import io.strongroom.service.journal.JournalEntry;
import io.strongroom.service.journal.PolicyDigest;
import io.strongroom.service.journal.ReadOnlyGuard;
import io.strongroom.service.journal.ValueKind;
import io.strongroom.ui.common.Texts;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The words of one journal row: a {@link JournalEntry} as the table and its tooltips show it,
 * from the journal's bundle. Kept apart from {@link JournalViewModel}, which loads, pages and
 * filters entries and leaves their sentences to this class.
 */
final class JournalRows {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** Version IDs are long UUIDs; the table shows their first characters, the tooltip all of them. */
    private static final int SHORT_VERSION = 8;

    private final Texts text;
    private final ZoneId zone;

    JournalRows(Texts text, ZoneId zone) {
        this.text = Objects.requireNonNull(text, "text");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    JournalRow row(JournalEntry e) {
        String time = TIME.format(e.startedAt().atZone(zone));
        String principal = e.actor().identityArn() == null ? null : shortPrincipal(e.actor().identityArn());
        String identity = format("identity.withUser",
                principal != null ? principal : e.actor().credentials(), e.actor().osUser());
        String identityDetail = format("identity.detail",
                e.actor().identityArn() != null ? e.actor().identityArn() : text.get("identity.unknown"),
                e.actor().credentials(), e.actor().osUser());
        String endpoint = text.get("endpoint." + e.scope().endpointKind().name())
                + (e.scope().endpoint() == null ? "" : " " + e.scope().endpoint());
        String scopeDetail = format("scope.detail",
                e.scope().accountId() == null ? e.scope().accountAlias() : e.scope().accountAlias() + " (" + e.scope().accountId() + ")",
                e.scope().region(), endpoint);
        String actionName = text.get("action." + e.action().name());
        String detailShort = details(e.details(), true);
        String detailLong = details(e.details(), false);
        String action = detailShort.isEmpty() ? actionName : format("detail.wrap", actionName, detailShort);
        String actionDetail = (detailLong.isEmpty() ? actionName : format("detail.wrap", actionName, detailLong))
                + " (" + e.action().awsOperation() + ")";

        String result;
        String resultDetail;
        JournalRow.Tone tone;
        switch (e.result()) {
            case OK -> {
                result = text.get("result.OK");
                resultDetail = e.outcome().targetArn() == null ? result : result + "\n" + e.outcome().targetArn();
                tone = JournalRow.Tone.SUCCESS;
            }
            case FAILED -> {
                boolean refused = ReadOnlyGuard.READ_ONLY.equals(e.outcome().errorCode());
                result = refused ? text.get("result.REFUSED") : format("result.FAILED", e.outcome().errorCode());
                resultDetail = e.outcome().httpStatus() == 0 ? result
                        : format("result.detail.FAILED", e.outcome().errorCode(), e.outcome().httpStatus());
                tone = refused ? JournalRow.Tone.REFUSED : JournalRow.Tone.FAILURE;
            }
            case IN_PROGRESS -> {
                result = text.get("result.IN_PROGRESS");
                resultDetail = result;
                tone = JournalRow.Tone.PENDING;
            }
            default -> {
                result = text.get("result.UNKNOWN");
                resultDetail = text.get("result.detail.UNKNOWN");
                tone = JournalRow.Tone.UNKNOWN;
            }
        }
        return new JournalRow(e, time, identity, identityDetail, e.scope().label(), scopeDetail, action, actionDetail,
                e.target(), e.outcome().targetArn() == null ? e.target() : e.target() + "\n" + e.outcome().targetArn(),
                result, resultDetail, tone, e.outcome().requestId() == null ? "" : e.outcome().requestId());
    }

    /** {@code arn:aws:iam::111122223333:user/ops/alice} → {@code user/ops/alice}; STS assumed roles likewise. */
    static String shortPrincipal(String arn) {
        String[] parts = arn.split(":", 6);
        return parts.length == 6 && !parts[5].isEmpty() ? parts[5] : arn;
    }

    private String details(ActionDetails d, boolean brief) {
        List<String> parts = new ArrayList<>();
        if (d instanceof ActionDetails.Create c) {
            parts.add(value(c.value()));
            if (!c.tagKeys().isEmpty()) {
                parts.add(format("detail.tags", String.join(", ", c.tagKeys())));
            }
            if (c.kmsKeyId() != null) {
                parts.add(format("detail.kmsKey", c.kmsKeyId()));
            }
        } else if (d instanceof ActionDetails.PutValue p) {
            parts.add(value(p.value()));
            if (!p.stages().isEmpty()) {
                parts.add(format("detail.stages", String.join(", ", p.stages())));
            }
        } else if (d instanceof ActionDetails.Update u) {
            if (u.descriptionChanged()) {
                parts.add(text.get("detail.description"));
            }
            if (u.kmsKeyId() != null) {
                parts.add(format("detail.kmsKey", u.kmsKeyId()));
            }
            if (u.value() != ValueKind.NONE) {
                parts.add(value(u.value()));
            }
        } else if (d instanceof ActionDetails.MoveStage m) {
            parts.add(m.toVersionId() == null ? format("detail.moveRemove", m.stage())
                    : format("detail.move", m.stage(), version(m.toVersionId(), brief)));
            if (!brief && m.fromVersionId() != null) {
                parts.add(format("detail.moveFrom", m.fromVersionId()));
            }
        } else if (d instanceof ActionDetails.Rollback r) {
            if (r.toVersionId() != null) {
                parts.add(format("detail.rollback", version(r.toVersionId(), brief)));
            }
        } else if (d instanceof ActionDetails.Delete del) {
            parts.add(del.force() ? text.get("detail.force") : format("detail.recovery", del.recoveryWindowDays()));
        } else if (d instanceof ActionDetails.Tag t) {
            parts.add(String.join(", ", t.tagKeys()));
        } else if (d instanceof ActionDetails.Untag u) {
            parts.add(String.join(", ", u.tagKeys()));
        } else if (d instanceof ActionDetails.PutSecretPolicy p) {
            parts.add(policy(p.policy(), brief));
            if (p.blockPublic()) {
                parts.add(text.get("detail.blockPublic"));
            }
        } else if (d instanceof ActionDetails.PutKeyPolicy p) {
            parts.add(policy(p.policy(), brief));
        } else if (d instanceof ActionDetails.Rotate r) {
            if (r.function() != null) {
                parts.add(format("detail.rotateFunction", brief ? r.function().substring(r.function().lastIndexOf(':') + 1) : r.function()));
            }
            if (r.schedule() != null) {
                parts.add(format("detail.rotateSchedule", r.schedule()));
            }
            if (r.window() != null) {
                parts.add(format("detail.rotateWindow", r.window()));
            }
            if (!r.immediately()) {
                parts.add(text.get("detail.rotateLater"));
            }
        } else if (d instanceof ActionDetails.Replicate r) {
            r.regions().forEach(t -> parts.add(t.kmsKeyId() == null ? format("detail.replicaRegion", t.region())
                    : format("detail.replicaRegionKey", t.region(), t.kmsKeyId())));
            if (r.forceOverwrite()) {
                parts.add(text.get("detail.forceOverwrite"));
            }
        } else if (d instanceof ActionDetails.RemoveReplicaRegions r) {
            r.regions().forEach(region -> parts.add(format("detail.replicaRegion", region)));
        } else if (d instanceof ActionDetails.ScheduleKeyDeletion k) {
            parts.add(format("detail.pendingDays", k.pendingWindowDays()));
        } else if (d instanceof ActionDetails.EnableKeyRotation k && k.rotationPeriodDays() != null) {
            parts.add(format("detail.rotationPeriod", k.rotationPeriodDays()));
        }
        return String.join(text.get("detail.separator"), parts.stream().filter(s -> !s.isEmpty()).toList());
    }

    /** A written policy: its size and digest (the tooltip has the whole digest, to compare with sha256sum). */
    private String policy(PolicyDigest p, boolean brief) {
        return format("detail.policy", p.bytes(), brief ? p.sha256().substring(0, SHORT_VERSION) + "\u2026" : p.sha256());
    }

    private String value(ValueKind v) {
        return text.get("value." + v.name());
    }

    private static String version(String id, boolean brief) {
        return brief && id.length() > SHORT_VERSION ? id.substring(0, SHORT_VERSION) + "\u2026" : id;
    }

    private String format(String key, Object... args) {
        return text.format(key, args);
    }
}
