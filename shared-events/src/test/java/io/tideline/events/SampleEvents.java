package io.tideline.events;

import io.tideline.events.alert.AlertAcknowledged;
import io.tideline.events.alert.AlertEscalated;
import io.tideline.events.alert.AlertRaised;
import io.tideline.events.alert.AlertResolved;
import io.tideline.events.alert.AlertSeverity;
import io.tideline.events.config.SettingChanged;
import io.tideline.events.lp.ChainRef;
import io.tideline.events.lp.LpClosed;
import io.tideline.events.lp.LpFeesCollected;
import io.tideline.events.lp.LpLiquidityChanged;
import io.tideline.events.lp.LpMinted;
import io.tideline.events.lp.LpRangeEntered;
import io.tideline.events.lp.LpRangeExited;
import io.tideline.events.lp.LpTransferred;
import io.tideline.events.lp.LpFactRetracted;
import io.tideline.events.lp.LpValued;
import io.tideline.events.lp.PositionRef;
import io.tideline.events.lp.TokenRef;
import io.tideline.events.market.PriceObserved;
import io.tideline.events.mm.FillRecorded;
import io.tideline.events.mm.PositionUncovered;
import io.tideline.events.mm.SessionSettled;
import io.tideline.events.mm.TakeProfitFilled;
import io.tideline.events.mm.TakeProfitPlaced;
import io.tideline.events.perp.FundingPaid;
import io.tideline.events.perp.HedgeClosed;
import io.tideline.events.perp.HedgeFailed;
import io.tideline.events.perp.HedgeFilled;
import io.tideline.events.perp.HedgeRequested;
import io.tideline.events.perp.PerpFill;
import io.tideline.events.pnl.CostBasisMethod;
import io.tideline.events.pnl.ExecutionMatched;
import io.tideline.events.pnl.ExecutionUnmatched;
import io.tideline.events.pnl.PnlRealized;
import io.tideline.events.pnl.WalletActivityReceived;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One realistic envelope per event type (a USDC/WETH 0.05 % position on mainnet and what follows from it), with values
 * that catch lossy encodings: uint256-sized amounts, trailing zeros, negative P&amp;L, microsecond instants.
 */
public final class SampleEvents {

    public static final PositionRef POSITION =
            new PositionRef(1, "0xC36442b4a4522E871399CD717aBDD847Ab11FE88", "812345");
    public static final String POOL = "0x88e6A0c2dDD26FEEb64F039a2c41296FcB3f5640";
    public static final TokenRef USDC = new TokenRef("0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48", "USDC", 6);
    public static final TokenRef WETH = new TokenRef("0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2", "WETH", 18);
    public static final String OWNER = "0x5B38Da6a701c568545dCfcB03FcB875f56beddC4";
    public static final String WALLET = "0xab5801a7d398351b8be11c439e05c5b3259aec9b";
    public static final Instant T0 = Instant.parse("2026-03-14T09:26:53.589793Z");
    public static final BigInteger TWO_POW_200 = BigInteger.TWO.pow(200);

    private static final ChainRef AT = new ChainRef(21_874_512,
            "0x9b4e5c0f8a1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f",
            "0x1f2e3d4c5b6a79880716253443526170819a0b1c2d3e4f5a6b7c8d9e0f1a2b3c", 117, T0);
    private static final String HEDGE_ID = "hedge-" + POSITION.tokenId();
    private static final String SESSION = "mm-2026-03-14";

