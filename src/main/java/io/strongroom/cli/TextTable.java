package io.strongroom.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** A plain-text table for a terminal: left-aligned columns, two spaces apart, each at most 60 wide (the last column is never padded). */
final class TextTable {

    static final int MAX_WIDTH = 60;

    private TextTable() {}

    /** Prints {@code rows} (the first is the header); a null cell prints as "-". */
    static void print(PrintWriter out, List<String[]> rows) {
        int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.min(MAX_WIDTH, Math.max(widths[i], row[i] == null ? 1 : row[i].length()));
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                String cell = row[i] == null ? "-" : row[i];
                line.append(i == row.length - 1 ? cell : String.format(Locale.ROOT, "%-" + widths[i] + "s  ", cell));
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
