package io.strongroom.local.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The store's SQLite database, in WAL mode: one writer connection used under a lock (SQLite
 * allows one writer at a time anyway) and a small pool of reader connections, which WAL lets
 * run beside the writer. Writes commit with {@code synchronous=FULL}, so an acknowledged
 * write survives a crash or power loss.
 *
 * <p>Schema changes are numbered scripts {@code V1.sql}, {@code V2.sql}… beside this class,
 * applied in order and recorded in {@code PRAGMA user_version}. A version may also need work
 * SQL cannot do (schema 5 computes the audit trail's MACs, with a key the database must never
 * hold): its {@link MigrationStep} runs right after the script, in the same transaction, so the
 * version is applied whole or not at all.
 */
public final class Database implements AutoCloseable {

    /** The newest schema this code knows; a database from a newer build is refused. */
    public static final int SCHEMA_VERSION = 8;
    /**
     * Versions whose script is followed by a {@link MigrationStep}: a database that already has
     * data cannot be brought to them without it (see {@link #open(Path, Map)}).
     */
    static final java.util.Set<Integer> VERSIONS_WITH_STEPS = java.util.Set.of(5);
    private static final int READERS = 4;

    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Work that completes a schema version after its script, in the script's transaction. */
    @FunctionalInterface
    public interface MigrationStep {
        void run(Connection connection) throws SQLException;
    }

