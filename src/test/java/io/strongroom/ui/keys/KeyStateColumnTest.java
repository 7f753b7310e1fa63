package io.strongroom.ui.keys;

import io.strongroom.domain.Account;
import io.strongroom.domain.CredentialsRef;
import io.strongroom.domain.KeyInfo;
import io.strongroom.domain.Scope;
import io.strongroom.domain.SecretSummary;
import io.strongroom.local.iam.AccessKey;
import io.strongroom.service.keys.KeyEstateLoader;
import io.strongroom.ui.common.Formats;
import io.strongroom.ui.common.InventoryColumn;
import io.strongroom.ui.common.Styles;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.common.UiExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The inventory's Key state column and the cache behind it, over the embedded store through the
 * real KeysService: values arrive after the rows, on the "UI thread" (here a queue the test runs by
 * hand, so what a cell sees before and after is certain), and redraw the column.
 */
class KeyStateColumnTest {

    static KeysFixture fx;
    static List<SecretSummary> secrets;

    QueuedUi ui;
    KeyStateCache cache;
    KeyStateColumn column;
    int redraws;
    final Texts texts = KeysFixture.texts();
    final InventoryColumn.Words words = new InventoryColumn.Words(texts, new Formats(ZoneOffset.UTC));

    @BeforeAll
    static void estate() throws InterruptedException {
        fx = new KeysFixture();
        secrets = new KeyEstateLoader(fx.keys, fx.stack.secrets()).load(List.of(fx.east, fx.west)).secrets();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @BeforeEach
    void column() {
        ui = new QueuedUi();
        cache = new KeyStateCache(fx.keys, ui);
        column = new KeyStateColumn(cache, texts);
        redraws = 0;
        column.whenChanged(() -> redraws++);
    }

    static SecretSummary secret(String name, Scope scope) {
        return secrets.stream().filter(s -> s.name().equals(name) && s.region().equals(scope.region())).findFirst().orElseThrow();
    }

    @Test
    void valuesArriveOncePerScopeAndRedrawTheColumn() throws Exception {
        SecretSummary ledger = secret("prod/payments/ledger-db", fx.east);
        assertNull(column.value(ledger), "nothing known before the scope's keys are listed");
        assertEquals("\u2014", column.emptyText(words));
        assertEquals(Styles.CELL_MUTED, column.state(null, ledger));
        assertNull(column.tooltip(null, ledger, words));
        assertEquals(0, redraws);

        ui.runNext();
        assertEquals(1, redraws);
        assertEquals(KeyInfo.ENABLED, column.value(ledger));
        assertEquals("Enabled", column.text(KeyInfo.ENABLED, ledger, words));
        assertNull(column.state(KeyInfo.ENABLED, ledger), "an enabled key is not marked");
        assertNull(column.tooltip(KeyInfo.ENABLED, ledger, words));

        SecretSummary warehouse = secret("prod/reporting/warehouse", fx.east);
        assertEquals(KeyInfo.DISABLED, column.value(warehouse));
        assertEquals("Disabled", column.text(KeyInfo.DISABLED, warehouse, words));
        assertEquals(Styles.CELL_WARNING, column.state(KeyInfo.DISABLED, warehouse));
        assertEquals(texts.get("column.keyState.unreadable"), column.tooltip(KeyInfo.DISABLED, warehouse, words));
        SecretSummary orders = secret("prod/orders/db", fx.east);
        assertNull(orders.kmsKeyId(), "no key named: aws/secretsmanager");
        assertEquals(KeyInfo.ENABLED, column.value(orders), "the region's aws/secretsmanager key");

        SecretSummary partner = secret("partner/sftp-password", fx.west);
        assertNull(column.value(partner), "the other region is listed on its own");
        ui.runNext();
        assertEquals(2, redraws);
        assertEquals(KeyInfo.PENDING_DELETION, column.value(partner));
        assertEquals("Pending deletion", column.text(KeyInfo.PENDING_DELETION, partner, words));
        assertEquals(Styles.CELL_DANGER, column.state(KeyInfo.PENDING_DELETION, partner));
        assertEquals(texts.get("column.keyState.unreadable"), column.tooltip(KeyInfo.PENDING_DELETION, partner, words));
        assertEquals(KeyInfo.ENABLED, column.value(secret("prod/payments/ledger-db", fx.west)), "eu-west-1's aws/secretsmanager");

        secrets.forEach(column::value);
        assertFalse(ui.hasMore(), "each scope is listed once");
        assertEquals(2, redraws);
    }

    @Test
    void filterChoicesAreTheStatesAndPassKeepsTheSecretsOfThatState() throws Exception {
        assertEquals(List.of(KeyInfo.ENABLED, KeyInfo.DISABLED, KeyInfo.PENDING_DELETION), column.filterChoices());
        assertEquals(List.of("Enabled", "Disabled", "Pending deletion"),
                column.filterChoices().stream().map(v -> column.text(v, null, words)).toList());
        secrets.forEach(column::value);
        ui.runNext();
        ui.runNext();

        assertEquals(List.of("prod/reporting/warehouse"), names(KeyInfo.DISABLED));
        assertEquals(List.of("partner/sftp-password"), names(KeyInfo.PENDING_DELETION));
        assertEquals(List.of("prod/orders/db", "prod/payments/ledger-db", "prod/payments/ledger-db",
                "prod/payments/stripe-api-key", "prod/payments/webhook-signing-key"), names(KeyInfo.ENABLED));
        assertFalse(column.passes(null, KeyInfo.ENABLED), "a value not known yet passes no state");

        List<String> sorted = new ArrayList<>(List.of(KeyInfo.PENDING_DELETION, KeyInfo.ENABLED, KeyInfo.DISABLED));
        sorted.sort(column.comparator());
        assertEquals(List.of(KeyInfo.ENABLED, KeyInfo.DISABLED, KeyInfo.PENDING_DELETION), sorted);
        assertEquals("key-state", column.id());
        assertEquals("Key state", column.title(null));
    }

    private List<String> names(String chosen) {
        return secrets.stream().filter(s -> column.passes(column.value(s), chosen)).map(SecretSummary::name).sorted().toList();
    }

    @Test
    void forgettingAScopeAfterAKeyChangedShowsTheNewStateNotAnAnswerListedBefore() throws Exception {
        KmsClient kms = fx.stack.store().kms(fx.stack.store().adminKey(0), Region.US_EAST_1);
        SecretSummary stripe = secret("prod/payments/stripe-api-key", fx.east);
        try {
            column.value(stripe);
            ui.awaitQueued(1);                          // listed (Enabled), the answer not yet on the UI thread
            kms.disableKey(b -> b.keyId(fx.paymentsKeyId));
            cache.forget(fx.east);
            assertEquals(1, redraws, "forgetting redraws");
            assertNull(column.value(stripe));
            ui.awaitQueued(2);                          // listed again (Disabled)
            ui.runNext();                               // the answer from before the change: dropped
            assertNull(column.value(stripe), "the listing from before the change is not shown");
            ui.runNext();
            assertEquals(KeyInfo.DISABLED, column.value(stripe));
            assertEquals(Styles.CELL_WARNING, column.state(column.value(stripe), stripe));
        } finally {
            kms.enableKey(b -> b.keyId(fx.paymentsKeyId));
        }
        cache.forget(fx.east);
        column.value(stripe);
        ui.runNext();
        assertEquals(KeyInfo.ENABLED, column.value(stripe));
    }

    @Test
    void aScopeWhoseKeysCannotBeListedSaysWhyInTheTooltip() throws Exception {
        AccessKey denied = fx.stack.store().store().accounts().createUser(fx.east.accountId(), "keys-denied-" + System.nanoTime(), List.of());
        Scope scope = new Account(fx.east.accountId(), "security-readonly", fx.stack.store().store().endpoint(),
                new CredentialsRef.StaticKeys(denied.accessKeyId(), denied.secretAccessKey()), "embedded store").in("us-east-1");
        SecretSummary secret = new SecretSummary(scope, "arn:aws:secretsmanager:us-east-1:" + scope.accountId() + ":secret:x-AbCdEf",
                "x", null, null, null, null, null, null, null, null, null, null, null, null);
        assertNull(column.value(secret));
        assertNull(column.tooltip(null, secret, words), "no error while listing");
        ui.runNext();
        assertEquals(1, redraws);
        assertNull(column.value(secret));
        assertEquals(Styles.CELL_MUTED, column.state(null, secret));
        assertNotNull(cache.errorOf(scope));
        String tip = column.tooltip(null, secret, words);
        assertTrue(tip.startsWith("security-readonly / us-east-1: AccessDeniedException"), tip);
        assertFalse(ui.hasMore(), "a failed scope is not listed again at every cell");
    }

    /** Background work at once; what is meant for the UI thread waits in a queue until the test runs it. */
    static final class QueuedUi implements UiExecutor {

        private final LinkedBlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();

        @Override
        public <T> Task submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
            throw new UnsupportedOperationException("the cache streams through onUiThread");
        }

        @Override
        public void onUiThread(Runnable action) {
            queue.add(action);
        }

        void runNext() throws InterruptedException {
            Runnable next = queue.poll(20, TimeUnit.SECONDS);
            assertNotNull(next, "nothing arrived on the UI thread");
            next.run();
        }

        void awaitQueued(int count) throws InterruptedException {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (queue.size() < count) {
                assertTrue(System.nanoTime() < until, "timed out waiting for " + count + " answers");
                Thread.sleep(20);
            }
        }

        /** Whether anything more arrives within half a second. */
        boolean hasMore() throws InterruptedException {
            Thread.sleep(500);
            return !queue.isEmpty();
        }
    }
}
