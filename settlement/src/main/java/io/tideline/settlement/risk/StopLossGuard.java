package io.tideline.settlement.risk;

import io.tideline.events.EventEnvelope;
import io.tideline.events.alert.AlertRaised;
import io.tideline.events.alert.AlertSeverity;
import io.tideline.messaging.outbox.Outbox;
import io.tideline.messaging.sql.BlockingTransaction;
import io.tideline.settlement.session.Session;
import io.tideline.settlement.session.SessionStore;
import io.tideline.settlement.takeprofit.BuyPosition;
import io.tideline.settlement.takeprofit.TakeProfitStore;
import io.tideline.settlement.venue.MakerVenue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The portfolio stop-loss, checked per session at the start of each run: a session whose open inventory at the last
 * price (the venue's best bid, where it could be sold now) has lost more than the limit is TRIPPED in the same
 * transaction as an AlertRaised (rule {@value #RULE}) goes to the outbox; a tripped session gets no new take-profits
 * until acknowledged through the API.
 */
public final class StopLossGuard {

    public static final String RULE = "settlement.stop-loss";
    private static final Logger LOG = Logger.getLogger(StopLossGuard.class);

    /** The sessions to settle without new take-profits, and how many tripped in this check. */
    public record Verdict(Set<String> stopped, int trippedNow) {
    }

    private final BlockingTransaction tx;
    private final SessionStore sessions;
    private final TakeProfitStore positions;
    private final MakerVenue venue;
    private final boolean enabled;
    private final BigDecimal maxLoss;
    private final String service;

    public StopLossGuard(BlockingTransaction tx, SessionStore sessions, TakeProfitStore positions, MakerVenue venue,
            boolean enabled, BigDecimal maxLoss, String service) {
        this.tx = tx;
        this.sessions = sessions;
        this.positions = positions;
        this.venue = venue;
        this.enabled = enabled;
        this.maxLoss = maxLoss;
        this.service = service;
    }

    /** Checks the sessions; with {@code dryRun} nothing is written (a session that would trip counts as stopped). */
    public Verdict check(List<String> sessionIds, boolean dryRun) {
        if (sessionIds.isEmpty()) {
            return new Verdict(Set.of(), 0);
        }
        List<BuyPosition> open = enabled ? tx.run(c -> positions.openPositions(c, sessionIds, null)) : List.of();
        Map<String, BigDecimal> prices = lastPrices(open.stream().map(BuyPosition::pair).collect(Collectors.toSet()));
        Map<String, List<BuyPosition>> bySession = open.stream().collect(Collectors.groupingBy(
                BuyPosition::sessionId));
        return tx.run(c -> {
            Set<String> stopped = new HashSet<>();
            int tripped = 0;
            for (String id : sessionIds) {
                Optional<Session> session = dryRun ? sessions.session(c, id) : sessions.sessionForUpdate(c, id);
                if (session.isEmpty()) {
                    continue;
                }
                if (session.get().stopped()) {
                    stopped.add(id);
                    continue;
                }
                if (!enabled) {
                    continue;
                }
                SessionExposure exposure = SessionExposure.of(id, bySession.getOrDefault(id, List.of()), prices);
                if (!exposure.breaches(maxLoss, session.get().acknowledgedLoss())) {
                    continue;
                }
                stopped.add(id);
                tripped++;
                if (!dryRun) {
                    sessions.trip(c, id, exposure.loss());
                    Outbox.appendWithin(c, List.of(alert(session.get(), exposure)), tx.timeout());
                    LOG.warnf("session %s: stop-loss tripped, unrealized loss %s > limit %s (acknowledged %s); no new"
                            + " take-profits until acknowledged", id, exposure.loss().toPlainString(),
                            maxLoss.toPlainString(), session.get().acknowledgedLoss().toPlainString());
                }
            }
            return new Verdict(stopped, tripped);
        });
    }

    private Map<String, BigDecimal> lastPrices(Set<String> pairs) {
        Map<String, BigDecimal> prices = new HashMap<>();
        venue.bestBidAsks(pairs).forEach((pair, book) -> prices.put(pair, book.bid()));
        if (prices.size() < pairs.size()) {
            LOG.debugf("stop-loss: no price for %d pair(s); their positions are left out", pairs.size() - prices.size());
        }
        return prices;
    }

    private EventEnvelope<AlertRaised> alert(Session s, SessionExposure e) {
        int trip = s.stopLossTrips() + 1;
        String detail = "Market-making session " + s.sessionId() + " on " + s.venue() + " has an unrealized loss of "
                + e.loss().toPlainString() + " on its open positions at the venue's best bid, over the stop-loss"
                + " limit of " + maxLoss.toPlainString() + (s.acknowledgedLoss().signum() > 0 ? " beyond the "
                + s.acknowledgedLoss().toPlainString() + " acknowledged" : "") + ". By pair: " + e.pnlByPair()
                + (e.pairsWithoutPrice().isEmpty() ? "" : "; without a price: " + e.pairsWithoutPrice())
                + ". Settlement places no new take-profits for the session until the stop-loss is acknowledged"
                + " (POST /api/v1/sessions/" + s.sessionId() + "/stop-loss/acknowledge).";
        AlertRaised alert = new AlertRaised(RULE + ":" + s.sessionId() + ":" + trip, RULE, AlertSeverity.CRITICAL,
                s.sessionId(), "Stop-loss: session " + s.sessionId() + " down " + e.loss().toPlainString(), detail,
                Instant.now(), null);
        return EventEnvelope.of(service, s.sessionId(), null, alert);
    }
}
