package io.tideline.analytics.report;

/** What a report is about. */
public enum ReportKind {
    /** A scope's figures, attribution, series and risk over a period. */
    PORTFOLIO,
    /** Tax lots of the prediction-market and perp trades. */
    TAX_LOTS
}
