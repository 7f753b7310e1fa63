package io.strongroom.ui.audit.secret;

import io.strongroom.domain.AuditRecord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Who last read a secret's value: of its events, the latest successful GetSecretValue or
 * BatchGetSecretValue of each principal, newest first. (The service gains
 * {@code AuditService.lastReaders} for the same answer; this works on events already read.)
 */
public final class LastReaders {

    private LastReaders() {}

    /** At most {@code max} readers of {@code secretArn} among {@code events} (any order), newest first. */
    public static List<AuditRecord> of(List<AuditRecord> events, String secretArn, int max) {
        List<AuditRecord> reads = new ArrayList<>();
        for (AuditRecord r : events) {
            if (r.valueRead() && !r.failed() && (secretArn == null || r.resourceArns().contains(secretArn))) {
                reads.add(r);
            }
        }
        reads.sort(Comparator.comparing(AuditRecord::time).reversed());
        Set<String> seen = new HashSet<>();
        List<AuditRecord> out = new ArrayList<>();
        for (AuditRecord r : reads) {
            if (out.size() >= max) {
                break;
            }
            if (seen.add(r.principal())) {
                out.add(r);
            }
        }
        return out;
    }
}
