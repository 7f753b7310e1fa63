package io.strongroom.service;

import io.strongroom.domain.Account;
import io.strongroom.domain.Scope;
import io.strongroom.domain.ScopeError;
import io.strongroom.domain.SecretFilter;
import io.strongroom.domain.SecretQuery;
import io.strongroom.domain.SecretSummary;
import io.strongroom.local.iam.LocalAccount;
import io.strongroom.testing.RunningStore;
import io.strongroom.testing.ServiceStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Listing across three local accounts and two regions through the real SDK, with one account
 * reached by a principal that is denied everything, plus an unreachable endpoint.
 */
class SecretsFanOutTest {

    static final List<String> REGIONS = List.of("us-east-1", "eu-west-1");
    static final int DENIED = 1;          // payments-prod, listed by a principal allowed nothing
    static final int BIG = 0;             // security-audit in us-east-1 holds more than one page

    static ServiceStack stack;
    static RunningStore store;
    static SecretsService secrets;
    static List<Account> accounts;
    /** Secret names created per scope id. */
    static final Map<String, Set<String>> created = new HashMap<>();

    @BeforeAll
    static void start() {
        stack = ServiceStack.start(4, DENIED);
        store = stack.store();
        List<LocalAccount> local = store.store().accounts().list();
        assertEquals(3, local.size());
        accounts = stack.accounts();

        for (int i = 0; i < local.size(); i++) {
            for (String region : REGIONS) {
                SecretsManagerClient admin = store.secrets(store.adminKey(i), Region.of(region));
                int count = i == BIG && region.equals("us-east-1") ? 105 : 2 + i;
                Set<String> names = new java.util.TreeSet<>();
                for (int n = 0; n < count; n++) {
                    String name = "app/" + local.get(i).alias() + "/" + region + "/secret-" + n;
                    int k = n;
                    admin.createSecret(b -> b.name(name).secretString("value-" + k).description("test secret " + k)
                            .tags(t -> t.key("team").value(k % 2 == 0 ? "blue" : "green")));
                    names.add(name);
                }
                created.put(accounts.get(i).in(region).id(), names);
            }
        }
        secrets = stack.secrets();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    static List<Scope> allScopes() {
        List<Scope> scopes = new ArrayList<>();
        for (Account a : accounts) {
            for (String r : REGIONS) {
                scopes.add(a.in(r));
            }
        }
        return scopes;
    }

    @Test
    void everyAllowedScopeReturnsEverySecretAndTheDeniedOneFailsAlone() throws Exception {
        Collector<SecretSummary> listener = new Collector<>();
        List<Scope> scopes = allScopes();
        List<FanOut.ScopeOutcome> outcomes = secrets.list(scopes, SecretQuery.all(), listener).done().get(60, TimeUnit.SECONDS);

        assertEquals(6, outcomes.size());
        for (Scope scope : scopes) {
            if (scope.account().equals(accounts.get(DENIED))) {
                ScopeError e = listener.failed.get(scope);
                assertNotNull(e, scope.label() + " should have failed");
                assertEquals("AccessDeniedException", e.errorCode());
                assertNotNull(e.requestId());
                assertFalse(e.requestId().isBlank());
                assertEquals(400, e.status());
                assertTrue(e.message().contains("secretsmanager:ListSecrets"), e.message());
                assertTrue(e.describe().contains(scope.label()));
                continue;
            }
            Set<String> names = listener.items(scope).stream().map(SecretSummary::name).collect(Collectors.toCollection(java.util.TreeSet::new));
            assertEquals(created.get(scope.id()), names, "every secret of " + scope.label());
            assertEquals(names.size(), listener.completed.get(scope));
            for (SecretSummary s : listener.items(scope)) {
                assertEquals(scope, s.scope());
                assertEquals(scope.accountId(), s.accountId());
                assertEquals(scope.accountAlias(), s.accountAlias());
                assertTrue(s.arn().startsWith("arn:aws:secretsmanager:" + scope.region() + ":" + scope.accountId() + ":secret:"), s.arn());
                assertNotNull(s.created());
                assertNotNull(s.currentVersionId());
                assertTrue(s.tags().containsKey("team"));
                assertTrue(s.description().startsWith("test secret"));
                assertFalse(s.isPlannedForDeletion());
            }
        }
        Scope big = accounts.get(BIG).in("us-east-1");
        assertEquals(List.of(100, 5), listener.pages.get(big).stream().map(List::size).toList(),
                "ListSecrets pages of 100 streamed as they arrived");
        assertEquals(6, listener.terminalCalls.size());
        assertEquals(6, listener.started.size());
    }

    @Test
    void anUnreachableEndpointFailsOnlyItsOwnScope() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        Account dead = AccountSource.customEndpoint("dead", URI.create("http://127.0.0.1:" + closedPort),
                List.of(new AccountSource.AccountKeys("999999999999", "nowhere", "AKIADEAD", "secret"))).accounts().get(0);
        Scope deadScope = dead.in("us-east-1");
        Scope alive = accounts.get(2).in("eu-west-1");
        Collector<SecretSummary> listener = new Collector<>();
        secrets.list(List.of(deadScope, alive), SecretQuery.all(), listener).done().get(60, TimeUnit.SECONDS);

        assertEquals(ScopeError.UNREACHABLE, listener.failed.get(deadScope).errorCode());
        assertTrue(listener.failed.get(deadScope).message().contains(String.valueOf(closedPort)));
        assertEquals(0, listener.failed.get(deadScope).status());
        assertEquals(created.get(alive.id()).size(), listener.completed.get(alive));
    }

