package io.strongroom.local.lambda;

import io.strongroom.local.http.RequestContext;
import io.strongroom.local.iam.AccessKey;
import io.strongroom.local.iam.Caller;
import io.strongroom.local.rotation.RandomValueFunction;
import io.strongroom.local.rotation.RotationContext;
import io.strongroom.local.rotation.RotationFunction;
import io.strongroom.local.rotation.RotationFunctions;
import io.strongroom.local.rotation.RotationStep;
import io.strongroom.local.wire.AwsException;
import io.strongroom.testing.RunningStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Architecture;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionVersion;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.ListFunctionsRequest;
import software.amazon.awssdk.services.lambda.model.ListFunctionsResponse;
import software.amazon.awssdk.services.lambda.model.PackageType;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.lambda.model.State;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The store's Lambda through the SDK's own LambdaClient over REST-JSON: its rotation functions
 * listed and described as functions of the caller's account in the client's region.
 */
class LambdaApiTest {

    @RegisterExtension
    static final RunningStore store = RunningStore.perClass();
    static final String NAME = RandomValueFunction.NAME;
    static LambdaClient lambda;
    static String account;

    @BeforeAll
    static void client() {
        lambda = store.lambda();
        account = store.adminKey(0).accountId();
    }

    static String arn(String region, String accountId, String name) {
        return "arn:aws:lambda:" + region + ":" + accountId + ":function:" + name;
    }

    static String arn() {
        return arn("us-east-1", account, NAME);
    }

