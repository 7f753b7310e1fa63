package io.strongroom.local.replication;

import io.strongroom.local.storage.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The {@code secret_replicas} table (schema 6): a primary's side of each of its replica links. */
final class ReplicationLinks {

    private static final String COLUMNS = "primary_arn, region, kms_key_ref, status, status_message, generation, force_overwrite, added_at";

    private final Database db;

    ReplicationLinks(Database db) {
        this.db = db;
    }

    /** The primary's links in the order their regions were added. */
    List<ReplicaLink> of(String primaryArn) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM secret_replicas WHERE primary_arn=?"
                    + " ORDER BY position")) {
                ps.setString(1, primaryArn);
                return list(ps);
            }
        });
    }

    /** Whether the secret is a primary with at least one link (the question every write of every secret asks). */
    boolean hasAny(String primaryArn) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM secret_replicas WHERE primary_arn=? LIMIT 1")) {
                ps.setString(1, primaryArn);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** Every primary that replicates anywhere; those with unfinished replications first. */
    List<String> primaries() {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT primary_arn FROM secret_replicas GROUP BY primary_arn"
                    + " ORDER BY MAX(status = 'InProgress') DESC, primary_arn");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    /**
     * Adds a region, or asks again for one already there (a retry): InProgress, with the key and
     * overwrite choice of this request, at the next generation.
     */
    void request(String primaryArn, String region, String kmsKeyRef, boolean forceOverwrite, Instant now) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO secret_replicas(primary_arn, region, kms_key_ref, status, status_message, generation, force_overwrite,
                        added_at, changed_at, position) VALUES (?,?,?,'InProgress',NULL,1,?,?,?,
                        (SELECT COALESCE(MAX(position), 0) + 1 FROM secret_replicas WHERE primary_arn = ?))
                    ON CONFLICT(primary_arn, region) DO UPDATE SET kms_key_ref=excluded.kms_key_ref, status='InProgress',
                        status_message=NULL, generation=generation+1, force_overwrite=excluded.force_overwrite,
                        changed_at=excluded.changed_at""")) {
                ps.setString(1, primaryArn);
                ps.setString(2, region);
                ps.setString(3, kmsKeyRef);
                ps.setInt(4, forceOverwrite ? 1 : 0);
                ps.setLong(5, now.toEpochMilli());
                ps.setLong(6, now.toEpochMilli());
                ps.setString(7, primaryArn);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** A change of the primary to carry: every link goes InProgress at its next generation. Returns how many links. */
    int changed(String primaryArn, Instant now) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE secret_replicas SET status='InProgress', status_message=NULL,"
                    + " generation=generation+1, changed_at=? WHERE primary_arn=?")) {
                ps.setLong(1, now.toEpochMilli());
                ps.setString(2, primaryArn);
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Settles a link's status, only if no change was asked for since {@code generation} was read
     * (a newer change keeps it InProgress, for the run already queued). Returns whether it did.
     */
    boolean settle(String primaryArn, String region, long generation, String status, String message, Instant now) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE secret_replicas SET status=?, status_message=?, changed_at=?"
                    + " WHERE primary_arn=? AND region=? AND generation=?")) {
                ps.setString(1, status);
                ps.setString(2, message);
                ps.setLong(3, now.toEpochMilli());
                ps.setString(4, primaryArn);
                ps.setString(5, region);
                ps.setLong(6, generation);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Removes a link; returns whether there was one. */
    boolean remove(String primaryArn, String region) {
        return db.write(c -> delete(c, primaryArn, region));
    }

    private static boolean delete(Connection c, String primaryArn, String region) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM secret_replicas WHERE primary_arn=? AND region=?")) {
            ps.setString(1, primaryArn);
            ps.setString(2, region);
            return ps.executeUpdate() == 1;
        }
    }

    private static List<ReplicaLink> list(PreparedStatement ps) throws SQLException {
        List<ReplicaLink> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new ReplicaLink(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getLong(6), rs.getInt(7) == 1, Instant.ofEpochMilli(rs.getLong(8))));
            }
        }
        return out;
    }
}
