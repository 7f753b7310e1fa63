package io.strongroom.ui.audit;

import io.strongroom.domain.AuditQuery;
import io.strongroom.domain.AuditRecord;
import io.strongroom.domain.Scope;
import io.strongroom.domain.ScopeError;
import io.strongroom.testing.RecordingDialogs;
import io.strongroom.ui.common.DialogService;
import io.strongroom.ui.common.DirectUiExecutor;
import io.strongroom.ui.common.Texts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Audit view's model against the embedded store over the real SDK, without the FX thread:
 * the events of {@link AuditEstate} looked up per scope, a refused scope kept apart, the filters
 * and their counts, who read what and its drill-down, the timeline's restriction, the question
 * before a large lookup, lookup attributes, the selected event's record and the exports.
 */
class AuditViewModelTest {

    static final String SECRETS_MANAGER = "secretsmanager.amazonaws.com";
    static final Texts TEXTS = Texts.load(Locale.ROOT).in(AuditFeature.BUNDLE);
    static AuditEstate estate;

    @TempDir
    Path dir;

    @BeforeAll
    static void estate() {
        estate = AuditEstate.start();
    }

    @AfterAll
    static void stop() {
        estate.close();
    }

    /** A user who answers questions as told and keeps what was asked. */
    static final class Answering implements DialogService {
        final List<String> questions = new ArrayList<>();
        boolean answer = true;
        Path saveTo;

        @Override
        public boolean confirm(String title, String message) {
            questions.add(title + " | " + message);
            return answer;
        }

        @Override
        public boolean confirmByTyping(String title, String message, String expected) {
            throw new AssertionError("nothing is confirmed by typing here");
        }

        @Override
        public void showError(String title, Throwable error) {
            throw new AssertionError(title, error);
        }

        @Override
        public void showInfo(String title, String message) {
        }

        @Override
        public Optional<Path> chooseFileToSave(String title, String suggestedName, String extension) {
            return Optional.ofNullable(saveTo).map(p -> p.resolve(suggestedName));
        }

        @Override
        public Optional<Path> chooseFileToOpen(String title) {
            return Optional.empty();
        }
    }

    static AuditViewModel model(DialogService dialogs, List<Scope> scopes) {
        Clock clock = Clock.offset(estate.stack.store().clock(), Duration.ofMinutes(5));
        return new AuditViewModel(estate.audit, new DirectUiExecutor(), dialogs, TEXTS, clock, () -> scopes);
    }

    /**
     * A model that has looked up the Secrets Manager events of {@code scopes} (CloudTrail records
     * the lookups themselves too, so the estate's events are picked by their source).
     */
    static AuditViewModel loaded(List<Scope> scopes) throws Exception {
        AuditViewModel vm = model(new Answering(), scopes);
        vm.form().lookFor(AuditQuery.Attribute.EVENT_SOURCE, SECRETS_MANAGER);
        vm.run().get(30, TimeUnit.SECONDS);
        return vm;
    }

    static List<String> names(List<AuditRecord> records) {
        return records.stream().map(AuditRecord::eventName).toList();
    }

    @Test
    void aRunStreamsEveryScopeAndKeepsTheRefusedScopesErrorApart() throws Exception {
        AuditViewModel vm = loaded(List.of(estate.scope, estate.denied));

        assertEquals(AuditEstate.EVENTS, vm.records().size());
        assertTrue(vm.records().stream().allMatch(r -> r.scope().equals(estate.scope)));
        AuditScopeProgress ok = vm.scopeProgress().get(0);
        assertEquals(AuditScopeProgress.State.DONE, ok.state());
        assertEquals(AuditEstate.EVENTS, ok.events());
        assertEquals(1, ok.pages());
        assertEquals(1, vm.failedScopes().size());
        ScopeError refused = vm.failedScopes().get(0).error();
        assertEquals(estate.denied, refused.scope());
        assertEquals("AccessDeniedException", refused.errorCode());
        assertNotNull(refused.requestId());
        assertFalse(vm.loadingProperty().get());
        assertFalse(vm.cancelledProperty().get());
        assertEquals(2, vm.scopesFinishedProperty().get());
    }

