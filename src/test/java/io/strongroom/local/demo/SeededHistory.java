package io.strongroom.local.demo;

import io.strongroom.local.iam.AccessKey;
import io.strongroom.local.iam.LocalAccount;
import io.strongroom.testing.RunningStore;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;
import software.amazon.awssdk.services.sts.model.Credentials;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A store seeded with the demo estate and its history, and what the tests look at: the whole
 * trail as LookupEvents answers from it (taken once, right after seeding), every secret as
 * ListSecrets showed it then, and clients as the store's admins or as demo role sessions.
 */
final class SeededHistory implements AutoCloseable {

    private final RunningStore running = new RunningStore();
    private final Instant seededAt;
    private final DemoEstate.Summary seeded;
    private final String auditAccount;
    private final List<TrailFacts.Seen> trail;
    private final Map<String, SecretListEntry> listed = new HashMap<>();
    private final List<AutoCloseable> sessions = new ArrayList<>();

    SeededHistory() {
        seededAt = running.clock().instant();
        seeded = DemoEstate.seed(running.store());
        long started = System.nanoTime();
        running.store().audit().flush();
        long stored = seeded.history().elapsed().toMillis() + (System.nanoTime() - started) / 1_000_000;
        auditAccount = id("security-audit");
        List<TrailFacts.Seen> all = new ArrayList<>();
        for (LocalAccount account : running.store().accounts().list()) {
            for (String region : DemoEstate.REGIONS) {
                all.addAll(TrailFacts.stored(running.store().audit(), account.accountId(), region));
                adminSecrets(account.alias(), region).listSecretsPaginator(b -> b.maxResults(100)).forEach(page ->
                        page.secretList().forEach(e -> listed.put(account.alias() + " " + region + " " + e.name(), e)));
            }
        }
        all.sort(Comparator.comparing(TrailFacts.Seen::time));
        trail = List.copyOf(all);
        System.out.printf(Locale.ROOT, "demo history: %d events (%d of the incident), made and queued in %d ms, stored after %d ms;"
                        + " %d LastAccessedDates moved; estate and history seeded in %d ms%n",
                seeded.history().events(), seeded.history().incidentEvents(), seeded.history().elapsed().toMillis(), stored,
                seeded.history().lastAccessedMoved(), seeded.elapsed().toMillis());
    }

    RunningStore running() {
        return running;
    }

    Instant seededAt() {
        return seededAt;
    }

    DemoEstate.Summary seeded() {
        return seeded;
    }

    String auditAccount() {
        return auditAccount;
    }

    /** Every event of every account and region right after seeding, oldest first. */
    List<TrailFacts.Seen> trail() {
        return trail;
    }

    /** Every secret as ListSecrets showed it right after seeding (before any test read one), by "alias region name". */
    Map<String, SecretListEntry> listed() {
        return listed;
    }

    String id(String alias) {
        return running.store().accounts().find(alias).map(LocalAccount::accountId).orElseThrow();
    }

    AccessKey admin(String alias) {
        return running.store().accounts().adminKey(id(alias)).orElseThrow();
    }

    CloudTrailClient cloudTrail(String alias, String region) {
        return running.cloudTrail(admin(alias), Region.of(region));
    }

    SecretsManagerClient adminSecrets(String alias, String region) {
        return running.secrets(admin(alias), Region.of(region));
    }

    /** Secrets Manager as a session named {@code session} of the demo role {@code role} of {@code alias}, assumed by its admin. */
    SecretsManagerClient as(String alias, String role, String session, String region) {
        Credentials c = running.sts(admin(alias), Region.US_EAST_1)
                .assumeRole(r -> r.roleArn(DemoPrincipals.roleArn(id(alias), role)).roleSessionName(session)).credentials();
        SecretsManagerClient client = SecretsManagerClient.builder().endpointOverride(running.store().endpoint()).region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken())))
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(RetryMode.STANDARD)
                        .retryStrategy(b -> b.maxAttempts(1)).build())
                .build();
        sessions.add(client);
        return client;
    }

    /** The message of the AccessDeniedException {@code call} ends with. */
    static String refusal(Runnable call) {
        AwsServiceException e = assertThrows(AwsServiceException.class, call::run);
        assertEquals("AccessDeniedException", e.awsErrorDetails().errorCode());
        return e.awsErrorDetails().errorMessage();
    }

    @Override
    public void close() {
        for (AutoCloseable c : sessions) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing a client of a store that is going away
            }
        }
        running.close();
    }
}
