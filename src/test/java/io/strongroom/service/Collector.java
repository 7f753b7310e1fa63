package io.strongroom.service;

import io.strongroom.domain.Scope;
import io.strongroom.domain.ScopeError;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/** A fan-out listener that records every callback, per scope, for assertions. */
final class Collector<T> implements FanOut.Listener<T> {

    final List<Scope> started = new CopyOnWriteArrayList<>();
    final Map<Scope, List<List<T>>> pages = new ConcurrentHashMap<>();
    final Map<Scope, Integer> completed = new ConcurrentHashMap<>();
    final Map<Scope, ScopeError> failed = new ConcurrentHashMap<>();
    final List<String> terminalCalls = new CopyOnWriteArrayList<>();
    private final BiConsumer<Scope, List<T>> onPage;

    Collector() {
        this((s, p) -> {});
    }

    Collector(BiConsumer<Scope, List<T>> onPage) {
        this.onPage = onPage;
    }

    @Override
    public void started(Scope scope) {
        started.add(scope);
    }

    @Override
    public void page(Scope scope, List<T> items) {
        pages.computeIfAbsent(scope, s -> new CopyOnWriteArrayList<>()).add(items);
        onPage.accept(scope, items);
    }

    @Override
    public void completed(Scope scope, int itemCount) {
        completed.put(scope, itemCount);
        terminalCalls.add(scope.id());
    }

    @Override
    public void failed(Scope scope, ScopeError error) {
        failed.put(scope, error);
        terminalCalls.add(scope.id());
    }

    List<T> items(Scope scope) {
        List<T> all = new ArrayList<>();
        pages.getOrDefault(scope, List.of()).forEach(all::addAll);
        return all;
    }

    int pageCount(Scope scope) {
        return pages.getOrDefault(scope, List.of()).size();
    }
}
