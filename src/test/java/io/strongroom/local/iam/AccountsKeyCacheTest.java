package io.strongroom.local.iam;

import io.strongroom.testing.RunningStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The access-key cache holds keys that exist, and no more than its bound. */
class AccountsKeyCacheTest {

    @RegisterExtension
    static final RunningStore store = RunningStore.perClass();

    @Test
    void keyIdsThatDoNotExistAreNotRemembered() {
        Accounts accounts = store.store().accounts();
        int before = accounts.cachedKeyCount();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(accounts.credential(String.format("AKIAUNKNOWN%09d", i)).isEmpty());
        }
        assertEquals(before, accounts.cachedKeyCount());
    }

    @Test
    void aKnownKeyIsFoundAndADeactivatedOneIsNot() {
        Accounts accounts = store.store().accounts();
        AccessKey key = accounts.createUser(store.adminKey(0).accountId(), "cache-probe", List.of("*"));
        assertTrue(accounts.credential(key.accessKeyId()).isPresent());
        accounts.setKeyActive(key.accessKeyId(), false);
        assertTrue(accounts.credential(key.accessKeyId()).isEmpty());
        accounts.setKeyActive(key.accessKeyId(), true);
        assertTrue(accounts.credential(key.accessKeyId()).isPresent());
    }

    @Test
    void theCacheNeverHoldsMoreThanItsBound() {
        Accounts accounts = store.store().accounts();
        String account = store.adminKey(1).accountId();
        for (int i = 0; i < 40; i++) {
            accounts.credential(accounts.createUser(account, "bound-" + i, List.of("*")).accessKeyId());
        }
        assertTrue(accounts.cachedKeyCount() <= Accounts.MAX_CACHED_KEYS);
        assertTrue(accounts.cachedKeyCount() >= 40);
    }
}
