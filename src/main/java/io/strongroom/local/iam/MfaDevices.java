package io.strongroom.local.iam;

import io.strongroom.local.crypto.Aead;
import io.strongroom.local.crypto.RootKey;
import io.strongroom.local.storage.Database;
import io.strongroom.local.wire.AwsException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * IAM virtual MFA devices: created with a random seed (sealed by the root key, handed out once,
 * in CreateVirtualMFADevice's answer), enabled for a user with two consecutive codes, and
 * checked for STS. A code is accepted one step either side of now, and once: a code as old as
 * or older than the last one accepted is refused, so a code seen once cannot be replayed.
 */
public final class MfaDevices {

    /** A device as listed: its serial number, the user it is enabled for (null if none) and since when. */
    public record Device(String serialNumber, String accountId, String userName, Instant enabledAt, Instant createdAt) {}

    /** CreateVirtualMFADevice's answer: the only time the seed leaves the store. */
    public record Created(String serialNumber, String base32Seed) {
        @Override
        public String toString() {
            return "Created[" + serialNumber + "]";
        }
    }

    /** The outcome of checking a code for STS. */
    public enum Check { VALID, NOT_THE_USERS_DEVICE, INVALID_CODE }

    private static final int SEED_BYTES = 40;

    private final Database db;
    private final RootKey rootKey;

    MfaDevices(Database db, RootKey rootKey) {
        this.db = db;
        this.rootKey = rootKey;
    }

    public static String serialNumber(String accountId, String path, String name) {
        return "arn:aws:iam::" + accountId + ":mfa" + path + name;
    }

    public Created create(String accountId, String path, String name, Instant now) {
        String serial = serialNumber(accountId, path, name);
        byte[] seed = Aead.randomBytes(SEED_BYTES);
        db.write(c -> {
            if (row(c, serial).isPresent()) {
                throw IamErrors.alreadyExists("MFADevice entity at the same path and name already exists.");
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO iam_mfa_devices(serial_number, account_id, device_name, path, seed_sealed, created_at)
                    VALUES (?,?,?,?,?,?)""")) {
                ps.setString(1, serial);
                ps.setString(2, accountId);
                ps.setString(3, name);
                ps.setString(4, path);
                ps.setBytes(5, rootKey.seal(seed, sealPurpose(serial)));
                ps.setLong(6, now.toEpochMilli());
                ps.executeUpdate();
            }
            return null;
        });
        return new Created(serial, Totp.base32(seed));
    }

    /** Enables a device of the account for {@code userName}, given two consecutive codes. */
    public void enable(String accountId, String userName, String serial, String code1, String code2, Instant now) {
        db.write(c -> {
            Row row = row(c, serial).filter(r -> r.device().accountId().equals(accountId))
                    .orElseThrow(() -> IamErrors.noSuchEntity("VirtualMFADevice with serial number " + serial + " doesn't exist."));
            if (row.device().userName() != null) {
                throw IamErrors.alreadyExists("MFA Device is already in use.");
            }
            byte[] seed = rootKey.open(row.sealedSeed(), sealPurpose(serial));
            long now30 = Totp.step(now);
            Long accepted = null;
            for (long step = now30 - 1; step <= now30 + 1 && accepted == null; step++) {
                if (Totp.matches(seed, step - 1, code1) && Totp.matches(seed, step, code2)) {
                    accepted = step;
                }
            }
            if (accepted == null) {
                throw new AwsException("InvalidAuthenticationCode", 403, "Authentication code for device is not valid.");
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE iam_mfa_devices SET user_name=?, enabled_at=?, last_used_step=? WHERE serial_number=?")) {
                ps.setString(1, userName);
                ps.setLong(2, now.toEpochMilli());
                ps.setLong(3, accepted);
                ps.setString(4, serial);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** The account's devices enabled for {@code userName}; every device of the account when null. */
    public List<Device> list(String accountId, String userName) {
        return db.read(c -> {
            List<Device> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT serial_number, account_id, user_name, enabled_at, created_at FROM iam_mfa_devices
                    WHERE account_id=? ORDER BY serial_number""")) {
                ps.setString(1, accountId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Device d = device(rs);
                        if (userName == null || userName.equals(d.userName())) {
                            out.add(d);
                        }
                    }
                }
            }
            return out;
        });
    }

    public void deactivate(String accountId, String userName, String serial) {
        db.write(c -> {
            Row row = row(c, serial).filter(r -> r.device().accountId().equals(accountId) && userName.equals(r.device().userName()))
                    .orElseThrow(() -> IamErrors.noSuchEntity("MFA Device with serial number " + serial + " does not exist."));
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE iam_mfa_devices SET user_name=NULL, enabled_at=NULL, last_used_step=NULL WHERE serial_number=?")) {
                ps.setString(1, row.device().serialNumber());
                ps.executeUpdate();
            }
            return null;
        });
    }

    public void delete(String accountId, String serial) {
        db.write(c -> {
            Row row = row(c, serial).filter(r -> r.device().accountId().equals(accountId))
                    .orElseThrow(() -> IamErrors.noSuchEntity("VirtualMFADevice with serial number " + serial + " doesn't exist."));
            if (row.device().userName() != null) {
                throw IamErrors.deleteConflict("MFA device is still enabled for a user: deactivate it first.");
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM iam_mfa_devices WHERE serial_number=?")) {
                ps.setString(1, serial);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Checks a code of the device {@code serial} for the user {@code userArn} (STS's
     * SerialNumber and TokenCode), and uses it up when valid.
     */
    public Check verify(String userArn, String serial, String code, Instant now) {
        return db.write(c -> {
            Optional<Row> found = row(c, serial);
            if (found.isEmpty() || found.get().device().userName() == null) {
                return Check.NOT_THE_USERS_DEVICE;
            }
            Row row = found.get();
            // the user's ARN, whatever its path: arn:aws:iam::ACCOUNT:user/[PATH/]NAME
            if (!userArn.startsWith("arn:aws:iam::" + row.device().accountId() + ":user/")
                    || !userArn.endsWith("/" + row.device().userName())) {
                return Check.NOT_THE_USERS_DEVICE;
            }
            byte[] seed = rootKey.open(row.sealedSeed(), sealPurpose(serial));
            long now30 = Totp.step(now);
            for (long step = now30 - 1; step <= now30 + 1; step++) {
                if (Totp.matches(seed, step, code)) {
                    if (row.lastUsedStep() != null && step <= row.lastUsedStep()) {
                        return Check.INVALID_CODE;              // used already, or older than one that was
                    }
                    try (PreparedStatement ps = c.prepareStatement("UPDATE iam_mfa_devices SET last_used_step=? WHERE serial_number=?")) {
                        ps.setLong(1, step);
                        ps.setString(2, serial);
                        ps.executeUpdate();
                    }
                    return Check.VALID;
                }
            }
            return Check.INVALID_CODE;
        });
    }

    private record Row(Device device, byte[] sealedSeed, Long lastUsedStep) {}

    private static Optional<Row> row(Connection c, String serial) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT serial_number, account_id, user_name, enabled_at, created_at, seed_sealed, last_used_step
                FROM iam_mfa_devices WHERE serial_number=?""")) {
            ps.setString(1, serial);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long last = rs.getLong(7);
                Long lastUsed = rs.wasNull() ? null : last;
                return Optional.of(new Row(device(rs), rs.getBytes(6), lastUsed));
            }
        }
    }

    private static Device device(ResultSet rs) throws SQLException {
        long enabled = rs.getLong(4);
        Instant enabledAt = rs.wasNull() ? null : Instant.ofEpochMilli(enabled);
        return new Device(rs.getString(1), rs.getString(2), rs.getString(3), enabledAt, Instant.ofEpochMilli(rs.getLong(5)));
    }

    private static String sealPurpose(String serial) {
        return "mfa-seed:" + serial;
    }
}
