package io.strongroom.local.http;

import io.strongroom.local.iam.AccessKey;
import io.strongroom.testing.RawAwsRequest;
import io.strongroom.testing.RawAwsRequest.Reply;
import io.strongroom.testing.RunningStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;
import software.amazon.awssdk.services.secretsmanager.model.SecretVersionsListEntry;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Malformed, oversize, unauthenticated and forged requests sent as raw HTTP, each correctly
 * signed by the SDK's own signer except for the one defect under test. Each must be refused
 * with the AWS error code (in {@code __type} and {@code x-amzn-ErrorType}) and a 4xx status,
 * and must leave everything already stored exactly as it was.
 */
class BadInputTest {

    static final String TARGET = "bad-input/target";
    @RegisterExtension
    static final RunningStore store = RunningStore.perClass();
    static SecretsManagerClient sm;
    static Snapshot before;

    @BeforeAll
    static void start() {
        sm = store.secrets();
        sm.createSecret(b -> b.name(TARGET).description("Stays as it is").secretString("first value")
                .tags(t -> t.key("env").value("prod"), t -> t.key("team").value("payments")));
        sm.putSecretValue(b -> b.secretId(TARGET).secretString("second value"));
        sm.putSecretValue(b -> b.secretId(TARGET).secretBinary(SdkBytes.fromByteArray(new byte[] {1, 2, 3})).versionStages("BLUE"));
        sm.createSecret(b -> b.name("bad-input/bystander").secretString("bystander value"));
        before = snapshot();
    }

    @AfterEach
    void nothingStoredChanged() {
        assertEquals(before, snapshot(), "stored secrets after a refused request");
    }

    // ---- what "unchanged" means

    /** Everything a caller can observe about the stored secrets, except LastAccessedDate (reads move it). */
    record Snapshot(Set<String> names, String description, Instant lastChanged, Map<String, List<String>> stages,
                    List<Tag> tags, Map<String, String> versions, Map<String, String> valueDigests) {}

    static Snapshot snapshot() {
        Set<String> names = new TreeSet<>();
        for (SecretListEntry e : sm.listSecrets(b -> b.includePlannedDeletion(true)).secretList()) {
            names.add(e.name() + (e.deletedDate() == null ? "" : " (deleted)"));
        }
        DescribeSecretResponse d = sm.describeSecret(b -> b.secretId(TARGET));
        Map<String, String> versions = new TreeMap<>();
        Map<String, String> values = new TreeMap<>();
        for (SecretVersionsListEntry v : sm.listSecretVersionIds(b -> b.secretId(TARGET).includeDeprecated(true)).versions()) {
            versions.put(v.versionId(), new TreeSet<>(v.versionStages()) + " " + v.createdDate());
            var got = sm.getSecretValue(b -> b.secretId(TARGET).versionId(v.versionId()));
            values.put(v.versionId(), got.secretString() != null ? "string " + digest(got.secretString().getBytes(StandardCharsets.UTF_8))
                    : "binary " + digest(got.secretBinary().asByteArray()));
        }
        Map<String, List<String>> stages = new TreeMap<>();
        d.versionIdsToStages().forEach((k, v) -> stages.put(k, v.stream().sorted().toList()));
        values.put("bystander", digest(sm.getSecretValue(b -> b.secretId("bad-input/bystander")).secretString().getBytes(StandardCharsets.UTF_8)));
        return new Snapshot(names, d.description(), d.lastChangedDate(), stages, d.tags(), versions, values);
    }

