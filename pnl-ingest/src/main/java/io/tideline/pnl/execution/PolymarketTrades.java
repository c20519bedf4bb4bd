package io.tideline.pnl.execution;

import io.tideline.events.TradeSide;
import io.tideline.pnl.activity.Activity;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Recognises Polymarket trades in one transaction's transfers for one wallet: outcome shares (ERC-1155 of the
 * Conditional Tokens contract) moving one way and collateral (USDC) the other. Shares in and USDC out is a BUY, the
 * reverse a SELL; price = USDC / shares (scale 8, half-even); collateral sent to a configured fee recipient is the
 * trade's fee. Pure: no I/O.
 */
public final class PolymarketTrades {

    /** Decimal places of a derived price. */
    public static final int PRICE_SCALE = 8;

    private final String venue;
    private final String conditionalTokens;
    private final Set<String> collateral;
    private final Set<String> feeRecipients;
    private final int decimals;

    public PolymarketTrades(String venue, String conditionalTokens, List<String> collateralTokens,
            List<String> feeRecipients, int decimals) {
        this.venue = venue;
        this.conditionalTokens = conditionalTokens.toLowerCase(Locale.ROOT);
        this.collateral = lower(collateralTokens);
        this.feeRecipients = lower(feeRecipients);
        this.decimals = decimals;
    }

    /** The outcome of reading one transaction: the execution found, or why there is none. */
    public record Reading(Execution execution, String noTradeReason) {
        static Reading none(String reason) {
            return new Reading(null, reason);
        }
    }

    /**
     * Reads the transaction's (not removed) transfers touching {@code wallet}.
     *
     * @param outcomes  the registry: token id to market and outcome (unknown ids get a market named after the token)
     * @param network   part of the execution id
     * @param executedAt when the trade happened (the delivery's or the block's time)
     */
    public Reading read(String network, String wallet, List<Activity> transfers,
            Function<BigInteger, OutcomeRef> outcomes, Instant executedAt) {
        List<Activity> shareLegs = new ArrayList<>();
        BigInteger collateralIn = BigInteger.ZERO;
        BigInteger feePaid = BigInteger.ZERO;
        String txHash = null;
        for (Activity a : transfers) {
            if (a.removed() || a.from().equals(a.to())) {
                continue;
            }
            txHash = a.txHash();
            boolean incoming = a.to().equals(wallet);
            boolean outgoing = a.from().equals(wallet);
            if (!incoming && !outgoing) {
                continue;
            }
            if (a.isErc1155() && conditionalTokens.equals(a.contract())) {
                shareLegs.add(a);
            } else if (a.isErc20() && collateral.contains(a.contract())) {
                String counterparty = incoming ? a.from() : a.to();
                if (feeRecipients.contains(counterparty)) {
                    feePaid = incoming ? feePaid.subtract(a.rawValue()) : feePaid.add(a.rawValue());
                } else {
                    collateralIn = incoming ? collateralIn.add(a.rawValue()) : collateralIn.subtract(a.rawValue());
                }
            }
        }
        if (shareLegs.isEmpty()) {
            return Reading.none("no outcome shares moved");
        }
        Set<BigInteger> tokens = shareLegs.stream().map(Activity::tokenId).collect(Collectors.toSet());
        if (tokens.size() > 1) {
            return Reading.none("several outcome tokens in one transaction (split, merge or conversion)");
        }
        BigInteger sharesIn = BigInteger.ZERO;
        for (Activity leg : shareLegs) {
            sharesIn = leg.to().equals(wallet) ? sharesIn.add(leg.rawValue()) : sharesIn.subtract(leg.rawValue());
        }
        if (sharesIn.signum() == 0) {
            return Reading.none("outcome shares moved in and out in equal amounts");
        }
        if (collateralIn.signum() == 0 || collateralIn.signum() == sharesIn.signum()) {
            return Reading.none("no collateral moved against the shares (a transfer, not a trade)");
        }
        TradeSide side = sharesIn.signum() > 0 ? TradeSide.BUY : TradeSide.SELL;
        BigDecimal shares = new BigDecimal(sharesIn.abs(), decimals);
        BigDecimal paid = new BigDecimal(collateralIn.abs(), decimals);
        BigDecimal price = paid.divide(shares, PRICE_SCALE, RoundingMode.HALF_EVEN);
        BigDecimal fee = new BigDecimal(feePaid.max(BigInteger.ZERO), decimals);
        Activity first = shareLegs.stream().min(Comparator.comparing(Activity::logIndex,
                Comparator.nullsLast(Comparator.naturalOrder()))).orElseThrow();
        BigInteger token = first.tokenId();
        OutcomeRef outcome = outcomes.apply(token);
        String market = outcome != null ? outcome.market() : "ctf:" + token;
        String outcomeName = outcome != null ? outcome.outcome() : token.toString();
        String id = network + ":" + txHash + ":" + first.logIndex() + ":" + token + ":" + wallet;
        return new Reading(new Execution(id, wallet, venue, market, outcomeName, side, shares,
                price, fee, executedAt, txHash), null);
    }

    private static Set<String> lower(List<String> addresses) {
        return addresses.stream().map(a -> a.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }
}
