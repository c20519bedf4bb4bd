package io.tideline.alerting.delivery;

import io.tideline.messaging.tx.Sql;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Each channel's token bucket in {@code channel_rate}, taken and counted inside the caller's unit of work. */
@ApplicationScoped
public class ChannelRates {

    /**
     * Takes a token of the channel's bucket; false (and one more suppressed) when it is empty. Holds the channel's
     * row lock until the unit of work ends, so concurrent alerts take tokens one after another.
     */
    public boolean take(Sql sql, Channel channel, Instant now) {
        TokenBucket full = TokenBucket.full(channel.rateLimit(), now);
        sql.exec("insert into channel_rate (channel, tokens, refilled_at) values ($1, $2, $3)"
                + " on conflict (channel) do nothing", channel.name(), full.tokens(), Sql.utc(now));
        TokenBucket stored = sql.one("select tokens, refilled_at from channel_rate where channel = $1 for update",
                Tuple.of(channel.name()), r -> new TokenBucket(r.getBigDecimal("tokens"), Sql.instant(r,
                        "refilled_at")));
        TokenBucket.Take take = stored.take(channel.rateLimit(), now);
        sql.exec("update channel_rate set tokens = $2, refilled_at = $3,"
                + " suppressed = suppressed + case when $4 then 0 else 1 end where channel = $1", channel.name(),
                take.after().tokens(), Sql.utc(take.after().at()), take.granted());
        return take.granted();
    }
}
