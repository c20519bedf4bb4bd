package io.tideline.settlement.fill;

import io.tideline.events.EventEnvelope;
import io.tideline.events.mm.FillRecorded;
import io.tideline.messaging.MessagingConfig;
import io.tideline.messaging.tx.Sql;
import io.tideline.messaging.tx.Transactions;
import io.tideline.messaging.tx.UnitOfWork;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Records fills, once each by (venue, order id, trade id), whichever way they come: through the API or the importer
 * (new ones are published as FillRecorded on mm.fills in the same unit of work) or as FillRecorded from mm.fills
 * (stored with that event as their cause, nothing published). A fill's session is created if it is new (its venue,
 * the fill's time as its start) or gets the fill's pair and time; a fill already known changes nothing.
 */
@ApplicationScoped
public class FillRecorder {

    /** How a fill submitted through the API went. */
    public enum Outcome { RECORDED, DUPLICATE, NO_SESSION, OTHER_VENUE }

    /** The outcome, and the venue of the fill's session when it exists. */
    public record Submitted(Outcome outcome, String sessionVenue) {
    }

    /** Parameters: session, venue, pair, fill time, source, correlation id of the fill's chain. */
    private static final String TOUCH_SESSION = "insert into mm_session (session_id, venue, pairs, started_at,"
            + " last_activity_at, source, correlation_id) values ($1, $2, array[cast($3 as text)], $4, $4, $5, $6)"
            + " on conflict (session_id) do update set pairs = case when cast($3 as text) = any(mm_session.pairs)"
            + " then mm_session.pairs else (select array_agg(p order by p) from unnest(mm_session.pairs"
            + " || cast($3 as text)) p) end, last_activity_at = greatest(mm_session.last_activity_at,"
            + " excluded.last_activity_at), correlation_id = coalesce(mm_session.correlation_id,"
            + " excluded.correlation_id), updated_at = now()";

    /** Inserts a fill unless (venue, order id, trade id) is known; returns its identity when new. */
    private static final String INSERT = "insert into mm_fill (session_id, pair, venue, order_id, trade_id, side, qty,"
            + " price, fee, fee_asset, filled_at, source, event_id, correlation_id) values ($1, $2, $3, $4, $5, $6, $7,"
            + " $8, $9, cast($10 as text), $11, $12, $13, $14) on conflict (venue, order_id, trade_id) do nothing"
            + " returning venue, order_id, trade_id";

    private final Transactions transactions;
    private final String service;

    public FillRecorder(Transactions transactions, MessagingConfig messaging) {
        this.transactions = transactions;
        this.service = messaging.service();
    }

    /** A fill submitted through the API: recorded only into an existing session on the fill's venue. */
    public Submitted submit(FillSubmission fill) {
        return transactions.run(uow -> {
            Optional<String> venue = uow.first("select venue from mm_session where session_id = $1",
                    Tuple.of(fill.sessionId()), r -> r.getString(0));
            if (venue.isEmpty()) {
                return new Submitted(Outcome.NO_SESSION, null);
            }
            if (!venue.get().equals(fill.venue())) {
                return new Submitted(Outcome.OTHER_VENUE, venue.get());
            }
            boolean created = record(uow, List.of(fill), "api").get(0);
            return new Submitted(created ? Outcome.RECORDED : Outcome.DUPLICATE, venue.get());
        });
    }

    /** Records fills of this service's own (API, importer) and publishes the new ones; which were new, in order. */
    public List<Boolean> record(UnitOfWork uow, List<FillSubmission> fills, String source) {
        List<Boolean> created = insert(uow, fills, fills.stream().map(FillRecording::ownLineage).toList(), source);
        uow.publishAll(FillRecording.announcements(service, fills, created));
        return created;
    }

    /**
     * Records a fill published on mm.fills, with that event as its cause; true when it was new. It is held to the
     * same rules as a fill sent to the API ({@link FillRules}): one that breaks them is refused with an
     * {@link InvalidFieldException} (the consumer dead-letters it with the reason and parks its key).
     */
    public boolean record(UnitOfWork uow, EventEnvelope<?> event, FillRecorded fill) {
        FillSubmission checked = FillRules.submission(fill, Instant.now());
        FillLineage cause = new FillLineage(event.eventId(), EventEnvelope.correlationOf(event));
        return insert(uow, List.of(checked), List.of(cause), "event").get(0);
    }

    private static List<Boolean> insert(UnitOfWork uow, List<FillSubmission> fills, List<FillLineage> lineage,
            String source) {
        // Sessions first (the fills reference them): one touch per (session, pair), in one round trip.
        List<Tuple> touches = new ArrayList<>();
        for (FillRecording.Touch t : FillRecording.sessionTouches(fills, lineage)) {
            FillSubmission f = t.latest();
            touches.add(Tuple.from(Arrays.asList(f.sessionId(), f.venue(), f.pair(), Sql.utc(f.filledAt()), source,
                    t.first().correlationId())));
        }
        uow.batch(TOUCH_SESSION, touches);
        List<Tuple> rows = new ArrayList<>(fills.size());
        for (int i = 0; i < fills.size(); i++) {
            FillSubmission f = fills.get(i);
            rows.add(Tuple.from(Arrays.asList(f.sessionId(), f.pair(), f.venue(), f.orderId(), f.tradeId(),
                    f.side().name(), f.quantity(), f.price(), f.fee(), f.feeAsset(), Sql.utc(f.filledAt()), source,
                    lineage.get(i).eventId(), lineage.get(i).correlationId())));
        }
        List<List<String>> inserted = uow.batch(INSERT, rows, r -> List.of(r.getString(0), r.getString(1),
                r.getString(2)));
        return FillRecording.created(fills, inserted);
    }
}
