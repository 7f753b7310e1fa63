package io.strongroom.ui.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * A side-by-side line diff of two texts (the stored policy and the one being edited), by the
 * longest common subsequence of their lines: each row holds a line of the left, of the right, or
 * of both. Policies are small (20,480 characters at most), so the quadratic table is cheap.
 */
public final class LineDiff {

    public enum Change {
        SAME, REMOVED, ADDED
    }

    /**
     * One row: a line present on the left ({@code leftNumber} 1-based, else 0), on the right, or on both.
     */
    public record Row(Change change, int leftNumber, String left, int rightNumber, String right) {}

    private LineDiff() {
    }

    public static List<Row> of(String left, String right) {
        String[] a = lines(left);
        String[] b = lines(right);
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Row> rows = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                rows.add(new Row(Change.SAME, i + 1, a[i], j + 1, b[j]));
                i++;
                j++;
            } else if (j < b.length && (i == a.length || lcs[i][j + 1] > lcs[i + 1][j])) {
                // on a tie the removal comes first, as diffs read: the old line, then what replaced it
                rows.add(new Row(Change.ADDED, 0, null, j + 1, b[j]));
                j++;
            } else {
                rows.add(new Row(Change.REMOVED, i + 1, a[i], 0, null));
                i++;
            }
        }
        return rows;
    }

    /** Whether the two texts differ in any line. */
    public static boolean differs(List<Row> rows) {
        return rows.stream().anyMatch(r -> r.change() != Change.SAME);
    }

    private static String[] lines(String text) {
        if (text == null || text.isEmpty()) {
            return new String[0];
        }
        return text.split("\r?\n", -1);
    }
}
