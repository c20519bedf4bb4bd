package io.tideline.pnl.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.events.TradeSide;
import io.tideline.pnl.activity.Activity;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolymarketTradesTest {

    private static final String CTF = "0x4d97dcd97ec945f40cf65f87097ace5ea0476045";
    private static final String USDC = "0x2791bca1f2de4661ed88a30c99a7a9449aa84174";
    private static final String FEE = "0x00000000000000000000000000000000000fee01";
    private static final String ME = "0x00000000000000000000000000000000000000aa";
    private static final String EXCHANGE = "0x4bfb41d5b3570defd03c39a9a4d8de6bd8b8982e";
    private static final BigInteger TOKEN = new BigInteger("52114319501245915516055106046884209969926127482827954674443846427813813222426");
    private static final Instant AT = Instant.parse("2026-11-30T12:00:00Z");

    private final PolymarketTrades trades = new PolymarketTrades("polymarket", CTF, List.of(USDC), List.of(FEE), 6);

    @Test
    void sharesInAndUsdcOutIsABuyPricedAtUsdcPerShareWithTheFeeApart() {
        var reading = read(usdc(1, ME, EXCHANGE, 33_000_000), usdc(2, ME, FEE, 660_000),
                shares(3, EXCHANGE, ME, TOKEN, 60_000_000));
        Execution e = reading.execution();
        assertThat(e.side()).isEqualTo(TradeSide.BUY);
        assertThat(e.shares()).isEqualByComparingTo("60");
        assertThat(e.price()).isEqualByComparingTo("0.55");
        assertThat(e.fee()).isEqualByComparingTo("0.66");
        assertThat(e.market()).isEqualTo("Will it rain?");
        assertThat(e.outcome()).isEqualTo("YES");
        assertThat(e.executionId()).isEqualTo("MATIC_MAINNET:0xtx:3:" + TOKEN + ":" + ME);
    }

    @Test
    void sharesOutAndUsdcInIsASaleAndARepeatingPriceIsRoundedHalfEvenTo8Places() {
        Execution e = read(shares(5, ME, EXCHANGE, TOKEN, 3_000_000), usdc(6, EXCHANGE, ME, 2_000_000)).execution();
        assertThat(e.side()).isEqualTo(TradeSide.SELL);
        assertThat(e.price()).isEqualByComparingTo("0.66666667");
        assertThat(e.fee()).isEqualByComparingTo("0");
    }

    @Test
    void aPlainShareTransferOrAMergeIsNoTrade() {
        assertThat(read(shares(1, EXCHANGE, ME, TOKEN, 5)).execution()).isNull();
        assertThat(read(shares(1, ME, EXCHANGE, TOKEN, 5), shares(2, ME, EXCHANGE, TOKEN.add(BigInteger.ONE), 5),
                usdc(3, EXCHANGE, ME, 5)).noTradeReason()).contains("several outcome tokens");
        assertThat(read(usdc(1, ME, EXCHANGE, 5)).noTradeReason()).contains("no outcome shares");
        // Shares in and USDC in: not a purchase.
        assertThat(read(shares(1, EXCHANGE, ME, TOKEN, 5), usdc(2, EXCHANGE, ME, 5)).execution()).isNull();
    }

    @Test
    void removedTransfersDoNotCount() {
        Activity removedShares = new Activity("0xtx", 3, 1, "erc1155", EXCHANGE, ME, CTF, null,
                BigInteger.valueOf(60_000_000), null, TOKEN, true);
        assertThat(read(usdc(1, ME, EXCHANGE, 33_000_000), removedShares).execution()).isNull();
    }

    @Test
    void anUnknownTokenIsNamedAfterItsId() {
        BigInteger other = BigInteger.valueOf(77);
        Execution e = read(usdc(1, ME, EXCHANGE, 1_000_000), shares(2, EXCHANGE, ME, other, 2_000_000)).execution();
        assertThat(e.market()).isEqualTo("ctf:77");
        assertThat(e.outcome()).isEqualTo("77");
    }

    private PolymarketTrades.Reading read(Activity... transfers) {
        return trades.read("MATIC_MAINNET", ME, List.of(transfers),
                t -> t.equals(TOKEN) ? new OutcomeRef("polymarket", "Will it rain?", "YES") : null, AT);
    }

    private static Activity usdc(int log, String from, String to, long raw) {
        return new Activity("0xtx", log, 1, "token", from, to, USDC, "USDC", BigInteger.valueOf(raw), 6, null, false);
    }

    private static Activity shares(int log, String from, String to, BigInteger token, long raw) {
        return new Activity("0xtx", log, 1, "erc1155", from, to, CTF, null, BigInteger.valueOf(raw), null, token,
                false);
    }
}
