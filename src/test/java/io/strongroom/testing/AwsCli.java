package io.strongroom.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's AWS CLI ({@code /usr/bin/aws}) run against an endpoint with credentials given per
 * call, in a home of its own (no profile, config or credentials file of the machine's user
 * reaches it). Output is captured to files, never echoed, so a test can compare values without
 * printing them.
 */
public final class AwsCli {

    public static final Path AWS = Path.of("/usr/bin/aws");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a run left: its exit code and what it wrote. */
    public record Result(int exit, String stdout, String stderr) {

        public boolean ok() {
            return exit == 0;
        }

        /** The AWS error code the CLI reports ("An error occurred (CODE) when calling ..."), or null. */
        public String errorCode() {
            int open = stderr.indexOf("An error occurred (");
            return open < 0 ? null : stderr.substring(open + 19, stderr.indexOf(')', open));
        }

        public JsonNode json() {
            try {
                return stdout.isBlank() ? JSON.createObjectNode() : JSON.readTree(stdout);
            } catch (IOException e) {
                throw new AssertionError("aws printed something that is not JSON", e);
            }
        }
    }

    private final String endpoint;
    private final Path home;

    public AwsCli(String endpoint) {
        this.endpoint = endpoint;
        try {
            this.home = Files.createTempDirectory("strongroom-awscli-home-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Skips the calling test class without {@code /usr/bin/aws}, unless
     * {@code -Dstrongroom.requireAwsCli=true} (CI), where it fails instead.
     */
    public static void requireOrSkip() {
        if (!Files.isExecutable(AWS)) {
            if (Boolean.getBoolean("strongroom.requireAwsCli")) {
                fail("/usr/bin/aws is required (strongroom.requireAwsCli=true): install Debian's awscli");
            }
            assumeTrue(false, "/usr/bin/aws is not installed; the AWS CLI tests are skipped outside CI");
        }
    }

    public Path home() {
        return home;
    }

    /** Access key environment variables: key ID, secret, and a session token unless null. */
    public static Map<String, String> credentials(String accessKeyId, String secretAccessKey, String sessionToken) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_ACCESS_KEY_ID", accessKeyId);
        env.put("AWS_SECRET_ACCESS_KEY", secretAccessKey);
        if (sessionToken != null) {
            env.put("AWS_SESSION_TOKEN", sessionToken);
        }
        return env;
    }

    /** Runs {@code aws --endpoint-url ENDPOINT --output json ARGS} in us-east-1 with these credentials. */
    public Result run(Map<String, String> credentials, String... args) {
        List<String> command = new ArrayList<>(List.of(AWS.toString(), "--endpoint-url", endpoint, "--output", "json"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_"));
        env.put("HOME", home.toString());
        env.put("AWS_PAGER", "");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_CONFIG_FILE", home.resolve("config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
        env.putAll(credentials);
        try {
            Path out = Files.createTempFile(home, "out", ".json");
            Path err = Files.createTempFile(home, "err", ".txt");
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("aws " + args[0] + " " + args[1] + " did not finish in 60 s");
            }
            Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** As {@link #run}, failing (with the CLI's error output, which carries no value) unless it succeeds. */
    public JsonNode ok(Map<String, String> credentials, String... args) {
        Result r = run(credentials, args);
        if (!r.ok()) {
            fail("aws " + String.join(" ", args.length > 2 ? List.of(args).subList(0, 2) : List.of(args)) + " exited " + r.exit() + ": " + r.stderr());
        }
        return r.json();
    }
}
