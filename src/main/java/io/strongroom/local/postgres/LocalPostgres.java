package io.strongroom.local.postgres;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster on 127.0.0.1, for the tests of the PostgreSQL rotation functions
 * and the demo estate: {@link #start} runs {@code initdb} into a new directory and starts the
 * server on a free port; {@link #close} stops it and deletes the directory. Nothing of the
 * machine's own clusters is used or touched.
 *
 * <p>The server binaries are {@code $STRONGROOM_PG_BIN} when set, else the highest version under
 * {@code /usr/lib/postgresql/VERSION/bin} (Debian's layout), else {@code initdb} found on the PATH.
 * PostgreSQL refuses to run as root, so when this JVM is root (as CI and the sandboxes are) every
 * server command runs as the {@code postgres} OS user through {@code runuser}, in a directory that
 * user owns; the directories above it must let that user through.
 *
 * <p>The server allows password logins (SCRAM) over TCP from 127.0.0.1 only, has no Unix socket,
 * and runs with {@code fsync} off: it is fast and disposable, never a place for data that matters.
 * The superuser's password is random, handed to {@code initdb} through a file that is deleted at
 * once, and never appears in {@link #toString}, a log or an exception.
 */
public final class LocalPostgres implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final String SUPERUSER = "strongroom";
    private static final String OS_USER = "postgres";
    private static final String BIN_VARIABLE = "STRONGROOM_PG_BIN";
    private static final Path DEBIAN_VERSIONS = Path.of("/usr/lib/postgresql");
    private static final List<Path> RUNUSER = List.of(Path.of("/usr/sbin/runuser"), Path.of("/sbin/runuser"), Path.of("/usr/bin/runuser"));
    private static final Duration INITDB_LIMIT = Duration.ofSeconds(90);
    private static final Duration PG_CTL_LIMIT = Duration.ofSeconds(40);
    /** How long pg_ctl waits for the server, in seconds; below {@link #PG_CTL_LIMIT}. */
    private static final int PG_CTL_WAIT = 30;
    private static final int PORT_ATTEMPTS = 5;
    private static final int LOG_TAIL_LINES = 15;
    private static final String PASSWORD_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Where the binaries are, and the OS user to run them as (null: this JVM's own user). */
    private record Tools(Path bin, Path runuser, UserPrincipal runAs) {

        List<String> command(String program, String... args) {
            List<String> command = new ArrayList<>();
            if (runAs != null) {
                command.addAll(List.of(runuser.toString(), "-u", OS_USER, "--"));
            }
            command.add(bin.resolve(program).toString());
            command.addAll(Arrays.asList(args));
            return command;
        }
    }

    /** Why PostgreSQL cannot run here: the message says what is missing. */
    private static final class Unavailable extends Exception {
        Unavailable(String message) {
            super(message);
        }
    }

    private final Tools tools;
    private final Path directory;
    private final Path data;
    private final Path log;
    private final int port;
    private final String password;
    private boolean closed;

    private LocalPostgres(Tools tools, Path directory, int port, String password) {
        this.tools = tools;
        this.directory = directory;
        this.data = directory.resolve("data");
        this.log = directory.resolve("server.log");
        this.port = port;
        this.password = password;
    }

    // ---- starting -------------------------------------------------------------------------------

    /** Why a cluster cannot be started on this machine (no server binaries, no {@code postgres} user to run them as root), if it cannot. */
    public static Optional<String> unavailableReason() {
        try {
            tools();
            return Optional.empty();
        } catch (Unavailable e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * Creates a fresh cluster in a new subdirectory of {@code parentDir} and starts it; the caller
     * closes it. Takes a few seconds.
     *
     * @throws IOException when PostgreSQL cannot run here or fails to initialise or start; the
     *                     message says why, with the end of the server's log when there is one
     */
    public static LocalPostgres start(Path parentDir) throws IOException {
        return start(parentDir, 0);
    }

    /**
     * As {@link #start(Path)}, listening on {@code preferredPort} when it is free (0: any free
     * port), so that what points at the cluster (the demo estate's secrets) stays right across runs.
     */
    public static LocalPostgres start(Path parentDir, int preferredPort) throws IOException {
        Tools tools;
        try {
            tools = tools();
        } catch (Unavailable e) {
            throw new IOException("PostgreSQL cannot run here: " + e.getMessage());
        }
        Path parent = parentDir.toAbsolutePath().normalize();
        Files.createDirectories(parent);
        Path directory = Files.createTempDirectory(parent, "postgres-");
        String password = randomPassword();
        try {
            if (tools.runAs() != null) {
                Files.setOwner(directory, tools.runAs());
                requireReachableByRunAs(tools, directory);
            }
            initdb(tools, directory, password);
            configure(directory.resolve("data"));
            int port = startOnFreePort(tools, directory, preferredPort);
            return new LocalPostgres(tools, directory, port, password);
        } catch (IOException | RuntimeException e) {
            stopQuietly(tools, directory);
            deleteTree(directory);
            throw e;
        }
    }

    private static Tools tools() throws Unavailable {
        Path bin = findBinaries();
        if (!runningAsRoot()) {
            return new Tools(bin, null, null);
        }
        UserPrincipal postgres;
        try {
            postgres = FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName(OS_USER);
        } catch (UserPrincipalNotFoundException e) {
            throw new Unavailable("this process runs as root, which PostgreSQL refuses, and there is no '" + OS_USER
                    + "' OS user to run it as (Debian's postgresql package creates one)");
        } catch (IOException e) {
            throw new Unavailable("could not look up the '" + OS_USER + "' OS user: " + e.getMessage());
        }
        Path runuser = RUNUSER.stream().filter(Files::isExecutable).findFirst()
                .or(() -> onPath("runuser"))
                .orElseThrow(() -> new Unavailable("this process runs as root, which PostgreSQL refuses, and runuser"
                        + " (util-linux) is not installed to run it as '" + OS_USER + "'"));
        return new Tools(bin, runuser, postgres);
    }

    private static Path findBinaries() throws Unavailable {
        String configured = System.getenv(BIN_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            Path bin = Path.of(configured);
            if (!hasServerBinaries(bin)) {
                throw new Unavailable(BIN_VARIABLE + "=" + configured + " has no initdb, pg_ctl and postgres");
            }
            return bin;
        }
        if (Files.isDirectory(DEBIAN_VERSIONS)) {
            try (Stream<Path> versions = Files.list(DEBIAN_VERSIONS)) {
                Optional<Path> newest = versions
                        .filter(v -> version(v) != null && hasServerBinaries(v.resolve("bin")))
                        .max(Comparator.comparing(LocalPostgres::version, LocalPostgres::compareVersions));
                if (newest.isPresent()) {
                    return newest.get().resolve("bin");
                }
            } catch (IOException e) {
                // unreadable: look on the PATH instead
            }
        }
        return onPath("initdb").map(Path::getParent).filter(LocalPostgres::hasServerBinaries)
                .orElseThrow(() -> new Unavailable("no PostgreSQL server binaries (initdb, pg_ctl, postgres) under "
                        + DEBIAN_VERSIONS + "/*/bin or on the PATH; install them (Debian: apt-get install postgresql)"
                        + " or set " + BIN_VARIABLE));
    }

    private static boolean hasServerBinaries(Path bin) {
        return Stream.of("initdb", "pg_ctl", "postgres").allMatch(p -> Files.isExecutable(bin.resolve(p)));
    }

    /** A Debian version directory's name as numbers ({@code 15}, {@code 9.6}), or null when it is not one. */
    private static int[] version(Path dir) {
        String name = dir.getFileName().toString();
        if (!name.matches("\\d+(\\.\\d+)*")) {
            return null;
        }
        return Stream.of(name.split("\\.")).mapToInt(Integer::parseInt).toArray();
    }

    private static int compareVersions(int[] a, int[] b) {
        return Arrays.compare(a, b);
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(File.pathSeparator)).filter(d -> !d.isEmpty())
                .map(d -> Path.of(d, program)).filter(Files::isExecutable).findFirst();
    }

    private static boolean runningAsRoot() {
        if ("root".equals(System.getProperty("user.name"))) {
            return true;
        }
        // user.name comes from the password database; uid 0 under another name is root all the same
        try {
            Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
            String out = new String(id.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            return id.waitFor(10, TimeUnit.SECONDS) && id.exitValue() == 0 && out.equals("0");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The postgres user must reach the cluster's directory: every directory above it must let others through. */
    private static void requireReachableByRunAs(Tools tools, Path directory) throws IOException {
        List<String> check = new ArrayList<>(List.of(tools.runuser().toString(), "-u", OS_USER, "--", "test", "-w", directory.toString(), "-a", "-x", directory.toString()));
        Path out = directory.resolve("access-check.out");
        if (run(check, directory, out, Duration.ofSeconds(20)) == 0) {
            Files.deleteIfExists(out);
            return;
        }
        String blocked = "";
        for (Path p = directory.getParent(); p != null; p = p.getParent()) {
            PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class);
            if (!a.permissions().contains(PosixFilePermission.OTHERS_EXECUTE) && !a.owner().equals(tools.runAs())) {
                blocked = " (" + p + " is " + PosixFilePermissions.toString(a.permissions()) + ", owned by " + a.owner().getName() + ")";
            }
        }
        throw new IOException("the '" + OS_USER + "' OS user, which runs PostgreSQL because this process is root, cannot reach "
                + directory + blocked + ": start the cluster under a directory it can traverse (chmod o+x), such as the system's temporary directory");
    }

    private static void initdb(Tools tools, Path directory, String password) throws IOException {
        Path passwordFile = directory.resolve("superuser-password");
        Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        Path out = directory.resolve("initdb.out");
        try {
            Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
            if (tools.runAs() != null) {
                Files.setOwner(passwordFile, tools.runAs());
            }
            List<String> command = tools.command("initdb", "-D", directory.resolve("data").toString(), "-U", SUPERUSER,
                    "--pwfile=" + passwordFile, "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C", "--no-sync");
            int exit = run(command, directory, out, INITDB_LIMIT);
            if (exit != 0) {
                throw new IOException("initdb failed (exit " + exit + ")" + tail("its output", out));
            }
        } finally {
            Files.deleteIfExists(passwordFile);
        }
    }

    private static void configure(Path data) throws IOException {
        String settings = """

                # Strongroom: a throwaway cluster for tests and the demo estate, never for data that matters.
                listen_addresses = '127.0.0.1'
                unix_socket_directories = ''
                fsync = off
                synchronous_commit = off
                full_page_writes = off
                password_encryption = 'scram-sha-256'
                max_connections = 40
                shared_buffers = 32MB
                # A failed statement is not copied into the log: it may be an ALTER ROLE ... PASSWORD.
                log_min_error_statement = panic
                """;
        Files.writeString(data.resolve("postgresql.conf"), settings, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        // The file keeps its owner (the postgres user) when it is rewritten in place.
        Files.writeString(data.resolve("pg_hba.conf"), """
                # Strongroom: password logins over TCP from this machine only.
                # TYPE  DATABASE  USER  ADDRESS       METHOD
                host    all       all   127.0.0.1/32  scram-sha-256
                """, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    }

    /** Starts the server on a port that was free a moment ago, and on another when something took it meanwhile. */
    private static int startOnFreePort(Tools tools, Path directory, int preferredPort) throws IOException {
        Path data = directory.resolve("data");
        Path log = directory.resolve("server.log");
        Path out = directory.resolve("pg_ctl.out");
        for (int attempt = 1; ; attempt++) {
            int port = attempt == 1 && preferredPort > 0 && isFree(preferredPort) ? preferredPort : freePort();
            List<String> command = tools.command("pg_ctl", "start", "-D", data.toString(), "-l", log.toString(),
                    "-w", "-t", String.valueOf(PG_CTL_WAIT), "-o", "-p " + port);
            int exit = run(command, directory, out, PG_CTL_LIMIT);
            if (exit == 0) {
                return port;
            }
            String logText = readLenient(log);
            boolean portTaken = logText.contains("could not bind") || logText.contains("Address already in use");
            if (!portTaken || attempt == PORT_ATTEMPTS) {
                throw new IOException("PostgreSQL did not start on " + HOST + ":" + port + " (pg_ctl exit " + exit + ")"
                        + tail("pg_ctl's output", out) + tail("the server log", log));
            }
            stopQuietly(tools, directory);
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getByName(HOST))) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return s.getLocalPort();
        }
    }

    private static String randomPassword() {
        StringBuilder b = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            b.append(PASSWORD_CHARS.charAt(RANDOM.nextInt(PASSWORD_CHARS.length())));
        }
        return b.toString();
    }

    // ---- using it -------------------------------------------------------------------------------

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    public String superuser() {
        return SUPERUSER;
    }

    public String superuserPassword() {
        return password;
    }

    /** The directory holding the cluster; gone after {@link #close}. */
    public Path directory() {
        return directory;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + port + "/" + URLEncoder.encode(database, StandardCharsets.UTF_8);
    }

    /** A connection as the superuser to {@code database} ({@code postgres} always exists). */
    public Connection connectAsSuperuser(String database) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", SUPERUSER);
        p.setProperty("password", password);
        p.setProperty("connectTimeout", "5");
        p.setProperty("loginTimeout", "5");
        p.setProperty("ApplicationName", "strongroom-local-postgres");
        return DriverManager.getConnection(jdbcUrl(database), p);
    }

    public void createDatabase(String name) throws SQLException {
        try (Connection c = connectAsSuperuser("postgres")) {
            QuotedSql.execute(c, "CREATE DATABASE %I", name);
        }
    }

    /** A role that can log in with {@code password}; the name and password are quoted by the server, so any text is safe. */
    public void createLoginRole(String name, String password) throws SQLException {
        try (Connection c = connectAsSuperuser("postgres")) {
            QuotedSql.execute(c, "CREATE ROLE %I WITH LOGIN PASSWORD %L", name, password);
        }
    }

    /**
     * Lets {@code role} do anything in {@code database}: every database privilege, and every
     * privilege on its {@code public} schema (since PostgreSQL 15 only its owner may create there).
     */
    public void grantAllOn(String database, String role) throws SQLException {
        try (Connection c = connectAsSuperuser("postgres")) {
            QuotedSql.execute(c, "GRANT ALL ON DATABASE %I TO %I", database, role);
        }
        try (Connection c = connectAsSuperuser(database)) {
            QuotedSql.execute(c, "GRANT ALL ON SCHEMA public TO %I", role);
        }
    }

    // ---- stopping -------------------------------------------------------------------------------

    /**
     * Stops the server (fast shutdown: sessions are ended) and deletes its directory. Safe to call
     * twice.
     *
     * @throws UncheckedIOException when the server did not stop; the directory is deleted all the same
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        String failure = null;
        try {
            int exit = pgCtlStop(tools, directory, "fast");
            if (exit != 0) {
                failure = "pg_ctl stop failed (exit " + exit + ")" + tail("pg_ctl's output", directory.resolve("pg_ctl.out"))
                        + tail("the server log", log);
                pgCtlStop(tools, directory, "immediate");
            }
        } catch (IOException e) {
            failure = "pg_ctl stop could not run: " + e.getMessage();
        }
        try {
            deleteTree(directory);
        } catch (IOException e) {
            failure = failure == null ? "could not delete " + directory + ": " + e.getMessage() : failure;
        }
        if (failure != null) {
            throw new UncheckedIOException(new IOException("Stopping PostgreSQL on " + HOST + ":" + port + ": " + failure));
        }
    }

    private static int pgCtlStop(Tools tools, Path directory, String mode) throws IOException {
        List<String> command = tools.command("pg_ctl", "stop", "-D", directory.resolve("data").toString(),
                "-m", mode, "-w", "-t", String.valueOf(PG_CTL_WAIT));
        return run(command, directory, directory.resolve("pg_ctl.out"), PG_CTL_LIMIT);
    }

    /** After a failed start: a server that got as far as running must not outlive its deleted directory. */
    private static void stopQuietly(Tools tools, Path directory) {
        if (Files.exists(directory.resolve("data").resolve("postmaster.pid"))) {
            try {
                pgCtlStop(tools, directory, "immediate");
            } catch (IOException ignored) {
                // the start's own error is the one to report
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path p : paths) {
            Files.deleteIfExists(p);
        }
    }

    // ---- processes ------------------------------------------------------------------------------

    /** Runs {@code command} in {@code workDir} with its output in {@code out} (a file, so a server it forks holds no pipe of ours). */
    private static int run(List<String> command, Path workDir, Path out, Duration limit) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        // libpq's and the server's PG* variables (PGDATA, PGPORT, ...) must not steer a throwaway cluster
        pb.environment().keySet().removeIf(k -> k.startsWith("PG"));
        pb.environment().put("LC_ALL", "C");
        pb.environment().put("TZ", "UTC");
        Process p = pb.start();
        try {
            if (!p.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command.subList(command.indexOf("--") + 1, Math.min(command.size(), command.indexOf("--") + 3)))
                        + " did not finish in " + limit.toSeconds() + " s" + tail("its output", out));
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.get(0), e);
        }
    }

    /** The last lines of {@code file}, introduced as {@code what}, or nothing when it is empty or absent. */
    private static String tail(String what, Path file) {
        List<String> lines = readLenient(file).lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            return "";
        }
        List<String> last = lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
        return "; " + what + " ends:\n    " + String.join("\n    ", last);
    }

    /** A file's text, with undecodable bytes replaced; empty when it is absent or unreadable. */
    private static String readLenient(Path file) {
        try {
            return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public String toString() {
        return "LocalPostgres[" + HOST + ":" + port + ", superuser " + SUPERUSER + ", " + directory
                + (tools.runAs() != null ? ", run as " + OS_USER : "") + "]";
    }
}