    @Test
    void eventsComeNewestFirstAndTheWindowIsTheQuerysRange() throws Exception {
        AuditViewModel vm = loaded(List.of(estate.scope));

        List<Instant> times = vm.records().stream().map(AuditRecord::time).toList();
        List<Instant> sorted = new ArrayList<>(times);
        sorted.sort(java.util.Comparator.reverseOrder());
        assertEquals(sorted, times);
        // CloudTrail's times are whole seconds: the late calls come first, the early ones last
        assertFalse(vm.records().get(0).time().isBefore(estate.late.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        assertTrue(vm.records().get(vm.records().size() - 1).time().isBefore(estate.late.minus(Duration.ofHours(1))));
        AuditQuery q = vm.loadedQueryProperty().get();
        assertEquals(q.start(), vm.windowStartProperty().get());
        assertEquals(q.end(), vm.windowEndProperty().get());
        assertEquals(Duration.ofHours(24), Duration.between(q.start(), q.end()));
        assertEquals(vm.records(), vm.shown());
    }

    @Test
    void quickFiltersShowTheirEventsAndCountThemAmongTheTextFiltersMatches() throws Exception {
        AuditViewModel vm = loaded(List.of(estate.scope));
        EventCounts all = vm.countsProperty().get();
        // reads: 3 + 2 + 2 refused early; 4 + 1 batch + 2 per secret + 1 late
        assertEquals(new EventCounts(AuditEstate.EVENTS, 2, 2, 15), all);

        vm.filterProperty().set(EventFilter.ACCESS_DENIED);
        assertEquals(2, vm.shown().size());
        assertTrue(vm.shown().stream().allMatch(r -> r.principal().equals(estate.readerArn) && "AccessDeniedException".equals(r.errorCode())
                && estate.arns.get(AuditEstate.STRIPE).equals(r.secretArn())));

        vm.filterProperty().set(EventFilter.VALUE_READS);
        vm.searchTextProperty().set("BUILD-7");
        assertEquals(List.of("GetSecretValue", "GetSecretValue", "GetSecretValue", "GetSecretValue", "GetSecretValue", "GetSecretValue",
                "BatchGetSecretValue"), sortedNames(vm.shown()));
        assertEquals(new EventCounts(9, 0, 0, 7), vm.countsProperty().get(), "the session's events: 7 reads, a put and a describe");
        assertEquals(vm.shown().size(), vm.shownCountProperty().get());
        assertEquals(AuditEstate.EVENTS, vm.loadedCountProperty().get());

        vm.searchTextProperty().set("");
        vm.filterProperty().set(EventFilter.ALL);
        assertEquals(AuditEstate.EVENTS, vm.shown().size());
    }

    static List<String> sortedNames(List<AuditRecord> records) {
        return records.stream().map(AuditRecord::eventName).sorted(java.util.Comparator.reverseOrder()).toList();
    }

    @Test
    void whoReadWhatCountsValueReadsAndACellDrillsDownToExactlyItsEvents() throws Exception {
        AuditViewModel vm = loaded(List.of(estate.scope));
        MatrixModel.Snapshot m = vm.matrix().snapshot();

        MatrixModel.Line reader = line(m.principals(), estate.readerArn);
        MatrixModel.Line role = line(m.principals(), estate.sessionArn);
        MatrixModel.Line stripe = line(m.secrets(), estate.arns.get(AuditEstate.STRIPE));
        MatrixModel.Line orders = line(m.secrets(), estate.arns.get(AuditEstate.ORDERS));
        assertEquals("ci-deployer/build-7", role.label());
        assertEquals(AuditEstate.STRIPE, stripe.label());
        assertEquals(new MatrixModel.Cell(3, 0, 0), m.cell(reader, orders));
        assertEquals(new MatrixModel.Cell(0, 2, 2), m.cell(reader, stripe));
        assertEquals(new MatrixModel.Cell(4, 0, 0), m.cell(role, stripe));
        assertEquals(new MatrixModel.Cell(1, 0, 0), m.cell(role, orders));
        assertEquals(List.of(estate.sessionArn, estate.readerArn, estate.adminArn), m.principals().stream().map(MatrixModel.Line::key).toList());

        vm.filterProperty().set(EventFilter.ERRORS);
        vm.drillInto(reader, stripe);
        assertEquals(reader.label() + " \u2192 " + AuditEstate.STRIPE, vm.showingOnlyProperty().get());
        assertEquals(EventFilter.ALL, vm.filterProperty().get());
        assertEquals(2, vm.shown().size());
        assertTrue(vm.shown().stream().allMatch(AuditRecord::accessDenied));

        vm.drillInto(role, stripe);
        assertEquals(4, vm.shown().size());
        assertTrue(vm.shown().stream().allMatch(r -> r.principal().equals(estate.sessionArn) && r.eventName().equals("GetSecretValue")));

        vm.clearShowOnly();
        assertNull(vm.showingOnlyProperty().get());
        assertEquals(AuditEstate.EVENTS, vm.shown().size());
    }

    static MatrixModel.Line line(List<MatrixModel.Line> lines, String key) {
        return lines.stream().filter(l -> l.key().equals(key)).findFirst().orElseThrow(() -> new AssertionError(key + " not in " + lines));
    }

    @Test
    void theTimelinesRestrictionNarrowsTheTableAndTheMatrixUntilCleared() throws Exception {
        AuditViewModel vm = loaded(List.of(estate.scope));

        vm.restrictTo(estate.late.minusSeconds(60), estate.late.plus(Duration.ofMinutes(30)));
        assertEquals(10, vm.shown().size());
        assertTrue(vm.shown().stream().noneMatch(r -> r.principal().equals(estate.readerArn)));
        assertTrue(vm.matrix().snapshot().principals().stream().noneMatch(l -> l.key().equals(estate.readerArn)));
        assertEquals(10, vm.countsProperty().get().all());
        assertEquals(AuditEstate.EVENTS, vm.records().size(), "the records stay whole: the timeline draws them all");

        vm.clearRestriction();
        assertEquals(AuditEstate.EVENTS, vm.shown().size());
        assertEquals(3, vm.matrix().snapshot().principals().size());
    }

    @Test
    void anotherRunReplacesTheEventsAndForgetsTheDrillDownAndTheSelection() throws Exception {
        AuditViewModel vm = loaded(List.of(estate.scope));
        vm.selectedProperty().set(vm.records().get(0));
        vm.showOnly(vm.records().subList(0, 2), "two");
        vm.run().get(30, TimeUnit.SECONDS);

        assertEquals(AuditEstate.EVENTS, vm.records().size());
        assertNull(vm.showingOnlyProperty().get());
        assertNull(vm.selectedProperty().get());
        assertEquals(AuditEstate.EVENTS, vm.shown().size());
    }

    @Test
    void aLargeLookupSaysWhatItCostsAndRunsOnlyWhenTheUserAgrees() throws Exception {
        estate.audit.forget();      // nothing cached: the estimate is the per-scope limit in pages
        Answering dialogs = new Answering();
        dialogs.answer = false;
        AuditViewModel vm = model(dialogs, List.of(estate.scope, estate.denied));
        vm.form().maxEventsPerScopeProperty().set(5_000);
        vm.form().lookFor(AuditQuery.Attribute.EVENT_SOURCE, SECRETS_MANAGER);

        vm.run().get(30, TimeUnit.SECONDS);
        assertEquals(List.of("Run a large lookup? | This query makes up to 200 LookupEvents calls in 2 scopes; at AWS's 2 calls a second"
                + " per account and region it takes at least 50 seconds."), dialogs.questions);
        assertNull(vm.loadedQueryProperty().get());
        assertTrue(vm.records().isEmpty());
        assertTrue(vm.scopeProgress().isEmpty());

        vm.form().maxEventsPerScopeProperty().set(1_000);
        assertEquals(40, vm.estimateProperty().get().maxCalls());
        assertEquals("Up to 40 LookupEvents calls in 2 scopes \u00b7 at least 10 seconds", vm.estimateTextProperty().get());
        dialogs.answer = true;
        vm.run().get(30, TimeUnit.SECONDS);
        assertEquals(2, dialogs.questions.size());
        assertEquals(AuditEstate.EVENTS, vm.records().size());
    }

    @Test
    void shownTheViewRunsASmallLookupByItselfButNotALargeOne() throws Exception {
        estate.audit.forget();
        Answering dialogs = new Answering();
        AuditViewModel small = model(dialogs, List.of(estate.scope));
        small.viewShown();
        waitUntil(() -> small.loadedAtProperty().get() != null);
        assertEquals(AuditEstate.EVENTS, small.records().stream().filter(r -> SECRETS_MANAGER.equals(r.eventSource())).count());
        assertTrue(small.records().stream().anyMatch(r -> r.eventName().equals("LookupEvents")), "CloudTrail records lookups too");

        AuditViewModel large = model(dialogs, List.of(estate.scope, estate.denied));
        large.viewShown();
        assertNull(large.loadedQueryProperty().get());
        assertEquals(List.of(), dialogs.questions, "nothing is asked when the view is only shown");
        // The scope just looked up costs one call (only what is newer than the cache); the other its 20 pages.
        assertEquals(21, large.estimateProperty().get().maxCalls());
    }

    static void waitUntil(java.util.function.BooleanSupplier done) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!done.getAsBoolean()) {
            assertTrue(System.nanoTime() < until, "timed out");
            Thread.sleep(20);
        }
    }