    @Test
    void serverSideFiltersAndNegationApplyInEveryScope() throws Exception {
        List<Scope> scopes = List.of(accounts.get(0).in("eu-west-1"), accounts.get(2).in("us-east-1"));
        Collector<SecretSummary> blue = new Collector<>();
        secrets.list(scopes, SecretQuery.all().withFilter(SecretFilter.of(SecretFilter.Key.TAG_VALUE, "blue")), blue)
                .done().get(30, TimeUnit.SECONDS);
        Collector<SecretSummary> notBlue = new Collector<>();
        secrets.list(scopes, SecretQuery.all().withFilter(SecretFilter.of(SecretFilter.Key.TAG_VALUE, "blue").negate()), notBlue)
                .done().get(30, TimeUnit.SECONDS);
        for (Scope scope : scopes) {
            assertTrue(blue.items(scope).stream().allMatch(s -> s.tags().get("team").equals("blue")));
            assertTrue(notBlue.items(scope).stream().noneMatch(s -> s.tags().get("team").equals("blue")));
            assertEquals(created.get(scope.id()).size(), blue.items(scope).size() + notBlue.items(scope).size());
            assertFalse(blue.items(scope).isEmpty());
        }

        Scope one = accounts.get(2).in("us-east-1");
        String wanted = "app/" + one.accountAlias() + "/us-east-1/secret-1";
        Collector<SecretSummary> byName = new Collector<>();
        secrets.list(List.of(one), SecretQuery.all().withFilter(SecretFilter.of(SecretFilter.Key.NAME, wanted)),
                byName).done().get(30, TimeUnit.SECONDS);
        assertEquals(Map.of(), byName.failed, "the name-filtered listing failed");
        assertEquals(List.of(wanted), byName.items(one).stream().map(SecretSummary::name).toList());
    }

    @Test
    void cancellingAListingStopsPagingAfterThePageInHand() throws Exception {
        Scope big = accounts.get(BIG).in("us-east-1");
        FanOut.Handle[] handle = new FanOut.Handle[1];
        java.util.concurrent.CountDownLatch assigned = new java.util.concurrent.CountDownLatch(1);
        Collector<SecretSummary> listener = new Collector<>((scope, page) -> {
            try {
                assigned.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            handle[0].cancel();
        });
        handle[0] = secrets.list(List.of(big), SecretQuery.all(), listener);
        assigned.countDown();
        List<FanOut.ScopeOutcome> outcomes = handle[0].done().get(30, TimeUnit.SECONDS);
        assertEquals(1, listener.pageCount(big), "the second page was never requested");
        assertEquals(ScopeError.CANCELLED, outcomes.get(0).error().errorCode());
        assertEquals(100, outcomes.get(0).itemCount());
    }
}
