package io.tideline.pnl.execution;

import io.tideline.messaging.tx.Sql;
import io.tideline.messaging.tx.UnitOfWork;
import io.tideline.pnl.config.PnlConfig;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Outcome token id to market and outcome: the configured tokens ({@code polymarket.outcome-tokens}), which always win,
 * then those learnt from alert legs that name a token id ({@code outcome_token}). A learnt entry never changes once
 * written (a leg only adds an id not known yet), so hits are kept in memory.
 */
@ApplicationScoped
public class OutcomeRegistry {

    private final Map<BigInteger, OutcomeRef> configured = new HashMap<>();
    private final Map<BigInteger, OutcomeRef> learnt = new ConcurrentHashMap<>();

    public OutcomeRegistry(PnlConfig config) {
        String venue = config.polymarket().venue();
        for (PnlConfig.OutcomeToken token : config.polymarket().outcomeTokens()) {
            configured.put(token.tokenId(), new OutcomeRef(venue, token.market(), token.outcome()));
        }
    }

    /** The market and outcome of a token id, or null when neither the settings nor an alert named it. */
    public OutcomeRef find(Sql sql, BigInteger tokenId) {
        OutcomeRef known = configured.get(tokenId);
        if (known == null) {
            known = learnt.get(tokenId);
        }
        if (known != null) {
            return known;
        }
        OutcomeRef found = sql.first("select venue, market, outcome from outcome_token where token_id = $1",
                Tuple.of(new BigDecimal(tokenId)), r -> new OutcomeRef(r.getString(0), r.getString(1),
                        r.getString(2))).orElse(null);
        if (found != null) {
            learnt.put(tokenId, found);
        }
        return found;
    }

    /** Records what an alert leg says a token id is, unless the id is known already. */
    public void learn(UnitOfWork uow, BigInteger tokenId, OutcomeRef outcome) {
        uow.exec("insert into outcome_token (token_id, venue, market, outcome) values ($1, $2, $3, $4)"
                + " on conflict (token_id) do nothing", Tuple.of(new BigDecimal(tokenId), outcome.venue(),
                outcome.market(), outcome.outcome()));
    }
}