    private static final List<EventPayload> PAYLOADS = List.of(
            new LpMinted(POSITION, OWNER, POOL, USDC, WETH, 500, 194_340, 196_340,
                    new BigInteger("1517882343751509868544"), new BigInteger("2500000000"),
                    new BigInteger("708921543210987654"), new BigInteger("1339010225413466836371968929542836"),
                    new BigDecimal("0.000285632010000000"), AT),
            new LpLiquidityChanged(POSITION, new BigInteger("-758941171875754934272"),
                    new BigInteger("758941171875754934272"), new BigInteger("1250000000"),
                    new BigInteger("354460771605493827"), AT),
            new LpFeesCollected(POSITION, OWNER, TWO_POW_200, BigInteger.ZERO, AT),
            new LpRangeExited(POSITION, 196_400, 194_340, 196_340, LpRangeExited.Side.ABOVE, AT),
            new LpRangeEntered(POSITION, 196_000, AT),
            new LpClosed(POSITION, LpClosed.Reason.BURNED, new BigInteger("2431000000"),
                    new BigInteger("720000000000000000"), new BigInteger("3120450"),
                    new BigInteger("901234567890123"), new BigDecimal("-0.004210"), AT),
            new LpTransferred(POSITION, OWNER, WALLET, AT, true),
            new LpValued(POSITION, 21_874_600, new BigInteger("1339010225413466836371968929542836"), 195_120,
                    new BigInteger("1517882343751509868544"), new BigInteger("2400000000"),
                    new BigInteger("730000000000000000"), new BigInteger("1550000"), new BigInteger("442000000000000"),
                    new BigDecimal("0.00028563201"), new BigDecimal("1.41732"), new BigDecimal("0.00120"), T0),
            new LpFactRetracted(POSITION, java.util.UUID.fromString("6f1c2a9e-3b7d-5e48-9a0c-1d2e3f4a5b6c"),
                    "LpRangeExited", AT, AT.blockNumber() - 3),

            new HedgeRequested(POSITION.key(), HEDGE_ID, 0, "ETH-USD", TradeSide.SELL, new BigDecimal("0.708"),
                    new BigDecimal("3501.10"), "tl-" + HEDGE_ID + "-0"),
            new HedgeFilled(POSITION.key(), HEDGE_ID, 0, "ETH-USD", "1893456789012345678", "tl-" + HEDGE_ID + "-0",
                    TradeSide.SELL, new BigDecimal("0.708"), new BigDecimal("3500.95"), new BigDecimal("0.6197"),
                    List.of(new PerpFill("98765432101", new BigDecimal("0.500"), new BigDecimal("3501.00"),
                                    new BigDecimal("0.4376"), T0),
                            new PerpFill("98765432102", new BigDecimal("0.208"), new BigDecimal("3500.83"),
                                    new BigDecimal("0.1821"), T0.plusMillis(3)))),
            new HedgeFailed(POSITION.key(), HEDGE_ID, 1, "ETH-USD", "tl-" + HEDGE_ID + "-1",
                    "venue rejected: insufficient margin", false, 3),
            new HedgeClosed(POSITION.key(), HEDGE_ID, "ETH-USD", "1893456789012349999", new BigDecimal("0.708"),
                    new BigDecimal("3380.40"), new BigDecimal("85.3494"), new BigDecimal("1.2391")),
            new FundingPaid(POSITION.key(), HEDGE_ID, "extended", "ETH-USD", "9007199254740993",
                    "1821237954501148672", "SHORT", new BigDecimal("0.708"), new BigDecimal("0.000013"),
                    new BigDecimal("3087"), new BigDecimal("0.0284137"), new BigDecimal("0.0284137"), T0),

            new WalletActivityReceived("wh_octagon_01", "whevt_7k2m9q", "ETH_MAINNET", WALLET,
                    "0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060", 42, "token",
                    "0x28c6c06298d514db089934071355e5743bf21d60", WALLET,
                    "0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48", "USDC", new BigInteger("15000000000"), 6, null,
                    21_874_512, false),
            new ExecutionMatched("0xexec-1", WALLET, "polymarket", "0x2f1c-fed-cut-june", "YES", TradeSide.BUY,
                    new BigDecimal("1500.00"), new BigDecimal("0.62"), new BigDecimal("0.00"), T0, "alert-41"),
            new ExecutionUnmatched("0xexec-2", WALLET, "polymarket", "0x2f1c-fed-cut-june", "NO", TradeSide.SELL,
                    new BigDecimal("200"), new BigDecimal("0.395"), new BigDecimal("0.10"), T0),
            new PnlRealized(WALLET, "polymarket", "0x2f1c-fed-cut-june", "YES", new BigDecimal("1500.00"),
                    new BigDecimal("930.00"), new BigDecimal("1500.00"), new BigDecimal("569.90"),
                    new BigDecimal("0.10"), CostBasisMethod.FIFO, PnlRealized.Reason.RESOLUTION, "alert-41", T0),

            new FillRecorded(SESSION, "ETH-USDC", "paper", "o-1001", "t-5001", TradeSide.BUY, new BigDecimal("0.2500"),
                    new BigDecimal("3499.50"), new BigDecimal("0.000025"), "ETH", T0),
            new PositionUncovered(SESSION, "ETH-USDC", "paper", "t-5001", TradeSide.BUY, new BigDecimal("3499.50"),
                    new BigDecimal("0.2500"), 0, T0, "the venue account holds 0.1000 not already offered for sale"),
            new TakeProfitPlaced(SESSION, "ETH-USDC", "paper", "t-5001", "tp-t-5001-1", "v-88001", TradeSide.SELL,
                    new BigDecimal("3510.00"), new BigDecimal("0.2500"), 1, "tp-t-5001-0"),
            new TakeProfitFilled(SESSION, "ETH-USDC", "paper", "tp-t-5001-1", "v-88001", "t-5002",
                    new BigDecimal("0.2500"), new BigDecimal("3510.00"), new BigDecimal("0.87750"), T0),
            new SessionSettled("run-7f3a", SESSION, List.of("ETH-USDC", "BTC-USDC"), 4, 5, 1, 1, 2, 1_842, false),

            new PriceObserved("uniswap-v3", "1:" + POOL.toLowerCase(), new BigDecimal("0.000285632010000000"),
                    new BigInteger("1339010225413466836371968929542836"), 195_120, 21_874_600L, T0,
                    new BigInteger("21406056729473208316"), new BigInteger("2000000000000000000"),
                    new BigInteger("5712640200"), 3),

            new AlertRaised("alert-41", "lp-out-of-range", AlertSeverity.MEDIUM, POSITION.key(),
                    "LP 812345 out of range", "tick 196400 is above the range [194340, 196340)", T0,
                    UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e")),
            new AlertEscalated("alert-41", AlertSeverity.MEDIUM, AlertSeverity.HIGH, 1,
                    "not acknowledged within 15 minutes", T0),
            new AlertAcknowledged("alert-41", "ops@desk", null, T0),
            new AlertResolved("alert-41", "position rebalanced into range", "ops@desk", T0),

            new SettingChanged("alerting.delivery.paused", "true", null, "ops@desk", T0));

    private SampleEvents() {
    }

    /** The sample payload of {@code type}, if there is one. */
    public static Optional<EventPayload> payload(EventType type) {
        return PAYLOADS.stream().filter(p -> EventType.of(p.getClass()) == type).findFirst();
    }

    /** The sample of {@code type} in an envelope with a correlation id. */
    public static Optional<EventEnvelope<EventPayload>> envelope(EventType type) {
        return payload(type).map(p -> new EventEnvelope<>(
                UUID.nameUUIDFromBytes(type.wireName().getBytes(StandardCharsets.UTF_8)),
                type.wireName(), type.version(), T0, "sample", "key-" + type.wireName(), "corr-1", p));
    }

    /** The {@link LpMinted} sample, the event most tests tamper with. */
    public static EventEnvelope<EventPayload> lpMinted() {
        return envelope(EventType.LP_MINTED).orElseThrow();
    }
}
