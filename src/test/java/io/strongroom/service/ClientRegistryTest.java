package io.strongroom.service;

import io.strongroom.domain.Account;
import io.strongroom.domain.CredentialsRef;
import io.strongroom.domain.Scope;
import io.strongroom.local.iam.AccessKey;
import io.strongroom.testing.RunningStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ClientRegistryTest {

    @RegisterExtension
    static final RunningStore store = RunningStore.perClass();

    private static Account account(int n) {
        AccessKey key = store.adminKey(n);
        return new Account(key.accountId(), "acct-" + n, store.store().endpoint(),
                new CredentialsRef.StaticKeys(key.accessKeyId(), key.secretAccessKey()), "embedded store");
    }

    @Test
    void aCallFromAThreadThatMustNotBlockIsRefusedBeforeAnythingIsSent() throws Exception {
        Thread ui = Thread.currentThread();
        try (ClientRegistry registry = new ClientRegistry(ClientRegistry.Settings.defaults(), t -> t == ui)) {
            // an endpoint nobody listens on: had the request been sent, the error would be a connection failure
            Account nowhere = new Account("999999999999", "nowhere", java.net.URI.create("http://127.0.0.1:9"),
                    new CredentialsRef.StaticKeys("AKIANOWHERE", "secret"), "custom endpoint");
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> registry.secretsManager(nowhere.in("us-east-1")).listSecrets(b -> { }));
            org.junit.jupiter.api.Assertions.assertTrue(refused.getMessage().contains("ListSecretsRequest"), refused.getMessage());
            org.junit.jupiter.api.Assertions.assertTrue(refused.getMessage().contains(ui.getName()), refused.getMessage());

            // the same client serves any other thread
            Scope scope = account(0).in("us-east-1");
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                String arn = pool.submit(() -> registry.sts(scope).getCallerIdentity().arn()).get();
                org.junit.jupiter.api.Assertions.assertTrue(arn.endsWith(":user/admin"), arn);
            } finally {
                pool.shutdownNow();
            }
            assertThrows(IllegalStateException.class, () -> registry.sts(scope).getCallerIdentity());
        }
    }

    @Test
    void oneClientPerCredentialsEndpointRegionAndService() {
        try (ClientRegistry registry = new ClientRegistry(ClientRegistry.Settings.defaults())) {
            Scope east = account(0).in("us-east-1");
            SecretsManagerClient sm = registry.secretsManager(east);
            assertSame(sm, registry.secretsManager(east));
            assertSame(sm, registry.secretsManager(account(0).in("us-east-1")), "equal scopes share the client");
            assertNotSame(sm, registry.secretsManager(account(0).in("eu-west-1")));
            assertNotSame(sm, registry.secretsManager(account(1).in("us-east-1")));
            registry.kms(east);
            registry.sts(east);
            registry.cloudTrail(east);
            assertEquals(6, registry.size());
        }
    }

    @Test
    void concurrentFirstUseBuildsOneClient() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (ClientRegistry registry = new ClientRegistry(ClientRegistry.Settings.defaults())) {
            Scope scope = account(2).in("us-west-2");
            java.util.List<Future<StsClient>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                futures.add(pool.submit(() -> registry.sts(scope)));
            }
            StsClient first = futures.get(0).get();
            for (Future<StsClient> f : futures) {
                assertSame(first, f.get());
            }
            assertEquals(1, registry.size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void clientsReachTheEndpointSignedAsTheScope() {
        try (ClientRegistry registry = new ClientRegistry(ClientRegistry.Settings.defaults())) {
            IdentityService identity = new IdentityService(registry, new RateLimiters(TimeSource.system()));
            Scope scope = account(1).in("eu-central-1");
            assertEquals(store.adminKey(1).accountId(), identity.callerIdentity(scope).accountId());
            assertEquals(store.adminKey(1).principalArn(), identity.callerIdentity(scope).arn());
        }
    }

    @Test
    void closingClosesEveryClientAndRefusesNewOnes() {
        ClientRegistry registry = new ClientRegistry(ClientRegistry.Settings.defaults());
        Scope scope = account(0).in("us-east-1");
        StsClient sts = registry.sts(scope);
        sts.getCallerIdentity();
        registry.close();
        assertEquals(0, registry.size());
        assertThrows(RuntimeException.class, sts::getCallerIdentity, "a closed client cannot be used");
        assertThrows(IllegalStateException.class, () -> registry.sts(scope));
        registry.close();  // idempotent
    }
}
