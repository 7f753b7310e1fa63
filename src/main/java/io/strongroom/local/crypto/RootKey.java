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

    public static RootKey loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
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

    private static void createOwnerOnly(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(Set.of(
                    java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                    java.nio.file.attribute.PosixFilePermission.OWNER_WRITE)));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
    }

    public byte[] seal(byte[] plaintext, String purpose) {
        return Aead.seal(key, plaintext, purpose.getBytes(StandardCharsets.UTF_8));
    }

    public byte[] open(byte[] sealed, String purpose) {
        return Aead.open(key, sealed, purpose.getBytes(StandardCharsets.UTF_8));
    }
}
