package io.strongroom.packaging;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The .deb as a user gets it: {@code packaging/package.sh deb} builds it from the compiled classes,
 * {@code dpkg -i} installs it into this machine, the installed {@code /opt/strongroom/bin/strongroom}
 * answers {@code --version}, its {@code serve --port 0} answers the real SDK (a secret is created
 * and listed over HTTP), its {@code inventory --local} then lists that secret from the same data
 * directory, and {@code dpkg --purge} removes it all again.
 *
 * <p>Needs root, {@code jpackage}, {@code jlink}, {@code dpkg-deb}, {@code fakeroot} and the
 * package's dependencies installed; without them it is skipped with the reason, unless
 * {@code -Dstrongroom.requirePackaging=true} (CI), which turns a missing piece into a failure. It
 * refuses to touch a machine where a package named strongroom is already installed.
 */
class DebPackageTest {

    static final Path WORK = Path.of("target/packaging-test");
    static final Path INSTALLED = Path.of("/opt/strongroom/bin/strongroom");
    static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");
    static final Pattern EXPORT = Pattern.compile("^\\s*export (AWS_[A-Z_]+)=(\\S+)\\s*$");

    @Test
    void debInstallsServesListsAndRemoves() throws Exception {
        preconditions();
        String version = VersionTest.pomVersion();
        String release = version.replace("-SNAPSHOT", "");
        Path dist = WORK.resolve("dist");
        Map<String, String> env = new HashMap<>();
        env.put("STRONGROOM_PACKAGE_PREBUILT", "1");
        env.put("STRONGROOM_DIST", dist.toString());
        env.put("STRONGROOM_MAVEN_FLAGS", "offline:true".equals(System.getProperty("strongroom.mavenOffline")) ? "-o" : "");
        // a test package need not be small: gzip at level 1 instead of xz saves a minute and a half
        env.put("DPKG_DEB_COMPRESSOR_TYPE", "gzip");
        env.put("DPKG_DEB_COMPRESSOR_LEVEL", "1");
        Files.createDirectories(WORK);
        Result built = run(List.of("packaging/package.sh", "deb"), env, WORK.resolve("package.log"), 300);
        assertEquals(0, built.exit(), "packaging/package.sh deb failed; see " + WORK.resolve("package.log"));

        // the file name carries exactly the version (the old script's ended in ESC[0m)
        List<Path> debs;
        try (Stream<Path> files = Files.list(dist)) {
            debs = files.filter(p -> p.toString().endsWith(".deb")).toList();
        }
        assertEquals(List.of(dist.resolve("strongroom_" + release + "-1_amd64.deb")), debs);
        Path deb = debs.get(0);
        List<String> missing = missingDependencies(deb);
        if (!missing.isEmpty()) {
            skipOrFail("the package's dependencies are not installed: " + String.join(", ", missing)
                    + " (apt-get install them; .ci/run does)");
        }

        Path data = Files.createTempDirectory("strongroom-deb-data-");
        Result installed = run(List.of("dpkg", "-i", deb.toString()), Map.of(), WORK.resolve("dpkg-install.log"), 120);
        Throwable failed = null;
        try {
            assertEquals(0, installed.exit(), "dpkg -i failed: " + installed.output());
            assertTrue(Files.isExecutable(INSTALLED), INSTALLED + " installed");
            assertTrue(Files.isExecutable(INSTALLED.resolveSibling("strongroom-serve")), "the strongroom-serve launcher installed");
            String desktop = Files.readString(Path.of("/opt/strongroom/lib/strongroom-strongroom.desktop"));
            assertTrue(desktop.contains("Exec=/opt/strongroom/bin/strongroom\n"), "our desktop entry is installed: " + desktop);

            Result v = run(List.of(INSTALLED.toString(), "--version"), Map.of(), WORK.resolve("version.log"), 60);
            assertEquals(0, v.exit(), v.output());
            assertEquals("strongroom " + version, v.output().strip());

            String name = "packaging/deb-check";
            serveAndCreate(data, name);

            Result inventory = run(List.of(INSTALLED.toString(), "inventory", "--local", "--data-dir", data.toString()),
                    Map.of("JAVA_TOOL_OPTIONS", "-Dstrongroom.demoDatabase=false"), WORK.resolve("inventory.log"), 120);
            assertEquals(0, inventory.exit(), "inventory --local failed; see " + WORK.resolve("inventory.log"));
            assertTrue(inventory.output().lines().anyMatch(l -> l.contains(name)), "inventory --local lists the secret the installed serve stored");
        } catch (Throwable t) {
            failed = t;
            throw t;
        } finally {
            deleteTree(data);
            // --purge: nothing of the test package stays behind, configuration included
            Result removed = run(List.of("dpkg", "--purge", "strongroom"), Map.of(), WORK.resolve("dpkg-remove.log"), 120);
            try {
                assertEquals(0, removed.exit(), "dpkg --purge failed: " + removed.output());
                assertFalse(Files.exists(INSTALLED), "dpkg --purge removed " + INSTALLED);
            } catch (AssertionError e) {
                if (failed == null) {
                    throw e;
                }
                failed.addSuppressed(e);     // the first failure is the one to read
            }
        }
    }

