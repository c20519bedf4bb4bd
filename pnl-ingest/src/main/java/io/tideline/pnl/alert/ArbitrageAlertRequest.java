package io.tideline.pnl.alert;

import io.tideline.events.TradeSide;
import io.tideline.service.input.Identifiers;
import io.tideline.service.problem.ProblemException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * A new arbitrage alert: the legs to trade on each venue and the edge expected.
 *
 * @param alertId   optional: generated when absent
 * @param createdAt optional: now when absent
 * @param expiresAt when the opportunity is gone; must be after createdAt
 */
public record ArbitrageAlertRequest(String alertId, List<Leg> legs, BigDecimal expectedEdge, Instant createdAt,
                                    Instant expiresAt) {

    /**
     * One venue's side of the trade.
     *
     * @param tokenId optional: the outcome token's id (on-chain venues); recorded in the outcome-token registry
     */
    public record Leg(String venue, String market, String outcome, String side, BigDecimal expectedPrice,
                      String tokenId) {
    }

    /** A leg validated: venue in lower case, side parsed, token id a decimal uint256 (text). */
    public record ValidLeg(String venue, String market, String outcome, TradeSide side, BigDecimal expectedPrice,
                           String tokenId) {
    }

    public List<ValidLeg> validLegs() {
        if (legs == null || legs.isEmpty()) {
            throw ProblemException.badField("legs", "at least one leg is required");
        }
        return IntStream.range(0, legs.size()).mapToObj(i -> valid(legs.get(i), "legs[" + i + "]"))
                .toList();
    }

    public void validate(Instant created) {
        if (alertId != null) {
            Identifiers.require("alertId", alertId);
        }
        if (expectedEdge == null) {
            throw ProblemException.badField("expectedEdge", "required");
        }
        if (expiresAt == null) {
            throw ProblemException.badField("expiresAt", "required, an ISO-8601 instant");
        }
        if (!expiresAt.isAfter(created)) {
            throw ProblemException.badField("expiresAt", "must be after createdAt (" + created + ")");
        }
    }

    private static ValidLeg valid(Leg leg, String path) {
        if (leg == null) {
            throw ProblemException.badField(path, "required");
        }
        String venue = text(leg.venue(), path + ".venue").toLowerCase(Locale.ROOT);
        String market = text(leg.market(), path + ".market");
        String outcome = text(leg.outcome(), path + ".outcome");
        TradeSide side;
        try {
            side = TradeSide.valueOf(text(leg.side(), path + ".side").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField(path + ".side", "must be BUY or SELL");
        }
        if (leg.expectedPrice() == null || leg.expectedPrice().signum() < 0) {
            throw ProblemException.badField(path + ".expectedPrice", "required, 0 or more");
        }
        BigInteger token = null;
        if (leg.tokenId() != null) {
            try {
                token = new BigInteger(leg.tokenId().trim());
            } catch (NumberFormatException e) {
                throw ProblemException.badField(path + ".tokenId", "must be a decimal integer");
            }
            if (token.signum() < 0 || token.bitLength() > 256) {
                throw ProblemException.badField(path + ".tokenId", "must be a uint256");
            }
        }
        return new ValidLeg(venue, market, outcome, side, leg.expectedPrice(), token == null ? null : token.toString());
    }

    private static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badField(field, "required");
        }
        return value.trim();
    }
}