    @Test
    void aLookupAttributeAsksCloudTrailForThoseEventsOnly() throws Exception {
        AuditViewModel vm = model(new Answering(), List.of(estate.scope));
        vm.form().lookFor(AuditQuery.Attribute.RESOURCE_NAME, estate.arns.get(AuditEstate.STRIPE));
        vm.run().get(30, TimeUnit.SECONDS);
        // created, refused twice, read four times, described
        assertEquals(8, vm.records().size(), names(vm.records()).toString());
        assertTrue(vm.records().stream().allMatch(r -> r.resourceArns().contains(estate.arns.get(AuditEstate.STRIPE))));

        vm.form().lookFor(AuditQuery.Attribute.EVENT_NAME, "PutSecretValue");
        vm.run().get(30, TimeUnit.SECONDS);
        assertEquals(List.of("PutSecretValue"), names(vm.records()));
        assertEquals(estate.sessionArn, vm.records().get(0).principal());
    }

    @Test
    void theFormSaysWhatStopsAQueryAndRunDoesNothingThen() throws Exception {
        AuditViewModel vm = model(new Answering(), List.of(estate.scope));
        vm.form().attributeProperty().set(AuditQuery.Attribute.USERNAME);
        assertEquals("Give a value for User name.", vm.form().problemProperty().get());
        assertNull(vm.estimateProperty().get());
        vm.run().get(5, TimeUnit.SECONDS);
        assertNull(vm.loadedQueryProperty().get());
        vm.form().attributeValueProperty().set("admin");
        assertNull(vm.form().problemProperty().get());
    }

