package io.tideline.analytics.report;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A report as CSV (RFC 4180): each section is a title line, a header row and its rows, sections separated by an empty
 * line; money in plain notation with its full scale; text that a spreadsheet would run as a formula is prefixed with
 * an apostrophe.
 */
public final class CsvReport {

    private CsvReport() {
    }

    public static byte[] write(List<ReportRows.Section> sections) {
        StringBuilder out = new StringBuilder();
        for (int s = 0; s < sections.size(); s++) {
            ReportRows.Section section = sections.get(s);
            if (s > 0) {
                out.append("\r\n");
            }
            out.append(cell(section.title())).append("\r\n");
            line(out, List.copyOf(section.columns()));
            for (List<Object> row : section.rows()) {
                line(out, row);
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            out.append(i == 0 ? "" : ",").append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Double || value instanceof Number) {
            return value.toString();
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
