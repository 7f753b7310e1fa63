package io.strongroom.ui.audit;

import io.strongroom.domain.AuditRecord;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who read what: for every principal and secret, how many times the principal read the secret's
 * value in the events given, and how many of its attempts failed. A BatchGetSecretValue is
 * logged with a GetSecretValue event for each secret it returned (as AWS does), so reads are
 * counted from the GetSecretValue events; a BatchGetSecretValue counts only when the call
 * itself failed (then no secret was returned). The {@link Snapshot} keeps the principals and the secrets with the most reads (and says
 * how many more there are), so the matrix stays readable over thousands of events; the events
 * behind any cell are at hand for the drill-down. No scene classes; used on one thread at a time.
 */
public final class MatrixModel {

    public static final int DEFAULT_TOP_PRINCIPALS = 15;
    public static final int DEFAULT_TOP_SECRETS = 10;

    /**
     * A principal or a secret: its key ({@link AuditRecord#principal()}, or the secret's ARN), the
     * short label shown, and its value reads and failed attempts across every secret (or principal).
     */
    public record Line(String key, String label, int reads, int failed) {}

    /** One principal and one secret: the value reads that succeeded, those that failed, and how many of those were refused. */
    public record Cell(int reads, int failed, int denied) {
        public static final Cell EMPTY = new Cell(0, 0, 0);

        public boolean isEmpty() {
            return reads == 0 && failed == 0;
        }
    }

    /**
     * The matrix as it stands: the top principals and secrets, most reads first, every cell among
     * them, the most reads in one cell, and how many principals and secrets were left out.
     */
    public record Snapshot(List<Line> principals, List<Line> secrets, Map<String, Cell> cells, int maxReads,
                           int morePrincipals, int moreSecrets, int totalReads, int totalFailed) {

        public static final Snapshot EMPTY = new Snapshot(List.of(), List.of(), Map.of(), 0, 0, 0, 0, 0);

        public Cell cell(Line principal, Line secret) {
            return cells.getOrDefault(cellKey(principal.key(), secret.key()), Cell.EMPTY);
        }

        public boolean isEmpty() {
            return principals.isEmpty();
        }

        /**
         * How hot a cell is, 0 (no read) to 1 (the most read cell), on a log scale, so one
         * principal's thousand reads do not wash every other cell out.
         */
        public double heat(Cell cell) {
            if (cell.reads() == 0 || maxReads == 0) {
                return 0;
            }
            return 0.12 + 0.88 * Math.log1p(cell.reads()) / Math.log1p(maxReads);
        }
    }

    private static final Comparator<Line> MOST_READ = Comparator.comparingInt(Line::reads).reversed()
            .thenComparing(Comparator.comparingInt(Line::failed).reversed()).thenComparing(Line::label);

    private final int topPrincipals;
    private final int topSecrets;
    /** principal → secret → its value-read events and their counts. */
    private final Map<String, Map<String, Pair>> events = new HashMap<>();
    /** Reads and failed attempts per principal, and per secret, kept as events come, so a snapshot costs little. */
    private final Map<String, int[]> principalTotals = new HashMap<>();
    private final Map<String, int[]> secretTotals = new HashMap<>();
    /** The short label of each principal and secret, made once. */
    private final Map<String, String> labels = new HashMap<>();
    private int totalReads;
    private int totalFailed;
    private final ReadOnlyObjectWrapper<Snapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot", Snapshot.EMPTY);

    public MatrixModel() {
        this(DEFAULT_TOP_PRINCIPALS, DEFAULT_TOP_SECRETS);
    }

    /** Keeps {@code topPrincipals} principals and {@code topSecrets} secrets in the snapshot. */
    public MatrixModel(int topPrincipals, int topSecrets) {
        if (topPrincipals < 1 || topSecrets < 1) {
            throw new IllegalArgumentException("at least one principal and one secret are shown");
        }
        this.topPrincipals = topPrincipals;
        this.topSecrets = topSecrets;
    }

    public ReadOnlyObjectProperty<Snapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public Snapshot snapshot() {
        return snapshot.get();
    }

