package io.strongroom.local.secrets;

/**
 * The store could not seal a new version's value, or open a stored one, because its KMS key is
 * disabled, pending deletion or gone (or, on open, the sealed bytes do not verify). A persistence
 * failure, not an AWS answer: {@link SecretFinder} turns it into EncryptionFailure or
 * DecryptionFailure (see {@link SecretErrors#sealing}). Carries no secret material.
 */
final class SealingException extends RuntimeException {

    /** Which way the value was going when its KMS key could not be used. */
    enum Direction { SEAL, OPEN }

    private final Direction direction;

    SealingException(Direction direction) {
        super(direction == Direction.SEAL ? "cannot seal: the KMS key is unusable" : "cannot open: the KMS key is unusable or the value does not verify",
                null, false, false);
        this.direction = direction;
    }

    Direction direction() {
        return direction;
    }
}