    /** Values are compared by digest, so a failure message never shows one. */
    static String digest(byte[] value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- the requests

    static RawAwsRequest request(String operation, String body) {
        return RawAwsRequest.to(store.store().endpoint(), store.adminKey(0))
                .target(operation == null ? null : "secretsmanager." + operation)
                .body(body);
    }

    static String json(String s) {
        return '"' + s + '"';
    }

    static String putString(String value) {
        return "{\"SecretId\":" + json(TARGET) + ",\"SecretString\":" + json(value) + "}";
    }

    static String putBinary(byte[] value) {
        return "{\"SecretId\":" + json(TARGET) + ",\"SecretBinary\":" + json(Base64.getEncoder().encodeToString(value)) + "}";
    }

    static String createNamed(String name) {
        return "{\"Name\":" + json(name) + ",\"SecretString\":\"x\"}";
    }

    static Stream<Arguments> badRequests() {
        String put = putString("changed");
        Clock twentyMinutesAgo = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-20));
        Clock twentyMinutesAhead = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(20));
        return Stream.of(
                // body
                bad("malformed JSON", () -> request("PutSecretValue", "{\"SecretId\": \"" + TARGET + "\", \"SecretString\": "),
                        "SerializationException", 400),
                bad("a JSON array instead of an object", () -> request("PutSecretValue", "[" + put + "]"), "SerializationException", 400),
                bad("bytes that are not UTF-8", () -> request("PutSecretValue", "{}").body(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}),
                        "SerializationException", 400),
                bad("JSON nested thousands deep", () -> request("PutSecretValue", "[".repeat(5000) + "]".repeat(5000)),
                        "SerializationException", 400),
                bad("a number for Name", () -> request("CreateSecret", "{\"Name\": 42, \"SecretString\": \"x\"}"), "SerializationException", 400),
                bad("an object for SecretString", () -> request("PutSecretValue", "{\"SecretId\":" + json(TARGET) + ",\"SecretString\":{\"a\":1}}"),
                        "SerializationException", 400),
                bad("a string for MaxResults", () -> request("ListSecrets", "{\"MaxResults\": \"10\"}"), "SerializationException", 400),
                bad("an integer too large for MaxResults", () -> request("ListSecrets", "{\"MaxResults\": 100000000000000000000000}"),
                        "SerializationException", 400),
                bad("SecretBinary that is not base64", () -> request("PutSecretValue", "{\"SecretId\":" + json(TARGET) + ",\"SecretBinary\":\"***\"}"),
                        "SerializationException", 400),
                bad("an object for the Tags list", () -> request("TagResource", "{\"SecretId\":" + json(TARGET) + ",\"Tags\":{\"Key\":\"a\",\"Value\":\"b\"}}"),
                        "SerializationException", 400),
                bad("a null in the VersionStages list", () -> request("PutSecretValue", "{\"SecretId\":" + json(TARGET)
                        + ",\"SecretString\":\"x\",\"VersionStages\":[\"A\",null]}"), "SerializationException", 400),
                // operation
                bad("an unknown X-Amz-Target operation", () -> request("StealEverything", put), "UnknownOperationException", 400),
                bad("no X-Amz-Target header", () -> request(null, put), "UnknownOperationException", 400),
                // values and names
                bad("a 65,537-byte SecretString", () -> request("PutSecretValue", putString("x".repeat(65_537))), "ValidationException", 400),
                bad("a 65,537-byte SecretBinary", () -> request("PutSecretValue", putBinary(new byte[65_537])), "ValidationException", 400),
                bad("a 65,537-byte SecretString for a new secret", () -> request("CreateSecret",
                        "{\"Name\":\"bad-input/new\",\"SecretString\":" + json("x".repeat(65_537)) + "}"), "ValidationException", 400),
                bad("an empty SecretString", () -> request("PutSecretValue", putString("")), "ValidationException", 400),
                bad("a secret name with spaces", () -> request("CreateSecret", createNamed("bad input/with spaces")), "InvalidParameterException", 400),
                bad("a 513-character secret name", () -> request("CreateSecret", createNamed("n".repeat(513))), "ValidationException", 400),
                bad("an empty secret name", () -> request("CreateSecret", createNamed("")), "ValidationException", 400),
                bad("no secret name", () -> request("CreateSecret", "{\"SecretString\":\"x\"}"), "ValidationException", 400),
                bad("an existing secret's name", () -> request("CreateSecret", createNamed(TARGET)), "ResourceExistsException", 400),
                bad("a ClientRequestToken shorter than 32 characters", () -> request("PutSecretValue",
                        "{\"SecretId\":" + json(TARGET) + ",\"SecretString\":\"x\",\"ClientRequestToken\":\"short\"}"), "ValidationException", 400),
                bad("a description over 2048 characters", () -> request("UpdateSecret",
                        "{\"SecretId\":" + json(TARGET) + ",\"Description\":" + json("d".repeat(2049)) + "}"), "ValidationException", 400),
                bad("an unknown secret", () -> request("PutSecretValue", "{\"SecretId\":\"bad-input/nobody\",\"SecretString\":\"x\"}"),
                        "ResourceNotFoundException", 400),
                bad("a malformed secret ARN", () -> request("PutSecretValue", "{\"SecretId\":\"arn:aws:s3:::bucket\",\"SecretString\":\"x\"}"),
                        "InvalidParameterException", 400),
                // authentication
                bad("a body byte changed after signing", () -> request("PutSecretValue", put).afterSigning(s -> s.body[s.body.length - 3] ^= 1),
                        "InvalidSignatureException", 400),
                bad("the operation changed after signing", () -> request("DescribeSecret", "{\"SecretId\":" + json(TARGET) + "}")
                        .afterSigning(s -> s.setHeader("X-Amz-Target", "secretsmanager.DeleteSecret")), "InvalidSignatureException", 400),
                bad("an X-Amz-Target header the signature does not cover", () -> request(null, put)
                        .afterSigning(s -> s.setHeader("X-Amz-Target", "secretsmanager.PutSecretValue")), "IncompleteSignatureException", 400),
                bad("a signature made with the wrong secret key", () -> request("PutSecretValue", put).signedWith(forged()),
                        "InvalidSignatureException", 400),
                bad("an unknown access key", () -> request("PutSecretValue", put)
                        .signedWith(new AccessKey("000000000000", "arn:aws:iam::000000000000:user/x", "AKIAUNKNOWNUNKNOWN00", "secret")),
                        "UnrecognizedClientException", 400),
                bad("a deactivated access key", () -> request("PutSecretValue", put).signedWith(deactivatedKey()),
                        "UnrecognizedClientException", 400),
                bad("X-Amz-Date 20 minutes old", () -> request("PutSecretValue", put).signedAt(twentyMinutesAgo), "InvalidSignatureException", 400),
                bad("X-Amz-Date 20 minutes ahead", () -> request("PutSecretValue", put).signedAt(twentyMinutesAhead), "InvalidSignatureException", 400),
                bad("no Authorization header", () -> request("PutSecretValue", put).afterSigning(s -> s.removeHeader("Authorization")),
                        "MissingAuthenticationTokenException", 403),
                bad("an Authorization header of another scheme", () -> request("PutSecretValue", put)
                        .afterSigning(s -> s.setHeader("Authorization", "Bearer abc.def.ghi")), "IncompleteSignatureException", 400),
                bad("an Authorization header without a signature", () -> request("PutSecretValue", put)
                        .afterSigning(s -> s.setHeader("Authorization", s.header("Authorization").replaceAll(", *Signature=[0-9a-f]+", ""))),
                        "IncompleteSignatureException", 400),
                bad("an Authorization header with a mangled credential scope", () -> request("PutSecretValue", put)
                        .afterSigning(s -> s.setHeader("Authorization", s.header("Authorization").replace("/aws4_request", "/aws5_request"))),
                        "IncompleteSignatureException", 400),
                bad("no X-Amz-Date header", () -> request("PutSecretValue", put).afterSigning(s -> s.removeHeader("X-Amz-Date")),
                        "IncompleteSignatureException", 400),
                bad("a credential scope for another service", () -> request("PutSecretValue", put).signedFor("kms"),
                        "InvalidSignatureException", 400),
                // size
                bad("a body over 1 MiB", () -> request("PutSecretValue", putString("x".repeat((1 << 20) + 10))),
                        "RequestEntityTooLargeException", 413));
    }

    static Arguments bad(String what, Supplier<RawAwsRequest> request, String code, int status) {
        return arguments(what, request, code, status);
    }

    static AccessKey forged() {
        AccessKey key = store.adminKey(0);
        return new AccessKey(key.accountId(), key.principalArn(), key.accessKeyId(), key.secretAccessKey().substring(1) + "x");
    }

    static AccessKey deactivatedKey() {
        AccessKey key = store.store().accounts().createUser(store.adminKey(0).accountId(), "retired-" + UUID.randomUUID().toString().substring(0, 8),
                List.of("*"));
        store.store().accounts().setKeyActive(key.accessKeyId(), false);
        return key;
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("badRequests")
    void isRefusedWithItsAwsErrorCodeAndChangesNothing(String what, Supplier<RawAwsRequest> request, String code, int status) {
        Reply reply = request.get().send();
        assertEquals(code, reply.type(), "__type");
        assertEquals(code, reply.errorTypeHeader(), "x-amzn-ErrorType");
        assertEquals(status, reply.status());
        assertTrue(reply.isClientError());
        assertNotNull(reply.message());
    }

    // ---- the limits, from the accepting side

    @Test
    void exactly65536BytesAreAcceptedAsStringAndAsBinary() {
        String name = "bad-input/at-the-limit";
        String string = "s".repeat(65_536);
        byte[] binary = new byte[65_536];
        new java.util.Random(7).nextBytes(binary);
        Reply created = request("CreateSecret", "{\"Name\":" + json(name) + ",\"SecretString\":" + json(string) + "}").send();
        assertEquals(200, created.status());
        try {
            assertTrue(string.equals(sm.getSecretValue(b -> b.secretId(name)).secretString()), "the 65,536-byte string comes back intact");
            Reply put = request("PutSecretValue", "{\"SecretId\":" + json(name) + ",\"SecretBinary\":"
                    + json(Base64.getEncoder().encodeToString(binary)) + "}").send();
            assertEquals(200, put.status());
            assertTrue(java.util.Arrays.equals(binary, sm.getSecretValue(b -> b.secretId(name)).secretBinary().asByteArray()),
                    "the 65,536-byte binary comes back intact");
            String multiByte = "é".repeat(32_768);      // 65,536 bytes of UTF-8
            assertEquals(65_536, multiByte.getBytes(StandardCharsets.UTF_8).length);
            sm.putSecretValue(b -> b.secretId(name).secretString(multiByte));
            assertTrue(multiByte.equals(sm.getSecretValue(b -> b.secretId(name)).secretString()), "65,536 bytes of UTF-8 come back intact");
            Reply over = request("PutSecretValue", "{\"SecretId\":" + json(name) + ",\"SecretString\":" + json(multiByte + "é") + "}").send();
            assertEquals("ValidationException", over.type(), "the limit counts UTF-8 bytes, not characters");
        } finally {
            sm.deleteSecret(b -> b.secretId(name).forceDeleteWithoutRecovery(true));
        }
    }

    @Test
    void aCorrectlySignedRawRequestIsServed() {
        // The control for every case above: the same request without its defect works.
        Reply reply = request("DescribeSecret", "{\"SecretId\":" + json(TARGET) + "}").send();
        assertEquals(200, reply.status());
        assertEquals(TARGET, reply.json().path("Name").asText());
        assertNull(reply.type());
    }
}
