package io.tideline.pnl.pnl;

import io.tideline.messaging.tx.Sql;
import io.tideline.messaging.tx.UnitOfWork;
import io.tideline.pnl.lots.PnlLedger;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Market resolutions ({@code market_resolution}): recorded once per market, and every open lot in it realized. */
@ApplicationScoped
public class MarketResolutions {

    private final PnlLedger ledger;

    public MarketResolutions(PnlLedger ledger) {
        this.ledger = ledger;
    }

    /**
     * What resolving did.
     *
     * @param winningOutcome the market's winner as recorded (another than asked when {@code conflicting})
     * @param realizations   realizations made (0 for a duplicate)
     * @param status         {@code resolved}, or {@code duplicate} when the market was resolved before
     */
    public record Result(String venue, String market, String winningOutcome, Instant resolvedAt, int realizations,
                         String status) {

        /** The market was resolved before to another outcome (nothing was changed). */
        public boolean conflicting() {
            return "conflict".equals(status);
        }
    }

    public Result resolve(UnitOfWork uow, String venue, String market, String winner, Instant at) {
        boolean inserted = uow.exec("insert into market_resolution (venue, market, winning_outcome, resolved_at)"
                + " values ($1, $2, $3, $4) on conflict do nothing", Tuple.of(venue, market, winner, Sql.utc(at))) > 0;
        if (!inserted) {
            return uow.one("select * from market_resolution where venue = $1 and market = $2",
                    Tuple.of(venue, market), r -> new Result(venue, market, r.getString("winning_outcome"),
                            Sql.instant(r, "resolved_at"), 0,
                            r.getString("winning_outcome").equals(winner) ? "duplicate" : "conflict"));
        }
        return new Result(venue, market, winner, at, ledger.resolve(uow, venue, market, winner, at), "resolved");
    }
}
