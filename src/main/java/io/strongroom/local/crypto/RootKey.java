package io.strongroom.local.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The key that seals everything else the store keeps secret: KMS key material and local
 * secret access keys. It lives in its own file beside the database, never in it, created
 * with owner-only permissions where the file system supports them, so that a copy of the
 * database alone reveals nothing.
 */
public final class RootKey {

    private final byte[] key;

    private RootKey(byte[] key) {
        this.key = key;
    }

    /**
     * The root key in {@code file}, which must exist: for tools that read a store without
     * starting it (such as {@code strongroom audit verify}) and must never make a new key.
     */
    public static RootKey load(Path file) {
        try {
            if (Files.isSymbolicLink(file) || !Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw new IllegalStateException("there is no root key file " + file);
            }
            refuseIfOthersCanUse(file);
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length != Aead.KEY_BYTES) {
                throw new IllegalStateException("root key file " + file + " is damaged (wrong length)");
            }
            return new RootKey(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the root key " + file, e);
        }
    }

    public static RootKey loadOrCreate(Path file) {
        try {
            if (Files.isSymbolicLink(file)) {
                throw new IllegalStateException("the root key " + file + " is a symbolic link: the key that seals every KMS key "
                        + "and access key of the store must be a file of its own in the data directory. Replace the link with the file.");
            }
            if (Files.exists(file)) {
                if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    throw new IllegalStateException("the root key " + file + " is not a regular file");
                }
                refuseIfOthersCanUse(file);
                byte[] bytes = Files.readAllBytes(file);
                if (bytes.length != Aead.KEY_BYTES) {
                    throw new IllegalStateException("root key file " + file + " is damaged (wrong length)");
                }
                return new RootKey(bytes);
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] fresh = Aead.newKey();
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            createOwnerOnly(tmp);
            Files.write(tmp, fresh, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            try {
                Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException raced) {
                Files.deleteIfExists(tmp);
                return loadOrCreate(file);
            }
            return new RootKey(fresh);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the root key " + file, e);
        }
    }

    /**
     * The root key seals every KMS key and access key of the store: a copy of it and of the
     * database reveals every secret. One that group or others may read, write or run was exposed,
     * and the store will not use it until its owner has looked: it is never quietly fixed.
     */
    private static void refuseIfOthersCanUse(Path file) throws IOException {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        java.util.Set<java.nio.file.attribute.PosixFilePermission> mode = Files.getPosixFilePermissions(file,
                java.nio.file.LinkOption.NOFOLLOW_LINKS);
        boolean open = mode.stream().anyMatch(p -> !p.name().startsWith("OWNER_"));
        if (open) {
            throw new IllegalStateException("the root key " + file + " is open to other users (its mode is "
                    + PosixFilePermissions.toString(mode) + "). It seals every KMS key and access key of the store, so the store "
                    + "will not start with it: anyone who could read it, with a copy of the database, can read every secret. "
                    + "If others may have read it, treat the store's secrets as exposed. Then make it yours alone: chmod 600 " + file);
        }
    }

    private static void createOwnerOnly(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(Set.of(
                    java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                    java.nio.file.attribute.PosixFilePermission.OWNER_WRITE)));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
    }

    /**
     * Checks this key against a database: the first time, stores a value sealed with it; after
     * that, insists the stored value opens. A store whose root.key was lost or swapped refuses
     * to start instead of failing on every read later.
     */
    public void verifyAgainst(io.strongroom.local.storage.Database db, java.nio.file.Path keyFile) {
        byte[] check = CHECK_VALUE.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] stored = db.read(RootKey::storedCheck);
        if (stored == null) {
            byte[] sealed = seal(check, "root-key-check");
            db.write(c -> {
                try (var ps = c.prepareStatement("INSERT OR IGNORE INTO store_meta(name, value) VALUES ('root-key-check', ?)")) {
                    ps.setBytes(1, sealed);
                    ps.executeUpdate();
                }
                return null;
            });
            return;
        }
        try {
            if (!java.util.Arrays.equals(check, open(stored, "root-key-check"))) {
                throw new CryptoException("root key check value differs", null);
            }
        } catch (CryptoException e) {
            throw new IllegalStateException("the root key " + keyFile + " does not belong to the database " + db.file()
                    + ": it was lost or replaced. Restore the original root.key (kept outside the database on purpose), "
                    + "or start with an empty data directory.", e);
        }
    }

    private static final String CHECK_VALUE = "strongroom root key check";

    /** The check value a database keeps sealed with its root key (see {@link #verifyAgainst}), or null before it has one. */
    public static byte[] storedCheck(java.sql.Connection c) throws java.sql.SQLException {
        try (var ps = c.prepareStatement("SELECT value FROM store_meta WHERE name='root-key-check'"); var rs = ps.executeQuery()) {
            return rs.next() ? rs.getBytes(1) : null;
        }
    }

    /**
     * Whether this key sealed {@code storedCheck} (see {@link #storedCheck}); true when there is
     * none yet, since a database that never met a root key cannot belong to another one.
     */
    public boolean opensCheck(byte[] storedCheck) {
        if (storedCheck == null) {
            return true;
        }
        try {
            return java.util.Arrays.equals(CHECK_VALUE.getBytes(StandardCharsets.UTF_8), open(storedCheck, "root-key-check"));
        } catch (CryptoException e) {
            return false;
        }
    }

    /**
     * A key for one purpose, derived from this one with HKDF-SHA256 (RFC 5869) and {@code label}
     * as the info: the root key itself is only ever used to seal and to derive, and a derived
     * key reveals nothing of it or of keys derived with other labels.
     */
    public byte[] derive(String label) {
        try {
            javax.crypto.Mac extract = javax.crypto.Mac.getInstance("HmacSHA256");
            extract.init(new javax.crypto.spec.SecretKeySpec("strongroom-hkdf-salt-v1".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] prk = extract.doFinal(key);
            javax.crypto.Mac expand = javax.crypto.Mac.getInstance("HmacSHA256");
            expand.init(new javax.crypto.spec.SecretKeySpec(prk, "HmacSHA256"));
            expand.update(label.getBytes(StandardCharsets.UTF_8));
            expand.update((byte) 1);
            return expand.doFinal();            // one block: 32 bytes, all HMAC-SHA256 needs
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", e);
        }
    }

    public byte[] seal(byte[] plaintext, String purpose) {
        return Aead.seal(key, plaintext, purpose.getBytes(StandardCharsets.UTF_8));
    }

    public byte[] open(byte[] sealed, String purpose) {
        return Aead.open(key, sealed, purpose.getBytes(StandardCharsets.UTF_8));
    }
}
