package io.tideline.perp.hedge;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the planner decided about one LP fact (or one buy-back), as data: the hedge as it is to be stored afterwards and
 * the orders to write. Carrying them out (rows, events) is the caller's.
 */
public sealed interface HedgeDecision {

    /** A mint of a hedged pool: a new hedge, OPENING, with its SELL order. */
    record Open(Hedge hedge, NewOrder order) implements HedgeDecision {
    }

    /** A mint recorded without a hedge, and why. */
    record Unhedged(Hedge hedge, UnhedgedReason reason) implements HedgeDecision {
    }

    /**
     * The LP is gone (closed, transferred away, its mint retracted): the orders not sent yet are cancelled (each a
     * HedgeFailed), and the hedge records the LP's state; a short it holds is bought back by the buy-back loop.
     */
    record LpGone(Hedge hedge, List<HedgeOrder> cancelled, String cancelReason) implements HedgeDecision {
    }

    /** A close or transfer was retracted: the LP is the desk's again. */
    record LpBack(Hedge hedge) implements HedgeDecision {
    }

    /** The exposure left the band: an order for the difference (a SELL, or a reduce-only BUY). */
    record Rehedge(Hedge hedge, NewOrder order) implements HedgeDecision {
    }

    /** The exposure left the band, but the hedge has placed its daily cap of re-hedging orders on this day. */
    record CapReached(Hedge hedge, LocalDate day, BigDecimal off, int cap) implements HedgeDecision {
    }

    /** The LP is gone and a short is held: a reduce-only BUY of it, never more than the venue shows short. */
    record BuyBack(Hedge hedge, NewOrder order) implements HedgeDecision {
    }

    /** The LP is gone and nothing is held: the hedge is closed without an order. */
    record Closed(Hedge hedge) implements HedgeDecision {
    }

    /** The venue shows no short to buy back although our fills hold one: the hedge fails (HedgeFailed). */
    record NothingToBuyBack(Hedge hedge, int step, String externalId, String reason) implements HedgeDecision {
    }

    /** Nothing to do, and why. */
    record NoChange(String why) implements HedgeDecision {
    }
}
