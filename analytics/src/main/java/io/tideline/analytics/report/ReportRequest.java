package io.tideline.analytics.report;

import io.tideline.analytics.lots.LotMethod;
import io.tideline.analytics.snapshot.Level;
import java.time.Instant;

/** What to report: kind, format, period, and the scope (portfolio) or lot method (tax lots). */
public record ReportRequest(ReportKind kind, ReportFormat format, Instant from, Instant to, Level level, String scope,
                            LotMethod method) {
}