    /** The matrix of {@code records} (the events it had before are dropped). */
    public void setRecords(Collection<AuditRecord> records) {
        forget();
        if (!add(records)) {
            snapshot.set(Snapshot.EMPTY);
        }
    }

    /** Counts {@code records} too. */
    public void addRecords(Collection<AuditRecord> records) {
        add(records);
    }

    /** Counts {@code records}; whether any counted (then the snapshot is new). */
    private boolean add(Collection<AuditRecord> records) {
        boolean changed = false;
        for (AuditRecord r : records) {
            String secret = counted(r) ? AuditText.secretOf(r) : null;
            if (secret != null) {
                events.computeIfAbsent(r.principal(), p -> new HashMap<>()).computeIfAbsent(secret, s -> new Pair()).add(r);
                int read = r.failed() ? 0 : 1;
                add(principalTotals, r.principal(), read);
                add(secretTotals, secret, read);
                totalReads += read;
                totalFailed += 1 - read;
                changed = true;
            }
        }
        if (changed) {
            snapshot.set(compute());
        }
        return changed;
    }

    public void clear() {
        forget();
        snapshot.set(Snapshot.EMPTY);
    }

    /** The value-read events of {@code principal} on {@code secret} (keys of the lines), newest first. */
    public List<AuditRecord> events(String principal, String secret) {
        Pair pair = events.getOrDefault(principal, Map.of()).get(secret);
        List<AuditRecord> out = pair == null ? new ArrayList<>() : new ArrayList<>(pair.events);
        out.sort(EventListing.NEWEST_FIRST);
        return out;
    }

    /** A GetSecretValue (one a secret, batch or not), or a BatchGetSecretValue that failed as a whole. */
    static boolean counted(AuditRecord r) {
        return r.eventName().equals("GetSecretValue") || (r.eventName().equals("BatchGetSecretValue") && r.failed());
    }

    private void forget() {
        events.clear();
        principalTotals.clear();
        secretTotals.clear();
        labels.clear();
        totalReads = 0;
        totalFailed = 0;
    }

    private Snapshot compute() {
        List<Line> principals = lines(principalTotals, true);
        List<Line> secrets = lines(secretTotals, false);
        List<Line> topP = List.copyOf(principals.subList(0, Math.min(topPrincipals, principals.size())));
        List<Line> topS = List.copyOf(secrets.subList(0, Math.min(topSecrets, secrets.size())));
        Map<String, Cell> shown = new LinkedHashMap<>();
        int max = 0;
        for (Line p : topP) {
            Map<String, Pair> row = events.getOrDefault(p.key(), Map.of());
            for (Line s : topS) {
                Pair pair = row.get(s.key());
                if (pair != null) {
                    shown.put(cellKey(p.key(), s.key()), pair.cell());
                    max = Math.max(max, pair.reads);
                }
            }
        }
        return new Snapshot(topP, topS, Map.copyOf(shown), max, principals.size() - topP.size(), secrets.size() - topS.size(),
                totalReads, totalFailed);
    }

    private static void add(Map<String, int[]> totals, String key, int read) {
        int[] t = totals.computeIfAbsent(key, k -> new int[2]);
        t[0] += read;
        t[1] += 1 - read;
    }

    /** One principal's value-read events on one secret, counted as they come. */
    private static final class Pair {
        final List<AuditRecord> events = new ArrayList<>();
        int reads;
        int failed;
        int denied;

        void add(AuditRecord r) {
            events.add(r);
            if (r.failed()) {
                failed++;
                denied += r.accessDenied() ? 1 : 0;
            } else {
                reads++;
            }
        }

        Cell cell() {
            return new Cell(reads, failed, denied);
        }
    }

    private List<Line> lines(Map<String, int[]> totals, boolean principals) {
        List<Line> out = new ArrayList<>(totals.size());
        totals.forEach((key, t) -> out.add(new Line(key, labels.computeIfAbsent(key,
                k -> principals ? AuditText.shortPrincipal(k) : AuditText.secretName(k)), t[0], t[1])));
        out.sort(MOST_READ);
        return out;
    }

    private static String cellKey(String principal, String secret) {
        return principal + '\u0000' + secret;
    }
}
