package io.tideline.pnl.execution;

import io.tideline.messaging.tx.SentRead;
import io.tideline.messaging.tx.Sql;
import io.tideline.messaging.tx.UnitOfWork;
import io.tideline.pnl.config.PnlConfig;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
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

    /**
     * Sends the lookup of those of the ids not held in memory as one read, without waiting, so that it shares a round
     * trip with the reads sent beside it. The {@link Lookup} answers for these ids from it; for any other id it is
     * {@link #find}.
     */
    public Lookup sendFind(UnitOfWork uow, Collection<BigInteger> tokenIds) {
        Set<BigInteger> asked = new HashSet<>();
        for (BigInteger id : tokenIds) {
            if (id != null && !configured.containsKey(id) && !learnt.containsKey(id)) {
                asked.add(id);
            }
        }
        SentRead<Map.Entry<BigInteger, OutcomeRef>> answer = asked.isEmpty() ? null
                : uow.sendRead("select token_id, venue, market, outcome from outcome_token"
                        + " where token_id = any($1::text[]::numeric[])",
                        Tuple.of((Object) asked.stream().map(BigInteger::toString).toArray(String[]::new)),
                        r -> Map.entry(r.getBigDecimal(0).toBigIntegerExact(), new OutcomeRef(r.getString(1),
                                r.getString(2), r.getString(3))));
        return new Lookup(uow, asked, answer);
    }

    /** Token ids to outcomes, some of them asked already ({@link #sendFind}). */
    public final class Lookup {

        private final Sql sql;
        private final Set<BigInteger> asked;
        private final SentRead<Map.Entry<BigInteger, OutcomeRef>> answer;
        private Map<BigInteger, OutcomeRef> answered;

        private Lookup(Sql sql, Set<BigInteger> asked, SentRead<Map.Entry<BigInteger, OutcomeRef>> answer) {
            this.sql = sql;
            this.asked = asked;
            this.answer = answer;
        }

        /** As {@link OutcomeRegistry#find}: null when neither the settings nor an alert named the id. */
        public OutcomeRef find(BigInteger tokenId) {
            if (!asked.contains(tokenId)) {
                return OutcomeRegistry.this.find(sql, tokenId);
            }
            if (answered == null) {
                answered = new HashMap<>();
                answer.rows().forEach(e -> answered.put(e.getKey(), e.getValue()));
                learnt.putAll(answered);
            }
            return answered.get(tokenId);
        }
    }

    /** Records what an alert leg says a token id is, unless the id is known already. */
    public void learn(UnitOfWork uow, BigInteger tokenId, OutcomeRef outcome) {
        uow.exec("insert into outcome_token (token_id, venue, market, outcome) values ($1, $2, $3, $4)"
                + " on conflict (token_id) do nothing", Tuple.of(new BigDecimal(tokenId), outcome.venue(),
                outcome.market(), outcome.outcome()));
    }
}
