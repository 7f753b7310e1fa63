package io.strongroom.local.secrets;

import io.strongroom.local.LocalStore;
import io.strongroom.local.LocalStoreConfig;
import io.strongroom.local.iam.AccessKey;
import io.strongroom.testing.Bytes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Secret values are never at rest in the clear: canary values written through every path that
 * takes a value leave no trace, raw or base64, in any file of the data directory (database,
 * WAL, shared memory, root key) after a checkpoint and after the store closes, nor in the
 * audit trail's stored events.
 *
 * <p>Failure messages name the file and the kind of trace, never the canary itself.
 */
class EncryptionAtRestTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    Path dataDir;
    LocalStore local;
    SecretsManagerClient sm;
    String canary;
    byte[] binaryCanary;
    String password;

    @BeforeEach
    void start() throws IOException {
        dataDir = Files.createTempDirectory("strongroom-canary-");
        local = LocalStore.start(LocalStoreConfig.defaults(dataDir));
        AccessKey admin = local.accounts().adminKeys().get(0);
        sm = SecretsManagerClient.builder()
                .endpointOverride(local.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(admin.accessKeyId(), admin.secretAccessKey())))
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD).retryStrategy(b -> b.maxAttempts(1)))
                .build();
        byte[] marker = new byte[32];
        RANDOM.nextBytes(marker);
        canary = "strongroom-canary-" + HexFormat.of().formatHex(marker);
        binaryCanary = new byte[96];
        RANDOM.nextBytes(binaryCanary);
    }

    @AfterEach
    void stop() throws IOException {
        if (sm != null) {
            sm.close();
        }
        if (local != null) {
            local.close();
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Writes the canaries through every operation that carries a value, and reads them back. */
    private void writeAndReadCanaries() {
        String token = UUID.randomUUID().toString();
        sm.createSecret(b -> b.name("canary/string").secretString(canary).clientRequestToken(token));
        sm.createSecret(b -> b.name("canary/string").secretString(canary).clientRequestToken(token));      // idempotent retry
        sm.createSecret(b -> b.name("canary/binary").secretBinary(SdkBytes.fromByteArray(binaryCanary)));
        sm.putSecretValue(b -> b.secretId("canary/string").secretString(canary + "-put"));
        sm.putSecretValue(b -> b.secretId("canary/string").secretString(canary + "-staged").versionStages("STAGED"));
        sm.updateSecret(b -> b.secretId("canary/binary").secretString(canary + "-update"));
        sm.putSecretValue(b -> b.secretId("canary/binary").secretBinary(SdkBytes.fromByteArray(binaryCanary)));
        // refused writes that carried a value
        assertThrows(AwsServiceException.class, () -> sm.putSecretValue(b -> b.secretId("canary/string")
                .secretString(canary + "-conflict").clientRequestToken(token)));
        assertThrows(AwsServiceException.class, () -> sm.putSecretValue(b -> b.secretId("canary/string")
                .secretString(canary + "x".repeat(65_536))));
        assertThrows(AwsServiceException.class, () -> sm.putSecretValue(b -> b.secretId("canary/nowhere").secretString(canary)));
        // reads
        assertEquals(canary + "-put", sm.getSecretValue(b -> b.secretId("canary/string")).secretString());
        assertArrayEquals(binaryCanary, sm.getSecretValue(b -> b.secretId("canary/binary")).secretBinary().asByteArray());
        assertEquals(2, sm.batchGetSecretValue(b -> b.secretIdList("canary/string", "canary/binary")).secretValues().size());
        password = sm.getRandomPassword(b -> b.passwordLength(48L).excludePunctuation(true)).randomPassword();
        // a scheduled deletion keeps the sealed versions on disk
        sm.createSecret(b -> b.name("canary/doomed").secretString(canary + "-doomed"));
        sm.deleteSecret(b -> b.secretId("canary/doomed").recoveryWindowInDays(7L));
    }

    /** What must not appear: each canary whole and in overlapping pieces, raw and base64-encoded. */
    private Map<String, List<byte[]>> needles() {
        Map<String, List<byte[]>> needles = new LinkedHashMap<>();
        byte[] text = canary.getBytes(StandardCharsets.UTF_8);
        needles.put("the string canary (UTF-8)", pieces(text));
        needles.put("the string canary (base64)", pieces(Base64.getEncoder().encode(text)));
        needles.put("the string canary (base64url)", pieces(Base64.getUrlEncoder().encode(text)));
        needles.put("the string canary (UTF-16)", pieces(canary.getBytes(StandardCharsets.UTF_16LE)));
        needles.put("the binary canary", pieces(binaryCanary));
        needles.put("the binary canary (base64)", pieces(Base64.getEncoder().encode(binaryCanary)));
        needles.put("the generated password", List.of(password.getBytes(StandardCharsets.UTF_8)));
        return needles;
    }

    /** The whole value and every 24-byte window of it at a stride of 8, so a value split across pages is still found. */
    private static List<byte[]> pieces(byte[] value) {
        List<byte[]> out = new ArrayList<>();
        out.add(value);
        for (int from = 0; from + 24 <= value.length; from += 8) {
            out.add(java.util.Arrays.copyOfRange(value, from, from + 24));
        }
        return out;
    }

    private void assertNoTraceInDataDirectory(String when) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dataDir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertTrue(files.stream().anyMatch(p -> p.getFileName().toString().equals("strongroom.db")), "the database is in the data directory");
        assertTrue(files.stream().anyMatch(p -> p.getFileName().toString().equals("root.key")), "the root key is in the data directory");
        Map<String, List<byte[]>> needles = needles();
        for (Path file : files) {
            byte[] content = Files.readAllBytes(file);
            needles.forEach((what, pieces) -> {
                for (byte[] piece : pieces) {
                    assertFalse(Bytes.contains(content, piece), when + ": " + dataDir.relativize(file) + " contains " + what);
                }
            });
        }
    }

    private Connection openDatabase() throws Exception {
        return DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("strongroom.db").toAbsolutePath());
    }

    @Test
    void noValueAppearsInAnyFileOfTheDataDirectoryAfterACheckpoint() throws Exception {
        writeAndReadCanaries();
        local.audit().flush();
        assertTrue(Files.size(dataDir.resolve("strongroom.db-wal")) > 0, "the writes went through the WAL");
        assertNoTraceInDataDirectory("before the checkpoint");
        try (Connection c = openDatabase(); Statement s = c.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(FULL)");
        }
        assertNoTraceInDataDirectory("after the checkpoint");
    }

    @Test
    void noValueAppearsInAnyFileOfTheDataDirectoryAfterTheStoreCloses() throws Exception {
        writeAndReadCanaries();
        sm.close();
        sm = null;
        local.close();
        local = null;
        assertNoTraceInDataDirectory("after closing");
    }

    @Test
    void theAuditTrailRecordsTheCallsButNeverTheValues() throws Exception {
        writeAndReadCanaries();
        local.audit().flush();
        List<String> events = new ArrayList<>();
        try (Connection c = openDatabase(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT event_name, COALESCE(request_parameters, '') || '|' || COALESCE(error_message, '')"
                     + " || '|' || COALESCE(resource_name, '') || '|' || COALESCE(user_agent, '') FROM audit_events")) {
            while (rs.next()) {
                events.add(rs.getString(1));
                String json = rs.getString(2);
                assertFalse(json.contains(canary.substring(0, 40)), rs.getString(1) + " event contains the string canary");
                assertFalse(json.contains(canary.substring(canary.length() - 40)), rs.getString(1) + " event contains the string canary");
                assertFalse(json.contains(Base64.getEncoder().encodeToString(binaryCanary).substring(0, 40)),
                        rs.getString(1) + " event contains the binary canary");
                assertFalse(json.contains(password), rs.getString(1) + " event contains the generated password");
            }
        }
        assertTrue(events.containsAll(List.of("CreateSecret", "PutSecretValue", "UpdateSecret", "GetSecretValue",
                "BatchGetSecretValue", "GetRandomPassword")), "every call was audited: " + events);
    }
}
