package io.tideline.settlement.session;

import io.tideline.messaging.tx.Transactions;
import io.tideline.settlement.config.SettlementConfig;
import io.tideline.settlement.takeprofit.BuyPosition;
import io.tideline.settlement.takeprofit.TakeProfitStore;
import io.tideline.settlement.venue.BestBidAsk;
import io.tideline.settlement.venue.MakerVenue;
import io.tideline.settlement.venue.VenueUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The sessions as the API shows them: listed with their counts, or one with its pairs' positions and exposure. */
@ApplicationScoped
public class SessionQueries {

    /** One pair of a session: its buy fills not yet sold, how much of them is uncovered, its resting take-profits. */
    public record PairSummary(String pair, int openPositions, BigDecimal openQuantity, int uncoveredPositions,
                              BigDecimal uncoveredQuantity, int liveTakeProfits) {
    }

    /** A session with its pairs and its unrealized P&L at the venue's best bids (what the stop-loss looks at). */
    public record SessionDetail(Session session, List<PairSummary> pairs, SessionExposure exposure) {
    }

    private final Transactions transactions;
    private final SessionStore sessions;
    private final TakeProfitStore positions;
    private final MakerVenue venue;
    private final SettlementConfig config;

    public SessionQueries(Transactions transactions, SessionStore sessions, TakeProfitStore positions,
            MakerVenue venue, SettlementConfig config) {
        this.transactions = transactions;
        this.sessions = sessions;
        this.positions = positions;
        this.venue = venue;
        this.config = config;
    }

    /** Latest activity first; {@code activeOnly}: those active within the settlement lookback. */
    public List<Session> list(boolean activeOnly, int limit) {
        return sessions.sessions(transactions.reads(), activeOnly ? config.run().lookback() : null, limit);
    }

    public Optional<SessionDetail> detail(String sessionId) {
        Optional<Session> found = sessions.session(transactions.reads(), sessionId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Session session = found.get();
        List<BuyPosition> open = positions.openPositions(transactions.reads(), List.of(sessionId), null);
        Map<String, List<BuyPosition>> byPair = new TreeMap<>();
        session.pairs().forEach(p -> byPair.put(p, new ArrayList<>()));
        open.forEach(p -> byPair.computeIfAbsent(p.pair(), k -> new ArrayList<>()).add(p));
        List<PairSummary> pairs = new ArrayList<>();
        Map<String, BigDecimal> prices = new HashMap<>();
        byPair.forEach((pair, list) -> {
            BigDecimal openQty = list.stream().map(BuyPosition::openQuantity).reduce(BigDecimal.ZERO,
                    BigDecimal::add);
            List<BuyPosition> uncovered = list.stream().filter(p -> p.uncoveredQuantity().signum() > 0).toList();
            BigDecimal uncoveredQty = uncovered.stream().map(BuyPosition::uncoveredQuantity)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            int live = (int) list.stream().filter(p -> p.live().isPresent()).count();
            pairs.add(new PairSummary(pair, list.size(), openQty, uncovered.size(), uncoveredQty, live));
            try {
                venue.bestBidAsk(pair).map(BestBidAsk::bid).ifPresent(b -> prices.put(pair, b));
            } catch (VenueUnavailableException e) {
                // left out of the exposure, which lists it
            }
        });
        return Optional.of(new SessionDetail(session, pairs, SessionExposure.of(sessionId, open, prices)));
    }
}
