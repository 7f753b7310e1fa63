package io.strongroom.local.http;

import io.strongroom.local.iam.AccessKey;
import io.strongroom.testing.RawAwsRequest;
import io.strongroom.testing.RawHttp;
import io.strongroom.testing.RunningStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

/**
 * What a signature must cover, and what its credential scope may name, before the store acts on
 * a request: a region of the partition (it becomes part of ARNs), the Host header, and no
 * session token on a long-term key.
 */
class SigV4StrictnessTest {

    @RegisterExtension
    static final RunningStore store = RunningStore.perClass();
    static AccessKey accountA;
    static AccessKey accountB;

    @BeforeAll
    static void start() {
        accountA = store.adminKey(0);
        accountB = store.adminKey(1);
        store.secrets(accountB, RunningStore.REGION).createSecret(b -> b.name("victim").secretString("b's value"));
    }

    @Test
    void aRegionThatSmugglesAnArnIsRefusedAndCreatesNothing() {
        String forged = "us-east-1:" + accountB.accountId() + ":secret:victim";
        RawAwsRequest.Reply reply = RawAwsRequest.to(store.store().endpoint(), accountA)
                .target("secretsmanager.CreateSecret")
                .signedForRegion(forged)
                .body("{\"Name\":\"x\",\"SecretString\":\"planted\"}")
                .send();

        assertEquals(400, reply.status());
        assertEquals("InvalidSignatureException", reply.type());
        assertEquals("Credential should be scoped to a valid region. ", reply.message());
        assertEquals(Set.of(), store.store().regionsInUse(accountA.accountId()), "account A holds nothing anywhere");
        assertEquals(1, store.secrets(accountB, RunningStore.REGION).listSecrets(b -> { }).secretList().size(),
                "account B still holds only its own secret");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cn-north-1", "us-gov-west-1", "aws-global", "US-EAST-1", "local", "us-east-1 ", "us-east-1/x"})
    void regionsOutsideThePartitionAreRefused(String region) {
        RawAwsRequest.Reply reply = RawAwsRequest.to(store.store().endpoint(), accountA)
                .target("secretsmanager.ListSecrets")
                .signedForRegion(region)
                .send();

        assertEquals(400, reply.status(), region);
        assertTrue(reply.type().equals("InvalidSignatureException") || reply.type().equals("IncompleteSignatureException"),
                region + " → " + reply.type());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"SecretsManager", "secrets manager", "x"})
    void aServiceNameThatIsNoSigningNameIsRefused(String service) {
        RawAwsRequest.Reply reply = RawAwsRequest.to(store.store().endpoint(), accountA)
                .target("secretsmanager.ListSecrets")
                .signedFor(service + "y".repeat(service.equals("x") ? 100 : 0))
                .send();

        assertEquals(400, reply.status(), service);
        assertTrue(reply.message().startsWith("Credential should be scoped to correct service"), reply.message());
    }

    @Test
    void everyRegionOfThePartitionIsServed() {
        for (String region : Set.of("us-east-1", "eu-west-1", "ap-southeast-2", "sa-east-1", "il-central-1")) {
            RawAwsRequest.Reply reply = RawAwsRequest.to(store.store().endpoint(), accountA)
                    .target("secretsmanager.ListSecrets").signedForRegion(region).send();
            assertEquals(200, reply.status(), region + ": " + reply.message());
        }
    }

