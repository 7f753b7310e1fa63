package io.strongroom.ui.replication;

import io.strongroom.domain.ReplicaStatus;
import io.strongroom.domain.ReplicatedSecret;
import io.strongroom.domain.SecretSummary;
import io.strongroom.ui.common.InventoryColumn;
import io.strongroom.ui.common.Styles;
import io.strongroom.ui.common.Texts;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The inventory's Replication column: "Not replicated", "Replica of us-east-1" (both from the
 * secret's PrimaryRegion, free), and for a primary the worst of its replicas' status with its count
 * ("1 failed", "2 in progress", "3 in sync"), known once the Replication view has loaded the map
 * or, for a primary shown before that, after one DescribeSecret ({@link ReplicationStates}).
 * Filterable by Failed, InProgress, InSync, replica and not replicated. It supersedes the
 * inventory's built-in "replica" column (which only tells primary from replica).
 */
final class ReplicationColumn implements InventoryColumn<ReplicationColumn.Value> {

    /** What a cell says, worst first (the sort order). */
    enum Kind { FAILED, IN_PROGRESS, UNREADABLE, IN_SYNC, NO_REPLICAS, REPLICA, NONE }

    /** A cell's value: the kind, how many replicas it counts, and the detail (the primary's region, the error, the regions). */
    record Value(Kind kind, long count, String detail) {
        Value {
            Objects.requireNonNull(kind, "kind");
        }

        static Value of(Kind kind) {
            return new Value(kind, 0, null);
        }

        /** A filter choice: a kind without a count or detail. */
        boolean isChoice() {
            return count == 0 && detail == null;
        }
    }

    private final ReplicationStates states;
    private final Texts texts;

    ReplicationColumn(ReplicationStates states, Texts texts) {
        this.states = Objects.requireNonNull(states);
        this.texts = Objects.requireNonNull(texts);
    }

    @Override
    public String id() {
        return "replication";
    }

    @Override
    public String title(Texts consoleTexts) {
        return texts.get("column.replication");
    }

    @Override
    public Value value(SecretSummary secret) {
        if (secret == null) {
            return null;
        }
        if (secret.primaryRegion() == null || secret.primaryRegion().isEmpty()) {
            return Value.of(Kind.NONE);
        }
        if (secret.isReplica()) {
            return new Value(Kind.REPLICA, 0, secret.primaryRegion());
        }
        ReplicationStates.Entry entry = states.of(secret);
        if (entry == null) {
            return null;
        }
        if (entry.secret() == null) {
            return new Value(Kind.UNREADABLE, 0, entry.error());
        }
        return of(entry.secret());
    }

    /** A primary's cell: its worst status, counted. */
    static Value of(ReplicatedSecret s) {
        String regions = s.replicas().stream().map(r -> r.region() + ": " + r.status()
                + (r.statusMessage() == null ? "" : " — " + r.statusMessage())).collect(Collectors.joining("\n"));
        if (s.anyFailed()) {
            return new Value(Kind.FAILED, s.count(ReplicatedSecret.FAILED), regions);
        }
        if (s.anyInProgress()) {
            return new Value(Kind.IN_PROGRESS, s.count(ReplicatedSecret.IN_PROGRESS), regions);
        }
        long inSync = s.count(ReplicatedSecret.IN_SYNC);
        return inSync > 0 ? new Value(Kind.IN_SYNC, inSync, regions) : Value.of(Kind.NO_REPLICAS);
    }

    @Override
    public String text(Value v, SecretSummary secret, Words words) {
        if (v.isChoice() && v.kind() != Kind.NONE && v.kind() != Kind.NO_REPLICAS) {
            return texts.get("filter." + switch (v.kind()) {
                case FAILED -> "Failed";
                case IN_PROGRESS -> "InProgress";
                case IN_SYNC -> "InSync";
                default -> "replica";
            });
        }
        return switch (v.kind()) {
            case NONE -> texts.get("column.none");
            case REPLICA -> texts.format("column.replica", v.detail());
            case FAILED -> texts.format("column.failed", v.count());
            case IN_PROGRESS -> texts.format("column.inProgress", v.count());
            case IN_SYNC -> texts.format("column.inSync", v.count());
            case NO_REPLICAS -> texts.get("column.noReplicas");
            case UNREADABLE -> texts.get("column.unreadable");
        };
    }

    @Override
    public String emptyText(Words words) {
        return texts.get("column.loading");
    }

    @Override
    public String state(Value v, SecretSummary secret) {
        if (v == null) {
            return Styles.CELL_MUTED;
        }
        return switch (v.kind()) {
            case FAILED -> Styles.CELL_DANGER;
            case IN_PROGRESS, UNREADABLE -> Styles.CELL_WARNING;
            case IN_SYNC -> Styles.CELL_SUCCESS;
            case NONE, NO_REPLICAS -> Styles.CELL_MUTED;
            case REPLICA -> null;
        };
    }

    @Override
    public String tooltip(Value v, SecretSummary secret, Words words) {
        return v == null ? null : v.detail();
    }

    @Override
    public Comparator<Value> comparator() {
        return Comparator.comparing(Value::kind).thenComparing(Comparator.comparingLong(Value::count).reversed());
    }

    /** Filtering on Failed, InProgress or InSync reads every listed primary's state (one DescribeSecret each not yet known). */
    @Override
    public List<Value> filterChoices() {
        return List.of(Value.of(Kind.FAILED), Value.of(Kind.IN_PROGRESS), Value.of(Kind.IN_SYNC), Value.of(Kind.REPLICA),
                Value.of(Kind.NONE));
    }

    @Override
    public boolean passes(Value value, Value chosen) {
        return value != null && value.kind() == chosen.kind();
    }

    @Override
    public boolean shownByDefault() {
        return false;
    }

    @Override
    public double preferredWidth() {
        return 140;
    }

    @Override
    public void whenChanged(Runnable redraw) {
        states.addListener(redraw);
    }

    /** A status as the console words it. */
    static String statusText(ReplicaStatus r, Texts texts) {
        return r.status() == null ? texts.get("status.unknown") : texts.has("status." + r.status()) ? texts.get("status." + r.status())
                : r.status();
    }
}
