package io.strongroom.service.audit;

import io.strongroom.domain.AuditRecord;
import io.strongroom.domain.Scope;
import io.strongroom.domain.ScopeError;
import io.strongroom.service.FanOut;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A fan-out listener that keeps every page, completion and failure per scope, in the order they came. */
final class Listener implements FanOut.Listener<AuditRecord> {

    final Map<Scope, List<List<AuditRecord>>> pages = new ConcurrentHashMap<>();
    final Map<Scope, Integer> completed = new ConcurrentHashMap<>();
    final Map<Scope, ScopeError> failed = new ConcurrentHashMap<>();

    @Override
    public void page(Scope scope, List<AuditRecord> items) {
        pages.computeIfAbsent(scope, s -> new CopyOnWriteArrayList<>()).add(items);
    }

    @Override
    public void completed(Scope scope, int itemCount) {
        completed.put(scope, itemCount);
    }

    @Override
    public void failed(Scope scope, ScopeError error) {
        failed.put(scope, error);
    }

    List<AuditRecord> records(Scope scope) {
        List<AuditRecord> all = new ArrayList<>();
        pages.getOrDefault(scope, List.of()).forEach(all::addAll);
        return all;
    }
}
