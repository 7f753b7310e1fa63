package io.strongroom.service.keys;

import io.strongroom.domain.KeyInfo;
import io.strongroom.domain.Scope;
import io.strongroom.domain.ScopeError;
import io.strongroom.domain.SecretQuery;
import io.strongroom.domain.SecretSummary;
import io.strongroom.service.FanOut;
import io.strongroom.service.KeysService;
import io.strongroom.service.SecretsService;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Reads a {@link KeyEstate}: every key of the scopes ({@link KeysService#list}) and every secret
 * ({@link SecretsService#list}, including those planned for deletion: they are restorable and their
 * key must stay usable for that), both fan-outs started together; returns once both ended in
 * every scope. Meant for a background thread.
 */
public final class KeyEstateLoader {

    private final KeysService keys;
    private final SecretsService secrets;

    public KeyEstateLoader(KeysService keys, SecretsService secrets) {
        this.keys = Objects.requireNonNull(keys);
        this.secrets = Objects.requireNonNull(secrets);
    }

    public KeyEstate load(List<Scope> scopes) throws InterruptedException {
        List<KeyInfo> keyList = Collections.synchronizedList(new ArrayList<>());
        List<SecretSummary> secretList = Collections.synchronizedList(new ArrayList<>());
        List<ScopeError> problems = Collections.synchronizedList(new ArrayList<>());
        FanOut.Handle keyRun = keys.list(scopes, collector(keyList, problems));
        FanOut.Handle secretRun = secrets.list(scopes, SecretQuery.all().withPlannedDeletion(true), collector(secretList, problems));
        try {
            CompletableFuture.allOf(keyRun.done(), secretRun.done()).get();
        } catch (InterruptedException e) {
            keyRun.cancel();
            secretRun.cancel();
            throw e;
        } catch (ExecutionException | CancellationException e) {
            throw new IllegalStateException("listing the keys and secrets stopped", e);
        }
        List<KeyInfo> k;
        List<SecretSummary> s;
        synchronized (keyList) {
            k = List.copyOf(keyList);
        }
        synchronized (secretList) {
            s = List.copyOf(secretList);
        }
        return new KeyEstate(k, s, KeyUsage.counts(k, s), problems);
    }

    private static <T> FanOut.Listener<T> collector(List<T> into, List<ScopeError> problems) {
        return new FanOut.Listener<>() {
            @Override
            public void page(Scope scope, List<T> items) {
                into.addAll(items);
            }

            @Override
            public void failed(Scope scope, ScopeError error) {
                problems.add(error);
            }
        };
    }

    /**
     * What changing one key would break: the key described in its scope, the secrets listed in
     * {@code scopes} (and the key's own scope, where its secrets live). Meant for a background
     * thread; throws {@link io.strongroom.service.ScopeException} when the key cannot be described
     * and {@link IllegalStateException} when a scope's secrets cannot be listed, since an impact
     * read from part of the estate would understate it.
     */
    public KeyImpact impactOf(Scope keyScope, String keyId, List<Scope> scopes) throws InterruptedException {
        KeyInfo key = keys.describe(keyScope, keyId);
        List<Scope> where = new ArrayList<>(scopes);
        if (where.stream().noneMatch(s -> s.id().equals(keyScope.id()))) {
            where.add(keyScope);
        }
        List<SecretSummary> secretList = Collections.synchronizedList(new ArrayList<>());
        List<ScopeError> problems = Collections.synchronizedList(new ArrayList<>());
        FanOut.Handle run = secrets.list(where, SecretQuery.all().withPlannedDeletion(true), collector(secretList, problems));
        try {
            run.done().get();
        } catch (InterruptedException e) {
            run.cancel();
            throw e;
        } catch (ExecutionException | CancellationException e) {
            throw new IllegalStateException("listing the secrets stopped", e);
        }
        ScopeError own;
        synchronized (problems) {
            own = problems.stream().filter(p -> p.scope().id().equals(keyScope.id())).findFirst().orElse(null);
        }
        if (own != null) {
            // the secrets the key encrypts all live in its own scope: without them the impact would read as none
            throw new IllegalStateException("the secrets of " + keyScope.label() + " could not be listed: " + own.errorCode());
        }
        synchronized (secretList) {
            return KeyImpact.of(key, List.copyOf(secretList));
        }
    }
}
