package io.strongroom.testing;

import io.strongroom.local.LocalStore;
import io.strongroom.local.iam.LocalAccount;

import java.util.List;

/** Account IDs chosen for a store, and the IDs a store has, for tests of chosen account IDs. */
public final class AccountIdFixtures {

    /** The IDs a fixture store is started with (as {@code serve --account-ids} would choose them). */
    public static final List<String> FIXTURE_IDS = List.of("000000000000", "111111111111", "222222222222");

    private AccountIdFixtures() {
    }

    /** The store's account IDs, in creation order. */
    public static List<String> ids(LocalStore store) {
        return store.accounts().list().stream().map(LocalAccount::accountId).toList();
    }
}
