package io.strongroom.local.audit;

import io.strongroom.local.crypto.RootKey;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Collection;

/**
 * The audit trail's MACs: HMAC-SHA256 with a key derived from the store's root key (HKDF, label
 * {@value #LABEL}). The root key lives outside the database, so someone who can edit the SQLite
 * file cannot compute a MAC for what they change. Each MAC covers an unambiguous encoding
 * ({@link Canonical}) of one kind of record, named first so that no record's MAC stands for
 * another kind's:
 * <ul>
 * <li>an event: every stored column (its seq and its link to its predecessor included), its
 *     further resources, and its predecessor's MAC;
 * <li>a chain head: the chain's count, newest event and retention anchor;
 * <li>the chain list: every head's MAC and every recorded break, so that a whole chain, or the
 *     record of a break, cannot be removed unseen;
 * <li>a break: what the store found wrong when it started.
 * </ul>
 *
 * <p>What no MAC inside the file can show: the audit tables put back whole from an older copy
 * (every chain, head, break and the list rolled back together), or all of them removed at once
 * with the list's MAC (which then looks like a store that never recorded anything). Seeing those
 * needs a witness outside the database, such as the newest chain-list MAC kept elsewhere.
 * Events stored before schema 5 are vouched for from the migration on, not before it.
 */
public final class AuditChain {

    static final String LABEL = "strongroom audit trail v1: HMAC-SHA256 chain";
    static final int MAC_BYTES = 32;

    private final ThreadLocal<Mac> mac;
    private final ThreadLocal<Canonical> buffer = ThreadLocal.withInitial(Canonical::new);

    AuditChain(byte[] key) {
        byte[] k = key.clone();
        this.mac = ThreadLocal.withInitial(() -> {
            try {
                Mac m = Mac.getInstance("HmacSHA256");
                m.init(new SecretKeySpec(k, "HmacSHA256"));
                return m;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", e);
            }
        });
    }

    /** The chain's MACs under the key derived from {@code rootKey}. */
    public static AuditChain of(RootKey rootKey) {
        return new AuditChain(rootKey.derive(LABEL));
    }

    /** The MAC of {@code row} following an event whose MAC is {@code previous}. */
    byte[] event(EventRow row, byte[] previous) {
        Canonical c = buffer.get().reset("event");
        row.encode(c);
        c.putBytes(previous);
        return compute(c);
    }

    byte[] head(ChainHead head) {
        Canonical c = buffer.get().reset("chain-head");
        head.encode(c);
        return compute(c);
    }

    /** The MAC of the chain list: every chain's head MAC ({@link #head}) in chain order, then the breaks' MACs in order. */
    byte[] chainList(Collection<byte[]> headMacsInOrder, Collection<byte[]> breakMacs) {
        Canonical c = buffer.get().reset("chain-list");
        c.putCount(headMacsInOrder.size());
        for (byte[] h : headMacsInOrder) {
            c.putBytes(h);
        }
        c.putCount(breakMacs.size());
        for (byte[] b : breakMacs) {
            c.putBytes(b);
        }
        return compute(c);
    }

    /** {@link #chainList} of heads whose MACs are still to be computed. */
    byte[] chainListOf(Collection<ChainHead> headsInOrder, Collection<byte[]> breakMacs) {
        java.util.List<byte[]> macs = new java.util.ArrayList<>(headsInOrder.size());
        for (ChainHead h : headsInOrder) {
            macs.add(head(h));
        }
        return chainList(macs, breakMacs);
    }

    byte[] chainBreak(long seq, long foundAtMillis, String accountId, String region, String description) {
        Canonical c = buffer.get().reset("break");
        c.putLong(seq);
        c.putLong(foundAtMillis);
        c.putText(accountId);
        c.putText(region);
        c.putText(description);
        return compute(c);
    }

    private byte[] compute(Canonical c) {
        Mac m = mac.get();
        m.update(c.buffer(), 0, c.length());
        return m.doFinal();
    }

    /** Compares in constant time (a MAC check should not tell by its timing how much matched). */
    static boolean same(byte[] a, byte[] b) {
        return a != null && b != null && MessageDigest.isEqual(a, b);
    }
}
