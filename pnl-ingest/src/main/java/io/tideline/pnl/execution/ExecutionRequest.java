package io.tideline.pnl.execution;

import io.tideline.events.TradeSide;
import io.tideline.service.problem.ProblemException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;

/**
 * A fill posted by an off-chain venue (e.g. Kalshi) that cannot be seen on chain. Shares and money are decimal
 * strings or numbers in the venue's units; {@code tradeId} is the venue's id of the fill, kept as text.
 */
public record ExecutionRequest(String venue, String tradeId, String user, String market, String outcome, String side,
                               BigDecimal shares, BigDecimal price, BigDecimal fee, Instant executedAt) {

    /** Validates every field (400 naming the first bad one) and gives the execution, id {@code venue:tradeId}. */
    public Execution toExecution() {
        String v = required(venue, "venue").toLowerCase(Locale.ROOT);
        String trade = required(tradeId, "tradeId");
        String u = UserIds.normalize(required(user, "user"));
        String m = required(market, "market");
        String o = required(outcome, "outcome");
        TradeSide s;
        try {
            s = TradeSide.valueOf(required(side, "side").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("side", "must be BUY or SELL");
        }
        if (shares == null || shares.signum() <= 0) {
            throw ProblemException.badField("shares", "required, greater than 0");
        }
        if (price == null || price.signum() < 0) {
            throw ProblemException.badField("price", "required, 0 or more");
        }
        if (fee != null && fee.signum() < 0) {
            throw ProblemException.badField("fee", "must be 0 or more");
        }
        if (executedAt == null) {
            throw ProblemException.badField("executedAt", "required, an ISO-8601 instant");
        }
        return new Execution(v + ":" + trade, u, v, m, o, s, shares, price, fee == null ? BigDecimal.ZERO : fee,
                executedAt, null);
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badField(field, "required");
        }
        if (value.length() > 200) {
            throw ProblemException.badField(field, "at most 200 characters");
        }
        return value.trim();
    }
}
