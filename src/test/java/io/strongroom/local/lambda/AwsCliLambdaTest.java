package io.strongroom.local.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import io.strongroom.local.iam.AccessKey;
import io.strongroom.local.rotation.RandomValueFunction;
import io.strongroom.testing.AwsCli;
import io.strongroom.testing.RunningStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The store's Lambda through the AWS CLI (Debian's awscli at /usr/bin/aws), a client nobody
 * here wrote: botocore's REST-JSON parsing, its paginator for list-functions, and its error
 * output. Skipped where the CLI is not installed, unless {@code strongroom.requireAwsCli=true} (CI).
 */
class AwsCliLambdaTest {

    @RegisterExtension
    static final RunningStore store = RunningStore.perClass();
    static final String NAME = RandomValueFunction.NAME;
    static AwsCli cli;
    static Map<String, String> admin;
    static String arn;

    @BeforeAll
    static void cli() {
        AwsCli.requireOrSkip();
        cli = new AwsCli(store.store().endpoint().toString());
        AccessKey key = store.adminKey(0);
        admin = AwsCli.credentials(key.accessKeyId(), key.secretAccessKey(), null);
        arn = "arn:aws:lambda:us-east-1:" + key.accountId() + ":function:" + NAME;
    }

    @Test
    void listFunctionsShowsTheStoresFunctions() {
        JsonNode listed = cli.ok(admin, "lambda", "list-functions");
        List<String> arns = new ArrayList<>();
        listed.path("Functions").forEach(f -> arns.add(f.path("FunctionArn").asText()));
        assertTrue(arns.contains(arn), arns.toString());
        assertTrue(listed.path("NextMarker").isMissingNode(), "the CLI followed every marker");
    }

    @Test
    void getFunctionDescribesOne() {
        JsonNode got = cli.ok(admin, "lambda", "get-function", "--function-name", NAME);
        JsonNode c = got.path("Configuration");
        assertEquals(NAME, c.path("FunctionName").asText());
        assertEquals(arn, c.path("FunctionArn").asText());
        assertEquals("java17", c.path("Runtime").asText());
        assertEquals("Active", c.path("State").asText());
        assertEquals("Successful", c.path("LastUpdateStatus").asText());
        assertEquals("$LATEST", c.path("Version").asText());
        assertTrue(c.path("LastModified").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000"), c.toString());
        assertTrue(got.path("Code").isObject(), got.toString());
    }

    @Test
    void anUnknownFunctionIsResourceNotFound() {
        AwsCli.Result r = cli.run(admin, "lambda", "get-function", "--function-name", "no-such-function");
        assertEquals("ResourceNotFoundException", r.errorCode(), r.stderr());
        assertTrue(r.stderr().contains("Function not found: arn:aws:lambda:us-east-1:"), r.stderr());
    }
}
