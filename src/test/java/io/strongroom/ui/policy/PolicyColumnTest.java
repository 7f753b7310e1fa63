package io.strongroom.ui.policy;

import io.strongroom.domain.PolicyReach;
import io.strongroom.domain.Scope;
import io.strongroom.domain.SecretSummary;
import io.strongroom.service.journal.SecretMutation;
import io.strongroom.service.journal.SecretMutations;
import io.strongroom.testing.ServiceStack;
import io.strongroom.ui.common.DirectUiExecutor;
import io.strongroom.ui.common.InventoryColumn;
import io.strongroom.ui.common.Styles;
import io.strongroom.ui.common.Texts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The inventory's Policy column against the embedded store: a cell fetches its secret's policy the
 * first time it is shown, tells the inventory to redraw when it arrives, and reads it again once
 * the Policy tab changed it.
 */
class PolicyColumnTest {

    static ServiceStack stack;
    static Scope scope;

    @BeforeAll
    static void start() {
        stack = ServiceStack.start(2);
        scope = stack.scope(0, "us-east-1");
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private SecretSummary newSecret() {
        String name = "app/column-" + UUID.randomUUID().toString().substring(0, 8);
        return stack.secrets().describe(scope, stack.store().secrets().createSecret(r -> r.name(name).secretString("x")).arn());
    }

    @Test
    void aCellFetchesOnFirstShowRedrawsAndReadsAgainAfterAChange() {
        Texts texts = Texts.load().in(PolicyFeature.BUNDLE);
        PolicyReachCache cache = new PolicyReachCache(stack.policies(), new DirectUiExecutor());
        PolicyColumn column = new PolicyColumn(cache, texts);
        AtomicInteger redraws = new AtomicInteger();
        column.whenChanged(redraws::incrementAndGet);
        InventoryColumn.Words words = new InventoryColumn.Words(Texts.load(), null);
        SecretSummary s = newSecret();

        assertNull(column.value(s), "the first show starts the fetch");
        assertEquals(1, redraws.get());
        PolicyReachCache.Entry none = column.value(s);
        assertEquals(PolicyReach.NONE, none.reach());
        assertEquals("None", column.text(none, s, words));
        assertEquals(Styles.CELL_MUTED, column.state(none, s));

        String other = stack.accounts().get(1).accountId();
        SecretMutations.of(stack.secrets(), stack.policies()).apply(new SecretMutation.PutSecretPolicy(scope, s.arn(),
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + other + "\"},"
                        + "\"Action\":\"secretsmanager:GetSecretValue\",\"Resource\":\"*\"}]}", true));
        assertEquals(PolicyReach.NONE, column.value(s).reach(), "kept until told");
        cache.forget(s.arn());
        column.value(s);
        PolicyReachCache.Entry cross = column.value(s);
        assertEquals(PolicyReach.CROSS_ACCOUNT, cross.reach());
        assertEquals(Styles.CELL_WARNING, column.state(cross, s));
        assertTrue(column.comparator().compare(none, cross) < 0, "sorted from least to most exposed");
        assertFalse(column.shownByDefault(), "each shown secret costs a call: the user chooses the column");
    }

    @Test
    void theInventoryFiltersByReachAndTestsAgainAsPoliciesArrive() throws Exception {
        Texts texts = Texts.load().in(PolicyFeature.BUNDLE);
        PolicyColumn column = new PolicyColumn(new PolicyReachCache(stack.policies(), new DirectUiExecutor()), texts);
        io.strongroom.ui.inventory.InventoryViewModel vm = new io.strongroom.ui.inventory.InventoryViewModel(stack.secrets(),
                new DirectUiExecutor(), new io.strongroom.ui.editor.RecordingClipboard(), Texts.load(), java.time.Clock.systemUTC(),
                java.util.List.of(column));
        SecretSummary open = newSecret();
        String other = stack.accounts().get(1).accountId();
        SecretMutations.of(stack.secrets(), stack.policies()).apply(new SecretMutation.PutSecretPolicy(scope, open.arn(),
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + other + "\"},"
                        + "\"Action\":\"secretsmanager:GetSecretValue\",\"Resource\":\"*\"}]}", true));
        SecretSummary closed = newSecret();
        vm.load(java.util.List.of(scope)).get(30, java.util.concurrent.TimeUnit.SECONDS);
        var choices = io.strongroom.ui.inventory.InventoryFilters.choicesOf(vm.columns().all());
        assertEquals(PolicyReach.values().length, choices.size(), "one choice per reach, from the one filterable column");
        var crossAccount = choices.stream().filter(f -> ((PolicyReachCache.Entry) f.chosen()).reach() == PolicyReach.CROSS_ACCOUNT)
                .findFirst().orElseThrow();
        vm.filters().columnFilterProperty().set(crossAccount);
        java.util.List<String> shown = vm.visibleRows().stream().map(r -> r.summary().arn()).toList();
        assertTrue(shown.contains(open.arn()), "fetched for every listed row, then tested again: " + shown);
        assertFalse(shown.contains(closed.arn()));
        vm.filters().clear();
        assertTrue(vm.visibleRows().stream().anyMatch(r -> r.summary().arn().equals(closed.arn())));
    }
}
