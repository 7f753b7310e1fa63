package io.strongroom.service;

import io.strongroom.domain.Account;
import io.strongroom.domain.CredentialsRef;
import io.strongroom.domain.ScopeError;
import io.strongroom.local.iam.AccessKey;
import io.strongroom.testing.RunningStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Account sources, with AWS profiles read from temporary files (never the real ~/.aws). */
class AccountSourceTest {

    @RegisterExtension
    static final RunningStore store = RunningStore.perClass();

    @TempDir
    Path dir;

    private Path config;
    private Path credentials;

    private void writeProfiles() throws IOException {
        AccessKey staticKey = store.adminKey(1);
        AccessKey processKey = store.adminKey(2);
        Path processOutput = dir.resolve("creds.json");
        Files.writeString(processOutput, "{\"Version\": 1, \"AccessKeyId\": \"" + processKey.accessKeyId()
                + "\", \"SecretAccessKey\": \"" + processKey.secretAccessKey() + "\"}");
        config = dir.resolve("config");
        credentials = dir.resolve("credentials");
        Files.writeString(config, """
                [default]
                region = eu-west-1

                [profile static]
                region = us-east-1

                [profile auditor]
                role_arn = arn:aws:iam::123456789012:role/Auditor
                source_profile = static

                [profile sso]
                sso_session = corp
                sso_account_id = 210987654321
                sso_role_name = ReadOnly

                [sso-session corp]
                sso_start_url = https://example.awsapps.com/start
                sso_region = us-east-1

                [profile proc]
                credential_process = cat %s

                [profile pinned]
                aws_account_id = 555555555555
                aws_access_key_id = AKIAPINNED
                aws_secret_access_key = pinned-secret
                """.formatted(processOutput));
        Files.writeString(credentials, """
                [static]
                aws_access_key_id = %s
                aws_secret_access_key = %s
                """.formatted(staticKey.accessKeyId(), staticKey.secretAccessKey()));
    }

    @Test
    void profilesThatYieldCredentialsAreOfferedWithWhatTheyStateAboutTheirAccount() throws IOException {
        writeProfiles();
        List<Account> accounts = AccountSource.awsProfiles(config, credentials).accounts();
        Map<String, Account> byName = accounts.stream().collect(Collectors.toMap(Account::alias, Function.identity()));

        assertEquals(List.of("auditor", "pinned", "proc", "sso", "static"), accounts.stream().map(Account::alias).toList(),
                "a region-only default profile yields no credentials and is not offered");
        assertEquals("123456789012", byName.get("auditor").accountId(), "from role_arn");
        assertEquals("210987654321", byName.get("sso").accountId(), "from sso_account_id");
        assertEquals("555555555555", byName.get("pinned").accountId(), "from aws_account_id");
        assertNull(byName.get("static").accountId(), "only STS can tell");
        assertEquals("profile (assume role)", byName.get("auditor").origin());
        assertEquals("profile (SSO)", byName.get("sso").origin());
        assertEquals("profile (credential process)", byName.get("proc").origin());
        assertEquals("profile (static keys)", byName.get("static").origin());
        assertNull(byName.get("static").endpoint(), "profiles reach AWS's own endpoints");
        assertEquals(new CredentialsRef.Profile("static", config, credentials), byName.get("static").credentials());
        assertEquals("profile:static/eu-west-1", byName.get("static").in("eu-west-1").id());
    }

