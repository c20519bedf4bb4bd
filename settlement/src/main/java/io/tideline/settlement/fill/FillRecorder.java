package io.tideline.settlement.fill;

import io.tideline.events.EventEnvelope;
import io.tideline.events.mm.FillRecorded;
import io.tideline.messaging.outbox.Outbox;
import io.tideline.messaging.sql.BlockingSql;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records fills that arrive through the API or the importer, in the caller's transaction: each new one is stored and
 * published as FillRecorded on mm.fills (through the outbox, with an id derived from the fill); a fill already known by
 * (venue, order id, trade id) changes nothing and is reported as a duplicate.
 */
public final class FillRecorder {

    private final BlockingSql sql;
    private final String service;

    public FillRecorder(BlockingSql sql, String service) {
        this.sql = sql;
        this.service = service;
    }

    /** Which of the fills were new (true) or duplicates (false), in order. */
    public List<Boolean> record(SqlConnection c, List<FillSubmission> fills, String source) {
        // Sessions first: one touch per (session, pair) with its latest fill time, in one round trip.
        Map<String, FillSubmission> latest = new LinkedHashMap<>();
        for (FillSubmission f : fills) {
            latest.merge(f.key(), f, (a, b) -> b.filledAt().isAfter(a.filledAt()) ? b : a);
        }
        List<Tuple> sessions = new ArrayList<>();
        for (FillSubmission f : latest.values()) {
            sessions.add(Tuple.from(Arrays.asList(f.sessionId(), f.venue(), f.pair(),
                    f.filledAt().atOffset(ZoneOffset.UTC), source)));
        }
        sql.batch(c, FillSql.TOUCH_SESSION, sessions);
        List<Tuple> rows = new ArrayList<>();
        for (FillSubmission f : fills) {
            rows.add(Tuple.from(Arrays.asList(f.sessionId(), f.pair(), f.venue(), f.orderId(), f.tradeId(),
                    f.side().name(), f.quantity(), f.price(), f.fee(), f.feeAsset(),
                    f.filledAt().atOffset(ZoneOffset.UTC), source)));
        }
        List<Boolean> created = new ArrayList<>(fills.size());
        List<EventEnvelope<FillRecorded>> events = new ArrayList<>();
        // executeBatch returns one row set per tuple: empty for a duplicate.
        var results = c.preparedQuery(FillSql.INSERT).executeBatch(rows).await().atMost(sql.timeout());
        int i = 0;
        for (var set = results; set != null && i < fills.size(); set = set.next(), i++) {
            boolean isNew = set.rowCount() == 1;
            created.add(isNew);
            if (isNew) {
                FillSubmission f = fills.get(i);
                events.add(EventEnvelope.identified(f.eventId(), f.filledAt(), service, f.key(), f.toEvent()));
            }
        }
        Outbox.appendWithin(c, events, sql.timeout());
        return created;
    }
}
