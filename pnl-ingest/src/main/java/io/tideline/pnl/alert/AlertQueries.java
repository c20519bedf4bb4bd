package io.tideline.pnl.alert;

import io.tideline.events.TradeSide;
import io.tideline.messaging.tx.Sql;
import io.tideline.messaging.tx.Transactions;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/** The arbitrage-alerts API's reads: one alert with its legs, and conversion figures. */
@ApplicationScoped
public class AlertQueries {

    private final Transactions transactions;

    public AlertQueries(Transactions transactions) {
        this.transactions = transactions;
    }

    public Optional<AlertView> find(String alertId) {
        return find(transactions.reads(), alertId);
    }

    /** The alert as the given statements see it (the creating unit of work sees its own alert). */
    public Optional<AlertView> find(Sql sql, String alertId) {
        List<ArbitrageAlertRequest.ValidLeg> legs = sql.list("select * from arbitrage_alert_leg where alert_id = $1"
                + " order by leg", Tuple.of(alertId), AlertQueries::leg);
        return sql.first("select a.*, (select count(*) from execution e where e.alert_id = a.alert_id"
                        + " and not e.retracted) as executions from arbitrage_alert a where a.alert_id = $1",
                Tuple.of(alertId), r -> new AlertView(r.getString("alert_id"), legs, r.getBigDecimal("expected_edge"),
                        Sql.instant(r, "created_at"), Sql.instant(r, "expires_at"), r.getString("status"),
                        r.getLong("executions")));
    }

    public AlertStats stats() {
        return transactions.reads().one("select"
                + " (select count(*) from arbitrage_alert) as alerts,"
                + " (select count(*) from arbitrage_alert where status = 'OPEN') as open,"
                + " (select count(*) from arbitrage_alert where status = 'EXPIRED') as expired,"
                + " (select count(distinct alert_id) from execution where alert_id is not null and not retracted)"
                + " as converted,"
                + " (select count(*) from execution where alert_id is not null and not retracted) as matched,"
                + " (select count(*) from execution where alert_id is null and not retracted) as unmatched",
                Tuple.tuple(), r -> {
                    long alerts = r.getLong("alerts");
                    long converted = r.getLong("converted");
                    BigDecimal rate = alerts == 0 ? null : BigDecimal.valueOf(converted)
                            .divide(BigDecimal.valueOf(alerts), 4, RoundingMode.HALF_EVEN);
                    return new AlertStats(alerts, r.getLong("open"), r.getLong("expired"), converted, rate,
                            r.getLong("matched"), r.getLong("unmatched"));
                });
    }

    private static ArbitrageAlertRequest.ValidLeg leg(Row r) {
        BigDecimal token = r.getBigDecimal("token_id");
        return new ArbitrageAlertRequest.ValidLeg(r.getString("venue"), r.getString("market"), r.getString("outcome"),
                TradeSide.valueOf(r.getString("side")), r.getBigDecimal("expected_price"),
                token == null ? null : token.toBigIntegerExact().toString());
    }
}
