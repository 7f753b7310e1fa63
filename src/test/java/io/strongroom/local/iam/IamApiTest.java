package io.strongroom.local.iam;

import io.strongroom.testing.RawAwsRequest;
import io.strongroom.testing.RunningStore;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsResponse;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.CreateAccessKeyResponse;
import software.amazon.awssdk.services.iam.model.GetRoleResponse;
import software.amazon.awssdk.services.iam.model.ListUsersResponse;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.User;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sts.model.Credentials;

import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** IAM's query API through the SDK's own IamClient, over HTTP and SigV4, against the embedded store. */
class IamApiTest {

    @RegisterExtension
    static final RunningStore store = RunningStore.perClass();

    private static final AtomicInteger NAMES = new AtomicInteger();


    /** IAM is global: the SDK signs it for us-east-1 (with an endpoint override it signs for the client's region, so that is us-east-1 too). */
    static IamClient iam(AccessKey key) {
        return store.iam(key);
    }

    static IamClient admin() {
        return iam(store.adminKey(0));
    }

    static String account() {
        return store.adminKey(0).accountId();
    }

    static String unique(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet();
    }

    static String allow(String actions, String resource) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":" + actions + ",\"Resource\":\"" + resource + "\"}]}";
    }

    static AwsServiceException refused(Executable call) {
        return assertThrows(AwsServiceException.class, call);
    }

    static void assertError(String code, int status, AwsServiceException e) {
        assertEquals(code, e.awsErrorDetails().errorCode(), e.getMessage());
        assertEquals(status, e.statusCode(), e.getMessage());
    }

    @Nested
    class Users {

        @Test
        void aUsersInlinePolicyIsEnforcedOnRequestsSignedWithItsNewKeyAndItIsDeletedInIamsOrder() {
            IamClient iam = admin();
            String name = unique("reader");
            User user = iam.createUser(r -> r.userName(name).tags(Tag.builder().key("team").value("payments").build())).user();
            assertEquals("arn:aws:iam::" + account() + ":user/" + name, user.arn());
            assertTrue(user.userId().startsWith("AIDA"), user.userId());
            iam.putUserPolicy(r -> r.userName(name).policyName("list-secrets")
                    .policyDocument(allow("[\"secretsmanager:ListSecrets\",\"iam:GetUser\"]", "*")));
            CreateAccessKeyResponse created = iam.createAccessKey(r -> r.userName(name));
            assertEquals(StatusType.ACTIVE, created.accessKey().status());
            assertEquals(40, created.accessKey().secretAccessKey().length());
            AccessKey key = new AccessKey(account(), user.arn(), created.accessKey().accessKeyId(), created.accessKey().secretAccessKey());

            SecretsManagerClient asUser = store.secrets(key, RunningStore.REGION);
            asUser.listSecrets();
            AwsServiceException denied = refused(() -> asUser.createSecret(r -> r.name(unique("not-allowed")).secretString("x")));
            assertError("AccessDeniedException", 400, denied);
            IamClient iamAsUser = iam(key);
            assertEquals(name, iamAsUser.getUser().user().userName(), "GetUser without a name is the caller itself");
            AwsServiceException iamDenied = refused(iamAsUser::listUsers);
            assertError("AccessDenied", 403, iamDenied);
            assertTrue(iamDenied.awsErrorDetails().errorMessage().contains("iam:ListUsers"), iamDenied.getMessage());

            assertError("DeleteConflict", 409, refused(() -> iam.deleteUser(r -> r.userName(name))));
            iam.deleteAccessKey(r -> r.userName(name).accessKeyId(key.accessKeyId()));
            assertError("DeleteConflict", 409, refused(() -> iam.deleteUser(r -> r.userName(name))));
            iam.deleteUserPolicy(r -> r.userName(name).policyName("list-secrets"));
            iam.deleteUser(r -> r.userName(name));
            assertError("NoSuchEntity", 404, refused(() -> iam.getUser(r -> r.userName(name))));
            assertThrows(AwsServiceException.class, asUser::listSecrets, "a deleted key signs nothing");
        }

        @Test
        void getUserShowsTagsAndListUserTagsPages() {
            IamClient iam = admin();
            String name = unique("tagged");
            iam.createUser(r -> r.userName(name).path("/ops/"));
            iam.tagUser(r -> r.userName(name).tags(Tag.builder().key("a").value("1").build(), Tag.builder().key("b").value("2").build(),
                    Tag.builder().key("c").value("3").build()));
            User user = iam.getUser(r -> r.userName(name)).user();
            assertEquals("/ops/", user.path());
            assertEquals("arn:aws:iam::" + account() + ":user/ops/" + name, user.arn());
            assertEquals(3, user.tags().size());
            var first = iam.listUserTags(r -> r.userName(name).maxItems(2));
            assertTrue(first.isTruncated());
            var rest = iam.listUserTags(r -> r.userName(name).marker(first.marker()));
            assertFalse(rest.isTruncated());
            assertEquals(List.of("a", "b", "c"), java.util.stream.Stream.concat(first.tags().stream(), rest.tags().stream()).map(Tag::key).toList());
        }

        @Test
        void listAccessKeysShowsNoSecretAndUpdateAccessKeyTurnsAKeyOff() {
            IamClient iam = admin();
            String name = unique("keys");
            User user = iam.createUser(r -> r.userName(name)).user();
            iam.putUserPolicy(r -> r.userName(name).policyName("p").policyDocument(allow("\"secretsmanager:ListSecrets\"", "*")));
            var created = iam.createAccessKey(r -> r.userName(name)).accessKey();
            List<AccessKeyMetadata> keys = iam.listAccessKeys(r -> r.userName(name)).accessKeyMetadata();
            assertEquals(1, keys.size());
            assertEquals(created.accessKeyId(), keys.get(0).accessKeyId());
            assertEquals(created.createDate(), keys.get(0).createDate());

            SecretsManagerClient asUser = store.secrets(new AccessKey(account(), user.arn(), created.accessKeyId(), created.secretAccessKey()),
                    RunningStore.REGION);
            asUser.listSecrets();
            iam.updateAccessKey(r -> r.userName(name).accessKeyId(created.accessKeyId()).status(StatusType.INACTIVE));
            assertEquals(StatusType.INACTIVE, iam.listAccessKeys(r -> r.userName(name)).accessKeyMetadata().get(0).status());
            assertThrows(AwsServiceException.class, asUser::listSecrets, "an inactive key signs nothing");
            iam.updateAccessKey(r -> r.userName(name).accessKeyId(created.accessKeyId()).status(StatusType.ACTIVE));
            asUser.listSecrets();
            assertError("NoSuchEntity", 404, refused(() -> iam.updateAccessKey(r -> r.userName(name)
                    .accessKeyId(store.adminKey(0).accessKeyId()).status(StatusType.INACTIVE))));
        }

        @Test
        void theNewSecretNeverReachesTheAuditTrail() {
            IamClient iam = admin();
            String name = unique("audited");
            iam.createUser(r -> r.userName(name));
            String secret = iam.createAccessKey(r -> r.userName(name)).accessKey().secretAccessKey();
            LookupEventsResponse events = store.cloudTrail().lookupEvents(r -> r.maxResults(50));
            assertTrue(events.events().stream().anyMatch(e -> e.eventName().equals("CreateAccessKey")
                    && e.eventSource().equals("iam.amazonaws.com")), "CreateAccessKey is on the trail");
            assertFalse(events.toString().contains(secret), "the secret access key reached the trail");
            events.events().forEach(e -> assertFalse(e.cloudTrailEvent().contains(secret)));
        }
    }

    @Nested
    class Roles {

        @Test
        void anAssumedRolesSessionGetsTheAttachedCustomerManagedPolicy() {
            IamClient iam = admin();
            String roleName = unique("app-role");
            Role role = iam.createRole(r -> r.roleName(roleName).path("/apps/").description("reads secrets")
                    .assumeRolePolicyDocument(trustAccount(account())).maxSessionDuration(7200)).role();
            assertEquals("arn:aws:iam::" + account() + ":role/apps/" + roleName, role.arn());
            Credentials creds = store.sts(store.adminKey(0), RunningStore.REGION)
                    .assumeRole(r -> r.roleArn(role.arn()).roleSessionName("s1")).credentials();
            try (SecretsManagerClient session = sessionClient(creds)) {
                assertError("AccessDeniedException", 400, refused(session::listSecrets));
                String policyName = unique("list-secrets");
                Policy policy = iam.createPolicy(r -> r.policyName(policyName).path("/team/").description("list only")
                        .policyDocument(allow("\"secretsmanager:ListSecrets\"", "*"))).policy();
                assertEquals("arn:aws:iam::" + account() + ":policy/team/" + policyName, policy.arn());
                assertEquals("v1", policy.defaultVersionId());
                iam.attachRolePolicy(r -> r.roleName(roleName).policyArn(policy.arn()));
                session.listSecrets();     // the attachment applies to the session's next request

                List<AttachedPolicy> attached = iam.listAttachedRolePolicies(r -> r.roleName(roleName)).attachedPolicies();
                assertEquals(List.of(policyName), attached.stream().map(AttachedPolicy::policyName).toList());
                assertEquals(1, iam.getPolicy(r -> r.policyArn(policy.arn())).policy().attachmentCount());
                assertTrue(iam.listPolicies(r -> r.scope("Local").onlyAttached(true)).policies().stream()
                        .anyMatch(p -> p.arn().equals(policy.arn())));
                assertError("DeleteConflict", 409, refused(() -> iam.deletePolicy(r -> r.policyArn(policy.arn()))));
                assertError("DeleteConflict", 409, refused(() -> iam.deleteRole(r -> r.roleName(roleName))));
                iam.detachRolePolicy(r -> r.roleName(roleName).policyArn(policy.arn()));
                assertError("AccessDeniedException", 400, refused(session::listSecrets));
                iam.deletePolicy(r -> r.policyArn(policy.arn()));
                iam.deleteRole(r -> r.roleName(roleName));
                assertError("NoSuchEntity", 404, refused(() -> iam.getRole(r -> r.roleName(roleName))));
            }
        }

        @Test
        void updateAssumeRolePolicyDecidesWhoMayAssumeTheRole() {
            IamClient iam = admin();
            String roleName = unique("trust");
            String other = store.adminKey(1).accountId();
            Role role = iam.createRole(r -> r.roleName(roleName).assumeRolePolicyDocument(trustAccount(other))).role();
            assertError("AccessDenied", 403, refused(() -> store.sts(store.adminKey(0), RunningStore.REGION)
                    .assumeRole(r -> r.roleArn(role.arn()).roleSessionName("s1"))));
            iam.updateAssumeRolePolicy(r -> r.roleName(roleName).policyDocument(trustAccount(account())));
            assertNotNull(store.sts(store.adminKey(0), RunningStore.REGION).assumeRole(r -> r.roleArn(role.arn()).roleSessionName("s1")));
            GetRoleResponse got = iam.getRole(r -> r.roleName(roleName));
            assertEquals(trustAccount(account()), decode(got.role().assumeRolePolicyDocument()));
            assertEquals(3600, got.role().maxSessionDuration());
            assertTrue(iam.listRoles().roles().stream().anyMatch(r -> r.roleName().equals(roleName)));
        }
    }

    @Nested
    class Documents {

        /** Spaces, a newline, characters URL encoding must escape, and Latin-1 beyond ASCII. */
        static final String AWKWARD = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"secretsmanager:ListSecrets\","
                + " \"Resource\": \"*\", \"Condition\": {\"StringEquals\": {\"aws:PrincipalTag/team\": \"café & co+1/50%\"}}}]\n}";

        @Test
        void policyDocumentsComeBackUrlEncodedAndDecodeToWhatWasPut() {
            IamClient iam = admin();
            String user = unique("doc-user");
            iam.createUser(r -> r.userName(user));
            iam.putUserPolicy(r -> r.userName(user).policyName("awkward").policyDocument(AWKWARD));
            String returned = iam.getUserPolicy(r -> r.userName(user).policyName("awkward")).policyDocument();
            assertTrue(returned.startsWith("%7B%0A%20%20%22Version%22%3A%20%222012-10-17%22"), returned);
            assertFalse(returned.contains("+"), "a space is %20 and a plus %2B in RFC 3986 encoding: " + returned);
            assertEquals(AWKWARD, decode(returned));

            String roleName = unique("doc-role");
            iam.createRole(r -> r.roleName(roleName).assumeRolePolicyDocument(trustAccount(account())));
            iam.putRolePolicy(r -> r.roleName(roleName).policyName("awkward").policyDocument(AWKWARD));
            assertEquals(AWKWARD, decode(iam.getRolePolicy(r -> r.roleName(roleName).policyName("awkward")).policyDocument()));
            assertEquals(List.of("awkward"), iam.listRolePolicies(r -> r.roleName(roleName)).policyNames());

            Policy policy = iam.createPolicy(r -> r.policyName(unique("awkward")).policyDocument(AWKWARD)).policy();
            var version = iam.getPolicyVersion(r -> r.policyArn(policy.arn()).versionId("v1")).policyVersion();
            assertEquals(AWKWARD, decode(version.document()));
            assertTrue(version.isDefaultVersion());
            assertEquals(1, iam.listPolicyVersions(r -> r.policyArn(policy.arn())).versions().size());
            assertError("NoSuchEntity", 404, refused(() -> iam.getPolicyVersion(r -> r.policyArn(policy.arn()).versionId("v2"))));
        }

        @Test
        void answersAreInIamsNamespaceWithDatesInUtcAndErrorsToo() throws Exception {
            String ok = rawQuery("Action=ListUsers&Version=2010-05-08");
            assertTrue(ok.startsWith("<ListUsersResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">"), ok);
            assertTrue(ok.matches("(?s).*<CreateDate>\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ</CreateDate>.*"), ok);
            String error = rawQuery("Action=GetRole&Version=2010-05-08&RoleName=no-such-role");
            assertTrue(error.startsWith("<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">"), error);
            assertTrue(error.contains("<Code>NoSuchEntity</Code>"), error);
            String keys = rawQuery("Action=ListAccessKeys&Version=2010-05-08&UserName=admin");
            assertTrue(keys.contains("<AccessKeyId>") && !keys.contains("SecretAccessKey"), keys);
        }
    }

    @Nested
    class Paging {

        @Test
        void listUsersPagesWithMarkerAndMaxItems() {
            IamClient iam = admin();
            String path = "/" + unique("paging") + "/";
            List<String> names = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                String name = unique("p" + i);
                names.add(name);
                iam.createUser(r -> r.userName(name).path(path));
            }
            List<String> seen = new ArrayList<>();
            String marker = null;
            int pages = 0;
            do {
                String m = marker;
                ListUsersResponse page = iam.listUsers(r -> r.pathPrefix(path).maxItems(2).marker(m));
                assertTrue(page.users().size() <= 2);
                page.users().forEach(u -> seen.add(u.userName()));
                marker = page.isTruncated() ? page.marker() : null;
                pages++;
            } while (marker != null);
            assertEquals(3, pages);
            assertEquals(names.stream().sorted().toList(), seen);
            assertEquals(names.stream().sorted().toList(), iam.listUsersPaginator(r -> r.pathPrefix(path).maxItems(1)).users().stream()
                    .map(User::userName).toList(), "the SDK's paginator follows the markers");

            String marker1 = iam.listUsers(r -> r.pathPrefix(path).maxItems(2)).marker();
            assertError("InvalidInput", 400, refused(() -> iam.listUsers(r -> r.pathPrefix("/other/").marker(marker1))));
            assertError("ValidationError", 400, refused(() -> iam.listUsers(r -> r.maxItems(1001))));
        }
    }

    @Nested
    class BadInput {

        @Test
        void invalidNamesAndPathsAreValidationErrorsNamingTheConstraint() {
            IamClient iam = admin();
            AwsServiceException badName = refused(() -> iam.createUser(r -> r.userName("bad name!")));
            assertError("ValidationError", 400, badName);
            assertEquals("1 validation error detected: Value 'bad name!' at 'userName' failed to satisfy constraint: "
                    + "Member must satisfy regular expression pattern: [\\w+=,.@-]+", badName.awsErrorDetails().errorMessage());
            AwsServiceException tooLong = refused(() -> iam.createRole(r -> r.roleName("r".repeat(65)).assumeRolePolicyDocument(trustAccount(account()))));
            assertError("ValidationError", 400, tooLong);
            assertTrue(tooLong.awsErrorDetails().errorMessage().contains("Member must have length less than or equal to 64"), tooLong.getMessage());
            assertError("ValidationError", 400, refused(() -> iam.createUser(r -> r.userName(unique("u")).path("no-slashes"))));
            assertError("ValidationError", 400, refused(() -> iam.createRole(r -> r.roleName(unique("r"))
                    .assumeRolePolicyDocument(trustAccount(account())).maxSessionDuration(100))));
            assertError("InvalidInput", 400, refused(() -> iam.getPolicy(r -> r.policyArn("arn:aws:iam::not-an-account:policy/x"))));
        }

        @Test
        void malformedAndOversizePoliciesAreRefused() {
            IamClient iam = admin();
            String user = unique("bad-docs");
            iam.createUser(r -> r.userName(user));
            assertError("MalformedPolicyDocument", 400, refused(() -> iam.putUserPolicy(r -> r.userName(user).policyName("p")
                    .policyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Maybe\",\"Action\":\"*\",\"Resource\":\"*\"}]}"))));
            assertError("MalformedPolicyDocument", 400, refused(() -> iam.putUserPolicy(r -> r.userName(user).policyName("p")
                    .policyDocument("not json"))));
            StringBuilder actions = new StringBuilder("[");
            for (int i = 0; i < 150; i++) {
                actions.append(i == 0 ? "" : ",").append("\"secretsmanager:GetSecretValue").append(i).append('"');
            }
            String oversize = allow(actions.append(']').toString(), "*");
            AwsServiceException tooBig = refused(() -> iam.putUserPolicy(r -> r.userName(user).policyName("p").policyDocument(oversize)));
            assertError("LimitExceeded", 409, tooBig);
            assertEquals("Cannot exceed quota for PolicySizePerUser: 2048", tooBig.awsErrorDetails().errorMessage());
            assertError("MalformedPolicyDocument", 400, refused(() -> iam.createRole(r -> r.roleName(unique("r"))
                    .assumeRolePolicyDocument(allow("\"sts:AssumeRole\"", "*")))));
            assertTrue(iam.listUserPolicies(r -> r.userName(user)).policyNames().isEmpty(), "nothing refused was stored");
        }

        @Test
        void duplicatesAndMissingEntitiesGetIamsErrors() {
            IamClient iam = admin();
            String user = unique("dup");
            iam.createUser(r -> r.userName(user));
            AwsServiceException dup = refused(() -> iam.createUser(r -> r.userName(user.toUpperCase(Locale.ROOT))));
            assertError("EntityAlreadyExists", 409, dup);
            String policyName = unique("dup-policy");
            iam.createPolicy(r -> r.policyName(policyName).policyDocument(allow("\"s3:GetObject\"", "*")));
            assertError("EntityAlreadyExists", 409, refused(() -> iam.createPolicy(r -> r.policyName(policyName)
                    .policyDocument(allow("\"s3:GetObject\"", "*")))));
            assertError("NoSuchEntity", 404, refused(() -> iam.getUser(r -> r.userName("nobody-here"))));
            assertError("NoSuchEntity", 404, refused(() -> iam.getUserPolicy(r -> r.userName(user).policyName("none"))));
            assertError("NoSuchEntity", 404, refused(() -> iam.attachUserPolicy(r -> r.userName(user)
                    .policyArn("arn:aws:iam::" + account() + ":policy/missing"))));
            assertError("NoSuchEntity", 404, refused(() -> iam.detachUserPolicy(r -> r.userName(user)
                    .policyArn(AwsManagedPolicies.READ_ONLY_ACCESS))));
            assertError("NoSuchEntity", 404, refused(() -> iam.deleteRole(r -> r.roleName("no-such-role"))));
            iam.attachUserPolicy(r -> r.userName(user).policyArn(AwsManagedPolicies.READ_ONLY_ACCESS));
            assertEquals(List.of("ReadOnlyAccess"), iam.listAttachedUserPolicies(r -> r.userName(user)).attachedPolicies().stream()
                    .map(AttachedPolicy::policyName).toList());
            assertEquals(1, iam.getPolicy(r -> r.policyArn(AwsManagedPolicies.READ_ONLY_ACCESS)).policy().attachmentCount() > 0 ? 1 : 0);
        }
    }

    static String trustAccount(String account) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + account
                + ":root\"},\"Action\":\"sts:AssumeRole\"}]}";
    }

    static String decode(String encoded) {
        return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    }

    static SecretsManagerClient sessionClient(Credentials creds) {
        return SecretsManagerClient.builder().endpointOverride(store.store().endpoint()).region(RunningStore.REGION)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsSessionCredentials.create(creds.accessKeyId(), creds.secretAccessKey(), creds.sessionToken())))
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(RetryMode.STANDARD)
                        .retryStrategy(r -> r.maxAttempts(1)).build())
                .build();
    }

    /** A query request signed for IAM by the first account's admin, answered as raw XML. */
    static String rawQuery(String body) throws Exception {
        RawAwsRequest.Signed signed = RawAwsRequest.to(store.store().endpoint(), store.adminKey(0)).target(null)
                .signedFor("iam").contentType("application/x-www-form-urlencoded; charset=utf-8").body(body).sign();
        HttpRequest.Builder request = HttpRequest.newBuilder(store.store().endpoint().resolve("/"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(signed.body));
        signed.headers.forEach((name, values) -> {
            if (!List.of("host", "content-length").contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> request.header(name, v));
            }
        });
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
