package io.strongroom.ui.replication;

import io.strongroom.domain.ReplicaStatus;
import io.strongroom.domain.SecretSummary;
import io.strongroom.ui.common.DirectUiExecutor;
import io.strongroom.ui.common.Texts;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The secret's Replication tab over the embedded store, without the FX thread. */
class ReplicationTabViewModelTest {

    static ReplicationFixture f;
    static final Texts TEXTS = Texts.load(java.util.Locale.ROOT).in(ReplicationFeature.BUNDLE);

    @BeforeAll
    static void start() {
        f = new ReplicationFixture();
    }

    @AfterAll
    static void stop() throws Exception {
        f.close();
    }

    /** A tab on {@code scope}'s secret {@code arn}; "changed" describes it again, as the detail does. */
    private record Tab(ReplicationTabViewModel vm, SimpleObjectProperty<SecretSummary> shown, SimpleBooleanProperty readOnly,
                       ReplicationFixture.Dialogs dialogs) {}

    private Tab tab(io.strongroom.domain.Scope scope, String arn) {
        SimpleObjectProperty<SecretSummary> shown = new SimpleObjectProperty<>(f.secrets.describe(scope, arn));
        SimpleBooleanProperty readOnly = new SimpleBooleanProperty(false);
        ReplicationFixture.Dialogs dialogs = new ReplicationFixture.Dialogs();
        ReplicationTabViewModel vm = new ReplicationTabViewModel(shown, readOnly, f.replication, f.mutations, new DirectUiExecutor(),
                dialogs, TEXTS, new ReplicationStates(f.replication, new DirectUiExecutor()),
                () -> shown.set(f.secrets.describe(scope, shown.get().arn())), Duration.ZERO, 2);
        return new Tab(vm, shown, readOnly, dialogs);
    }

    @Test
    void retryingAFailedReplicaShowsBothCallsThenForcesOverTheSameNameSecret() throws Exception {
        String arn = f.primary("tab/retry", "retry", true, "us-west-2", "eu-west-1");
        f.awaitReplication();
        Tab t = tab(f.east, arn);
        assertEquals(ReplicationTabViewModel.Role.PRIMARY, t.vm().roleProperty().get());
        ReplicaStatus failed = t.vm().replicas().get(0);
        assertEquals("eu-west-1", failed.region(), "failed first");
        assertEquals("Failed", failed.status());

        t.dialogs().answer = false;
        t.vm().retry(failed);
        String message = t.dialogs().messages.get(0);
        assertTrue(message.contains("aws secretsmanager remove-regions-from-replication --secret-id " + arn
                + " --remove-replica-regions eu-west-1 --region us-east-1"), message);
        assertTrue(message.contains("aws secretsmanager replicate-secret-to-regions --secret-id " + arn
                + " --add-replica-regions Region=eu-west-1 --force-overwrite-replica-secret --region us-east-1"), message);
        assertEquals("Failed", f.replication.describe(f.east, arn).replica("eu-west-1").status(), "declined: nothing sent");

        t.dialogs().answer = true;
        t.vm().retry(failed);
        assertNull(t.vm().writeErrorProperty().get());
        assertEquals("Replication of tab/retry started again.", t.vm().noticeProperty().get());
        f.awaitReplication();
        assertEquals("InSync", f.replication.describe(f.east, arn).replica("eu-west-1").status());
    }

    @Test
    void removeAndPromoteAskForTheTypedNameAndReadOnlyOffersNothing() throws Exception {
        String arn = f.primary("tab/promote", "promote", false, "us-west-2", "eu-west-1");
        f.awaitReplication();
        Tab primary = tab(f.east, arn);
        primary.readOnly().set(true);
        assertFalse(primary.vm().canWriteProperty().get());
        primary.vm().remove(primary.vm().replicas().get(0));
        assertTrue(primary.dialogs().titles.isEmpty(), "read-only: not even asked");
        primary.readOnly().set(false);

        ReplicaStatus eu = primary.vm().replicas().stream().filter(r -> r.region().equals("eu-west-1")).findFirst().orElseThrow();
        primary.vm().remove(eu);
        assertEquals(List.of("tab/promote"), primary.dialogs().typed);
        assertEquals(List.of("us-west-2"), primary.vm().replicas().stream().map(ReplicaStatus::region).toList());

        String replicaArn = io.strongroom.service.replication.ReplicaArns.inRegion(arn, "us-west-2");
        Tab replica = tab(f.west, replicaArn);
        assertEquals(ReplicationTabViewModel.Role.REPLICA, replica.vm().roleProperty().get());
        replica.vm().promote();
        assertTrue(replica.dialogs().messages.get(0).contains("aws secretsmanager stop-replication-to-replica --secret-id "
                + replicaArn + " --region us-west-2"), replica.dialogs().messages.get(0));
        assertEquals(List.of("tab/promote"), replica.dialogs().typed);
        assertNull(replica.vm().writeErrorProperty().get());
        assertEquals(ReplicationTabViewModel.Role.NONE, replica.vm().roleProperty().get(), "standalone now");
    }

    @Test
    void addingRegionsShowsTheCallAsTheyAreChosen() throws Exception {
        String arn = f.primary("tab/add", "add", false);
        Tab t = tab(f.east, arn);
        assertEquals(ReplicationTabViewModel.Role.NONE, t.vm().roleProperty().get());
        AddRegionsModel add = t.vm().add();
        add.regionProperty().set("us-east-1");
        assertFalse(add.addTarget());
        assertEquals("The secret's primary is in us-east-1.", add.problemProperty().get());
        add.regionProperty().set("us-west-2");
        assertTrue(add.addTarget());
        add.regionProperty().set("eu-central-1");
        add.kmsKeyIdProperty().set("alias/eu-team");
        assertTrue(add.addTarget());
        assertEquals("aws secretsmanager replicate-secret-to-regions --secret-id " + arn
                + " --add-replica-regions Region=us-west-2 Region=eu-central-1,KmsKeyId=alias/eu-team --region us-east-1 --endpoint-url "
                + f.east.endpoint(), add.previewProperty().get());
        add.removeTarget(add.targets().get(1));
        assertTrue(t.vm().canAddProperty().get());
        t.vm().addRegions();
        assertEquals("Replicate to more regions", t.dialogs().titles.get(0));
        assertTrue(add.targets().isEmpty());
        f.awaitReplication();
        t.shown().set(f.secrets.describe(f.east, arn));
        assertEquals(ReplicationTabViewModel.Role.PRIMARY, t.vm().roleProperty().get());
        assertEquals("InSync", t.vm().replicas().get(0).status());
    }
}
