package io.strongroom.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strongroom.testing.ServeProcess;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The boto3 conformance suite ({@code src/test/conformance/test_*.py}): Debian's python3-boto3, a
 * second client nobody here wrote, against {@code strongroom serve} started as its own process.
 * Each Python test is reported here as a test of its own, named by its Python id, so a failure
 * says which behaviour differs from AWS. CI installs python3-boto3 and sets
 * {@code strongroom.requireAwsCli=true}, which makes a missing boto3 a failure rather than a skip.
 */
class Boto3ConformanceTest {

    static final Path PYTHON = Path.of("/usr/bin/python3");
    static final Path SUITE = Path.of("src", "test", "conformance");
    /** The account IDs the suite's store is started with: fixed, as people's fixtures fix them. */
    static final String ACCOUNT_IDS = "000000000000,111111111111,222222222222";
    static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> everyConformanceTestPassesAgainstServe() throws Exception {
        requireBoto3();
        List<JsonNode> results = runSuite();
        assertFalse(results.isEmpty(), "the conformance suite ran no test");
        return results.stream().map(r -> DynamicTest.dynamicTest(r.path("id").asText(), () -> {
            String outcome = r.path("outcome").asText();
            String detail = r.path("detail").asText();
            switch (outcome) {
                case "passed" -> { }
                // In CI everything the suite needs is installed, so nothing may skip there.
                case "skipped" -> {
                    if (Boolean.getBoolean("strongroom.requireAwsCli")) {
                        fail("skipped in CI: " + detail);
                    }
                    assumeTrue(false, detail);
                }
                default -> fail(outcome + ":\n" + detail);
            }
        }));
    }

    private static void requireBoto3() throws Exception {
        boolean present = Files.isExecutable(PYTHON)
                && new ProcessBuilder(PYTHON.toString(), "-c", "import boto3").redirectErrorStream(true)
                .start().waitFor() == 0;
        if (!present) {
            if (Boolean.getBoolean("strongroom.requireAwsCli")) {
                fail("/usr/bin/python3 with boto3 is required (strongroom.requireAwsCli=true): install Debian's python3-boto3");
            }
            assumeTrue(false, "Debian's python3-boto3 is not installed; the boto3 conformance suite is skipped outside CI");
        }
    }

    private static List<JsonNode> runSuite() throws Exception {
        Path dataDir = ServeProcess.tempDir();
        Path results = Files.createTempFile("strongroom-conformance-", ".jsonl");
        try (ServeProcess serve = new ServeProcess(dataDir, "--account-id", ACCOUNT_IDS)) {
            Map<String, String> banner = serve.environment();
            ProcessBuilder pb = new ProcessBuilder(PYTHON.toString(), "run_conformance.py", results.toString())
                    .directory(SUITE.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            Map<String, String> env = pb.environment();
            env.keySet().removeIf(k -> k.startsWith("AWS_"));
            env.put("STRONGROOM_ENDPOINT", serve.endpoint());
            env.put("STRONGROOM_ACCESS_KEY_ID", banner.get("AWS_ACCESS_KEY_ID"));
            env.put("STRONGROOM_SECRET_ACCESS_KEY", banner.get("AWS_SECRET_ACCESS_KEY"));
            env.put("STRONGROOM_ACCOUNT_IDS", ACCOUNT_IDS);
            env.put("AWS_CONFIG_FILE", "/dev/null");
            env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
            env.put("PYTHONDONTWRITEBYTECODE", "1");
            Process python = pb.start();
            if (!python.waitFor(10, TimeUnit.MINUTES)) {
                python.destroyForcibly();
                fail("the conformance suite did not finish within 10 minutes");
            }
            assertEquals(0, python.exitValue(), "run_conformance.py exit code");
            List<JsonNode> parsed = new ArrayList<>();
            for (String line : Files.readAllLines(results, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    parsed.add(JSON.readTree(line));
                }
            }
            return parsed;
        } finally {
            Files.deleteIfExists(results);
            deleteTree(dataDir);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
