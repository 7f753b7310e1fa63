package io.strongroom.ui.replication;

import io.strongroom.domain.ReplicatedSecret;
import io.strongroom.ui.common.DirectUiExecutor;
import io.strongroom.ui.common.Texts;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Replication view's model over the embedded store, without the FX thread. */
class ReplicationViewModelTest {

    static ReplicationFixture f;
    static String failing;
    static String healthy;
    static final Texts TEXTS = Texts.load(java.util.Locale.ROOT).in(ReplicationFeature.BUNDLE);

    @BeforeAll
    static void start() throws Exception {
        f = new ReplicationFixture();
        healthy = f.primary("prod/orders/api-key", "orders", false, "us-west-2");
        failing = f.primary("prod/payments/db", "payments", true, "us-west-2", "eu-west-1");
        f.primary("prod/standalone", "not replicated", false);
        f.awaitReplication();
    }

    @AfterAll
    static void stop() throws Exception {
        f.close();
    }

    private ReplicationViewModel vm(SimpleBooleanProperty readOnly, ReplicationStates states) {
        return new ReplicationViewModel(f.replication, f.mutations, new DirectUiExecutor(), f::scopes, readOnly, TEXTS, states,
                Duration.ZERO, 3);
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant end = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean()) {
            assertTrue(Instant.now().isBefore(end), "timed out waiting for " + what);
            Thread.sleep(20);
        }
    }

    @Test
    void theMapHasOneRowPerPrimaryFailuresFirstWithRegionColumnsAndCountsPerScope() throws Exception {
        ReplicationStates states = new ReplicationStates(f.replication, new DirectUiExecutor());
        ReplicationViewModel vm = vm(new SimpleBooleanProperty(false), states);
        vm.refresh();
        await("the scopes", () -> !vm.loadingProperty().get());

        List<ReplicationRow> mine = vm.rows().stream().filter(r -> r.key().equals(failing) || r.key().equals(healthy)).toList();
        assertEquals(List.of(failing, healthy), mine.stream().map(ReplicationRow::key).toList(), "failures first");
        assertEquals(failing, vm.rows().get(0).key());
        assertTrue(vm.rows().stream().noneMatch(r -> r.name().equals("prod/standalone")), "a secret without replicas is not in the map");
        assertTrue(vm.regions().containsAll(List.of("eu-west-1", "us-west-2")), vm.regions().toString());
        ReplicationRow first = mine.get(0);
        assertEquals("Failed", first.cell("eu-west-1").status());
        assertEquals("Secret with this name already exists in this region", first.cell("eu-west-1").statusMessage());
        assertEquals("InSync", first.cell("us-west-2").status());
        assertNull(mine.get(1).cell("eu-west-1"));

        List<ReplicationMap.ScopeCount> counts = vm.counts();
        assertEquals("eu-west-1", counts.get(0).region(), "scopes with failures first");
        assertEquals(1, counts.get(0).failed());
        assertEquals(2, counts.stream().filter(c -> c.region().equals("us-west-2")).findFirst().orElseThrow().inSync());
        assertTrue(vm.problems().isEmpty(), vm.problems().toString());
        // the inventory column learns the map without calls of its own
        assertEquals(ReplicationColumn.Kind.FAILED, new ReplicationColumn(states, TEXTS)
                .value(f.secrets.describe(f.east, failing)).kind());
    }

    @Test
    void bulkAddShowsEachSecretsCallBeforeSendingAndReportsEachOutcome() throws Exception {
        String a = f.primary("bulk/a", "bulk", false, "ca-central-1");
        String b = f.primary("bulk/b", "bulk", false, "ca-central-1", "sa-east-1");
        f.awaitReplication();
        ReplicationViewModel vm = vm(new SimpleBooleanProperty(false), new ReplicationStates(f.replication, new DirectUiExecutor()));
        vm.refresh();
        await("the scopes", () -> !vm.loadingProperty().get());
        assertFalse(vm.canBulkAddProperty().get(), "nothing selected");
        vm.selected().setAll(vm.rows().stream().filter(r -> r.key().equals(a) || r.key().equals(b))
                .sorted(java.util.Comparator.comparing(ReplicationRow::name)).toList());
        BulkAddModel bulk = vm.bulkAdd();

        bulk.regionProperty().set("sa-east-1");
        assertEquals(List.of(BulkAddItem.State.PLANNED, BulkAddItem.State.SKIPPED),
                bulk.items().stream().map(BulkAddItem::state).toList(), "bulk/b already has sa-east-1");
        assertEquals("Skipped: it already has a replica in sa-east-1.", bulk.items().get(1).message());
        bulk.kmsKeyIdProperty().set("alias/team-key");
        assertEquals("aws secretsmanager replicate-secret-to-regions --secret-id " + a
                        + " --add-replica-regions Region=sa-east-1,KmsKeyId=alias/team-key --region us-east-1 --endpoint-url "
                        + f.east.endpoint(),
                bulk.items().get(0).commandLine());
        bulk.kmsKeyIdProperty().set("");
        bulk.regionProperty().set("ap-south-1");
        assertNull(bulk.problemProperty().get());
        assertEquals(List.of(BulkAddItem.State.PLANNED, BulkAddItem.State.PLANNED), bulk.items().stream().map(BulkAddItem::state).toList());
        assertTrue(bulk.canRunProperty().get());

        bulk.run();
        assertEquals(List.of(BulkAddItem.State.DONE, BulkAddItem.State.DONE), bulk.items().stream().map(BulkAddItem::state).toList());
        assertEquals("2 started, 0 refused, 0 skipped", bulk.summaryProperty().get());
        assertFalse(bulk.canRunProperty().get(), "a bulk add runs once");
        f.awaitReplication();
        assertEquals("InSync", f.replication.describe(f.east, a).replica("ap-south-1").status());
        assertEquals("InSync", f.replication.describe(f.east, b).replica("ap-south-1").status());
    }

    @Test
    void aBadRegionIsRefusedBeforeAnyCall() throws Exception {
        ReplicationViewModel vm = vm(new SimpleBooleanProperty(false), new ReplicationStates(f.replication, new DirectUiExecutor()));
        vm.refresh();
        await("the scopes", () -> !vm.loadingProperty().get());
        vm.selected().setAll(vm.rows().stream().filter(r -> r.key().equals(healthy)).toList());
        BulkAddModel bulk = vm.bulkAdd();
        bulk.regionProperty().set("Europe");
        assertEquals("Europe is not a region code (like eu-west-1).", bulk.problemProperty().get());
        assertFalse(bulk.canRunProperty().get());
        bulk.regionProperty().set("ca-central-1");
        bulk.kmsKeyIdProperty().set("arn:aws:kms:us-east-1:111122223333:key/abc");
        assertTrue(bulk.problemProperty().get().contains("another region"), bulk.problemProperty().get());
    }

    @Test
    void readOnlyOffersNoBulkAdd() throws Exception {
        SimpleBooleanProperty readOnly = new SimpleBooleanProperty(true);
        ReplicationViewModel vm = vm(readOnly, new ReplicationStates(f.replication, new DirectUiExecutor()));
        vm.refresh();
        await("the scopes", () -> !vm.loadingProperty().get());
        vm.selected().setAll(vm.rows());
        assertFalse(vm.canBulkAddProperty().get());
        assertNull(vm.bulkAdd());
        readOnly.set(false);
        assertTrue(vm.canBulkAddProperty().get());
    }
}
