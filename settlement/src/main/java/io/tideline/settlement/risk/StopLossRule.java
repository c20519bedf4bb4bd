package io.tideline.settlement.risk;

import io.tideline.events.alert.AlertRaised;
import io.tideline.events.alert.AlertSeverity;
import io.tideline.settlement.session.Session;
import io.tideline.settlement.session.SessionExposure;
import io.tideline.settlement.takeprofit.BuyPosition;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The stop-loss decision for one session, without the database: a session already tripped stays stopped (no new
 * alert) until acknowledged; with the stop-loss off nothing trips; otherwise the session trips when its open inventory
 * at the last prices has lost more than {@code maxLoss} beyond the loss acknowledged last, and the alert says why.
 */
public final class StopLossRule {

    public static final String RULE = "settlement.stop-loss";

    /** What the check decides for a session. */
    public sealed interface Decision {

        /** Settle it as usual. */
        record Clear() implements Decision {
        }

        /** Tripped before and not acknowledged: no new take-profits, no new alert. */
        record StillStopped() implements Decision {
        }

        /** Trips now: no new take-profits, the session is marked and the alert raised. */
        record Trip(SessionExposure exposure, AlertRaised alert) implements Decision {
        }
    }

    private final boolean enabled;
    private final BigDecimal maxLoss;

    public StopLossRule(boolean enabled, BigDecimal maxLoss) {
        this.enabled = enabled;
        this.maxLoss = maxLoss;
    }

    public boolean enabled() {
        return enabled;
    }

    public BigDecimal maxLoss() {
        return maxLoss;
    }

    /**
     * @param positions the session's open buy positions (bought, not yet sold by take-profit fills)
     * @param lastPrices the venue's best bid per pair; pairs without one are left out of the valuation
     */
    public Decision decide(Session session, List<BuyPosition> positions, Map<String, BigDecimal> lastPrices,
            Instant now) {
        if (session.stopped()) {
            return new Decision.StillStopped();
        }
        if (!enabled) {
            return new Decision.Clear();
        }
        SessionExposure exposure = SessionExposure.of(session.sessionId(), positions, lastPrices);
        if (!exposure.breaches(maxLoss, session.acknowledgedLoss())) {
            return new Decision.Clear();
        }
        return new Decision.Trip(exposure, alert(session, exposure, now));
    }

    private AlertRaised alert(Session s, SessionExposure e, Instant now) {
        int trip = s.stopLossTrips() + 1;
        String detail = "Market-making session " + s.sessionId() + " on " + s.venue() + " has an unrealized loss of "
                + e.loss().toPlainString() + " on its open positions at the venue's best bid, over the stop-loss"
                + " limit of " + maxLoss.toPlainString() + (s.acknowledgedLoss().signum() > 0 ? " beyond the "
                + s.acknowledgedLoss().toPlainString() + " acknowledged" : "") + ". By pair: " + e.pnlByPair()
                + (e.pairsWithoutPrice().isEmpty() ? "" : "; without a price: " + e.pairsWithoutPrice())
                + ". Settlement places no new take-profits for the session until the stop-loss is acknowledged"
                + " (POST /api/v1/sessions/" + s.sessionId() + "/stop-loss/acknowledge).";
        return new AlertRaised(RULE + ":" + s.sessionId() + ":" + trip, RULE, AlertSeverity.CRITICAL,
                s.sessionId(), "Stop-loss: session " + s.sessionId() + " down " + e.loss().toPlainString(), detail,
                now, null);
    }
}