    @Test
    void theSdkResolvesStaticAndProcessProfilesAndRequestsAreSignedWithThem() throws IOException {
        writeProfiles();
        URI endpoint = store.store().endpoint();
        try (ClientRegistry registry = new ClientRegistry(ClientRegistry.Settings.defaults(), t -> false, dir.resolve("sso-cache"))) {
            IdentityService identity = new IdentityService(registry, new RateLimiters(TimeSource.system()));
            // the same profiles, pointed at the embedded store so no request leaves the machine
            Account viaKeys = new Account(null, "static", endpoint, new CredentialsRef.Profile("static", config, credentials), "profile");
            Account viaProcess = new Account(null, "proc", endpoint, new CredentialsRef.Profile("proc", config, credentials), "profile");
            assertEquals(store.adminKey(1).accountId(), identity.callerIdentity(viaKeys.in("us-east-1")).accountId());
            assertEquals(store.adminKey(2).accountId(), identity.callerIdentity(viaProcess.in("us-east-1")).accountId());

            Account missing = new Account(null, "ghost", endpoint, new CredentialsRef.Profile("ghost", config, credentials), "profile");
            ScopeException e = assertThrows(ScopeException.class, () -> identity.callerIdentity(missing.in("us-east-1")));
            assertEquals(ScopeError.CREDENTIALS_UNAVAILABLE, e.errorCode());

            Account sso = new Account(null, "sso", endpoint, new CredentialsRef.Profile("sso", config, credentials), "profile");
            ScopeException ssoErr = assertThrows(ScopeException.class, () -> identity.callerIdentity(sso.in("us-east-1")));
            // an SSO profile with no cached token and no prompt installed: a clear per-scope "needs sign-in"
            assertEquals(ScopeError.SIGN_IN_REQUIRED, ssoErr.errorCode());
            assertTrue(ssoErr.error().message().contains("sso"), ssoErr.error().message());
        }
    }

    @Test
    void defaultLocationsFollowTheSdkSystemProperties() throws IOException {
        writeProfiles();
        String oldConfig = System.getProperty("aws.configFile");
        String oldCredentials = System.getProperty("aws.sharedCredentialsFile");
        System.setProperty("aws.configFile", config.toString());
        System.setProperty("aws.sharedCredentialsFile", credentials.toString());
        try {
            List<String> names = AccountSource.awsProfiles().accounts().stream().map(Account::alias).toList();
            assertEquals(List.of("auditor", "pinned", "proc", "sso", "static"), names);
        } finally {
            restore("aws.configFile", oldConfig);
            restore("aws.sharedCredentialsFile", oldCredentials);
        }
    }

    @Test
    void missingFilesMeanNoProfiles() {
        assertTrue(AccountSource.awsProfiles(dir.resolve("nope"), dir.resolve("nada")).accounts().isEmpty());
    }

    @Test
    void embeddedStoreAndCustomEndpointOfferTheirAccountsWithStaticKeys() {
        URI endpoint = URI.create("http://127.0.0.1:4566");
        AccountSource.AccountKeys keys = new AccountSource.AccountKeys("111122223333", "payments-prod", "AKIAEXAMPLE", "wJalrXUtnFEMI");
        Account a = AccountSource.embeddedStore(endpoint, List.of(keys)).accounts().get(0);
        assertEquals("111122223333", a.accountId());
        assertEquals("payments-prod / eu-west-1", a.in("eu-west-1").label());
        assertEquals(endpoint, a.endpoint());
        assertEquals(new CredentialsRef.StaticKeys("AKIAEXAMPLE", "wJalrXUtnFEMI"), a.credentials());
        assertFalse(keys.toString().contains("wJalrXUtnFEMI"));
        assertFalse(a.toString().contains("wJalrXUtnFEMI"));
        assertFalse(a.in("us-east-1").toString().contains("wJalrXUtnFEMI"));

        Account c = AccountSource.customEndpoint("LocalStack", URI.create("http://localhost:4567"), List.of(keys)).accounts().get(0);
        assertEquals(URI.create("http://localhost:4567"), c.endpoint());
    }

    @Test
    void allRegionsMeansTheCommercialPartition() {
        List<String> regions = Regions.commercial();
        assertTrue(regions.containsAll(List.of("us-east-1", "eu-west-1", "ap-southeast-2", "sa-east-1")));
        assertFalse(regions.contains("aws-global"));
        assertFalse(regions.contains("cn-north-1"));
        assertFalse(regions.contains("us-gov-west-1"));
        assertEquals(regions.stream().sorted().toList(), regions);
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