    @Test
    void theSelectedEventsRecordIsPrettyPrinted() throws Exception {
        AuditViewModel vm = loaded(List.of(estate.scope));
        AuditRecord refused = vm.records().stream().filter(AuditRecord::accessDenied).findFirst().orElseThrow();
        vm.selectedProperty().set(refused);

        String json = vm.selectedJsonProperty().get();
        assertTrue(json.startsWith("{\n  \""), json);
        assertTrue(json.contains("\n  \"errorCode\": \"AccessDeniedException\""), json);
        assertTrue(json.contains("\"eventID\": \"" + refused.eventId() + "\""), json);
        assertFalse(json.contains("test-only-"), "no secret value in the record");
        vm.selectedProperty().set(null);
        assertEquals("", vm.selectedJsonProperty().get());
    }

    @Test
    void exportsWriteTheEventsShownAsCsvAndJsonLines() throws Exception {
        Answering dialogs = new Answering();
        dialogs.saveTo = dir;
        AuditViewModel vm = model(dialogs, List.of(estate.scope));
        vm.form().lookFor(AuditQuery.Attribute.EVENT_SOURCE, SECRETS_MANAGER);
        vm.run().get(30, TimeUnit.SECONDS);
        vm.filterProperty().set(EventFilter.ACCESS_DENIED);

        vm.exportCsv();
        Path csv;
        try (var files = Files.list(dir)) {
            csv = files.filter(p -> p.toString().endsWith(".csv")).findFirst().orElseThrow();
        }
        assertTrue(csv.getFileName().toString().matches("strongroom-audit-\\d{4}-\\d{2}-\\d{2}\\.csv"), csv.toString());
        assertEquals("Wrote 2 events to " + csv.getFileName(), vm.noticeProperty().get());
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals(3, lines.size());
        assertEquals(String.join(",", AuditExport.COLUMNS), lines.get(0));
        assertTrue(lines.get(1).contains(",GetSecretValue,secretsmanager.amazonaws.com," + AuditEstate.STRIPE + ","
                + estate.arns.get(AuditEstate.STRIPE) + ","), lines.get(1));

        vm.exportJsonLines();
        Path jsonl = dir.resolve(csv.getFileName().toString().replace(".csv", ".jsonl"));
        List<String> records = Files.readAllLines(jsonl, StandardCharsets.UTF_8);
        assertEquals(vm.shown().stream().map(AuditRecord::cloudTrailJson).toList(), records);
    }

