package io.strongroom.cli;

import io.strongroom.local.LocalStore;
import io.strongroom.local.LocalStoreConfig;
import io.strongroom.local.iam.LocalAccount;
import io.strongroom.testing.ServeProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code strongroom serve --account-id}: the accounts a test fixture hard-codes, kept by the data directory. */
class ServeAccountIdsTest {

    @TempDir
    Path dir;

    @Test
    void serveWithAccountIdsHasThoseAccountsAndTheirKeysAndARestartKeepsThem() throws InterruptedException {
        Path dataDir = dir.resolve("fixture");
        Map<String, String> firstEnv;
        try (ServeProcess serve = new ServeProcess(dataDir, "--account-id", "000000000000,111111111111", "--account-id", "222222222222")) {
            assertEquals(List.of("000000000000", "111111111111", "222222222222"), listedAccountIds(serve), serve.banner().toString());
            assertEquals(List.of("000000000000", "111111111111", "222222222222"), adminKeyAccounts(serve), serve.banner().toString());
            firstEnv = serve.environment();
            GetCallerIdentityResponse me = callerIdentity(serve);
            assertEquals("000000000000", me.account(), "the exported key is the first chosen account's admin");
            assertEquals("arn:aws:iam::000000000000:user/admin", me.arn());
            try (SecretsManagerClient sm = secretsManager(serve)) {
                assertTrue(sm.createSecret(b -> b.name("fixture/db").secretString("x")).arn()
                        .startsWith("arn:aws:secretsmanager:us-east-1:000000000000:secret:fixture/db-"));
            }
            serve.stop();
        }
        try (ServeProcess again = new ServeProcess(dataDir)) {
            assertEquals(List.of("000000000000", "111111111111", "222222222222"), listedAccountIds(again), again.banner().toString());
            assertEquals(firstEnv.get("AWS_ACCESS_KEY_ID"), again.environment().get("AWS_ACCESS_KEY_ID"), "the same keys sign");
            assertEquals("000000000000", callerIdentity(again).account());
            again.stop();
        }
    }

    @Test
    void serveWithOtherIdsThanTheDataDirectoryKeepsIsAUsageErrorNamingTheStoredIds() {
        Path dataDir = dir.resolve("one-account");
        try (LocalStore created = LocalStore.start(LocalStoreConfig.defaults(dataDir).withAccountIds(List.of("000000000000")))) {
            assertEquals("000000000000", created.accounts().list().get(0).accountId());
        }
        Result refused = serve(dataDir, "--account-id", "123456789012,000000000000");
        assertEquals(2, refused.exit(), refused.err());
        assertEquals("strongroom serve: the data directory " + dataDir.toAbsolutePath() + " was created with account IDs 000000000000"
                + " and keeps them; it cannot start with 123456789012, 000000000000.\n"
                + "Start without --account-id to use the stored IDs, or give another --data-dir for a store with 123456789012, 000000000000.\n",
                refused.err());
        assertEquals("", refused.out());
        try (LocalStore again = LocalStore.start(LocalStoreConfig.defaults(dataDir))) {
            assertEquals(List.of(new LocalAccount("000000000000", "security-audit")), again.accounts().list(),
                    "the refused start changed nothing");
        }
    }

    @Test
    void badAccountIdsAreUsageErrorsAndNoStoreIsCreated() {
        Path dataDir = dir.resolve("never-created");
        for (List<String> args : List.of(
                List.of("--account-id", "12345678901"),
                List.of("--account-id", "1234567890123"),
                List.of("--account-id", "12345678901x"),
                List.of("--account-id", ""),
                List.of("--account-id", "111111111111,"),
                List.of("--account-id", "111111111111,,222222222222"),
                List.of("--account-id", ","),
                List.of("--account-id", "111111111111,222222222222", "--account-id", "111111111111"))) {
            Result r = serve(dataDir, args.toArray(String[]::new));
            assertEquals(2, r.exit(), args + ": " + r.err());
            assertTrue(r.err().startsWith("--account-id: "), args + ": " + r.err());
            assertTrue(r.err().contains("Usage: strongroom serve"), "picocli's usage follows: " + r.err());
            assertFalse(Files.exists(dataDir), args + " created the data directory");
        }
        Result shortId = serve(dataDir, "--account-id", "12345");
        assertTrue(shortId.err().startsWith("--account-id: an account ID is exactly 12 digits, e.g. 123456789012; got '12345'\n"),
                shortId.err());
        Result twice = serve(dataDir, "--account-id", "111111111111", "--account-id", "111111111111");
        assertTrue(twice.err().startsWith("--account-id: account ID 111111111111 is given twice; each account needs an ID of its own\n"),
                twice.err());
        Result missing = serve(dataDir, "--account-id");
        assertEquals(2, missing.exit(), missing.err());
    }

    private record Result(int exit, String out, String err) {}

    /** {@code strongroom serve} in process: only for starts that are refused, a started one would not return. */
    private static Result serve(Path dataDir, String... args) {
        List<String> all = new ArrayList<>(List.of("serve", "--port", "0", "--data-dir", dataDir.toString()));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // A start that is wrongly not refused would serve until stopped: fail it instead of hanging.
        int exit = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try (var backends = new io.strongroom.app.Composition()) {
                return StrongroomCommand.run(backends, new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
            }
        }, () -> "serve " + all + " started instead of being refused");
        return new Result(exit, out.toString(), err.toString());
    }

    /** The IDs under "Local accounts:", in banner order. */
    private static List<String> listedAccountIds(ServeProcess serve) {
        return section(serve, line -> line.equals("Local accounts:")).stream()
                .map(line -> {
                    String[] cells = line.trim().split("\\s+");
                    return cells[cells.length - 1];
                })
                .toList();
    }

    /** The account of each line under "Admin keys of every account". */
    private static List<String> adminKeyAccounts(ServeProcess serve) {
        return section(serve, line -> line.startsWith("Admin keys of every account")).stream()
                .map(line -> line.trim().split("\\s+")[0])
                .toList();
    }

    /** The banner's lines after the first that {@code heading} accepts, up to the next blank line. */
    private static List<String> section(ServeProcess serve, Predicate<String> heading) {
        List<String> lines = new ArrayList<>();
        boolean inList = false;
        for (String line : serve.banner()) {
            if (heading.test(line)) {
                inList = true;
            } else if (inList && line.isBlank()) {
                break;
            } else if (inList) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static StaticCredentialsProvider exported(ServeProcess serve) {
        Map<String, String> env = serve.environment();
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(env.get("AWS_ACCESS_KEY_ID"), env.get("AWS_SECRET_ACCESS_KEY")));
    }

    private static GetCallerIdentityResponse callerIdentity(ServeProcess serve) {
        try (StsClient sts = StsClient.builder().endpointOverride(URI.create(serve.endpoint())).region(Region.US_EAST_1)
                .credentialsProvider(exported(serve)).build()) {
            return sts.getCallerIdentity();
        }
    }

    private static SecretsManagerClient secretsManager(ServeProcess serve) {
        return SecretsManagerClient.builder().endpointOverride(URI.create(serve.endpoint()))
                .region(Region.of(serve.environment().get("AWS_DEFAULT_REGION"))).credentialsProvider(exported(serve)).build();
    }
}
