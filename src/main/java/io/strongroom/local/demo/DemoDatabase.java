package io.strongroom.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strongroom.local.LocalStore;
import io.strongroom.local.iam.LocalAccount;
import io.strongroom.local.postgres.LocalPostgres;
import io.strongroom.local.postgres.QuotedSql;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsRequest;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The demo estate's PostgreSQL: a throwaway cluster on {@value #HOST}:{@value #PORT} that the demo's
 * PostgreSQL database secrets point at, with a login role for each (its AWSCURRENT user name and
 * password) and their databases, so that rotating them with the PostgreSQL functions really
 * changes a password. Started where PostgreSQL's server binaries are installed (Debian's
 * {@code postgresql}); where they are not, those rotations fail at setSecret with "could not
 * connect to PostgreSQL at 127.0.0.1:55432 (connection refused): is the database running?".
 *
 * <p>The cluster lives only as long as the store: each start builds it again from the secrets'
 * current values, so a rotation made in an earlier run is already reflected. The roles of the
 * {@code /master} secrets may create and alter roles, as an RDS master user may.
 */
public final class DemoDatabase implements AutoCloseable {

    public static final String HOST = "127.0.0.1";
    /** A fixed port, so the secrets stay right across runs; not PostgreSQL's usual 5432, which may be a real server. */
    public static final int PORT = 55432;

    /** Set to {@code false} to never start the demo's cluster (the test suite's consoles). */
    public static final String ENABLED_PROPERTY = "strongroom.demoDatabase";
    private static final System.Logger LOG = System.getLogger(DemoDatabase.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalPostgres cluster;
    private final int roles;

    private DemoDatabase(LocalPostgres cluster, int roles) {
        this.cluster = cluster;
        this.roles = roles;
    }

    /**
     * Starts the demo's cluster for {@code store}'s demo secrets, if PostgreSQL can run here and
     * {@value #PORT} is free; empty (and why, logged) otherwise. Takes a second or two.
     */
    public static Optional<DemoDatabase> start(LocalStore store, Path parentDir) {
        Optional<String> why = LocalPostgres.unavailableReason();
        if (why.isPresent()) {
            LOG.log(System.Logger.Level.INFO, "demo database not started: " + why.get());
            return Optional.empty();
        }
        LocalPostgres cluster;
        try {
            cluster = LocalPostgres.start(parentDir, PORT);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "demo database not started: " + e.getMessage());
            return Optional.empty();
        }
        if (cluster.port() != PORT) {
            LOG.log(System.Logger.Level.WARNING, "demo database not started: port " + PORT + " is in use");
            cluster.close();
            return Optional.empty();
        }
        try {
            return Optional.of(new DemoDatabase(cluster, createRoles(store, cluster)));
        } catch (SQLException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "demo database roles not created: " + e.getClass().getSimpleName());
            cluster.close();
            return Optional.empty();
        }
    }

    /**
     * Starts the demo's cluster for a store that holds the demo estate, under the system's
     * temporary directory (the server may run as the {@code postgres} user, who must reach it),
     * and closes it with the store. Empty when there is no demo estate or no PostgreSQL here.
     */
    public static Optional<DemoDatabase> startFor(LocalStore store) {
        if (!Boolean.parseBoolean(System.getProperty(ENABLED_PROPERTY, "true")) || !DemoEstate.present(store)) {
            return Optional.empty();
        }
        Path parent = Path.of(System.getProperty("java.io.tmpdir"), "strongroom-demo-postgres");
        try {
            java.nio.file.Files.createDirectories(parent);
            java.nio.file.Files.setPosixFilePermissions(parent, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException | UnsupportedOperationException e) {
            LOG.log(System.Logger.Level.WARNING, "demo database not started: " + e.getMessage());
            return Optional.empty();
        }
        Optional<DemoDatabase> db = start(store, parent);
        db.ifPresent(store::closeWith);
        return db;
    }

    /** How many login roles the demo secrets got. */
    public int roles() {
        return roles;
    }

    public int port() {
        return cluster.port();
    }

    /** One role and database per demo secret that points at this cluster, with its current credentials. */
    private static int createRoles(LocalStore store, LocalPostgres cluster) throws SQLException {
        Map<String, JsonNode> byUser = new LinkedHashMap<>();
        Instant now = store.clock().instant();
        for (LocalAccount account : store.accounts().list()) {
            for (String region : store.regionsInUse(account.accountId())) {
                for (SecretListEntry e : demoSecrets(store, account.accountId(), region, now)) {
                    JsonNode v = currentJson(store, account.accountId(), region, now, e.arn());
                    if (v != null && HOST.equals(v.path("host").asText()) && v.path("port").asInt() == PORT
                            && v.hasNonNull("username") && v.hasNonNull("password")) {
                        byUser.putIfAbsent(v.get("username").asText(), v);
                    }
                }
            }
        }
        try (Connection c = cluster.connectAsSuperuser("postgres")) {
            for (JsonNode v : byUser.values()) {
                String user = v.get("username").asText();
                boolean master = user.endsWith("_admin");
                QuotedSql.execute(c, "CREATE ROLE %I WITH LOGIN " + (master ? "CREATEROLE " : "") + "PASSWORD %L", user, v.get("password").asText());
                String db = v.path("dbname").asText("postgres");
                if (!exists(c, db)) {
                    QuotedSql.execute(c, "CREATE DATABASE %I", db);
                }
                QuotedSql.execute(c, "GRANT ALL ON DATABASE %I TO %I", db, user);
            }
        }
        return byUser.size();
    }

    private static java.util.List<SecretListEntry> demoSecrets(LocalStore store, String account, String region, Instant now) {
        java.util.List<SecretListEntry> out = new java.util.ArrayList<>();
        String token = null;
        do {
            ListSecretsRequest.Builder b = ListSecretsRequest.builder().maxResults(100).nextToken(token)
                    .filters(f -> f.key("tag-key").values(DemoEstate.TAG_KEY), f -> f.key("name").values("rds/"));
            ListSecretsResponse page = store.invoke(account, region, now, "secretsmanager", "ListSecrets", b.build());
            out.addAll(page.secretList());
            token = page.nextToken();
        } while (token != null);
        return out;
    }

    private static JsonNode currentJson(LocalStore store, String account, String region, Instant now, String arn) {
        try {
            GetSecretValueResponse r = store.invoke(account, region, now, "secretsmanager", "GetSecretValue",
                    GetSecretValueRequest.builder().secretId(arn).build());
            return r.secretString() == null ? null : JSON.readTree(r.secretString());
        } catch (IOException | RuntimeException unreadable) {
            return null;        // scheduled for deletion, not JSON: not a database of the demo's
        }
    }

    private static boolean exists(Connection c, String database) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, database);
            return ps.executeQuery().next();
        }
    }

    @Override
    public void close() {
        cluster.close();
    }
}
