package io.strongroom.app;

import io.strongroom.local.LocalStore;
import io.strongroom.local.LocalStoreConfig;
import io.strongroom.local.iam.AccessKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.strongroom.testing.AccountIdFixtures.FIXTURE_IDS;
import static io.strongroom.testing.AccountIdFixtures.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The console's embedded store opens its data directory with the account IDs that directory was created with. */
class CompositionAccountIdsTest {

    @TempDir
    Path dir;

    @Test
    void theConsoleOpensADataDirectoryMadeByServeWithItsChosenIdsAndKeys() throws Exception {
        List<AccessKey> keys;
        try (LocalStore serve = LocalStore.start(LocalStoreConfig.defaults(dir).withAccountIds(FIXTURE_IDS))) {
            keys = serve.accounts().adminKeys();
        }
        for (int start = 0; start < 2; start++) {
            try (Composition console = new Composition()) {
                LocalStore store = console.prepareStore(dir, FirstRun.NONE).get(60, TimeUnit.SECONDS).store();
                assertEquals(FIXTURE_IDS, ids(store));
                assertEquals(keys, store.accounts().adminKeys());
                assertEquals(FIXTURE_IDS, Composition.accountsOf(store).accounts().stream()
                        .map(io.strongroom.domain.Account::accountId).toList(), "the console's accounts");
            }
        }
    }

    @Test
    void theConsoleKeepsTheRandomIdsItsOwnDataDirectoryWasCreatedWith() throws Exception {
        List<String> created;
        try (Composition first = new Composition()) {
            created = ids(first.prepareStore(dir, FirstRun.NONE).get(60, TimeUnit.SECONDS).store());
        }
        try (Composition again = new Composition()) {
            assertEquals(created, ids(again.prepareStore(dir, FirstRun.NONE).get(60, TimeUnit.SECONDS).store()));
        }
    }
}
