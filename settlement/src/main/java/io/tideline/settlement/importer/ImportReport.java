package io.tideline.settlement.importer;

import java.util.List;

/**
 * What an import did (or, dry or stats-only, would do). Fills: {@code fillsRead} in Redis, {@code duplicatesInRedis}
 * listed twice there under one (venue, order id, trade id), {@code fillsInserted} new in PostgreSQL,
 * {@code fillsAlreadyRecorded} known there already, {@code fillsInvalid} unreadable (see {@code problems}).
 */
public record ImportReport(boolean dryRun, boolean statsOnly, String keyPrefix, int sessionsInRedis,
                           int sessionsAlreadyImported, int sessionsPending, int sessionsImported, int sessionsFailed,
                           int ordersRead, int fillsRead, int duplicatesInRedis, int fillsInvalid, int fillsInserted,
                           int fillsAlreadyRecorded, List<String> pairs, List<SessionImport> sessions,
                           List<String> problems, long durationMillis) {

    /** One session's part. */
    public record SessionImport(String sessionId, String outcome, List<String> pairs, int orders, int fills,
                                int duplicatesInRedis, int invalid, int inserted, int alreadyRecorded) {
    }
}
