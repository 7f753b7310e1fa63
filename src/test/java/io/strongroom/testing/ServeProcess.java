package io.strongroom.testing;

import io.strongroom.local.demo.DemoDatabase;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.strongroom.cli.ServeJvm;

/**
 * {@code strongroom serve} started as its own process, exactly as a user starts it, with the
 * endpoint and credentials read back from its banner.
 */
public final class ServeProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");
    private static final Pattern EXPORT = Pattern.compile("^\\s*export (AWS_[A-Z_]+)=(\\S+)\\s*$");

    private final Process process;
    private final String endpoint;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<String> banner = new ArrayList<>();

    public ServeProcess(Path dataDir, String... extraArgs) {
        this(ServeJvm.options(), System.getProperty("java.class.path"), dataDir, extraArgs);
    }

    /** {@code serve} with these JVM options, from this class path (benchmarks compare builds and options). */
    public ServeProcess(List<String> jvmOptions, String classPath, Path dataDir, String... extraArgs) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        // As in the tests' own JVM (surefire turns it off): a serve that a test kills with SIGKILL
        // must not leave the demo's PostgreSQL cluster running on its fixed port for later tests.
        String demoDatabase = System.getProperty(DemoDatabase.ENABLED_PROPERTY);
        if (demoDatabase != null) {
            command.add("-D" + DemoDatabase.ENABLED_PROPERTY + "=" + demoDatabase);
        }
        command.addAll(List.of("-cp", classPath, "io.strongroom.app.Launcher",
                "serve", "--port", "0", "--data-dir", dataDir.toString()));
        command.addAll(List.of(extraArgs));
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String found = null;
            String line;
            while ((line = out.readLine()) != null) {
                banner.add(line);
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    found = m.group(1);
                }
                Matcher e = EXPORT.matcher(line);
                if (e.matches()) {
                    environment.put(e.group(1), e.group(2));
                }
                if (line.startsWith("Press Ctrl-C")) {
                    break;
                }
            }
            if (found == null) {
                process.destroyForcibly();
                throw new IllegalStateException("serve did not start; it printed: " + banner);
            }
            endpoint = found;
            drain(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String endpoint() {
        return endpoint;
    }

    /** AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_DEFAULT_REGION as the banner says to export them. */
    public Map<String, String> environment() {
        return environment;
    }

    public List<String> banner() {
        return banner;
    }

    public Process process() {
        return process;
    }

    /** Stops it the way Ctrl-C or a service manager does (SIGTERM); returns the exit code. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("serve did not stop within 15 s of SIGTERM");
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    /** Keeps reading the process output so it never blocks on a full pipe. */
    private static void drain(BufferedReader reader) {
        java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = java.util.concurrent.Executors.defaultThreadFactory().newThread(r);
            t.setDaemon(true);
            return t;
        }).execute(() -> {
            try {
                String line;
                boolean echo = Boolean.getBoolean("strongroom.serveOutput");
                while ((line = reader.readLine()) != null) {
                    if (echo) {
                        System.err.println("[serve] " + line);      // -Dstrongroom.serveOutput=true: to see a server's errors
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
    }

    public static Path tempDir() {
        try {
            return Files.createTempDirectory("strongroom-serve-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
