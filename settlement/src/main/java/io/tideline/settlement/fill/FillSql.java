package io.tideline.settlement.fill;

/**
 * The statements that record a fill, written once for both ways in: the Vert.x client ({@code $1}) of the API and
 * importer, and Hibernate Reactive ({@code ?1}) of the Kafka consumer, whose transaction records the event as processed.
 */
public final class FillSql {

    /**
     * Creates the fill's session if it is new (its venue, the fill's time as its start) or adds the pair to it; moves
     * its last activity. Parameters: session, venue, pair, fill time, source.
     */
    public static final String TOUCH_SESSION = "insert into mm_session (session_id, venue, pairs, started_at,"
            + " last_activity_at, source) values ($1, $2, array[cast($3 as text)], $4, $4, $5)"
            + " on conflict (session_id) do update set pairs = case when cast($3 as text) = any(mm_session.pairs)"
            + " then mm_session.pairs else (select array_agg(p order by p) from unnest(mm_session.pairs"
            + " || cast($3 as text)) p) end, last_activity_at = greatest(mm_session.last_activity_at,"
            + " excluded.last_activity_at), updated_at = now()";

    /** Inserts a fill unless (venue, order id, trade id) is known; returns its key when new. */
    public static final String INSERT = "insert into mm_fill (session_id, pair, venue, order_id, trade_id, side, qty,"
            + " price, fee, fee_asset, filled_at, source) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, cast($10 as text),"
            + " $11, $12) on conflict (venue, order_id, trade_id) do nothing returning fill_key";

    private FillSql() {
    }

    /** The statement with Hibernate's positional parameters ({@code ?1}) in place of the Vert.x client's. */
    public static String forHibernate(String sql) {
        return sql.replaceAll("\\$(\\d+)", "?$1");
    }
}
