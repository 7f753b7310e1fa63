package io.strongroom.ui.editor;

import io.strongroom.ui.common.Texts;
import io.strongroom.service.journal.SecretMutations;
import io.strongroom.domain.Account;
import io.strongroom.domain.NewSecret;
import io.strongroom.domain.Scope;
import io.strongroom.domain.SecretPayload;
import io.strongroom.domain.SecretSummary;
import io.strongroom.domain.VersionSelector;
import io.strongroom.domain.VersionWritten;
import io.strongroom.local.audit.AuditLog;
import io.strongroom.local.iam.AccessKey;
import io.strongroom.local.iam.LocalAccount;
import io.strongroom.service.AccountSource;
import io.strongroom.service.ClientRegistry;
import io.strongroom.service.FanOut;
import io.strongroom.service.KeysService;
import io.strongroom.service.RateLimiters;
import io.strongroom.service.ScopeException;
import io.strongroom.service.SecretsService;
import io.strongroom.service.TimeSource;
import io.strongroom.testing.RunningStore;
import io.strongroom.ui.common.DirectUiExecutor;
import javafx.beans.property.SimpleBooleanProperty;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyMetadata;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real embedded store with the service layer wired as in the console (real SDK clients over
 * HTTP), one scope of its first account, and helpers to look at what reached the store.
 */
public final class StoreFixture implements AutoCloseable {

    public final RunningStore store = new RunningStore();
    public final ClientRegistry clients = new ClientRegistry(ClientRegistry.Settings.defaults().withMaxAttempts(1));
    public final ExecutorService pool = Executors.newFixedThreadPool(2);
    public final FanOut fanOut = new FanOut(pool, 2, new RateLimiters(TimeSource.system()));
    public final SecretsService secrets = new SecretsService(clients, fanOut);
    public final KeysService keys = new KeysService(clients, fanOut);
    public final Scope scope;
    public final String accountId;

    private final AccessKey key;

    public StoreFixture() {
        this(0, RunningStore.REGION.id());
    }

    /** The n-th local account (0 security-audit, 1 payments-prod, 2 analytics-dev) in {@code region}. */
    public StoreFixture(int accountIndex, String region) {
        LocalAccount account = store.store().accounts().list().stream()
                .filter(a -> a.accountId().equals(store.adminKey(accountIndex).accountId())).findFirst().orElseThrow();
        key = store.adminKey(accountIndex);
        Account a = AccountSource.embeddedStore(store.store().endpoint(),
                List.of(new AccountSource.AccountKeys(account.accountId(), account.alias(), key.accessKeyId(), key.secretAccessKey())))
                .accounts().get(0);
        accountId = account.accountId();
        scope = a.in(region);
    }

    /** A KMS client of this fixture's account and region (to create customer managed keys). */
    public KmsClient kms() {
        return store.kms(key, Region.of(scope.region()));
    }

    /** An editor context on this store with a direct executor, recording mutations and scripted dialogs. */
    public Fakes fakes(boolean readOnly) {
        RecordingMutations mutations = new RecordingMutations(SecretMutations.of(secrets));
        ScriptedDialogs dialogs = new ScriptedDialogs();
        SimpleBooleanProperty ro = new SimpleBooleanProperty(readOnly);
        EditorContext ctx = new EditorContext(secrets, keys, mutations, new DirectUiExecutor(), dialogs, ro, Texts.load().in(EditorContext.MESSAGES));
        return new Fakes(ctx, mutations, dialogs, ro);
    }

    public record Fakes(EditorContext ctx, RecordingMutations mutations, ScriptedDialogs dialogs, SimpleBooleanProperty readOnly) {}

    /** {@code prefix} and eight random characters: a secret name no other test uses. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates a customer managed KMS key with {@code description}, reachable as {@code alias}. */
    public KeyMetadata customerKey(String description, String alias) {
        KeyMetadata k = kms().createKey(b -> b.description(description)).keyMetadata();
        kms().createAlias(b -> b.aliasName(alias).targetKeyId(k.keyId()));
        return k;
    }

    /** Creates a text secret as {@link #createText} does and answers how the service describes it. */
    public SecretSummary createDescribed(String name, String value) {
        createText(name, value);
        return secrets.describe(scope, name);
    }

    /** The AWSCURRENT text of the secret named (or with the ARN) {@code secret}. */
    public String currentText(String secret) {
        return secrets.getValue(scope, secret, VersionSelector.current()).payload().text();
    }

    /** Creates a text secret directly through the service layer (test setup, not under test). */
    public VersionWritten createText(String name, String value) {
        return secrets.create(scope, new NewSecret(name, "test secret " + name, null, SecretPayload.ofText(value),
                Map.of("owner", "team-test"), SecretsService.newRequestToken()));
    }

    public VersionWritten createBinary(String name, byte[] value) {
        return secrets.create(scope, new NewSecret(name, null, null, SecretPayload.ofBinary(value), Map.of(),
                SecretsService.newRequestToken()));
    }

    /** Whether a secret of this name exists in the scope (scheduled deletions included). */
    public boolean exists(String name) {
        try {
            secrets.describe(scope, name);
            return true;
        } catch (ScopeException e) {
            if (e.errorCode().equals("ResourceNotFoundException")) {
                return false;
            }
            throw e;
        }
    }

    /** How many calls named {@code eventName} the store recorded on the secret {@code arn}. */
    public long calls(String arn, String eventName) {
        AuditLog.Page page = store.store().audit().lookup(new AuditLog.Query(accountId, scope.region(), "ResourceName", arn,
                null, null, 1000, null));
        return page.events().stream().filter(e -> e.event().eventName().equals(eventName)).count();
    }

    @Override
    public void close() {
        clients.close();
        pool.shutdownNow();
        store.close();
    }
}
