package io.tideline.pnl.alert;

import io.tideline.messaging.tx.Sql;
import io.tideline.messaging.tx.UnitOfWork;
import io.tideline.pnl.execution.OutcomeRef;
import io.tideline.pnl.execution.OutcomeRegistry;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Writes of the alert tables: a new alert with its legs, expiry, and the purge of expired alerts never followed. */
@ApplicationScoped
public class AlertStore {

    private final OutcomeRegistry outcomes;

    public AlertStore(OutcomeRegistry outcomes) {
        this.outcomes = outcomes;
    }

    /**
     * Stores an alert and its legs; a leg's token id is recorded in the outcome-token registry. False when an alert
     * with this id exists (nothing is written then).
     */
    public boolean create(UnitOfWork uow, String alertId, BigDecimal expectedEdge, Instant createdAt,
            Instant expiresAt, List<ArbitrageAlertRequest.ValidLeg> legs) {
        boolean inserted = uow.exec("insert into arbitrage_alert (alert_id, expected_edge, created_at, expires_at)"
                + " values ($1, $2, $3, $4) on conflict (alert_id) do nothing", Tuple.of(alertId, expectedEdge,
                Sql.utc(createdAt), Sql.utc(expiresAt))) > 0;
        if (!inserted) {
            return false;
        }
        List<Tuple> rows = new ArrayList<>();
        for (int i = 0; i < legs.size(); i++) {
            ArbitrageAlertRequest.ValidLeg leg = legs.get(i);
            rows.add(Tuple.tuple(Arrays.asList(alertId, i, leg.venue(), leg.market(), leg.outcome(),
                    leg.side().name(), leg.expectedPrice(), leg.tokenId() == null ? null : new BigDecimal(leg.tokenId()))));
            if (leg.tokenId() != null) {
                outcomes.learn(uow, new BigInteger(leg.tokenId()), new OutcomeRef(leg.venue(), leg.market(),
                        leg.outcome()));
            }
        }
        uow.batch("insert into arbitrage_alert_leg (alert_id, leg, venue, market, outcome, side, expected_price,"
                + " token_id) values ($1, $2, $3, $4, $5, $6, $7, $8)", rows);
        return true;
    }

    /** Marks open alerts past their expiry EXPIRED; returns how many. */
    public int expire(UnitOfWork uow, Instant now) {
        return uow.exec("update arbitrage_alert set status = 'EXPIRED' where status = 'OPEN' and expires_at < $1",
                Tuple.of(Sql.utc(now)));
    }

    /** Deletes alerts that expired before {@code before} and that no execution followed; returns how many. */
    public int purgeExpiredNeverFollowed(UnitOfWork uow, Instant before) {
        return uow.exec("delete from arbitrage_alert a where a.status = 'EXPIRED' and a.expires_at < $1"
                + " and not exists (select 1 from execution e where e.alert_id = a.alert_id)",
                Tuple.of(Sql.utc(before)));
    }
}
