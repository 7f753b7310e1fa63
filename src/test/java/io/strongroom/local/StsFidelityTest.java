package io.strongroom.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strongroom.local.audit.UnverifiedRefusal;
import io.strongroom.local.iam.AccessKey;
import io.strongroom.testing.AwsErrors;
import io.strongroom.testing.RawAwsRequest;
import io.strongroom.testing.RunningStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithSamlRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.InvalidIdentityTokenException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * STS as AWS serves it (issue 8): AssumeRoleWithWebIdentity and AssumeRoleWithSAML unsigned,
 * refused as in an account without identity providers; GetAccessKeyInfo; GetCallerIdentity's shape.
 */
class StsFidelityTest {

    @RegisterExtension
    static final RunningStore store = RunningStore.perClass();
    static StsClient anonymous;

    @BeforeAll
    static void start() {
        // No credentials at all: the SDK sends these two operations unsigned, as botocore does.
        anonymous = StsClient.builder()
                .endpointOverride(store.store().endpoint())
                .region(RunningStore.REGION)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(RetryMode.STANDARD)
                        .retryStrategy(b -> b.maxAttempts(1)).build())
                .build();
    }

    @AfterAll
    static void stop() {
        anonymous.close();
    }

    static String roleIn(int account) {
        return "arn:aws:iam::" + store.adminKey(account).accountId() + ":role/ci-deployer";
    }

    static String jwt(String payloadJson) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"RS256\",\"kid\":\"k1\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString("not-a-real-signature".getBytes(StandardCharsets.UTF_8));
    }

    static AwsServiceException webIdentity(String code, Consumer<AssumeRoleWithWebIdentityRequest.Builder> request) {
        return AwsErrors.refused(code, () -> anonymous.assumeRoleWithWebIdentity(request));
    }

    /** One form-encoded STS request with no Authorization header; returns status and body. */
    static HttpResponse<String> unsignedForm(String form) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(store.store().endpoint().resolve("/"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Nested
    class WebIdentity {

        @Test
        void aJwtWhoseIssuerHasNoProviderIsInvalidIdentityTokenNamingTheIssuer() {
            AwsServiceException e = AwsErrors.refused(InvalidIdentityTokenException.class, "InvalidIdentityToken",
                    () -> anonymous.assumeRoleWithWebIdentity(b -> b.roleArn(roleIn(0)).roleSessionName("ci-run-42")
                            .webIdentityToken(jwt("{\"iss\":\"https://token.actions.example.com/\",\"sub\":\"repo:x\",\"aud\":\"sts.amazonaws.com\"}"))));
            assertEquals(400, e.statusCode());
            assertEquals("No OpenIDConnect provider found in your account for https://token.actions.example.com/",
                    e.awsErrorDetails().errorMessage());
        }

        @Test
        void aTokenThatIsNotAJwtIsInvalidIdentityToken() {
            AwsServiceException e = webIdentity("InvalidIdentityToken", b -> b.roleArn(roleIn(0)).roleSessionName("s1")
                    .webIdentityToken("not-a-real-jwt-token"));
            assertEquals(400, e.statusCode());
            assertEquals("The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)",
                    e.awsErrorDetails().errorMessage());
        }

        @Test
        void aGoogleTokenNeedsNoProviderButTheRoleCannotBeAssumed() {
            AwsServiceException e = webIdentity("AccessDenied", b -> b.roleArn(roleIn(0)).roleSessionName("s1")
                    .webIdentityToken(jwt("{\"iss\":\"https://accounts.google.com\",\"sub\":\"1\"}")));
            assertEquals(403, e.statusCode());
            assertEquals("Not authorized to perform sts:AssumeRoleWithWebIdentity", e.awsErrorDetails().errorMessage());
        }

        @Test
        void aSessionNameOutsideThePatternIsAValidationError() {
            AwsServiceException e = webIdentity("ValidationError", b -> b.roleArn(roleIn(0)).roleSessionName("ci run")
                    .webIdentityToken(jwt("{\"iss\":\"https://x.example.com\"}")));
            assertEquals(400, e.statusCode());
            assertEquals("1 validation error detected: Value 'ci run' at 'roleSessionName' failed to satisfy constraint: "
                    + "Member must satisfy regular expression pattern: [\\w+=,.@-]*", e.awsErrorDetails().errorMessage());
        }

        @Test
        void everyBrokenConstraintIsCountedInOneValidationErrorAndTheTokenIsNotEchoed() {
            AwsServiceException e = webIdentity("ValidationError", b -> b.roleArn(roleIn(0)).roleSessionName("x".repeat(65))
                    .webIdentityToken("abc").durationSeconds(899));
            assertEquals("3 validation errors detected: "
                    + "Value '" + "x".repeat(65) + "' at 'roleSessionName' failed to satisfy constraint: Member must have length less than or equal to 64; "
                    + "Value at 'webIdentityToken' failed to satisfy constraint: Member must have length greater than or equal to 4; "
                    + "Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900",
                    e.awsErrorDetails().errorMessage());
        }

        @Test
        void durationAboveTwelveHoursAndAShortRoleArnAreValidationErrors() {
            AwsServiceException e = webIdentity("ValidationError", b -> b.roleArn("arn:aws:iam::1:role")
                    .roleSessionName("s1").webIdentityToken("abcd").durationSeconds(43201));
            assertEquals("2 validation errors detected: "
                    + "Value 'arn:aws:iam::1:role' at 'roleArn' failed to satisfy constraint: Member must have length greater than or equal to 20; "
                    + "Value '43201' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 43200",
                    e.awsErrorDetails().errorMessage());
        }

        @Test
        void missingRequiredParametersAreNamedAsNull() throws Exception {
            HttpResponse<String> reply = unsignedForm("Action=AssumeRoleWithWebIdentity&Version=2011-06-15&RoleSessionName=s1");
            assertEquals(400, reply.statusCode());
            assertTrue(reply.body().contains("<Code>ValidationError</Code>"), reply.body());
            assertTrue(reply.body().replace("&apos;", "'").contains("<Message>2 validation errors detected: Value null at 'roleArn' failed to satisfy constraint: "
                    + "Member must not be null; Value null at 'webIdentityToken' failed to satisfy constraint: Member must not be null</Message>"),
                    reply.body());
        }

        @Test
        void aRoleArnThatIsNoRoleArnIsInvalid() {
            AwsServiceException e = webIdentity("ValidationError", b -> b.roleArn("arn:aws:iam::123456789012:user/ci")
                    .roleSessionName("s1").webIdentityToken("abcd"));
            assertEquals("arn:aws:iam::123456789012:user/ci is invalid", e.awsErrorDetails().errorMessage());
        }

        @Test
        void theCallIsOnTheTrailOfTheAccountThatOwnsTheRole() {
            AccessKey owner = store.adminKey(1);
            AwsServiceException e = webIdentity("InvalidIdentityToken", b -> b.roleArn(roleIn(1)).roleSessionName("audited")
                    .webIdentityToken("not-a-jwt-but-long-enough"));
            try (CloudTrailClient trail = store.cloudTrail(owner, RunningStore.REGION)) {
                List<Event> events = trail.lookupEvents(b -> b.lookupAttributes(a -> a.attributeKey(LookupAttributeKey.EVENT_NAME)
                        .attributeValue("AssumeRoleWithWebIdentity"))).events();
                assertEquals(1, events.size());
                JsonNode record = new ObjectMapper().readTree(events.get(0).cloudTrailEvent());
                assertEquals("sts.amazonaws.com", record.path("eventSource").asText());
                assertEquals("us-east-1", record.path("awsRegion").asText());
                assertEquals("InvalidIdentityToken", record.path("errorCode").asText());
                assertEquals(e.requestId(), record.path("requestID").asText());
                assertEquals(owner.accountId(), record.path("recipientAccountId").asText());
                assertEquals(roleIn(1), record.path("requestParameters").path("roleArn").asText());
                assertEquals("audited", record.path("requestParameters").path("roleSessionName").asText());
                assertTrue(!record.toString().contains("not-a-jwt-but-long-enough"), "the token never reaches the trail");
            } catch (IOException io) {
                throw new java.io.UncheckedIOException(io);
            }
        }

        @Test
        void aCallNamingNoLocalAccountIsAnUnverifiedRefusal() {
            AwsServiceException e = webIdentity("InvalidIdentityToken", b -> b.roleArn("arn:aws:iam::999999999999:role/elsewhere")
                    .roleSessionName("s1").webIdentityToken("not-a-jwt"));
            store.store().audit().flush();
            List<UnverifiedRefusal> refusals = store.store().audit().unverifiedRefusals(50);
            assertTrue(refusals.stream().anyMatch(r -> e.requestId().equals(r.requestId())
                    && "AssumeRoleWithWebIdentity".equals(r.claimedEventName())), refusals.toString());
        }
    }

    @Nested
    class Saml {

        @Test
        void anAssertionThatIsNotBase64IsInvalidIdentityToken() {
            AwsServiceException e = AwsErrors.refused(InvalidIdentityTokenException.class, "InvalidIdentityToken",
                    () -> anonymous.assumeRoleWithSAML(samlRequest("<not base64>")));
            assertEquals(400, e.statusCode());
            assertTrue(e.awsErrorDetails().errorMessage().matches("Invalid base64 SAMLResponse \\(Service: AWSOpenIdDiscoveryService; "
                    + "Status Code: 400; Error Code: AuthSamlInvalidSamlResponseException; Request ID: [0-9a-f-]{36}; Proxy: null\\)"),
                    e.awsErrorDetails().errorMessage());
        }

        @Test
        void anAssertionWithoutAProviderInTheAccountIsSpecifiedProviderDoesNotExist() {
            String assertion = Base64.getEncoder().encodeToString("<samlp:Response/>".getBytes(StandardCharsets.UTF_8));
            AwsServiceException e = AwsErrors.refused(InvalidIdentityTokenException.class, "InvalidIdentityToken",
                    () -> anonymous.assumeRoleWithSAML(samlRequest(assertion)));
            assertTrue(e.awsErrorDetails().errorMessage().matches("Specified provider doesn't exist \\(Service: AWSOpenIdDiscoveryService; "
                    + "Status Code: 400; Error Code: AuthSamlManifestNotFoundException; Request ID: [0-9a-f-]{36}; Proxy: null\\)"),
                    e.awsErrorDetails().errorMessage());
        }

        @Test
        void parametersAreValidatedFirst() {
            AwsServiceException e = AwsErrors.refused("ValidationError", () -> anonymous.assumeRoleWithSAML(b -> b
                    .roleArn(roleIn(0)).principalArn("arn:aws:iam::1:x").samlAssertion("PHg+")));
            assertEquals("1 validation error detected: Value 'arn:aws:iam::1:x' at 'principalArn' failed to satisfy constraint: "
                    + "Member must have length greater than or equal to 20", e.awsErrorDetails().errorMessage());
        }

        AssumeRoleWithSamlRequest samlRequest(String assertion) {
            return AssumeRoleWithSamlRequest.builder().roleArn(roleIn(0))
                    .principalArn("arn:aws:iam::" + store.adminKey(0).accountId() + ":saml-provider/corp-idp")
                    .samlAssertion(assertion).build();
        }
    }

    @Nested
    class OnlyThoseTwoAreUnsigned {

        @Test
        void anyOtherActionWithoutASignatureIsStillMissingAuthenticationToken() throws Exception {
            for (String action : List.of("GetCallerIdentity", "GetAccessKeyInfo&AccessKeyId=AKIAIOSFODNN7EXAMPLE", "AssumeRole")) {
                HttpResponse<String> reply = unsignedForm("Action=" + action + "&Version=2011-06-15");
                assertEquals(403, reply.statusCode(), action);
                assertTrue(reply.body().contains("<Code>MissingAuthenticationToken</Code>"), reply.body());
            }
        }
    }

    @Nested
    class AccessKeyInfo {

        /** GetAccessKeyInfo for {@code accessKeyId}, asked by the first account's admin. */
        String accountOf(String accessKeyId) {
            return store.sts(store.adminKey(0), RunningStore.REGION).getAccessKeyInfo(b -> b.accessKeyId(accessKeyId)).account();
        }

        AwsServiceException refused(String code, String accessKeyId) {
            return AwsErrors.refused(code, () -> accountOf(accessKeyId));
        }

        @Test
        void theStoresOwnKeyAnswersTheAccountThatOwnsIt() {
            AccessKey other = store.adminKey(2);
            String account = accountOf(other.accessKeyId());
            assertEquals(other.accountId(), account);
        }

        @Test
        void anUnknownKeyAnswersTheAccountAwsWritesIntoTheKeyId() {
            String account = accountOf("ASIAQNZGKIQY56JQ7WML");
            assertEquals("029608264753", account);
        }

        @Test
        void aKeyIdThatCannotCarryAnAccountIsInvalidParameterValue() {
            AwsServiceException e = refused("InvalidParameterValue", "AKIA0000000000000000");
            assertEquals(400, e.statusCode());
        }

        @Test
        void aKeyIdShorterThanSixteenIsAValidationError() {
            AwsServiceException e = refused("ValidationError", "AKIASHORT");
            assertEquals("1 validation error detected: Value 'AKIASHORT' at 'accessKeyId' failed to satisfy constraint: "
                    + "Member must have length greater than or equal to 16", e.awsErrorDetails().errorMessage());
        }

        @Test
        void aKeyIdWithCharactersOutsideThePatternIsAValidationError() {
            AwsServiceException e = refused("ValidationError", "AKIA-NOT-A-KEY-ID-");
            assertEquals("1 validation error detected: Value 'AKIA-NOT-A-KEY-ID-' at 'accessKeyId' failed to satisfy constraint: "
                    + "Member must satisfy regular expression pattern: [\\w]*", e.awsErrorDetails().errorMessage());
        }
    }

    @Nested
    class CallerIdentity {

        @Test
        void answersUserIdArnAndAccountOfTheSigningUser() {
            AccessKey key = store.adminKey(0);
            GetCallerIdentityResponse who = store.sts(key, RunningStore.REGION).getCallerIdentity();
            assertEquals(key.accountId(), who.account());
            assertEquals("arn:aws:iam::" + key.accountId() + ":user/admin", who.arn());
            assertTrue(who.userId().matches("AIDA[A-Z2-7]{17}"), "an IAM user's unique ID: " + who.userId());
        }

        @Test
        void theResultListsArnUserIdAccountInAwsOrder() throws Exception {
            RawAwsRequest.Signed signed = RawAwsRequest.to(store.store().endpoint(), store.adminKey(0)).target(null)
                    .signedFor("sts").contentType("application/x-www-form-urlencoded; charset=utf-8")
                    .body("Action=GetCallerIdentity&Version=2011-06-15").sign();
            HttpRequest.Builder request = HttpRequest.newBuilder(store.store().endpoint().resolve("/"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(signed.body));
            signed.headers.forEach((name, values) -> {
                if (!List.of("host", "content-length").contains(name.toLowerCase(java.util.Locale.ROOT))) {
                    values.forEach(v -> request.header(name, v));
                }
            });
            String xml = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
            int arn = xml.indexOf("<Arn>");
            int userId = xml.indexOf("<UserId>");
            int account = xml.indexOf("<Account>");
            assertTrue(arn > 0 && arn < userId && userId < account, xml);
        }
    }
}
