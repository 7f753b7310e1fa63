package io.strongroom.packaging;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The runtime that package.sh links ({@code packaging/runtime-modules.txt}) holds every Java
 * module that {@code jdeps} finds Strongroom's classes and runtime jars using: a new dependency
 * that needs another module fails here, not in a user's installed application.
 */
class RuntimeModulesTest {

    static final Path LIST = Path.of("packaging/runtime-modules.txt");

    static Set<String> listed() throws Exception {
        Set<String> modules = new TreeSet<>();
        for (String line : Files.readAllLines(LIST)) {
            String m = line.strip();
            if (!m.isEmpty() && !m.startsWith("#")) {
                modules.add(m);
            }
        }
        return modules;
    }

    @Test
    void linkedRuntimeHasEveryModuleJdepsFinds() throws Exception {
        Path jdeps = Path.of(System.getProperty("java.home"), "bin", "jdeps");
        Assumptions.assumeTrue(Files.isExecutable(jdeps), "jdeps is part of a JDK, not of this runtime: " + jdeps);
        Path work = Files.createDirectories(Path.of("target/packaging-test"));
        Path cpFile = work.resolve("runtime.classpath");
        List<String> mvn = new ArrayList<>(List.of("mvn", "-B", "-q", "-Dstyle.color=never"));
        if ("offline:true".equals(System.getProperty("strongroom.mavenOffline"))) {
            mvn.add("-o");
        }
        mvn.addAll(List.of("org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath",
                "-DincludeScope=runtime", "-Dmdep.outputFile=" + cpFile.toAbsolutePath()));
        assertEquals(0, run(mvn, work.resolve("build-classpath.log")), "mvn dependency:build-classpath");
        String classPath = Files.readString(cpFile).strip();

        List<String> command = new ArrayList<>(List.of(jdeps.toString(), "--multi-release", "17", "--ignore-missing-deps",
                "--print-module-deps", "--class-path", classPath, "target/classes"));
        command.addAll(List.of(classPath.split(File.pathSeparator)));
        Path log = work.resolve("jdeps.log");
        assertEquals(0, run(command, log), "jdeps; see " + log);
        // the last line is the module list; warnings (split packages of multi-release jars) come before it
        List<String> lines = Files.readAllLines(log);
        String printed = lines.get(lines.size() - 1).strip();
        assertTrue(printed.startsWith("java.base"), "jdeps printed its module list: " + printed);
        Set<String> needed = new TreeSet<>(List.of(printed.split(",")));
        Set<String> missing = new TreeSet<>(needed);
        missing.removeAll(listed());
        assertEquals(Set.of(), missing, "modules the classes use but " + LIST + " does not link; jdeps found " + needed);
        // and what jdeps cannot see stays listed: TLS to AWS needs the EC provider
        assertTrue(listed().contains("jdk.crypto.ec"), "jdk.crypto.ec (ECDHE for TLS) is linked");
    }

    private static int run(List<String> command, Path log) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(command.get(0) + " did not finish in 180 s");
        }
        return p.exitValue();
    }
}
