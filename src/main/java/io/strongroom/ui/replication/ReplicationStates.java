package io.strongroom.ui.replication;

import io.strongroom.domain.ReplicatedSecret;
import io.strongroom.domain.SecretSummary;
import io.strongroom.service.ReplicationService;
import io.strongroom.ui.common.ErrorText;
import io.strongroom.ui.common.UiExecutor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The replication state of primaries by ARN, shared by the Replication view (which fills it with
 * every map it loads) and the inventory's Replication column: a primary's cell shown before the map
 * has it costs one DescribeSecret, as the Policy column's reach does; a secret that is not a primary
 * costs nothing (its PrimaryRegion, from ListSecrets, says it all). Listeners are told once per
 * batch. Used on the UI thread only.
 */
public final class ReplicationStates {

    /** What the column knows of a primary: its state, or why it could not be read. */
    public record Entry(ReplicatedSecret secret, String error) {}

    private final ReplicationService replication;
    private final UiExecutor executor;
    private final Map<String, Entry> known = new HashMap<>();
    private final Set<String> pending = new HashSet<>();
    private final List<Runnable> listeners = new ArrayList<>();
    private boolean notifyScheduled;

    public ReplicationStates(ReplicationService replication, UiExecutor executor) {
        this.replication = Objects.requireNonNull(replication);
        this.executor = Objects.requireNonNull(executor);
    }

    /** The primary's entry, or null while it is being read (the first call starts the read). */
    public Entry of(SecretSummary primary) {
        Entry entry = known.get(primary.arn());
        if (entry == null && pending.add(primary.arn())) {
            executor.submit(() -> replication.describe(primary.scope(), primary.arn()),
                    s -> arrived(primary.arn(), new Entry(s, null)),
                    e -> arrived(primary.arn(), new Entry(null, ErrorText.of(e))));
        }
        return entry;
    }

    /** What a map load or a tab found. */
    public void putAll(Collection<ReplicatedSecret> secrets) {
        boolean changed = false;
        for (ReplicatedSecret s : secrets) {
            if (s.primaryError() == null) {
                pending.remove(s.arn());
                changed |= !new Entry(s, null).equals(known.put(s.arn(), new Entry(s, null)));
            }
        }
        if (changed) {
            notifyLater();
        }
    }

    /** The secret changed: read again when next shown. */
    public void forget(String arn) {
        known.remove(arn);
        pending.remove(arn);
        notifyLater();
    }

    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    private void arrived(String arn, Entry entry) {
        if (pending.remove(arn)) {
            known.put(arn, entry);
            notifyLater();
        }
    }

    private void notifyLater() {
        if (notifyScheduled) {
            return;
        }
        notifyScheduled = true;
        executor.onUiThread(() -> {
            notifyScheduled = false;
            listeners.forEach(Runnable::run);
        });
    }
}
