package io.strongroom.service.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strongroom.domain.ReplicaTarget;
import io.strongroom.domain.Scope;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The console's local action journal: every mutating action, who performed it, where, when and
 * how it ended; never a value. An append-only SQLite file ({@value #FILE_NAME}, WAL, synchronous
 * commits) in the data directory, apart from the embedded store's database so that it records
 * actions against AWS just the same and survives resetting the store.
 *
 * <p>An action is written twice, both times as an insert: {@link #begin} before the call (if that
 * fails the caller must not perform the action) and {@link Recording#succeeded} or
 * {@link Recording#failed} after it. An action with no recorded end shows as
 * {@link ResultState#IN_PROGRESS} in this session and {@link ResultState#UNKNOWN} afterwards.
 * Triggers in the schema refuse updates and deletes.
 *
 * <p>Thread-safe: one connection, used under this object's lock (a few writes per user action).
 */
public final class ActionJournal implements AutoCloseable {

    public static final String FILE_NAME = "journal.db";
    /** The newest schema this code knows; a journal from a newer build is refused, not rewritten. */
    static final int SCHEMA_VERSION = 4;
    /** Server-provided identifiers are cut to this length before they are stored. */
    private static final int MAX_SERVER_TEXT = 256;

    private static final System.Logger LOG = System.getLogger(ActionJournal.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final Path file;
    private final Connection db;
    private final Clock clock;
    private final String osUser;
    private final String session = UUID.randomUUID().toString();
    private final List<Consumer<JournalEntry>> listeners = new CopyOnWriteArrayList<>();
    private boolean closed;

    private ActionJournal(Path file, Connection db, Clock clock, String osUser) {
        this.file = file;
        this.db = db;
        this.clock = clock;
        this.osUser = osUser;
    }

    /** Opens (creating if needed) {@value #FILE_NAME} in {@code dataDir}, as the OS user running the console. */
    public static ActionJournal open(Path dataDir) {
        return open(dataDir.resolve(FILE_NAME), Clock.systemUTC(), System.getProperty("user.name", "unknown"));
    }

    public static ActionJournal open(Path file, Clock clock, String osUser) {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(osUser, "osUser");
        Connection c = null;
        try {
            createOwnerOnly(file);
            c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout=10000");
                s.execute("PRAGMA journal_mode=WAL");
                // an acknowledged journal entry survives a crash or power loss; there are few of them
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA foreign_keys=ON");
            }
            migrate(c, file);
            return new ActionJournal(file, c, clock, osUser);
        } catch (SQLException | IOException | RuntimeException e) {
            closeQuietly(c);
            throw e instanceof JournalException je ? je : new JournalException("cannot open the action journal " + file, e);
        }
    }

    /**
     * The journal holds identities and account IDs: readable by its owner only. SQLite gives its
     * -wal and -shm files the database file's permissions.
     */
    private static void createOwnerOnly(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        io.strongroom.platform.UserDirectory.createPrivate(dir);   // the data directory, also when no store runs
        if (Files.exists(file) || !dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException raced) {
            // another console opened it first
        }
    }

    private static void migrate(Connection c, Path file) throws SQLException {
        int current;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            current = rs.next() ? rs.getInt(1) : 0;
        }
        if (current > SCHEMA_VERSION) {
            throw new JournalException("the action journal " + file + " has schema version " + current
                    + ", newer than this Strongroom understands (" + SCHEMA_VERSION + ")", null);
        }
        for (int version = current + 1; version <= SCHEMA_VERSION; version++) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String statement : statements(loadScript(version))) {
                    s.execute(statement);
                }
                s.execute("PRAGMA user_version=" + version);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /** Splits a script into statements; a trigger's body (BEGIN … END;) stays one statement. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inBody = false;
        for (String line : script.split("\\R")) {
            String code = line.contains("--") ? line.substring(0, line.indexOf("--")) : line;
            String trimmed = code.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            current.append(code).append('\n');
            String upper = trimmed.toUpperCase(java.util.Locale.ROOT);
            if (upper.startsWith("BEGIN")) {
                inBody = true;
            }
            if (trimmed.endsWith(";") && (!inBody || upper.endsWith("END;"))) {
                out.add(current.toString().strip());
                current.setLength(0);
                inBody = false;
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }

    private static String loadScript(int version) {
        String name = "V" + version + ".sql";
        try (InputStream in = ActionJournal.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing journal migration " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path file() {
        return file;
    }

    /** The OS user this journal records as the console's user. */
    public String osUser() {
        return osUser;
    }

    // ---- Writing ------------------------------------------------------------------------------

    /**
     * Records that an action is about to be performed and returns the handle to record its end.
     *
     * @throws JournalException when the journal cannot be written: do not perform the action
     */
    public Recording begin(Scope scope, String target, ActionDetails details) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(details, "details");
        if (target.isEmpty() || target.length() > 2048) {
            throw new IllegalArgumentException("a target is a secret name or ARN of 1 to 2048 characters");
        }
        JournalScope where = JournalScope.of(scope);
        long id;
        synchronized (this) {
            ensureOpen();
            try (PreparedStatement ps = db.prepareStatement("""
                    INSERT INTO action (session, started_at, os_user, credentials, account_id, account_alias, region,
                        endpoint_kind, endpoint, action, target, kms_key_id, tag_keys, value_kind, has_description,
                        stage, version_stages, to_version, from_version, recovery_days, force_delete,
                        policy_bytes, policy_sha256, block_public, rotation_function, rotation_schedule, rotation_window,
                        rotate_immediately, replica_regions, replica_keys, force_overwrite, pending_days,
                        rotation_period_days)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                        ?, ?, ?, ?, ?)""",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, session);
                ps.setLong(2, clock.millis());
                ps.setString(3, osUser);
                ps.setString(4, scope.credentials().id());
                ps.setString(5, where.accountId());
                ps.setString(6, where.accountAlias());
                ps.setString(7, where.region());
                ps.setString(8, where.endpointKind().name());
                ps.setString(9, where.endpoint());
                ps.setString(10, details.kind().name());
                ps.setString(11, target);
                bindDetails(ps, 12, details);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    if (!keys.next()) {
                        throw new SQLException("no row ID for the journal entry");
                    }
                    id = keys.getLong(1);
                }
            } catch (SQLException e) {
                throw new JournalException("cannot write to the action journal " + file, e);
            }
        }
        notifyListeners(id);
        return new Recording(id);
    }

    /** Binds the typed parameters into 22 columns starting at {@code at}; what a kind lacks is NULL. */
    private static void bindDetails(PreparedStatement ps, int at, ActionDetails details) throws SQLException {
        String kmsKeyId = null;
        List<String> tagKeys = null;
        ValueKind value = null;
        Boolean description = null;
        String stage = null;
        List<String> stages = null;
        String toVersion = null;
        String fromVersion = null;
        Integer recoveryDays = null;
        Boolean force = null;
        PolicyDigest policy = null;
        Boolean blockPublic = null;
        ActionDetails.Rotate rotate = details instanceof ActionDetails.Rotate r ? r : null;
        if (details instanceof ActionDetails.PutSecretPolicy d) {
            policy = d.policy();
            blockPublic = d.blockPublic();
        } else if (details instanceof ActionDetails.PutKeyPolicy d) {
            policy = d.policy();
        } else if (details instanceof ActionDetails.Create d) {
            kmsKeyId = d.kmsKeyId();
            tagKeys = d.tagKeys();
            value = d.value();
            description = d.hasDescription();
        } else if (details instanceof ActionDetails.PutValue d) {
            value = d.value();
            stages = d.stages();
        } else if (details instanceof ActionDetails.Update d) {
            description = d.descriptionChanged();
            kmsKeyId = d.kmsKeyId();
            value = d.value();
        } else if (details instanceof ActionDetails.MoveStage d) {
            stage = d.stage();
            toVersion = d.toVersionId();
            fromVersion = d.fromVersionId();
        } else if (details instanceof ActionDetails.Rollback d) {
            toVersion = d.toVersionId();
        } else if (details instanceof ActionDetails.Delete d) {
            recoveryDays = d.recoveryWindowDays();
            force = d.force();
        } else if (details instanceof ActionDetails.Tag d) {
            tagKeys = d.tagKeys();
        } else if (details instanceof ActionDetails.Untag d) {
            tagKeys = d.tagKeys();
        }
        ps.setString(at, kmsKeyId);
        ps.setString(at + 1, tagKeys == null ? null : toJson(tagKeys));
        ps.setString(at + 2, value == null ? null : value.name());
        setInt(ps, at + 3, description == null ? null : description ? 1 : 0);
        ps.setString(at + 4, stage);
        ps.setString(at + 5, stages == null ? null : toJson(stages));
        ps.setString(at + 6, toVersion);
        ps.setString(at + 7, fromVersion);
        setInt(ps, at + 8, recoveryDays);
        setInt(ps, at + 9, force == null ? null : force ? 1 : 0);
        setInt(ps, at + 10, policy == null ? null : policy.bytes());
        ps.setString(at + 11, policy == null ? null : policy.sha256());
        setInt(ps, at + 12, blockPublic == null ? null : blockPublic ? 1 : 0);
        ps.setString(at + 13, rotate == null ? null : rotate.function());
        ps.setString(at + 14, rotate == null ? null : rotate.schedule());
        ps.setString(at + 15, rotate == null ? null : rotate.window());
        setInt(ps, at + 16, rotate == null ? null : rotate.immediately() ? 1 : 0);
        bindKeyAndReplication(ps, at + 17, details);
    }

    /** The replication and key columns: regions, their keys, force overwrite, deletion wait, rotation period. */
    private static void bindKeyAndReplication(PreparedStatement ps, int at, ActionDetails details) throws SQLException {
        List<String> regions = null;
        List<String> keys = null;
        Boolean forceOverwrite = null;
        Integer pendingDays = null;
        Integer periodDays = null;
        if (details instanceof ActionDetails.Replicate d) {
            regions = d.regions().stream().map(ReplicaTarget::region).toList();
            keys = d.regions().stream().map(ReplicaTarget::kmsKeyId).toList();
            forceOverwrite = d.forceOverwrite();
        } else if (details instanceof ActionDetails.RemoveReplicaRegions d) {
            regions = d.regions();
        } else if (details instanceof ActionDetails.ScheduleKeyDeletion d) {
            pendingDays = d.pendingWindowDays();
        } else if (details instanceof ActionDetails.EnableKeyRotation d) {
            periodDays = d.rotationPeriodDays();
        }
        ps.setString(at, regions == null ? null : toJson(regions));
        ps.setString(at + 1, keys == null ? null : toJson(keys));
        setInt(ps, at + 2, forceOverwrite == null ? null : forceOverwrite ? 1 : 0);
        setInt(ps, at + 3, pendingDays);
        setInt(ps, at + 4, periodDays);
    }

    private boolean finish(long id, ResultState result, String identityArn, String targetArn, String versionId,
                           String errorCode, String requestId, int httpStatus) {
        synchronized (this) {
            if (closed) {
                LOG.log(System.Logger.Level.WARNING, "journal closed before the result of action " + id + " was recorded");
                return false;
            }
            try (PreparedStatement ps = db.prepareStatement("""
                    INSERT INTO outcome (action_id, finished_at, result, identity_arn, target_arn, version_id,
                        error_code, request_id, http_status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                ps.setLong(1, id);
                ps.setLong(2, clock.millis());
                ps.setString(3, result.name());
                ps.setString(4, cut(identityArn));
                ps.setString(5, cut(targetArn));
                ps.setString(6, cut(versionId));
                ps.setString(7, cut(errorCode));
                ps.setString(8, cut(requestId));
                ps.setInt(9, httpStatus);
                ps.executeUpdate();
            } catch (SQLException e) {
                // the action already happened (or failed); the entry stays without a result
                LOG.log(System.Logger.Level.WARNING, "cannot record the result of journaled action " + id
                        + ": " + e.getClass().getSimpleName());
                return false;
            }
        }
        notifyListeners(id);
        return true;
    }

    /**
     * The end of one journaled action, recorded at most once. Recording never throws: by the
     * time it runs the action has happened, and its outcome must reach the user unchanged.
     */
    public final class Recording {
        private final long id;
        private final AtomicBoolean done = new AtomicBoolean();

        private Recording(long id) {
            this.id = id;
        }

        public long id() {
            return id;
        }

        /** The backend accepted the action. Returns false if the result could not be recorded. */
        public boolean succeeded(String identityArn, String targetArn, String versionId) {
            return done.compareAndSet(false, true)
                    && finish(id, ResultState.OK, identityArn, targetArn, versionId, null, null, 0);
        }

        /** The action failed with this error code (request ID and HTTP status when the backend answered). */
        public boolean failed(String identityArn, String errorCode, String requestId, int httpStatus) {
            Objects.requireNonNull(errorCode, "errorCode");
            return done.compareAndSet(false, true)
                    && finish(id, ResultState.FAILED, identityArn, null, null, errorCode, requestId, httpStatus);
        }
    }

    // ---- Reading ------------------------------------------------------------------------------

    private static final String SELECT = """
            SELECT a.*, o.finished_at, o.result, o.identity_arn, o.target_arn, o.version_id, o.error_code,
                   o.request_id, o.http_status
            FROM action a LEFT JOIN outcome o ON o.action_id = a.id""";

    /** One page of entries matching {@code query}, newest first. */
    public JournalPage query(JournalQuery query) {
        List<Object> args = new ArrayList<>();
        String where = where(query, args, true);
        List<JournalEntry> entries = new ArrayList<>();
        synchronized (this) {
            ensureOpen();
            try (PreparedStatement ps = db.prepareStatement(SELECT + where + " ORDER BY a.id DESC LIMIT ?")) {
                int i = bind(ps, args);
                ps.setInt(i, query.limit() + 1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        entries.add(entry(rs));
                    }
                }
            } catch (SQLException e) {
                throw new JournalException("cannot read the action journal " + file, e);
            }
        }
        if (entries.size() > query.limit()) {
            entries = entries.subList(0, query.limit());
            return new JournalPage(entries, entries.get(entries.size() - 1).id());
        }
        return new JournalPage(entries, null);
    }

    /** How many entries match {@code query}'s filters (its limit and cursor are ignored). */
    public long count(JournalQuery query) {
        List<Object> args = new ArrayList<>();
        String where = where(query, args, false);
        synchronized (this) {
            ensureOpen();
            try (PreparedStatement ps = db.prepareStatement(
                    "SELECT count(*) FROM action a LEFT JOIN outcome o ON o.action_id = a.id" + where)) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0;
                }
            } catch (SQLException e) {
                throw new JournalException("cannot read the action journal " + file, e);
            }
        }
    }

    /** One entry by ID, as it stands now. */
    public java.util.Optional<JournalEntry> entry(long id) {
        synchronized (this) {
            ensureOpen();
            try (PreparedStatement ps = db.prepareStatement(SELECT + " WHERE a.id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? java.util.Optional.of(entry(rs)) : java.util.Optional.empty();
                }
            } catch (SQLException e) {
                throw new JournalException("cannot read the action journal " + file, e);
            }
        }
    }

    /** Every account that appears in the journal, by alias. */
    public List<JournalAccount> accounts() {
        return distinct("SELECT DISTINCT account_id, account_alias FROM action ORDER BY account_alias, account_id",
                rs -> new JournalAccount(rs.getString(1), rs.getString(2)));
    }

    /** Every region that appears in the journal, sorted. */
    public List<String> regions() {
        return distinct("SELECT DISTINCT region FROM action ORDER BY region", rs -> rs.getString(1));
    }

    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private synchronized <T> List<T> distinct(String sql, RowReader<T> reader) {
        ensureOpen();
        List<T> out = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(reader.read(rs));
            }
            return out;
        } catch (SQLException e) {
            throw new JournalException("cannot read the action journal " + file, e);
        }
    }

    private String where(JournalQuery q, List<Object> args, boolean withCursor) {
        List<String> clauses = new ArrayList<>();
        if (q.accountId() != null) {
            clauses.add("(a.account_id = ? OR (a.account_id IS NULL AND a.account_alias = ?))");
            args.add(q.accountId());
            args.add(q.accountId());
        }
        if (q.region() != null) {
            clauses.add("a.region = ?");
            args.add(q.region());
        }
        if (q.action() != null) {
            clauses.add("a.action = ?");
            args.add(q.action().name());
        }
        if (q.result() != null) {
            switch (q.result()) {
                case OK, FAILED -> {
                    clauses.add("o.result = ?");
                    args.add(q.result().name());
                }
                case IN_PROGRESS -> {
                    clauses.add("o.action_id IS NULL AND a.session = ?");
                    args.add(session);
                }
                case UNKNOWN -> {
                    clauses.add("o.action_id IS NULL AND a.session <> ?");
                    args.add(session);
                }
            }
        }
        if (q.since() != null) {
            clauses.add("a.started_at >= ?");
            args.add(q.since().toEpochMilli());
        }
        if (q.until() != null) {
            clauses.add("a.started_at < ?");
            args.add(q.until().toEpochMilli());
        }
        if (q.text() != null) {
            String like = "%" + q.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            List<String> columns = List.of("a.target", "o.target_arn", "a.account_id", "a.account_alias", "a.region",
                    "a.action", "o.identity_arn", "a.os_user", "a.credentials", "o.error_code", "o.request_id",
                    "o.version_id", "a.to_version", "a.stage", "a.tag_keys", "a.policy_sha256");
            clauses.add("(" + String.join(" OR ", columns.stream().map(c -> c + " LIKE ? ESCAPE '\\'").toList()) + ")");
            columns.forEach(c -> args.add(like));
        }
        if (withCursor && q.olderThan() != null) {
            clauses.add("a.id < ?");
            args.add(q.olderThan());
        }
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    private static int bind(PreparedStatement ps, List<Object> args) throws SQLException {
        int i = 1;
        for (Object arg : args) {
            if (arg instanceof Long l) {
                ps.setLong(i++, l);
            } else {
                ps.setString(i++, (String) arg);
            }
        }
        return i;
    }

    private JournalEntry entry(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        Instant started = Instant.ofEpochMilli(rs.getLong("started_at"));
        long finishedMillis = rs.getLong("finished_at");
        Instant finished = rs.wasNull() ? null : Instant.ofEpochMilli(finishedMillis);
        JournalScope scope = new JournalScope(rs.getString("account_id"), rs.getString("account_alias"),
                rs.getString("region"), EndpointKind.valueOf(rs.getString("endpoint_kind")), rs.getString("endpoint"));
        Actor actor = new Actor(rs.getString("identity_arn"), rs.getString("credentials"), rs.getString("os_user"));
        String result = rs.getString("result");
        Outcome outcome;
        if (result == null) {
            outcome = session.equals(rs.getString("session")) ? Outcome.IN_PROGRESS : Outcome.UNKNOWN;
        } else {
            outcome = new Outcome(ResultState.valueOf(result), rs.getString("target_arn"), rs.getString("version_id"),
                    rs.getString("error_code"), rs.getString("request_id"), rs.getInt("http_status"));
        }
        return new JournalEntry(id, started, finished, actor, scope, rs.getString("target"), details(rs), outcome);
    }

    private static ActionDetails details(ResultSet rs) throws SQLException {
        ActionKind kind = ActionKind.valueOf(rs.getString("action"));
        return switch (kind) {
            case CREATE_SECRET -> new ActionDetails.Create(rs.getString("kms_key_id"), strings(rs.getString("tag_keys")),
                    valueKind(rs), rs.getInt("has_description") == 1);
            case PUT_VALUE -> new ActionDetails.PutValue(valueKind(rs), strings(rs.getString("version_stages")));
            case UPDATE_SECRET -> new ActionDetails.Update(rs.getInt("has_description") == 1, rs.getString("kms_key_id"),
                    valueKind(rs));
            case MOVE_STAGE -> new ActionDetails.MoveStage(rs.getString("stage"), rs.getString("to_version"),
                    rs.getString("from_version"));
            case ROLLBACK -> new ActionDetails.Rollback(rs.getString("to_version"));
            case DELETE_SECRET -> new ActionDetails.Delete(rs.getInt("recovery_days"), rs.getInt("force_delete") == 1);
            case RESTORE_SECRET -> new ActionDetails.Restore();
            case TAG -> new ActionDetails.Tag(strings(rs.getString("tag_keys")));
            case UNTAG -> new ActionDetails.Untag(strings(rs.getString("tag_keys")));
            case PUT_SECRET_POLICY -> new ActionDetails.PutSecretPolicy(policyDigest(rs), rs.getInt("block_public") == 1);
            case DELETE_SECRET_POLICY -> new ActionDetails.DeleteSecretPolicy();
            case PUT_KEY_POLICY -> new ActionDetails.PutKeyPolicy(policyDigest(rs));
            case ROTATE_SECRET -> new ActionDetails.Rotate(rs.getString("rotation_function"), rs.getString("rotation_schedule"),
                    rs.getString("rotation_window"), rs.getInt("rotate_immediately") == 1);
            case CANCEL_ROTATION -> new ActionDetails.CancelRotation();
            case REPLICATE -> new ActionDetails.Replicate(replicaTargets(rs), rs.getInt("force_overwrite") == 1);
            case REMOVE_REPLICA_REGIONS -> new ActionDetails.RemoveReplicaRegions(strings(rs.getString("replica_regions")));
            case PROMOTE_REPLICA -> new ActionDetails.PromoteReplica();
            case ENABLE_KEY -> new ActionDetails.EnableKey();
            case DISABLE_KEY -> new ActionDetails.DisableKey();
            case SCHEDULE_KEY_DELETION -> new ActionDetails.ScheduleKeyDeletion(rs.getInt("pending_days"));
            case CANCEL_KEY_DELETION -> new ActionDetails.CancelKeyDeletion();
            case ENABLE_KEY_ROTATION -> new ActionDetails.EnableKeyRotation(nullableInt(rs, "rotation_period_days"));
            case DISABLE_KEY_ROTATION -> new ActionDetails.DisableKeyRotation();
            case ROTATE_KEY_NOW -> new ActionDetails.RotateKeyOnDemand();
        };
    }

    private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static List<ReplicaTarget> replicaTargets(ResultSet rs) throws SQLException {
        List<String> regions = strings(rs.getString("replica_regions"));
        List<String> keys = strings(rs.getString("replica_keys"));
        List<ReplicaTarget> targets = new ArrayList<>();
        for (int i = 0; i < regions.size(); i++) {
            targets.add(new ReplicaTarget(regions.get(i), i < keys.size() ? keys.get(i) : null));
        }
        return targets;
    }

    private static PolicyDigest policyDigest(ResultSet rs) throws SQLException {
        return new PolicyDigest(rs.getInt("policy_bytes"), rs.getString("policy_sha256"));
    }

    private static ValueKind valueKind(ResultSet rs) throws SQLException {
        String v = rs.getString("value_kind");
        return v == null ? ValueKind.NONE : ValueKind.valueOf(v);
    }

    // ---- Listening ----------------------------------------------------------------------------

    /**
     * Calls {@code listener} with the entry as it stands after each write (an action starting,
     * then ending), on the thread that wrote it. Closing the returned handle unsubscribes.
     */
    public AutoCloseable subscribe(Consumer<JournalEntry> listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void notifyListeners(long id) {
        if (listeners.isEmpty()) {
            return;
        }
        JournalEntry entry;
        try {
            entry = entry(id).orElse(null);
        } catch (JournalException e) {
            return;
        }
        if (entry == null) {
            return;
        }
        for (Consumer<JournalEntry> l : listeners) {
            try {
                l.accept(entry);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "journal listener failed: " + e.getClass().getSimpleName());
            }
        }
    }

    // ---- Plumbing -----------------------------------------------------------------------------

    private void ensureOpen() {
        if (closed) {
            throw new JournalException("the action journal " + file + " is closed", null);
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            closeQuietly(db);
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }

    private static void setInt(PreparedStatement ps, int i, Integer v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, v);
        }
    }

    private static String cut(String s) {
        return s == null || s.length() <= MAX_SERVER_TEXT ? s : s.substring(0, MAX_SERVER_TEXT);
    }

    private static String toJson(List<String> items) {
        try {
            return JSON.writeValueAsString(items);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> strings(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return JSON.readValue(json, STRINGS);
        } catch (IOException e) {
            throw new JournalException("unreadable list in the action journal", e);
        }
    }
}