    @Test
    void aSignatureThatDoesNotCoverHostIsRefused() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new TreeMap<>();
        headers.put("content-type", "application/x-amz-json-1.1");
        headers.put("x-amz-date", DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now()));
        headers.put("x-amz-target", "secretsmanager.ListSecrets");
        String authorization = sign(accountB, "us-east-1", "secretsmanager", headers, body);

        for (String host : new String[] {"127.0.0.1:" + store.store().port(), "attacker.example"}) {
            StringBuilder request = new StringBuilder("POST / HTTP/1.1\r\nHost: " + host + "\r\n");
            headers.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
            request.append("Authorization: ").append(authorization).append("\r\n")
                    .append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n").append("{}");
            RawHttp.Response response = RawHttp.exchange(store.store().endpoint(), request.toString().getBytes(StandardCharsets.UTF_8));

            assertEquals(400, response.status(), host + ": " + response.body());
            assertTrue(response.body().contains("IncompleteSignatureException"), response.body());
            assertTrue(response.body().contains("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization."), response.body());
            assertFalse(response.body().contains("victim"), "nothing was listed");
        }
    }

    @Test
    void aSessionTokenWithALongTermKeyIsRefused() {
        RawAwsRequest.Reply reply = RawAwsRequest.to(store.store().endpoint(), accountB)
                .target("secretsmanager.GetSecretValue")
                .withSessionToken("garbage-token")
                .body("{\"SecretId\":\"victim\"}")
                .send();

        assertEquals(400, reply.status());
        assertEquals("UnrecognizedClientException", reply.type());
        assertEquals("The security token included in the request is invalid.", reply.message());
        assertFalse(reply.json().has("SecretString"));
    }

    @Test
    void aSessionTokenIsRefusedOverTheQueryProtocolToo() {
        try (StsClient sts = StsClient.builder()
                .endpointOverride(store.store().endpoint())
                .region(RunningStore.REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                        accountB.accessKeyId(), accountB.secretAccessKey(), "garbage-token")))
                .httpClient(ApacheHttpClient.create())
                .build()) {
            StsException refused = assertThrows(StsException.class, sts::getCallerIdentity);
            assertEquals("InvalidClientTokenId", refused.awsErrorDetails().errorCode());
            assertEquals(403, refused.statusCode());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"short", "AKIA-WITH-DASHES-00", "AKIA0000000000000000 ", "ÄKIA000000000000000"})
    void aMalformedAccessKeyIdIsRefusedAsAnUnrecognizedClient(String keyId) {
        RawAwsRequest.Reply reply = RawAwsRequest.to(store.store().endpoint(),
                        new AccessKey(accountA.accountId(), "arn:aws:iam::" + accountA.accountId() + ":user/x", keyId, "s"))
                .target("secretsmanager.ListSecrets")
                .send();

        assertEquals(400, reply.status());
        assertEquals("UnrecognizedClientException", reply.type());
    }

    @Test
    void anOversizeAccessKeyIdIsRefusedWithoutAServerError() {
        String keyId = "A".repeat(8_000);
        RawAwsRequest.Reply reply = RawAwsRequest.to(store.store().endpoint(),
                        new AccessKey(accountA.accountId(), "arn:aws:iam::" + accountA.accountId() + ":user/x", keyId, "s"))
                .target("secretsmanager.ListSecrets")
                .send();

        assertTrue(reply.isClientError(), "status " + reply.status());
    }

    /** SigV4 by hand, over exactly the headers given (the SDK's signer always adds host). */
    private static String sign(AccessKey key, String region, String service, Map<String, String> headers, byte[] body) {
        try {
            HexFormat hex = HexFormat.of();
            String amzDate = headers.get("x-amz-date");
            String date = amzDate.substring(0, 8);
            Map<String, String> sorted = new LinkedHashMap<>(new TreeMap<>(headers));
            String signedHeaders = String.join(";", sorted.keySet());
            StringBuilder canonical = new StringBuilder("POST\n/\n\n");
            sorted.forEach((k, v) -> canonical.append(k).append(':').append(v).append('\n'));
            canonical.append('\n').append(signedHeaders).append('\n')
                    .append(hex.formatHex(MessageDigest.getInstance("SHA-256").digest(body)));
            String scope = date + "/" + region + "/" + service + "/aws4_request";
            String toSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
                    + hex.formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
            byte[] k = hmac(("AWS4" + key.secretAccessKey()).getBytes(StandardCharsets.UTF_8), date);
            k = hmac(k, region);
            k = hmac(k, service);
            k = hmac(k, "aws4_request");
            return "AWS4-HMAC-SHA256 Credential=" + key.accessKeyId() + "/" + scope + ", SignedHeaders=" + signedHeaders
                    + ", Signature=" + hex.formatHex(hmac(k, toSign));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }
}