    private final Path file;
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
    private final List<Connection> allReaders = new ArrayList<>();
    private final java.util.Map<Connection, java.util.Map<String, PreparedStatement>> statements =
            java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());
    /** Set while this thread runs {@link #bulk}: its write transactions commit without an fsync each. */
    private final ThreadLocal<Boolean> bulkOnThisThread = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private Database(Path file, Map<Integer, MigrationStep> steps) throws SQLException {
        this.file = file;
        this.writer = connect(file);
        try (Statement s = writer.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=FULL");
        }
        try {
            migrate(steps);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(writer);
            throw e;
        }
        for (int i = 0; i < READERS; i++) {
            Connection reader = connect(file);
            try (Statement s = reader.createStatement()) {
                s.execute("PRAGMA query_only=ON");
            }
            readers.add(reader);
            allReaders.add(reader);
        }
    }

    /**
     * Opens (creating or migrating) the database; for a database with no data yet, or one already
     * at {@link #SCHEMA_VERSION}. One with data from before a version that needs a
     * {@link MigrationStep} is refused: open it with {@link #open(Path, Map)}.
     */
    public static Database open(Path file) {
        return open(file, Map.of());
    }

    /** Opens the database, completing the schema versions in {@code steps} with their step (see {@link MigrationStep}). */
    public static Database open(Path file, Map<Integer, MigrationStep> steps) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return new Database(file, Map.copyOf(steps));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory for " + file, e);
        } catch (SQLException e) {
            throw new StorageException("cannot open the database " + file, e);
        }
    }

    public Path file() {
        return file;
    }

    /**
     * Runs {@code work} on a read-only connection of its own to the database in {@code file}, in
     * one read transaction (a consistent snapshot), without migrating it and without any lock of
     * the store: WAL lets it read beside a running store, and it reads what a killed one
     * committed (the WAL is part of the database). For tools that inspect a store, such as
     * {@code strongroom audit verify}. The schema version is the work's to check
     * ({@link #schemaVersion}).
     */
    public static <T> T readOnly(Path file, SqlWork<T> work) {
        if (!Files.isRegularFile(file)) {
            throw new StorageException("there is no database " + file, null);
        }
        org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(10_000);
        try (Connection c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            c.setAutoCommit(false);         // one transaction: every query sees the same snapshot
            try {
                return work.run(c);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new StorageException("cannot read the database " + file, e);
        }
    }

    /** The schema version of the database {@code c} is connected to ({@code PRAGMA user_version}). */
    public static int schemaVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); var rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static Connection connect(Path file) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout=10000");
            s.execute("PRAGMA foreign_keys=ON");
        }
        return c;
    }

    private void migrate(Map<Integer, MigrationStep> steps) throws SQLException {
        int current;
        try (Statement s = writer.createStatement(); var rs = s.executeQuery("PRAGMA user_version")) {
            current = rs.next() ? rs.getInt(1) : 0;
        }
        if (current > SCHEMA_VERSION) {
            throw new StorageException("the database " + file + " has schema version " + current
                    + ", newer than this Strongroom understands (" + SCHEMA_VERSION + ")", null);
        }
        for (int version = current + 1; version <= SCHEMA_VERSION; version++) {
            String script = loadScript(version);
            MigrationStep step = steps.get(version);
            if (step == null && VERSIONS_WITH_STEPS.contains(version) && current > 0) {
                throw new StorageException("the database " + file + " needs schema version " + version
                        + ", which only the store itself can apply (it needs the root key): start the store on it once", null);
            }
            writer.setAutoCommit(false);
            try (Statement s = writer.createStatement()) {
                for (String statement : script.split(";\\s*(\\r?\\n|$)")) {
                    if (!statement.isBlank()) {
                        s.execute(statement);
                    }
                }
                if (step != null) {
                    step.run(writer);
                }
                s.execute("PRAGMA user_version=" + version);
                writer.commit();
            } catch (SQLException e) {
                writer.rollback();
                throw e;
            } finally {
                writer.setAutoCommit(true);
            }
        }
    }

    private static String loadScript(int version) {
        String name = "V" + version + ".sql";
        try (InputStream in = Database.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing migration " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs {@code work} in one transaction on the writer connection; all or nothing. Called
     * again from inside {@code work} (one engine calling another), it joins the outer
     * transaction instead of committing it early.
     */
    public <T> T write(SqlWork<T> work) {
        return write(work, bulkOnThisThread.get());
    }

    /**
     * Runs {@code work}, in which this thread's write transactions commit as {@link #writeRelaxed}
     * does (no fsync each), then syncs them all at once before returning. For a
     * load of many small transactions that together stand for one action, such as seeding the demo
     * estate: hundreds of commits, one fsync. Each transaction is still all or nothing, and other
     * threads' writes meanwhile keep their own durability; a power cut during {@code work} may lose
     * a tail of its transactions, never half of one.
     */
    public <T> T bulk(java.util.function.Supplier<T> work) {
        if (bulkOnThisThread.get()) {
            return work.get();
        }
        bulkOnThisThread.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            bulkOnThisThread.set(Boolean.FALSE);
            syncWal();
        }
    }

    /**
     * Syncs what was committed so far with a checkpoint, which syncs the WAL before it copies
     * pages into the database file (and the next {@code synchronous=FULL} commit by anyone would
     * sync the WAL in any case).
     */
    private void syncWal() {
        writeLock.lock();
        try (Statement s = writer.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(PASSIVE)");
        } catch (SQLException e) {
            throw new StorageException("cannot sync the database", e);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Like {@link #write}, but committed with {@code synchronous=NORMAL}: in WAL mode the
     * transaction survives a crash of the process, though not necessarily a power cut. For data
     * nobody is waiting on, where an fsync per batch would cost more than the guarantee is worth:
     * the audit events of read-only calls. Secret writes, and the audit events of mutating calls
     * (which are synced before the call is answered), always use {@link #write}; any later
     * {@code write} also syncs what relaxed writes committed before it.
     */
    public <T> T writeRelaxed(SqlWork<T> work) {
        return write(work, true);
    }

    private <T> T write(SqlWork<T> work, boolean relaxed) {
        if (writeLock.isHeldByCurrentThread()) {
            try {
                return work.run(writer);
            } catch (SQLException e) {
                throw new StorageException("database write failed", e);
            }
        }
        writeLock.lock();
        try {
            // Switched only when it changes: a store serving reads commits their audit events
            // relaxed many times a second, and two PRAGMAs around each commit would add up.
            setSynchronous(relaxed ? "NORMAL" : "FULL");
            writer.setAutoCommit(false);
            try {
                T result = work.run(writer);
                writer.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(e);
                if (e instanceof SQLException sql) {
                    throw new StorageException("database write failed", sql);
                }
                throw (RuntimeException) e;
            } finally {
                writer.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StorageException("database write failed", e);
        } finally {
            writeLock.unlock();
        }
    }

    private void rollbackQuietly(Exception cause) {
        try {
            writer.rollback();
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }

    /** The writer connection's synchronous mode; guarded by the write lock. */
    private String synchronous = "FULL";

    private void setSynchronous(String level) {
        if (level.equals(synchronous)) {
            return;
        }
        try (Statement s = writer.createStatement()) {
            s.execute("PRAGMA synchronous=" + level);
            synchronous = level;
        } catch (SQLException e) {
            throw new StorageException("cannot set the database's synchronous mode", e);
        }
    }

    /**
     * A prepared statement kept open for reuse on {@code connection}: preparing is a good part of
     * a small query's cost. The caller sets every parameter, closes its ResultSet, and never
     * closes the statement. Safe because a connection is used by one thread at a time.
     */
    public PreparedStatement prepared(Connection connection, String sql) throws SQLException {
        java.util.Map<String, PreparedStatement> cache = statements.computeIfAbsent(connection, k -> new java.util.HashMap<>());
        PreparedStatement ps = cache.get(sql);
        if (ps == null || ps.isClosed()) {
            ps = connection.prepareStatement(sql);
            cache.put(sql, ps);
        }
        return ps;
    }

    /**
     * Runs {@code work} on a reader connection: a consistent snapshot, never blocked by the writer.
     * Called from inside a {@link #write} on this thread, it reads on the writer's connection, so
     * that it sees what the transaction wrote so far.
     */
    public <T> T read(SqlWork<T> work) {
        if (writeLock.isHeldByCurrentThread()) {
            try {
                return work.run(writer);
            } catch (SQLException e) {
                throw new StorageException("database read failed", e);
            }
        }
        Connection c;
        try {
            c = readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while waiting for a database connection", null);
        }
        try {
            return work.run(c);
        } catch (SQLException e) {
            throw new StorageException("database read failed", e);
        } finally {
            readers.add(c);
        }
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            for (Connection c : allReaders) {
                closeQuietly(c);
            }
            try (Statement s = writer.createStatement()) {
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            } catch (SQLException ignored) {
                // closing anyway; the WAL is replayed on next open
            }
            closeQuietly(writer);
        } finally {
            writeLock.unlock();
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing useful to do while shutting down
        }
    }
}
