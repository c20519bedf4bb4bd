package io.tideline.settlement.importer;

/**
 * The keys the previous system kept in Redis (documented in the module README), all under one optional prefix:
 * <pre>
 *   {prefix}mm:sessions                 SET    of session ids
 *   {prefix}mm:session:{id}             HASH   venue, started_at, ended_at (optional), pairs
 *   {prefix}mm:session:{id}:orders      LIST   of JSON orders {orderId, pair, side, price, qty, status, createdAt}
 *   {prefix}mm:session:{id}:fills       LIST   of JSON fills {orderId, tradeId, pair, side, qty, price, fee,
 *                                              feeAsset, ts}
 *   {prefix}mm:imported:{id}            STRING written by this importer, expires after the marker TTL (90 days)
 * </pre>
 */
public record LegacyRedisLayout(String prefix) {

    public LegacyRedisLayout {
        prefix = prefix == null ? "" : prefix;
    }

    public String sessions() {
        return prefix + "mm:sessions";
    }

    public String session(String id) {
        return prefix + "mm:session:" + id;
    }

    public String orders(String id) {
        return session(id) + ":orders";
    }

    public String fills(String id) {
        return session(id) + ":fills";
    }

    public String importedMarker(String id) {
        return prefix + "mm:imported:" + id;
    }
}
