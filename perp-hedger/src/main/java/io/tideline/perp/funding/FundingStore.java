package io.tideline.perp.funding;

import io.tideline.extended.ExtendedFundingPayment;
import io.tideline.messaging.tx.Sql;
import io.tideline.messaging.tx.UnitOfWork;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The funding tables' one home: payments claimed once, their shares per hedge, and each market's checkpoint. */
@ApplicationScoped
public class FundingStore {

    /** Records the payment unless it is known; true if it was new (it is then to be shared and published). */
    public boolean claim(UnitOfWork uow, String venue, ExtendedFundingPayment p, BigDecimal deskAmount) {
        return uow.first("insert into perp_funding_payment (venue, payment_id, market, venue_position_id,"
                + " position_side, size, rate, mark_price, venue_fee, amount, paid_at) values ($1, $2, $3, $4, $5, $6,"
                + " $7, $8, $9, $10, $11) on conflict (venue, payment_id) do nothing returning payment_id",
                Tuple.from(new Object[] {venue, p.id(), p.market(), p.positionId(),
                        p.side() == io.tideline.events.TradeSide.SELL ? "SHORT" : "LONG", p.size(), p.fundingRate(),
                        p.markPrice(), p.fundingFee(), deskAmount, Sql.utc(p.paidAt())}),
                r -> r.getString(0)).isPresent();
    }

    public void share(UnitOfWork uow, String venue, String paymentId, FundingShares.Share share, UUID eventId) {
        uow.exec("insert into perp_funding_share (venue, payment_id, hedge_id, position_key, quantity, amount,"
                + " event_id) values ($1, $2, $3, $4, $5, $6, $7)", Tuple.from(new Object[] {venue, paymentId,
                share.holder().hedgeId(), share.holder().positionKey(), share.quantity(), share.amount(), eventId}));
    }

    /** Where the market's payments are read from next, if it was read before. */
    public Optional<Instant> readFrom(Sql sql, String venue, String market) {
        return sql.first("select read_from from perp_funding_checkpoint where venue = $1 and market = $2",
                Tuple.of(venue, market), r -> r.getOffsetDateTime(0).toInstant());
    }

    /** Moves the market's checkpoint forward (never back). */
    public void advance(UnitOfWork uow, String venue, String market, Instant readFrom) {
        uow.exec("insert into perp_funding_checkpoint (venue, market, read_from) values ($1, $2, $3)"
                + " on conflict (venue, market) do update set read_from = greatest(perp_funding_checkpoint.read_from,"
                + " excluded.read_from), updated_at = now()", Tuple.of(venue, market, Sql.utc(readFrom)));
    }

    /** The sum of the shares of a hedge's payments, for the API and tests. */
    public BigDecimal totalOf(Sql sql, UUID hedgeId) {
        return sql.one("select coalesce(sum(amount), 0) from perp_funding_share where hedge_id = $1",
                Tuple.of(hedgeId), r -> r.getBigDecimal(0));
    }
}
