package io.strongroom.ui.policy;

import io.strongroom.domain.PolicyReach;
import io.strongroom.domain.SecretSummary;
import io.strongroom.service.PolicyService;
import io.strongroom.ui.common.ErrorText;
import io.strongroom.ui.common.UiExecutor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The reach of each secret's resource policy, fetched when the inventory first shows the secret's
 * Policy cell (one GetResourcePolicy per secret shown, never for rows scrolled past unseen) and
 * kept until the policy tabs change it. Results arrive in batches: listeners are told once per
 * batch. Used on the UI thread only.
 */
final class PolicyReachCache {

    /** What the cell shows: the reach, or why it could not be read. */
    record Entry(PolicyReach reach, String error) {}

    private final PolicyService policies;
    private final UiExecutor executor;
    private final Map<String, Entry> known = new HashMap<>();
    private final Set<String> pending = new HashSet<>();
    private final List<Runnable> listeners = new ArrayList<>();
    private boolean notifyScheduled;

    PolicyReachCache(PolicyService policies, UiExecutor executor) {
        this.policies = Objects.requireNonNull(policies);
        this.executor = Objects.requireNonNull(executor);
    }

    /** The secret's entry, or null while it is being fetched (the first call starts the fetch). */
    Entry of(SecretSummary secret) {
        Entry entry = known.get(secret.arn());
        if (entry == null && pending.add(secret.arn())) {
            executor.submit(() -> policies.secretPolicyReach(secret.scope(), secret.arn()),
                    reach -> arrived(secret.arn(), new Entry(reach, null)),
                    error -> arrived(secret.arn(), new Entry(null, ErrorText.of(error))));
        }
        return entry;
    }

    /** The secret's policy changed: its entry is fetched again when next shown. */
    void forget(String arn) {
        known.remove(arn);
        pending.remove(arn);
        notifyLater();
    }

    void addListener(Runnable listener) {
        listeners.add(listener);
    }

    private void arrived(String arn, Entry entry) {
        if (pending.remove(arn)) {
            known.put(arn, entry);
            notifyLater();
        }
    }

    /** One notification for every result that arrives before the UI thread gets to it. */
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