    /** The installed {@code serve --port 0} answers the SDK: a secret created over HTTP is listed; then it is stopped. */
    private static void serveAndCreate(Path data, String name) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(INSTALLED.toString(), "serve", "--port", "0", "--data-dir", data.toString())
                .redirectErrorStream(true);
        // the demo's PostgreSQL is not what this test is about (and refuses to run as root)
        pb.environment().put("JAVA_TOOL_OPTIONS", "-Dstrongroom.demoDatabase=false");
        Process serve = pb.start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
            String endpoint = null;
            Map<String, String> exported = new HashMap<>();
            List<String> shown = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            String line;
            while ((line = out.readLine()) != null && System.nanoTime() < deadline) {
                Matcher e = EXPORT.matcher(line);
                if (e.matches()) {
                    exported.put(e.group(1), e.group(2));
                    shown.add("  export " + e.group(1) + "=…");      // never the keys themselves
                } else {
                    shown.add(line);
                }
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    endpoint = m.group(1);
                }
                if (line.startsWith("Press Ctrl-C")) {
                    break;
                }
            }
            if (endpoint == null || !exported.containsKey("AWS_ACCESS_KEY_ID")) {
                fail("the installed strongroom serve did not start; it printed: " + shown);
            }
            Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "deb-serve-drain");
            drain.setDaemon(true);
            drain.start();
            try (SecretsManagerClient sm = SecretsManagerClient.builder().endpointOverride(URI.create(endpoint))
                    .region(Region.of(exported.getOrDefault("AWS_DEFAULT_REGION", "us-east-1")))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                            exported.get("AWS_ACCESS_KEY_ID"), exported.get("AWS_SECRET_ACCESS_KEY"))))
                    .build()) {
                sm.createSecret(b -> b.name(name).secretString("installed-from-a-deb"));
                List<String> names = sm.listSecrets(b -> b.maxResults(100)).secretList().stream().map(SecretListEntry::name).toList();
                assertTrue(names.contains(name), "the installed serve lists the secret it stored: " + names);
            }
        } finally {
            serve.destroy();    // SIGTERM: the shutdown hook closes the store and releases the data directory
            if (!serve.waitFor(30, TimeUnit.SECONDS)) {
                serve.destroyForcibly().waitFor();
            }
        }
    }

    private static void preconditions() throws Exception {
        List<String> reasons = new ArrayList<>();
        if (!System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            reasons.add("not Linux");
        } else {
            if (!"0".equals(run(List.of("id", "-u"), Map.of(), WORK.resolve("id.log"), 10).output().strip())) {
                reasons.add("not root (dpkg -i installs into /opt)");
            }
            for (String tool : List.of("jpackage", "jlink", "jar", "dpkg-deb", "dpkg", "fakeroot")) {
                if (!onPath(tool)) {
                    reasons.add(tool + " is not on the PATH");
                }
            }
            if (onPath("dpkg") && run(List.of("dpkg-query", "-W", "-f=${Status}", "strongroom"), Map.of(), WORK.resolve("query.log"), 30)
                    .output().contains("installed")) {
                reasons.add("a package named strongroom is already installed here (this test would replace and remove it)");
            }
        }
        if (!reasons.isEmpty()) {
            skipOrFail(String.join("; ", reasons));
        }
    }

    private static void skipOrFail(String reason) {
        if (Boolean.getBoolean("strongroom.requirePackaging")) {
            fail("the .deb test is required (strongroom.requirePackaging=true) but cannot run: " + reason);
        }
        Assumptions.abort("the .deb test cannot run here: " + reason);
    }

    /** The deb's {@code Depends} that dpkg does not have installed. */
    static List<String> missingDependencies(Path deb) throws Exception {
        Result depends = run(List.of("dpkg-deb", "-f", deb.toString(), "Depends"), Map.of(), WORK.resolve("depends.log"), 30);
        List<String> missing = new ArrayList<>();
        for (String dep : depends.output().split(",")) {
            String pkg = dep.strip().split("[\\s(]")[0];
            if (pkg.isEmpty()) {
                continue;
            }
            Result status = run(List.of("dpkg-query", "-W", "-f=${db:Status-Abbrev}", pkg), Map.of(), WORK.resolve("query.log"), 30);
            if (!status.output().startsWith("ii")) {
                missing.add(pkg);
            }
        }
        return missing;
    }

    static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    record Result(int exit, String output) {}

    /** Runs a command to its end (output to {@code log} and returned), killed after {@code seconds}. */
    static Result run(List<String> command, Map<String, String> env, Path log, int seconds) throws Exception {
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        }
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor();
            fail(command.get(0) + " did not finish in " + seconds + " s; see " + log);
        }
        return new Result(p.exitValue(), Files.readString(log));
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
