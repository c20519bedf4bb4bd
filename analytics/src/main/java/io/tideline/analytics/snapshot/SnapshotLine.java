package io.tideline.analytics.snapshot;

import io.tideline.analytics.portfolio.Figures;
import java.time.Instant;

/** One scope's figures in one snapshot: a point of the time series. */
public record SnapshotLine(long snapshotId, Instant takenAt, Level level, String scope, String book, Figures figures) {
}
