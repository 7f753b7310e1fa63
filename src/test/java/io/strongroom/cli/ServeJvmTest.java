package io.strongroom.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The JVM options serve is started with: a small server's heap and collector, from one file. */
class ServeJvmTest {

    @Test
    void theOptionsChooseTheSerialCollectorAndASmallHeap() {
        List<String> options = ServeJvm.options();
        assertTrue(options.contains("-XX:+UseSerialGC"), options.toString());
        String xmx = options.stream().filter(o -> o.startsWith("-Xmx")).findFirst().orElseThrow();
        assertTrue(xmx.endsWith("m") && Integer.parseInt(xmx.substring(4, xmx.length() - 1)) <= 128, xmx);
        assertTrue(options.stream().noneMatch(o -> o.startsWith("#") || o.isBlank()));
    }

    @Test
    void thePackagedServeLauncherReadsTheSameFile() throws Exception {
        String script = Files.readString(Path.of("packaging/package.sh"));
        assertTrue(script.contains("src/main/resources/io/strongroom/cli/" + ServeJvm.RESOURCE));
        assertTrue(script.contains("main-class=io.strongroom.app.ServeLauncher"));
    }

    @Test
    void aServeProcessStartedByTheTestsRunsWithThem() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")), "reads /proc (Linux)");
        try (var serve = new io.strongroom.testing.ServeProcess(io.strongroom.testing.ServeProcess.tempDir())) {
            String cmdline = Files.readString(Path.of("/proc/" + serve.process().pid() + "/cmdline")).replace('\0', ' ');
            for (String option : ServeJvm.options()) {
                assertTrue(cmdline.contains(option), option + " missing from " + cmdline);
            }
        }
    }
}
