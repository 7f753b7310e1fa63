package io.strongroom.ui.audit.secret;

import io.strongroom.domain.AuditRecord;
import io.strongroom.domain.Scope;
import io.strongroom.domain.SecretSummary;
import io.strongroom.local.iam.AccessKey;
import io.strongroom.service.FanOut;
import io.strongroom.service.RateLimiters;
import io.strongroom.service.TimeSource;
import io.strongroom.service.audit.AuditService;
import io.strongroom.testing.HeldUiExecutor;
import io.strongroom.testing.RunningStore;
import io.strongroom.testing.ServiceStack;
import io.strongroom.ui.common.DirectUiExecutor;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The secret's Audit tab against the embedded store over the real SDK (LookupEvents by the
 * secret's ARN), without the FX thread: "last read by" from one page while the tab is hidden, the
 * 90 days once it is shown, the list following the timeline's selection, an event's CloudTrail
 * JSON (without the value), a lookup cut short, and a slow answer for the secret selected before
 * never landing on the one selected now.
 */
class AuditTabViewModelTest {

    static final String VALUE = "FAKE-audit-tab-value-" + UUID.randomUUID();
    static ServiceStack stack;
    static Scope scope;
    static ExecutorService pool;
    static AuditService audit;
    static AccessKey reader;
    static AccessKey intruder;
    static SecretSummary read;
    static SecretSummary quiet;

    @BeforeAll
    static void start() {
        stack = ServiceStack.start(2);
        scope = stack.scope(0, RunningStore.REGION.id());
        pool = Executors.newFixedThreadPool(2);
        audit = new AuditService(stack.clients(), new FanOut(pool, 2, new RateLimiters(TimeSource.system())));
        String account = scope.accountId();
        reader = stack.store().userWithPolicy(account, "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":[\"secretsmanager:GetSecretValue\"],\"Resource\":\"*\"}]}");
        intruder = stack.store().userWithPolicy(account, null);
        read = secret("app/audit-tab-read-");
        quiet = secret("app/audit-tab-quiet-");
        SecretsManagerClient asReader = stack.store().secrets(reader, RunningStore.REGION);
        SecretsManagerClient asIntruder = stack.store().secrets(intruder, RunningStore.REGION);
        stack.store().secrets().getSecretValue(b -> b.secretId(read.arn()));          // the admin, first
        stack.store().clock().advance(java.time.Duration.ofMinutes(5));
        for (int i = 0; i < 3; i++) {
            asReader.getSecretValue(b -> b.secretId(read.arn()));
        }
        stack.store().clock().advance(java.time.Duration.ofMinutes(5));
        assertThrows(SecretsManagerException.class, () -> asIntruder.getSecretValue(b -> b.secretId(read.arn())));
        stack.store().secrets().describeSecret(b -> b.secretId(read.arn()));
        stack.store().store().audit().flush();
    }

    static SecretSummary secret(String prefix) {
        String arn = stack.store().secrets().createSecret(b -> b.name(prefix + UUID.randomUUID().toString().substring(0, 8))
                .secretString(VALUE)).arn();
        return stack.secrets().describe(scope, arn);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
        stack.close();
    }

    final SimpleObjectProperty<SecretSummary> shown = new SimpleObjectProperty<>();

    AuditTabViewModel viewModel() {
        return new AuditTabViewModel(shown, audit, new DirectUiExecutor(), stack.store().clock());
    }

    static String arnOf(AccessKey key) {
        return key.principalArn();
    }

    @Test
    void whileHiddenOnePageSaysWhoLastReadItNewestFirstAndTheRefusalIsNoRead() {
        AuditTabViewModel vm = viewModel();
        shown.set(read);
        assertTrue(vm.readersKnownProperty().get());
        List<String> readers = vm.lastReaders().stream().map(AuditRecord::principal).toList();
        assertEquals(2, readers.size(), readers.toString());
        assertEquals(arnOf(reader), readers.get(0), "the latest reader first");
        assertFalse(readers.contains(arnOf(intruder)), "an AccessDenied read is no read");
        assertTrue(vm.readersCompleteProperty().get(), "fewer events than a page: the whole 90 days");
        assertEquals(0, vm.timeline().recordCountProperty().get(), "the 90 days wait until the tab is shown");
        assertEquals(List.of(), vm.events());
    }

    @Test
    void shownTheNinetyDaysAreOnTheTimelineAndTheListFollowsItsSelection() {
        AuditTabViewModel vm = viewModel();
        vm.setShown(true);
        shown.set(read);
        List<AuditRecord> events = vm.events();
        assertEquals(List.of("DescribeSecret", "GetSecretValue", "GetSecretValue", "GetSecretValue", "GetSecretValue", "GetSecretValue",
                "DescribeSecret", "CreateSecret"), events.stream().map(AuditRecord::eventName).toList(), "newest first");
        assertTrue(events.get(1).accessDenied() && events.get(1).principal().equals(arnOf(intruder)), events.get(1).toString());
        assertEquals(events.size(), vm.timeline().recordCountProperty().get());
        assertFalse(vm.truncatedProperty().get());

        AuditRecord denied = events.get(1);
        vm.timeline().zoomTo(denied.time().minusSeconds(1800), denied.time().plusSeconds(1800));
        vm.timeline().select(denied.time(), denied.time());
        assertTrue(vm.events().contains(denied));
        assertTrue(vm.events().stream().noneMatch(e -> e.eventName().equals("CreateSecret")), "ten minutes earlier, outside the minute");
        vm.timeline().clearSelection();
        assertEquals(events, vm.events());
    }

    @Test
    void theSelectedEventsCloudTrailRecordIsShownIndentedWithoutTheValue() {
        AuditTabViewModel vm = viewModel();
        vm.setShown(true);
        shown.set(read);
        for (AuditRecord e : vm.events()) {
            vm.selectedEventProperty().set(e);
            String json = vm.selectedJsonProperty().get();
            assertTrue(json.contains("\"eventName\" : \"" + e.eventName() + "\""), json);
            assertFalse(json.contains(VALUE), "CloudTrail records no value");
        }
        vm.selectedEventProperty().set(null);
        assertNull(vm.selectedJsonProperty().get());
    }

    @Test
    void aSecretNobodyReadSaysSoAndALookupCutShortSaysHowFarBackItGot() {
        AuditTabViewModel vm = new AuditTabViewModel(shown, audit, new DirectUiExecutor(), stack.store().clock(), 4, 3);
        shown.set(quiet);
        assertEquals(List.of(), vm.lastReaders());
        assertTrue(vm.readersCompleteProperty().get(), "two events (created, described): the whole window");
        shown.set(read);
        assertFalse(vm.readersCompleteProperty().get(), "three of its eight events");
        vm.setShown(true);
        assertTrue(vm.truncatedProperty().get());
        assertEquals(4, vm.loadedCountProperty().get());
        assertEquals(vm.events().get(3).time(), vm.loadedSinceProperty().get());
    }

    @Test
    void anAnswerForTheSecretSelectedBeforeNeverLandsOnTheOneSelectedNow() {
        HeldUiExecutor held = new HeldUiExecutor();
        AuditTabViewModel vm = new AuditTabViewModel(shown, audit, held, stack.store().clock());
        vm.setShown(true);
        shown.set(read);
        shown.set(quiet);
        held.finishAllNewestFirst();
        assertEquals(List.of("DescribeSecret", "CreateSecret"), vm.events().stream().map(AuditRecord::eventName).toList(),
                "only the quiet secret's events");
    }
}
