package io.tideline.analytics.rebalance;

import io.tideline.events.EventEnvelope;
import io.tideline.events.Topics;
import io.tideline.events.lp.LpClosed;
import io.tideline.events.lp.LpMinted;
import io.tideline.messaging.consumer.EventHandler;
import io.tideline.messaging.tx.UnitOfWork;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Follows suggestions up from lp-tracker's facts (its own idempotent consumer of {@code lp.positions}): it keeps each
 * position's pool, range, mint and close, and when a close and a mint in the same pool meet {@link FollowUpRule}
 * (in either order, as the two positions' events come on different keys) marks the suggestion followed.
 */
@ApplicationScoped
public class SuggestionFollowUp implements EventHandler {

    public static final String NAME = "suggestion-follow-up";

    private final RebalanceStore store;

    public SuggestionFollowUp(RebalanceStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.LP_POSITIONS.name());
    }

    @Override
    public boolean wants(EventEnvelope<?> event) {
        return event.payload() instanceof LpMinted || event.payload() instanceof LpClosed;
    }

    @Override
    public void handle(EventEnvelope<?> event, UnitOfWork uow) {
        if (event.payload() instanceof LpMinted m) {
            String pool = m.position().chainId() + ":" + m.pool();
            Instant at = m.at().blockTime();
            store.minted(uow, m.position().key(), pool, m.tickLower(), m.tickUpper(), m.sqrtPriceX96(), at);
            FollowUpRule.Minted minted = new FollowUpRule.Minted(m.position().key(), pool, m.tickLower(),
                    m.tickUpper(), at);
            for (RebalanceStore.SeenPosition closed : store.closedWithOpenSuggestions(uow, pool,
                    at.minus(FollowUpRule.WINDOW), at.plus(FollowUpRule.WINDOW))) {
                if (!closed.positionKey().equals(minted.positionKey())) {
                    match(uow, closed.positionKey(), closed.closedAt(), minted);
                }
            }
        } else if (event.payload() instanceof LpClosed c) {
            String key = c.position().key();
            Instant at = c.at().blockTime();
            store.closed(uow, key, at);
            List<RebalanceStore.Kept> open = store.openOf(uow, key);
            if (open.isEmpty()) {
                return;
            }
            for (RebalanceStore.SeenPosition m : store.mintedIn(uow, open.get(0).pool(),
                    at.minus(FollowUpRule.WINDOW), at.plus(FollowUpRule.WINDOW))) {
                if (!m.positionKey().equals(key) && match(uow, key, at, new FollowUpRule.Minted(m.positionKey(),
                        m.pool(), m.tickLower(), m.tickUpper(), m.mintedAt()))) {
                    return;
                }
            }
        }
    }

    private boolean match(UnitOfWork uow, String positionKey, Instant closedAt, FollowUpRule.Minted minted) {
        List<RebalanceStore.Kept> open = store.openOf(uow, positionKey);
        Optional<FollowUpRule.Suggested> followed = FollowUpRule.followed(
                open.stream().map(RebalanceStore.Kept::asSuggested).toList(), closedAt, minted);
        followed.ifPresent(s -> store.followed(uow, open.stream().filter(k -> k.id().equals(s.id())).findFirst()
                .orElseThrow(), minted.positionKey(), minted.mintedAt()));
        return followed.isPresent();
    }
}