    static FunctionConfiguration listed(LambdaClient client, String name) {
        return client.listFunctions().functions().stream().filter(f -> f.functionName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not listed"));
    }

    /** The service's own error code and message, without the SDK's suffix. */
    static AwsServiceException refused(Class<? extends AwsServiceException> type, String code, Runnable call) {
        AwsServiceException e = assertThrows(type, call::run);
        assertEquals(code, e.awsErrorDetails().errorCode(), e.awsErrorDetails().errorMessage());
        return e;
    }

    // ---- ListFunctions ----------------------------------------------------------------------------

    @Test
    void theListShowsTheRandomValueFunctionAsAFunctionOfTheCallersAccountInTheClientsRegion() {
        FunctionConfiguration f = listed(lambda, NAME);
        assertEquals(arn(), f.functionArn());
        assertEquals(new RandomValueFunction().description(), f.description());
        assertEquals(Runtime.JAVA17, f.runtime());
        assertEquals(RandomValueFunction.class.getName() + "::run", f.handler());
        assertEquals("arn:aws:iam::" + account + ":role/strongroom-rotation", f.role());
        assertEquals("$LATEST", f.version());
        assertEquals(PackageType.ZIP, f.packageType());
        assertEquals(30, f.timeout());
        assertEquals(128, f.memorySize());
        assertEquals(0L, f.codeSize());
        assertEquals(44, f.codeSha256().length(), "a base64 SHA-256");
        assertEquals(1, f.architectures().size());
        assertTrue(f.architectures().get(0) == Architecture.X86_64 || f.architectures().get(0) == Architecture.ARM64);
        assertTrue(f.lastModified().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000"), f.lastModified());
        assertNull(f.state(), "ListFunctions leaves the state members to GetFunction, as Lambda does");
        assertNull(f.lastUpdateStatus());

        LambdaClient ireland = store.lambda(store.adminKey(0), Region.EU_WEST_1);
        assertEquals(arn("eu-west-1", account, NAME), listed(ireland, NAME).functionArn());
        String other = store.adminKey(1).accountId();
        assertEquals(arn("us-east-1", other, NAME), listed(store.lambda(store.adminKey(1), RunningStore.REGION), NAME).functionArn());
    }

    @Test
    void everyVersionListsTheFunctionByItsQualifiedArn() {
        ListFunctionsResponse all = lambda.listFunctions(b -> b.functionVersion(FunctionVersion.ALL));
        FunctionConfiguration f = all.functions().stream().filter(c -> c.functionName().equals(NAME)).findFirst().orElseThrow();
        assertEquals(arn() + ":$LATEST", f.functionArn());
        assertEquals("$LATEST", f.version());
    }

    @Test
    void pagesOfOneWalkEveryFunctionExactlyOnce() {
        List<String> walked = new ArrayList<>();
        lambda.listFunctionsPaginator(b -> b.maxItems(1)).forEach(page -> {
            assertTrue(page.functions().size() <= 1, "a page of " + page.functions().size());
            page.functions().forEach(f -> walked.add(f.functionName()));
        });
        List<String> expected = store.store().rotationFunctions().all().stream().map(RotationFunction::name).toList();
        assertEquals(expected, walked);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 10_001})
    void maxItemsOutsideOneToTenThousandIsAValidationError(int maxItems) {
        AwsServiceException e = refused(AwsServiceException.class, "ValidationException", () -> lambda.listFunctions(b -> b.maxItems(maxItems)));
        assertEquals(400, e.statusCode());
        assertEquals("1 validation error detected: Value '" + maxItems + "' at 'maxItems' failed to satisfy constraint: Member must have value "
                + (maxItems < 1 ? "greater than or equal to 1" : "less than or equal to 10000"), e.awsErrorDetails().errorMessage());
    }

    @Test
    void aMasterRegionNeedsEveryVersionAndFindsNoEdgeReplicaHere() {
        AwsServiceException alone = refused(InvalidParameterValueException.class, "InvalidParameterValueException",
                () -> lambda.listFunctions(b -> b.masterRegion("us-east-1")));
        assertTrue(alone.awsErrorDetails().errorMessage().startsWith("The combination MasterArn=us-east-1 and FunctionVersion=NULL is not supported."));
        assertEquals(List.of(), lambda.listFunctions(b -> b.masterRegion("us-east-1").functionVersion(FunctionVersion.ALL)).functions());
        refused(AwsServiceException.class, "ValidationException",
                () -> lambda.listFunctions(b -> b.masterRegion("everywhere").functionVersion(FunctionVersion.ALL)));
    }

    @Test
    void aMarkerThisStoreDidNotIssueIsRefused() {
        refused(InvalidParameterValueException.class, "InvalidParameterValueException", () -> lambda.listFunctions(b -> b.marker("abc")));
    }

    // ---- GetFunction, GetFunctionConfiguration ------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"name", "arn", "partial"})
    void getFunctionTakesANameAnArnOrAPartialArn(String form) {
        String functionName = switch (form) {
            case "name" -> NAME;
            case "arn" -> arn();
            default -> account + ":function:" + NAME;
        };
        GetFunctionResponse got = lambda.getFunction(b -> b.functionName(functionName));
        FunctionConfiguration c = got.configuration();
        assertEquals(NAME, c.functionName());
        assertEquals(arn(), c.functionArn());
        assertEquals(State.ACTIVE, c.state());
        assertEquals(LastUpdateStatus.SUCCESSFUL, c.lastUpdateStatus());
        assertEquals(listed(lambda, NAME).codeSha256(), c.codeSha256());
        assertNotNull(got.code(), "GetFunction has a Code member");
        assertNull(got.code().location(), "there is no package to download");
        assertTrue(got.tags().isEmpty());

        GetFunctionConfigurationResponse configuration = lambda.getFunctionConfiguration(b -> b.functionName(functionName));
        assertEquals(arn(), configuration.functionArn());
        assertEquals(c.description(), configuration.description());
        assertEquals(c.lastModified(), configuration.lastModified());
        assertEquals(c.architectures(), configuration.architectures());
        assertEquals(State.ACTIVE, configuration.state());
    }

    @Test
    void latestIsTheOnlyVersionAndIsNamedByItsQualifiedArn() {
        assertEquals(arn() + ":$LATEST", lambda.getFunction(b -> b.functionName(NAME).qualifier("$LATEST")).configuration().functionArn());
        assertEquals(arn() + ":$LATEST", lambda.getFunctionConfiguration(b -> b.functionName(NAME + ":$LATEST")).functionArn());

        AwsServiceException version = refused(ResourceNotFoundException.class, "ResourceNotFoundException",
                () -> lambda.getFunction(b -> b.functionName(NAME).qualifier("1")));
        assertEquals("Function not found: " + arn() + ":1", version.awsErrorDetails().errorMessage());
        refused(InvalidParameterValueException.class, "InvalidParameterValueException",
                () -> lambda.getFunction(b -> b.functionName(arn() + ":$LATEST").qualifier("prod")));
    }

    @Test
    void anUnknownFunctionIsNotFoundWithItsArn() {
        AwsServiceException e = refused(ResourceNotFoundException.class, "ResourceNotFoundException",
                () -> lambda.getFunction(b -> b.functionName("no-such-function")));
        assertEquals(404, e.statusCode());
        assertEquals("Function not found: " + arn("us-east-1", account, "no-such-function"), e.awsErrorDetails().errorMessage());
        refused(ResourceNotFoundException.class, "ResourceNotFoundException",
                () -> lambda.getFunctionConfiguration(b -> b.functionName("no-such-function")));
    }

    @Test
    void aFunctionOfAnotherRegionIsNotReachableHere() {
        AwsServiceException e = refused(ResourceNotFoundException.class, "ResourceNotFoundException",
                () -> lambda.getFunction(b -> b.functionName(arn("eu-west-1", account, NAME))));
        assertEquals("Functions from 'eu-west-1' are not reachable in this region ('us-east-1')", e.awsErrorDetails().errorMessage());
    }

    @Test
    void aNameOutsideTheModelsPatternIsAValidationError() {
        AwsServiceException e = refused(AwsServiceException.class, "ValidationException", () -> lambda.getFunction(b -> b.functionName("two words")));
        assertTrue(e.awsErrorDetails().errorMessage().startsWith(
                "1 validation error detected: Value 'two words' at 'functionName' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: (arn:(aws[a-zA-Z-]*)?:lambda:)?"), e.awsErrorDetails().errorMessage());
    }

    // ---- Authorization ---------------------------------------------------------------------------

    @Test
    void aUserWithoutLambdaPermissionsIsRefused() {
        AccessKey nobody = store.userWithPolicy(account, null);
        LambdaClient client = store.lambda(nobody, RunningStore.REGION);
        AwsServiceException list = refused(AwsServiceException.class, "AccessDeniedException", client::listFunctions);
        assertTrue(list.awsErrorDetails().errorMessage().contains("is not authorized to perform: lambda:ListFunctions"),
                list.awsErrorDetails().errorMessage());
        refused(AwsServiceException.class, "AccessDeniedException", () -> client.getFunction(b -> b.functionName(NAME)));
        refused(AwsServiceException.class, "AccessDeniedException", () -> client.getFunctionConfiguration(b -> b.functionName(NAME)));
    }

    @Test
    void getFunctionIsAuthorizedOnTheFunctionsArn() {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Effect\":\"Allow\",\"Action\":\"lambda:*\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Deny\",\"Action\":\"lambda:GetFunction\",\"Resource\":\"" + arn() + "\"}]}";
        LambdaClient client = store.lambda(store.userWithPolicy(account, policy), RunningStore.REGION);
        AwsServiceException e = refused(AwsServiceException.class, "AccessDeniedException", () -> client.getFunction(b -> b.functionName(NAME)));
        assertTrue(e.awsErrorDetails().errorMessage().contains("lambda:GetFunction on resource: " + arn()), e.awsErrorDetails().errorMessage());
        assertEquals(arn(), client.getFunctionConfiguration(b -> b.functionName(NAME)).functionArn());
        assertEquals(arn(), listed(client, NAME).functionArn());
    }

    @Test
    void aPolicyThatGrantsGetFunctionOnFunctionArnsAloneIsEnough() {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":[\"lambda:GetFunction\",\"lambda:GetFunctionConfiguration\"],"
                + "\"Resource\":\"arn:aws:lambda:*:*:function:*\"}]}";
        LambdaClient client = store.lambda(store.userWithPolicy(account, policy), RunningStore.REGION);
        assertEquals(arn(), client.getFunction(b -> b.functionName(NAME)).configuration().functionArn());
        assertEquals(arn(), client.getFunctionConfiguration(b -> b.functionName(NAME)).functionArn());
        refused(AwsServiceException.class, "AccessDeniedException", client::listFunctions);
    }

    @Test
    void anotherAccountsFunctionIsRefusedWithoutAResourcePolicy() {
        String other = store.adminKey(1).accountId();
        AwsServiceException e = refused(AwsServiceException.class, "AccessDeniedException",
                () -> lambda.getFunction(b -> b.functionName(arn("us-east-1", other, NAME))));
        assertTrue(e.awsErrorDetails().errorMessage().contains("on resource: " + arn("us-east-1", other, NAME)), e.awsErrorDetails().errorMessage());
    }

    // ---- Paging over more functions than the store has ----------------------------------------------

    /** ListFunctions' paging over five functions, called in process (the store itself has one). */
    @Nested
    class PagingOverSeveralFunctions {

        final List<String> names = List.of("fn-a", "fn-b", "fn-c", "fn-d", "fn-e");
        final LambdaApi api = new LambdaApi(new RotationFunctions(names.stream().map(PagingOverSeveralFunctions::function).toList()),
                Instant.parse("2024-01-01T00:00:00Z"));

        static RotationFunction function(String name) {
            return new RotationFunction() {
                @Override
                public String name() {
                    return name;
                }

                @Override
                public String description() {
                    return "test function " + name;
                }

                @Override
                public void run(RotationStep step, RotationContext ctx) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        RequestContext context(String accountId, String region) {
            Caller caller = Caller.user(accountId, "arn:aws:iam::" + accountId + ":user/tester", "tester", "AIDATESTER", "AKIATESTER");
            return new RequestContext(caller, region, "request", Instant.parse("2024-06-01T00:00:00Z"), "127.0.0.1", "test");
        }

        List<String> walk(Supplier<RequestContext> ctx, int maxItems, FunctionVersion version) {
            List<String> walked = new ArrayList<>();
            String marker = null;
            int pages = 0;
            do {
                ListFunctionsRequest.Builder r = ListFunctionsRequest.builder().maxItems(maxItems).marker(marker).functionVersion(version);
                ListFunctionsResponse page = api.listFunctions(ctx.get(), r.build());
                assertTrue(page.functions().size() <= maxItems);
                page.functions().forEach(f -> walked.add(f.functionName()));
                marker = page.nextMarker();
                assertTrue(++pages <= names.size(), "the walk ends");
            } while (marker != null);
            return walked;
        }

        @Test
        void pagesOfOneOrTwoWalkEveryFunctionExactlyOnceInOrder() {
            assertEquals(names, walk(() -> context("111122223333", "us-east-1"), 1, null));
            assertEquals(names, walk(() -> context("111122223333", "us-east-1"), 2, FunctionVersion.ALL));
            assertEquals(names, walk(() -> context("111122223333", "us-east-1"), 10_000, null));
        }

        @Test
        void lastModifiedIsTheStartTimeInLambdasFormat() {
            ListFunctionsResponse page = api.listFunctions(context("111122223333", "us-east-1"), ListFunctionsRequest.builder().build());
            assertEquals("2024-01-01T00:00:00.000+0000", page.functions().get(0).lastModified());
        }

        @Test
        void aMarkerIsGoodOnlyForTheListingThatIssuedIt() {
            ListFunctionsRequest first = ListFunctionsRequest.builder().maxItems(2).build();
            String marker = api.listFunctions(context("111122223333", "us-east-1"), first).nextMarker();
            assertNotNull(marker);
            ListFunctionsRequest next = first.toBuilder().marker(marker).build();
            assertEquals(List.of("fn-c", "fn-d"), api.listFunctions(context("111122223333", "us-east-1"), next)
                    .functions().stream().map(FunctionConfiguration::functionName).toList());
            for (var misuse : List.<Runnable>of(
                    () -> api.listFunctions(context("444455556666", "us-east-1"), next),
                    () -> api.listFunctions(context("111122223333", "eu-west-1"), next),
                    () -> api.listFunctions(context("111122223333", "us-east-1"), next.toBuilder().functionVersion(FunctionVersion.ALL).build()),
                    () -> api.listFunctions(context("111122223333", "us-east-1"), next.toBuilder().marker(marker + "A").build()))) {
                AwsException e = assertThrows(AwsException.class, misuse::run);
                assertEquals("InvalidParameterValueException", e.code());
            }
        }
    }
}
