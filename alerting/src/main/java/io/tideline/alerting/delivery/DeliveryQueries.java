package io.tideline.alerting.delivery;

import io.tideline.messaging.tx.Sql;
import io.tideline.messaging.tx.Transactions;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads for the delivery API: deliveries, one with its attempts, and each channel's status. */
@ApplicationScoped
public class DeliveryQueries {

    private final Transactions transactions;
    private final Channels channels;
    private final DeliveryLanes lanes;

    public DeliveryQueries(Transactions transactions, Channels channels, DeliveryLanes lanes) {
        this.transactions = transactions;
        this.channels = channels;
        this.lanes = lanes;
    }

    /**
     * Optional filters of a list; all absent = every delivery.
     *
     * @param before only deliveries with a smaller id (the next page after a page ending at that id)
     */
    public record Filter(String alertId, String channel, DeliveryState state, Long before) {
    }

    /** A delivery with the notification it carries and every attempt, oldest first. */
    public record DeliveryDetail(Delivery delivery, Notification notification, List<DeliveryAttempt> attempts) {
    }

    /**
     * A channel and how its deliveries went.
     *
     * @param target          where it delivers, without secrets (no webhook secret, URL credentials or query)
     * @param breaker         CLOSED, OPEN or HALF_OPEN
     * @param breakerOpenedAt when the breaker opened, while it is open
     * @param tokens          what is left of its rate limit's bucket as last stored (the capacity before any delivery)
     * @param suppressed      deliveries held back by the rate limit
     */
    public record ChannelStatus(String name, ChannelType type, String target, String breaker,
                                Instant breakerOpenedAt, RateLimit rateLimit, BigDecimal tokens, long suppressed,
                                long pending, long delivered, long failed) {
    }

    /** Deliveries, newest first. */
    public List<Delivery> list(Filter f, int limit) {
        List<String> where = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        add(where, args, "alert_id = ", f.alertId());
        add(where, args, "channel = ", f.channel());
        add(where, args, "state = ", f.state() == null ? null : f.state().name());
        add(where, args, "id < ", f.before());
        args.add(limit);
        return transactions.reads().list("select " + DeliveryStore.COLUMNS + " from delivery"
                + (where.isEmpty() ? "" : " where " + String.join(" and ", where)) + " order by id desc limit $"
                + args.size(), Tuple.from(args), DeliveryStore::delivery);
    }

    public Optional<DeliveryDetail> detail(long id) {
        Sql sql = transactions.reads();
        return sql.first("select " + DeliveryStore.COLUMNS + ", notification::text as notification from delivery"
                + " where id = $1", Tuple.of(id), r -> r).map(r -> new DeliveryDetail(DeliveryStore.delivery(r),
                DeliveryStore.read(r.getString("notification")), sql.list("select attempt, started_at, duration_ms,"
                + " outcome, status, error from delivery_attempt where delivery_id = $1 order by id", Tuple.of(id),
                DeliveryQueries::attempt)));
    }

    /** Every configured channel, by name. */
    public List<ChannelStatus> channels() {
        Sql sql = transactions.reads();
        Map<String, Map<String, Long>> counts = new HashMap<>();
        sql.list("select channel, state, count(*) as n from delivery group by channel, state", Tuple.tuple(), r -> r)
                .forEach(r -> counts.computeIfAbsent(r.getString("channel"), c -> new HashMap<>())
                        .put(r.getString("state"), r.getLong("n")));
        Map<String, Row> rates = new HashMap<>();
        sql.list("select channel, tokens, suppressed from channel_rate", Tuple.tuple(), r -> r)
                .forEach(r -> rates.put(r.getString("channel"), r));
        List<ChannelStatus> out = new ArrayList<>();
        for (Channel c : channels.all()) {
            Map<String, Long> n = counts.getOrDefault(c.name(), Map.of());
            Row rate = rates.get(c.name());
            Optional<ChannelBreaker> breaker = lanes.breaker(c.name());
            out.add(new ChannelStatus(c.name(), c.type(), c.target(),
                    breaker.map(b -> b.state().name()).orElse("CLOSED"),
                    breaker.map(ChannelBreaker::openedAt).orElse(null), c.rateLimit(),
                    rate == null ? BigDecimal.valueOf(c.rateLimit().capacity()) : rate.getBigDecimal("tokens"),
                    rate == null ? 0 : rate.getLong("suppressed"), n.getOrDefault("PENDING", 0L),
                    n.getOrDefault("DELIVERED", 0L), n.getOrDefault("FAILED", 0L)));
        }
        return out;
    }

    private static void add(List<String> where, List<Object> args, String condition, Object value) {
        if (value != null) {
            args.add(value);
            where.add(condition + "$" + args.size());
        }
    }

    private static DeliveryAttempt attempt(Row r) {
        return new DeliveryAttempt(r.getInteger("attempt"), Sql.instant(r, "started_at"), r.getLong("duration_ms"),
                AttemptOutcome.valueOf(r.getString("outcome")), r.getInteger("status"), r.getString("error"));
    }
}