    @Test
    void aLongLookupStreamsPageByPageAndCancellingKeepsWhatArrived() throws Exception {
        // 111 events in a scope of their own: three pages, paced at 2 a second
        Scope busy = estate.stack.scope(0, "ap-southeast-2");
        var sm = estate.stack.store().secrets(estate.stack.store().adminKey(0), software.amazon.awssdk.regions.Region.AP_SOUTHEAST_2);
        sm.createSecret(b -> b.name("busy/token").secretString("test-only"));
        for (int i = 0; i < 110; i++) {
            sm.getSecretValue(b -> b.secretId("busy/token"));
        }
        AuditViewModel vm = model(new Answering(), List.of(busy));
        vm.form().lookFor(AuditQuery.Attribute.EVENT_SOURCE, SECRETS_MANAGER);
        vm.run().get(30, TimeUnit.SECONDS);
        AuditScopeProgress whole = vm.scopeProgress().get(0);
        assertEquals(AuditScopeProgress.State.DONE, whole.state());
        assertEquals(111, whole.events());
        assertEquals(3, whole.pages());
        assertEquals(111, vm.records().size());

        var run = vm.run();
        vm.cancel();
        run.get(30, TimeUnit.SECONDS);
        AuditScopeProgress cut = vm.scopeProgress().get(0);
        assertEquals(AuditScopeProgress.State.CANCELLED, cut.state());
        assertTrue(vm.cancelledProperty().get());
        assertTrue(vm.failedScopes().isEmpty(), "a cancelled scope did not fail");
        assertTrue(cut.events() < 111, cut.events() + " events");
        assertEquals(cut.events(), vm.records().size(), "what arrived stays");
    }

    @Test
    void noScopeChosenRunsNoLookup() throws Exception {
        AuditViewModel vm = model(new RecordingDialogs(), List.of());
        vm.run().get(5, TimeUnit.SECONDS);
        assertTrue(vm.records().isEmpty());
        assertEquals(0, vm.estimateProperty().get().maxCalls());
        assertFalse(vm.loadingProperty().get());
    }
}
