package io.tideline.gateway.dashboard;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * analytics' report routes in {@link DashboardStandIn}: a report made on request is a file of its format (CSV text
 * that repeats the query it was made for, an XLSX that is a zip, a PDF) with the content type and
 * {@code Content-Disposition} analytics sends; two kept reports (48,213 and 9,876 bytes) and their files.
 */
final class StandInReports {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    record File(int status, String contentType, String fileName, byte[] content) {
    }

    File answer(String method, String path, String query) {
        if (method.equals("POST") && path.equals("/api/v1/reports/scheduled/run")) {
            return json(200, "{\"kept\":2}");
        }
        if (!method.equals("GET")) {
            return json(405, "{\"status\":405}");
        }
        Map<String, String> q = params(query);
        return switch (path) {
            case "/api/v1/reports" -> json(200, """
                    {"reports":[
                    {"reportId":"daily-portfolio-desk-2026-12-05-pdf","kind":"PORTFOLIO","format":"PDF","scope":"desk",
                    "periodFrom":"2026-12-05T00:00:00Z","periodTo":"2026-12-06T00:00:00Z","schedule":"DAILY",
                    "contentType":"application/pdf","size":48213,"createdAt":"2026-12-06T00:05:00Z"},
                    {"reportId":"weekly-tax-lots-2026-w49-xlsx","kind":"TAX_LOTS","format":"XLSX","scope":null,
                    "periodFrom":"2026-11-30T00:00:00Z","periodTo":"2026-12-07T00:00:00Z","schedule":"WEEKLY",
                    "contentType":"%s","size":9876,"createdAt":"2026-12-01T00:05:00Z"}],
                    "next":null}""".formatted(XLSX));
            case "/api/v1/reports/portfolio", "/api/v1/reports/tax-lots" -> made(path.substring(path.lastIndexOf('/') + 1), q);
            case "/api/v1/reports/stored/daily-portfolio-desk-2026-12-05-pdf" ->
                    new File(200, "application/pdf", "daily-portfolio-desk-2026-12-05.pdf", pdf(48_213));
            default -> json(404, "{\"status\":404,\"title\":\"Not Found\"}");
        };
    }

    private static File made(String kind, Map<String, String> q) {
        String format = q.getOrDefault("format", "CSV");
        String name = kind + "-" + q.get("from").substring(0, 10) + "-" + q.get("to").substring(0, 10);
        return switch (format) {
            case "CSV" -> {
                StringBuilder csv = new StringBuilder("report," + kind + "\n");
                q.forEach((k, v) -> csv.append(k).append(',').append(v).append('\n'));
                csv.append("value,").append(DashboardStandIn.DESK_VALUE).append('\n');
                yield new File(200, "text/csv", name + ".csv", csv.toString().getBytes(StandardCharsets.UTF_8));
            }
            case "XLSX" -> new File(200, XLSX, name + ".xlsx", zip());
            case "PDF" -> new File(200, "application/pdf", name + ".pdf", pdf(2_000));
            default -> json(400, "{\"status\":400,\"title\":\"Bad Request\",\"detail\":\"format\"}");
        };
    }

    private static byte[] pdf(int size) {
        byte[] out = new byte[size];
        byte[] head = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        java.util.Arrays.fill(out, (byte) ' ');
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(tail, 0, out, size - tail.length, tail.length);
        return out;
    }

    /** A real zip (what an XLSX is) holding one entry. */
    private static byte[] zip() {
        var bytes = new java.io.ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("xl/workbook.xml"));
            zip.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    private static File json(int status, String json) {
        return new File(status, "application/json", null, json.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> params(String query) {
        Map<String, String> q = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                q.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return q;
    }
}
