package io.tideline.analytics.report;

/** A made report: its bytes, content type and a file name. */
public record ReportFile(String fileName, String contentType, byte[] content) {
}
