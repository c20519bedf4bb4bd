package io.tideline.e2e.chaos;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table with a heading, its columns sized to their widest cell; a row can be marked as a failure. */
final class Table {

    private final String title;
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();
    private final List<Boolean> failed = new ArrayList<>();

    Table(String title, String... header) {
        this.title = title;
        this.header = List.of(header);
    }

    void row(boolean bad, Object... cells) {
        List<String> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(String.valueOf(cell));
        }
        rows.add(row);
        failed.add(bad);
    }

    boolean anyFailed() {
        return failed.contains(true);
    }

    void print(PrintStream out) {
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = header.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        out.printf("%n%s%n", title);
        out.println("   " + line(header, widths));
        for (int r = 0; r < rows.size(); r++) {
            out.println((failed.get(r) ? "!! " : "   ") + line(rows.get(r), widths));
        }
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            s.append(i == 0 ? String.format("%-" + widths[i] + "s", cells.get(i))
                    : String.format("  %" + widths[i] + "s", cells.get(i)));
        }
        return s.toString();
    }
}
