package io.strongroom.ui.keys;

import io.strongroom.domain.KeyInfo;
import io.strongroom.domain.Scope;
import io.strongroom.domain.ScopeError;
import io.strongroom.domain.SecretSummary;
import io.strongroom.service.FanOut;
import io.strongroom.service.KeysService;
import io.strongroom.service.keys.KeyUsage;
import io.strongroom.ui.common.UiExecutor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The KMS keys of each scope the inventory shows, for its Key state column: a scope's keys are
 * listed (ListKeys, DescribeKey each) the first time one of its secrets asks, once; listeners are
 * told on the UI thread when a scope's keys arrived, and {@link #forget} drops a scope after a key
 * of it changed. Used on the UI thread only.
 */
final class KeyStateCache {

    private final KeysService keys;
    private final UiExecutor ui;
    private final Map<String, List<KeyInfo>> byScope = new HashMap<>();
    private final Map<String, ScopeError> failed = new HashMap<>();
    /** The listing in flight per scope: only its answer is kept, not one started before a {@link #forget}. */
    private final Map<String, Object> pending = new HashMap<>();
    private final List<Runnable> listeners = new ArrayList<>();

    KeyStateCache(KeysService keys, UiExecutor ui) {
        this.keys = Objects.requireNonNull(keys);
        this.ui = Objects.requireNonNull(ui);
    }

    void addListener(Runnable listener) {
        listeners.add(listener);
    }

    /** The state of the key encrypting {@code secret} (Enabled, Disabled, PendingDeletion), or null while not known. */
    String stateOf(SecretSummary secret) {
        List<KeyInfo> scopeKeys = keysOf(secret.scope());
        if (scopeKeys == null) {
            return null;
        }
        KeyInfo key = KeyUsage.keyOf(secret, scopeKeys);
        return key == null ? null : key.keyState();
    }

    /** Why the keys of {@code scope} could not be listed, or null. */
    ScopeError errorOf(Scope scope) {
        return failed.get(scope.id());
    }

    /** Reads a scope's keys again the next time they are asked for. */
    void forget(Scope scope) {
        byScope.remove(scope.id());
        failed.remove(scope.id());
        pending.remove(scope.id());
        listeners.forEach(Runnable::run);
    }

    private List<KeyInfo> keysOf(Scope scope) {
        List<KeyInfo> known = byScope.get(scope.id());
        if (known != null || pending.containsKey(scope.id())) {
            return known;
        }
        Object request = new Object();
        pending.put(scope.id(), request);
        List<KeyInfo> found = new ArrayList<>();
        keys.list(List.of(scope), new FanOut.Listener<>() {
            @Override
            public void page(Scope s, List<KeyInfo> items) {
                synchronized (found) {
                    found.addAll(items);
                }
            }

            @Override
            public void completed(Scope s, int itemCount) {
                List<KeyInfo> copy;
                synchronized (found) {
                    copy = List.copyOf(found);
                }
                ui.onUiThread(() -> arrived(scope, request, copy, null));
            }

            @Override
            public void failed(Scope s, ScopeError error) {
                ui.onUiThread(() -> arrived(scope, request, List.of(), error));
            }
        });
        return byScope.get(scope.id());     // null while listing, unless the answer came on this thread
    }

    private void arrived(Scope scope, Object request, List<KeyInfo> found, ScopeError error) {
        if (pending.get(scope.id()) != request) {
            return;     // forgotten meanwhile: a newer listing (or the next ask) answers
        }
        pending.remove(scope.id());
        byScope.put(scope.id(), new ArrayList<>(found));
        if (error != null) {
            failed.put(scope.id(), error);
        }
        listeners.forEach(Runnable::run);
    }
}
