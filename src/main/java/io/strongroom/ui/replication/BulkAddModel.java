package io.strongroom.ui.replication;

import io.strongroom.domain.ReplicaTarget;
import io.strongroom.service.journal.SecretMutation;
import io.strongroom.service.journal.SecretMutations;
import io.strongroom.service.replication.ReplicaPlan;
import io.strongroom.ui.common.ErrorText;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.common.UiExecutor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * "Add region…" over the selected primaries: one region (and, optionally, the KMS key of that
 * region) added to each, as one ReplicateSecretToRegions per secret through the journaled
 * mutations. The calls are listed (with their command lines) as soon as the region is typed, and
 * run only on {@link #run}, one secret after another, each with its own outcome: a refusal for one
 * secret does not stop the others. A secret whose primary or a replica is already in the region
 * is skipped, with the reason. Nothing runs in read-only mode.
 */
public final class BulkAddModel {

    /** An AWS region code: {@code us-east-1}, {@code ap-southeast-2}, {@code us-gov-west-1}. */
    static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");

    private final List<ReplicationRow> rows;
    private final SecretMutations mutations;
    private final UiExecutor executor;
    private final ObservableBooleanValue readOnly;
    private final Texts texts;
    private final Runnable finished;

    private final StringProperty region = new SimpleStringProperty(this, "region", "");
    private final StringProperty kmsKeyId = new SimpleStringProperty(this, "kmsKeyId", "");
    private final ObservableList<BulkAddItem> items = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper ran = new ReadOnlyBooleanWrapper(this, "ran");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary");
    private final BooleanBinding canRun;
    private boolean cancelled;

    BulkAddModel(List<ReplicationRow> rows, SecretMutations mutations, UiExecutor executor, ObservableBooleanValue readOnly,
                 Texts texts, Runnable finished) {
        this.rows = List.copyOf(rows);
        this.mutations = Objects.requireNonNull(mutations);
        this.executor = Objects.requireNonNull(executor);
        this.readOnly = Objects.requireNonNull(readOnly);
        this.texts = Objects.requireNonNull(texts);
        this.finished = Objects.requireNonNull(finished);
        canRun = Bindings.createBooleanBinding(() -> !readOnly.get() && problem.get() == null && !running.get() && !ran.get()
                && items.stream().anyMatch(i -> i.state() == BulkAddItem.State.PLANNED), readOnly, problem, running, ran, items);
        region.addListener((o, a, b) -> plan());
        kmsKeyId.addListener((o, a, b) -> plan());
        plan();
    }

    /** The region to add, e.g. {@code eu-west-1}. */
    public StringProperty regionProperty() {
        return region;
    }

    /** The key for the new replicas, in that region (ID, ARN or alias); empty for its {@code aws/secretsmanager}. */
    public StringProperty kmsKeyIdProperty() {
        return kmsKeyId;
    }

    /** One per selected secret, in the selection's order. */
    public ObservableList<BulkAddItem> items() {
        return FXCollections.unmodifiableObservableList(items);
    }

    /** What is wrong with the region or key typed, or null. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** After a run: how many were added, skipped and refused. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public BooleanBinding canRunProperty() {
        return canRun;
    }

    /** Sends the planned calls, one secret after another. */
    public void run() {
        if (!canRun.get()) {
            return;
        }
        running.set(true);
        cancelled = false;
        next(0);
    }

    /** Stops after the call in flight (sent calls are not undone). */
    public void cancel() {
        cancelled = true;
    }

    private void next(int index) {
        int i = index;
        while (i < items.size() && items.get(i).state() != BulkAddItem.State.PLANNED) {
            i++;
        }
        if (i >= items.size() || cancelled) {
            end();
            return;
        }
        int at = i;
        BulkAddItem item = items.get(at);
        items.set(at, item.with(BulkAddItem.State.RUNNING, null));
        SecretMutation<?> call = item.plan().calls().get(0);
        executor.submit(() -> mutations.apply(call), r -> {
            items.set(at, item.with(BulkAddItem.State.DONE, texts.format("bulk.done")));
            next(at + 1);
        }, e -> {
            items.set(at, item.with(BulkAddItem.State.FAILED, ErrorText.of(e)));
            next(at + 1);
        });
    }

    private void end() {
        running.set(false);
        ran.set(true);
        long done = count(BulkAddItem.State.DONE);
        long failed = count(BulkAddItem.State.FAILED);
        long skipped = count(BulkAddItem.State.SKIPPED);
        summary.set(texts.format("bulk.summary", done, failed, skipped));
        if (done > 0) {
            finished.run();
        }
    }

    private long count(BulkAddItem.State state) {
        return items.stream().filter(i -> i.state() == state).count();
    }

    private void plan() {
        if (running.get() || ran.get()) {
            return;
        }
        String r = region.get() == null ? "" : region.get().trim();
        String key = kmsKeyId.get() == null || kmsKeyId.get().isBlank() ? null : kmsKeyId.get().trim();
        problem.set(r.isEmpty() ? texts.format("bulk.regionMissing")
                : !REGION.matcher(r).matches() ? texts.format("bulk.regionInvalid", r)
                : key != null && key.startsWith("arn:") && !key.contains(":" + r + ":") ? texts.format("bulk.keyOtherRegion", r)
                : null);
        items.setAll(rows.stream().map(row -> item(row, problem.get() == null ? r : null, key)).toList());
    }

    private BulkAddItem item(ReplicationRow row, String r, String key) {
        if (r == null) {
            return new BulkAddItem(row, null, null, BulkAddItem.State.SKIPPED, null);
        }
        if (r.equals(row.primaryRegion())) {
            return new BulkAddItem(row, null, null, BulkAddItem.State.SKIPPED, texts.format("bulk.skipPrimary", r));
        }
        if (row.cell(r) != null) {
            return new BulkAddItem(row, null, null, BulkAddItem.State.SKIPPED, texts.format("bulk.skipReplica", r));
        }
        if (row.secret().primaryError() != null) {
            return new BulkAddItem(row, null, null, BulkAddItem.State.SKIPPED, texts.format("bulk.skipUnreadable"));
        }
        ReplicaPlan plan = ReplicaPlan.add(row.secret().primaryScope(), row.secret().arn(), List.of(new ReplicaTarget(r, key)), false);
        return new BulkAddItem(row, plan, ReplicationCommandLine.of(plan.calls().get(0)), BulkAddItem.State.PLANNED, null);
    }
}
