package io.tideline.analytics.report;

import java.time.Instant;

/** A kept report, without its content. */
public record StoredReport(String reportId, ReportKind kind, ReportFormat format, String scope, Instant periodFrom,
                           Instant periodTo, String schedule, String contentType, long size, Instant createdAt) {
}
