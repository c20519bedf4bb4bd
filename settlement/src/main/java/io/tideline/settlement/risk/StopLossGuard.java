package io.tideline.settlement.risk;

import io.tideline.events.EventEnvelope;
import io.tideline.messaging.MessagingConfig;
import io.tideline.messaging.tx.Transactions;
import io.tideline.settlement.config.SettlementConfig;
import io.tideline.settlement.session.Session;
import io.tideline.settlement.session.SessionStore;
import io.tideline.settlement.takeprofit.BuyPosition;
import io.tideline.settlement.takeprofit.TakeProfitStore;
import io.tideline.settlement.venue.MakerVenue;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The portfolio stop-loss, checked per session at the start of each run ({@link StopLossRule} decides): a session
 * whose open inventory at the last price (the venue's best bid, where it could be sold now) has lost more than the
 * limit is TRIPPED in the same unit of work as its AlertRaised (rule {@value StopLossRule#RULE}) is published; a
 * tripped session gets no new take-profits until acknowledged through the API.
 */
@ApplicationScoped
public class StopLossGuard {

    private static final Logger LOG = Logger.getLogger(StopLossGuard.class);

    /** The sessions to settle without new take-profits, and how many tripped in this check. */
    public record Verdict(Set<String> stopped, int trippedNow) {
    }

    /** What acknowledging a session's stop-loss did. */
    public enum Outcome { ACKNOWLEDGED, NO_SESSION, NOT_TRIPPED }

    /** The outcome and the session as it is now, when it exists. */
    public record Acknowledged(Outcome outcome, Session session) {
    }

    private final Transactions transactions;
    private final SessionStore sessions;
    private final TakeProfitStore positions;
    private final MakerVenue venue;
    private final StopLossRule rule;
    private final String service;

    public StopLossGuard(Transactions transactions, SessionStore sessions, TakeProfitStore positions, MakerVenue venue,
            SettlementConfig config, MessagingConfig messaging) {
        this.transactions = transactions;
        this.sessions = sessions;
        this.positions = positions;
        this.venue = venue;
        this.rule = new StopLossRule(config.stopLoss().enabled(), config.stopLoss().maxLoss());
        this.service = messaging.service();
    }

    /** Checks the sessions; with {@code dryRun} nothing is written (a session that would trip counts as stopped). */
    public Verdict check(List<String> sessionIds, boolean dryRun) {
        if (sessionIds.isEmpty()) {
            return new Verdict(Set.of(), 0);
        }
        List<BuyPosition> open = rule.enabled()
                ? positions.openPositions(transactions.reads(), sessionIds, null) : List.of();
        Map<String, BigDecimal> prices = lastPrices(open.stream().map(BuyPosition::pair).collect(Collectors.toSet()));
        Map<String, List<BuyPosition>> bySession = open.stream().collect(Collectors.groupingBy(
                BuyPosition::sessionId));
        if (dryRun) {
            return decide(sessionIds, id -> sessions.session(transactions.reads(), id), bySession, prices,
                    (session, trip) -> { });
        }
        return transactions.run(uow -> decide(sessionIds, id -> sessions.sessionForUpdate(uow, id), bySession, prices,
                (session, trip) -> {
            sessions.trip(uow, session.sessionId(), trip.exposure().loss());
            uow.publish(EventEnvelope.of(service, session.sessionId(), null, trip.alert()));
            LOG.warnf("session %s: stop-loss tripped, unrealized loss %s > limit %s (acknowledged %s); no new"
                    + " take-profits until acknowledged", session.sessionId(), trip.exposure().loss().toPlainString(),
                    rule.maxLoss().toPlainString(), session.acknowledgedLoss().toPlainString());
        }));
    }

    /** Acknowledges a tripped stop-loss: the loss it tripped at becomes the base of the next trip. */
    public Acknowledged acknowledge(String sessionId, String by) {
        return transactions.run(uow -> {
            Optional<Session> session = sessions.sessionForUpdate(uow, sessionId);
            if (session.isEmpty()) {
                return new Acknowledged(Outcome.NO_SESSION, null);
            }
            if (!session.get().stopped()) {
                return new Acknowledged(Outcome.NOT_TRIPPED, session.get());
            }
            sessions.acknowledge(uow, sessionId, session.get().stopLossLoss(), by);
            return new Acknowledged(Outcome.ACKNOWLEDGED, sessions.session(uow, sessionId).orElseThrow());
        });
    }

    /** Decides each session as {@code load} finds it; {@code onTrip} writes a trip (nothing in a dry run). */
    private Verdict decide(List<String> sessionIds, Function<String, Optional<Session>> load,
            Map<String, List<BuyPosition>> bySession, Map<String, BigDecimal> prices,
            BiConsumer<Session, StopLossRule.Decision.Trip> onTrip) {
        Set<String> stopped = new HashSet<>();
        int tripped = 0;
        Instant now = Instant.now();
        for (String id : sessionIds) {
            Optional<Session> session = load.apply(id);
            if (session.isEmpty()) {
                continue;
            }
            StopLossRule.Decision decision = rule.decide(session.get(), bySession.getOrDefault(id, List.of()),
                    prices, now);
            if (decision instanceof StopLossRule.Decision.StillStopped) {
                stopped.add(id);
            } else if (decision instanceof StopLossRule.Decision.Trip trip) {
                stopped.add(id);
                tripped++;
                onTrip.accept(session.get(), trip);
            }
        }
        return new Verdict(stopped, tripped);
    }

    private Map<String, BigDecimal> lastPrices(Set<String> pairs) {
        Map<String, BigDecimal> prices = new HashMap<>();
        venue.bestBidAsks(pairs).forEach((pair, book) -> prices.put(pair, book.bid()));
        if (prices.size() < pairs.size()) {
            LOG.debugf("stop-loss: no price for %d pair(s); their positions are left out", pairs.size() - prices.size());
        }
        return prices;
    }
}
