package io.strongroom.app.settings;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * The scopes the user chose: every chosen account in every chosen region. Accounts are
 * identified by {@link io.strongroom.domain.Account#key()} (the account ID, or the credentials'
 * identity when the ID is unknown), which is stable across runs; regions by their code.
 * Empty means "not chosen yet": the console picks its first-run default.
 */
public record ScopeSelection(List<String> accountKeys, List<String> regions) {

    public static final ScopeSelection NONE = new ScopeSelection(List.of(), List.of());

    public ScopeSelection {
        accountKeys = distinct(accountKeys);
        regions = distinct(regions);
    }

    public boolean isEmpty() {
        return accountKeys.isEmpty() || regions.isEmpty();
    }

    private static List<String> distinct(List<String> items) {
        if (items == null) {
            return List.of();
        }
        return List.copyOf(new LinkedHashSet<>(items.stream().filter(Objects::nonNull).map(String::strip)
                .filter(s -> !s.isEmpty()).toList()));
    }
}
