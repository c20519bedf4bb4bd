package io.tideline.perp.hedge;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.events.EventEnvelope;
import io.tideline.events.EventPayload;
import io.tideline.events.TradeSide;
import io.tideline.events.lp.ChainRef;
import io.tideline.events.lp.LpClosed;
import io.tideline.events.lp.LpFactRetracted;
import io.tideline.events.lp.LpMinted;
import io.tideline.events.lp.LpTransferred;
import io.tideline.events.lp.LpValued;
import io.tideline.events.lp.PositionRef;
import io.tideline.events.lp.TokenRef;
import io.tideline.perp.market.PoolMarket;
import io.tideline.perp.market.PoolMarkets;
import io.tideline.perp.venue.VenuePosition;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The hedge planner's decisions, from facts and hedges made here: no database, no venue, no framework. */
class HedgePlannerTest {

    private static final String POOL = "0x4e68ccd3e89f51c3074ca5072bbac773960dfa36";
    private static final PositionRef POSITION = new PositionRef(31337, "0xc36442b4a4522e871399cd717abdd847ab11fe88",
            "42");
    private static final TokenRef WETH = new TokenRef("0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2", "WETH", 18);
    private static final TokenRef USDC = new TokenRef("0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48", "USDC", 6);
    private static final String OWNER = "0x5b38da6a701c568545dcfcb03fcb875f56beddc4";
    private static final BigInteger ONE_WETH = BigInteger.TEN.pow(18);
    private static final LocalDate DAY = LocalDate.of(2026, 12, 4);
    /** ETH-USD at the pool's 2500: the per-hedge cap is 4 WETH short, the total cap 8. */
    private static final HedgeRules RULES = new HedgeRules(new PoolMarkets(List.of(new PoolMarket("31337:" + POOL,
            "ETH-USD", true, new BigDecimal("0.001")))), Set.of(OWNER.toUpperCase().replace("0X", "0x")),
            BigDecimal.ONE, true, new BigDecimal("0.10"), 2, new BigDecimal("10000"), new BigDecimal("20000"));

    private final HedgePlanner planner = new HedgePlanner(RULES);

    @Test
    void opensAHedgeWithOneSellOfTheVolatileHoldingOnMint() {
        EventEnvelope<LpMinted> mint = fact(minted(POOL, ONE_WETH.multiply(BigInteger.valueOf(15)).divide(
                BigInteger.TEN)));

        HedgeDecision decision = planner.plan(mint, Optional.empty(), List.of(), 0, DAY);

        HedgeDecision.Open open = (HedgeDecision.Open) decision;
        assertThat(open.hedge().hedgeId()).isEqualTo(ExternalIds.hedgeId(POSITION.key(), mint.eventId()));
        assertThat(open.hedge().status()).isEqualTo(HedgeStatus.OPENING);
        assertThat(open.hedge().lpState()).isEqualTo(LpState.OPEN);
        assertThat(open.hedge().targetQty()).isEqualByComparingTo("1.5");
        assertThat(open.hedge().correlationId()).isEqualTo(mint.eventId().toString());
        assertThat(open.order().side()).isEqualTo(TradeSide.SELL);
        assertThat(open.order().purpose()).isEqualTo(OrderPurpose.OPEN);
        assertThat(open.order().step()).isZero();
        assertThat(open.order().quantity()).isEqualByComparingTo("1.5");
        assertThat(open.order().reduceOnly()).isFalse();
        assertThat(open.order().referencePrice()).isEqualByComparingTo("2500");
        assertThat(open.order().externalId()).isEqualTo(ExternalIds.of(open.hedge().hedgeId(), 0, 0));
        assertThat(open.order().correlationId()).isEqualTo(mint.eventId().toString());
    }

    @Test
    void aMintTheDeskAlreadyHedgesChangesNothing() {
        EventEnvelope<LpMinted> mint = fact(minted(POOL, ONE_WETH));
        Hedge live = hedge(HedgeStatus.OPEN, LpState.OPEN, "1");

        assertThat(planner.plan(mint, Optional.of(live), List.of(), 0, DAY))
                .isInstanceOf(HedgeDecision.NoChange.class);
    }

    @Test
    void aPoolWithoutAMarketIsUnhedged() {
        HedgeDecision decision = planner.plan(fact(minted("0x1111111111111111111111111111111111111111", ONE_WETH)),
                Optional.empty(), List.of(), 0, DAY);

        HedgeDecision.Unhedged unhedged = (HedgeDecision.Unhedged) decision;
        assertThat(unhedged.reason()).isEqualTo(UnhedgedReason.NO_MARKET);
        assertThat(unhedged.hedge().status()).isEqualTo(HedgeStatus.UNHEDGED);
        assertThat(unhedged.hedge().detail()).contains("no perp market is configured for pool");
    }

    @Test
    void aPositionOfAWalletThatIsNotTheDesksIsUnhedged() {
        LpMinted someoneElses = minted(POOL, ONE_WETH, "0x000000000000000000000000000000000000dead");

        HedgeDecision.Unhedged unhedged = (HedgeDecision.Unhedged) planner.plan(fact(someoneElses), Optional.empty(),
                List.of(), 0, DAY);

        assertThat(unhedged.reason()).isEqualTo(UnhedgedReason.NOT_DESK_WALLET);
        assertThat(unhedged.hedge().status()).isEqualTo(HedgeStatus.UNHEDGED);
        assertThat(unhedged.hedge().detail()).contains("0x000000000000000000000000000000000000dead")
                .contains("tideline.perp.owners");
        // the desk's own wallet, in whatever case the rules were given it, is hedged
        assertThat(planner.plan(fact(minted(POOL, ONE_WETH)), Optional.empty(), List.of(), 0, DAY))
                .isInstanceOf(HedgeDecision.Open.class);
    }

    @Test
    void aShortPastThePerHedgeCapIsUnhedgedAndOneAtTheCapIsOpened() {
        BigInteger justOver = ONE_WETH.multiply(BigInteger.valueOf(4_001)).divide(BigInteger.valueOf(1_000));

        HedgeDecision.Unhedged over = (HedgeDecision.Unhedged) planner.plan(fact(minted(POOL, justOver)),
                Optional.empty(), List.of(), 0, DAY);

        assertThat(over.reason()).isEqualTo(UnhedgedReason.OVER_CAP);
        assertThat(over.hedge().detail()).contains("notional 10002.5").contains("per-hedge cap of 10000");
        HedgeDecision.Open atCap = (HedgeDecision.Open) planner.plan(fact(minted(POOL, ONE_WETH.multiply(
                BigInteger.valueOf(4)))), Optional.empty(), List.of(), 0, DAY);
        assertThat(atCap.order().quantity()).isEqualByComparingTo("4");
    }

    @Test
    void aShortThatWouldTakeTheDeskPastTheTotalCapIsUnhedged() {
        EventEnvelope<LpMinted> mint = fact(minted(POOL, ONE_WETH.multiply(BigInteger.valueOf(3)).divide(
                BigInteger.TWO))); // 1.5 WETH = 3750

        HedgeDecision.Unhedged over = (HedgeDecision.Unhedged) planner.plan(mint, Optional.empty(), List.of(), 0,
                DAY, new BigDecimal("16250.01"));

        assertThat(over.reason()).isEqualTo(UnhedgedReason.OVER_CAP);
        assertThat(over.hedge().detail()).contains("to 20000.01").contains("total cap of 20000");
        assertThat(planner.plan(mint, Optional.empty(), List.of(), 0, DAY, new BigDecimal("16250")))
                .isInstanceOf(HedgeDecision.Open.class);
    }

    @Test
    void reHedgingUpStopsAtTheCapsButBuyingBackDoesNot() {
        Hedge h = hedge(HedgeStatus.OPEN, LpState.OPEN, "2");

        HedgeDecision.NoChange capped = (HedgeDecision.NoChange) planner.plan(fact(valued("4.5")), Optional.of(h),
                List.of(), 0, DAY);
        assertThat(capped.why()).contains("per-hedge cap");
        assertThat(planner.plan(fact(valued("3")), Optional.of(h), List.of(), 0, DAY, new BigDecimal("12500.01")))
                .isInstanceOf(HedgeDecision.NoChange.class);
        HedgeDecision.Rehedge down = (HedgeDecision.Rehedge) planner.plan(fact(valued("1.5")), Optional.of(h),
                List.of(), 0, DAY, new BigDecimal("50000"));
        assertThat(down.order().side()).isEqualTo(TradeSide.BUY);
    }

    @Test
    void anExposureBelowOneStepIsUnhedged() {
        HedgeDecision decision = planner.plan(fact(minted(POOL, BigInteger.TEN.pow(14).multiply(BigInteger.valueOf(
                9)))), Optional.empty(), List.of(), 0, DAY); // 0.0009 WETH, step 0.001

        HedgeDecision.Unhedged unhedged = (HedgeDecision.Unhedged) decision;
        assertThat(unhedged.reason()).isEqualTo(UnhedgedReason.TOO_SMALL);
        assertThat(unhedged.hedge().detail()).startsWith("exposure of 0.0009").contains("rounds to 0");
    }

    @Test
    void aCloseCancelsTheUnsentOrdersAndLeavesTheShortToTheBuyBack() {
        Hedge h = hedge(HedgeStatus.OPEN, LpState.OPEN, "1.5");
        HedgeOrder unsent = order(h, 1, OrderPurpose.REBALANCE, OrderState.REQUESTED);
        HedgeOrder inFlight = order(h, 2, OrderPurpose.REBALANCE, OrderState.SENDING);
        EventEnvelope<LpClosed> close = fact(closed());

        HedgeDecision.LpGone gone = (HedgeDecision.LpGone) planner.plan(close, Optional.of(h),
                List.of(unsent, inFlight), 0, DAY);

        assertThat(gone.cancelled()).containsExactly(unsent);
        assertThat(gone.hedge().lpState()).isEqualTo(LpState.CLOSED);
        assertThat(gone.hedge().status()).isEqualTo(HedgeStatus.OPEN);
        assertThat(gone.hedge().correlationId()).isEqualTo(close.eventId().toString());
    }

    @Test
    void aCloseBeforeTheOpeningOrderWasSentClosesTheHedge() {
        Hedge h = hedge(HedgeStatus.OPENING, LpState.OPEN, "0");
        HedgeOrder opening = order(h, 0, OrderPurpose.OPEN, OrderState.REQUESTED);

        HedgeDecision.LpGone gone = (HedgeDecision.LpGone) planner.plan(fact(closed()), Optional.of(h),
                List.of(opening), 0, DAY);

        assertThat(gone.cancelled()).containsExactly(opening);
        assertThat(gone.hedge().status()).isEqualTo(HedgeStatus.CLOSED);
    }

    @Test
    void aTransferAwayAndARetractedMintAreTheLpGoneToo() {
        Hedge h = hedge(HedgeStatus.OPEN, LpState.OPEN, "1");
        HedgeDecision transferred = planner.plan(fact(new LpTransferred(POSITION, OWNER,
                "0x000000000000000000000000000000000000dead", at(), true)), Optional.of(h), List.of(), 0, DAY);
        assertThat(((HedgeDecision.LpGone) transferred).hedge().lpState()).isEqualTo(LpState.TRANSFERRED);

        UUID mintId = UUID.randomUUID();
        HedgeDecision retracted = planner.plan(fact(new LpFactRetracted(POSITION, mintId, "LpMinted", at(), 1)),
                Optional.of(h), List.of(), 0, DAY);
        HedgeDecision.LpGone gone = (HedgeDecision.LpGone) retracted;
        assertThat(gone.hedge().lpState()).isEqualTo(LpState.RETRACTED);
        assertThat(gone.hedge().detail()).isEqualTo("mint retracted at fork block 1");

        HedgeDecision withinTheDesk = planner.plan(fact(new LpTransferred(POSITION, OWNER,
                "0x000000000000000000000000000000000000beef", at(), false)), Optional.of(h), List.of(), 0, DAY);
        assertThat(withinTheDesk).isInstanceOf(HedgeDecision.NoChange.class);
    }

    @Test
    void anUnhedgedPositionRecordsThatItsLpIsGone() {
        Hedge unhedged = hedge(HedgeStatus.UNHEDGED, LpState.OPEN, "0");

        HedgeDecision.LpGone closed = (HedgeDecision.LpGone) planner.plan(fact(closed()), Optional.of(unhedged),
                List.of(), 0, DAY);
        assertThat(closed.hedge().lpState()).isEqualTo(LpState.CLOSED);
        assertThat(closed.hedge().status()).isEqualTo(HedgeStatus.UNHEDGED);
        assertThat(closed.cancelled()).isEmpty();

        HedgeDecision.LpGone transferred = (HedgeDecision.LpGone) planner.plan(fact(new LpTransferred(POSITION,
                OWNER, "0x000000000000000000000000000000000000dead", at(), true)), Optional.of(unhedged), List.of(),
                0, DAY);
        assertThat(transferred.hedge().lpState()).isEqualTo(LpState.TRANSFERRED);
    }

    @Test
    void aRetractedCloseGivesTheLpBackUnlessTheShortWasBoughtBack() {
        Hedge closing = hedge(HedgeStatus.OPEN, LpState.CLOSED, "1");
        LpFactRetracted undoClose = new LpFactRetracted(POSITION, UUID.randomUUID(), "LpClosed", at(), 1);

        HedgeDecision.LpBack back = (HedgeDecision.LpBack) planner.plan(fact(undoClose), Optional.of(closing),
                List.of(), 0, DAY);
        assertThat(back.hedge().lpState()).isEqualTo(LpState.OPEN);

        Hedge boughtBack = hedge(HedgeStatus.CLOSED, LpState.CLOSED, "0");
        assertThat(planner.plan(fact(undoClose), Optional.of(boughtBack), List.of(), 0, DAY))
                .isInstanceOf(HedgeDecision.NoChange.class);
    }

    @Test
    void buysBackWhatIsHeldNeverMoreThanTheVenueShowsShort() {
        Hedge gone = hedge(HedgeStatus.OPEN, LpState.CLOSED, "1.5");

        HedgeDecision.BuyBack all = (HedgeDecision.BuyBack) planner.buyBack(gone,
                Optional.of(new VenuePosition("ETH-USD", TradeSide.SELL, new BigDecimal("2"), null)),
                new BigDecimal("2500"));
        assertThat(all.order().side()).isEqualTo(TradeSide.BUY);
        assertThat(all.order().reduceOnly()).isTrue();
        assertThat(all.order().purpose()).isEqualTo(OrderPurpose.CLOSE);
        assertThat(all.order().quantity()).isEqualByComparingTo("1.5");
        assertThat(all.order().step()).isEqualTo(gone.nextStep());
        assertThat(all.hedge().status()).isEqualTo(HedgeStatus.CLOSING);
        assertThat(all.hedge().nextStep()).isEqualTo(gone.nextStep() + 1);

        HedgeDecision.BuyBack less = (HedgeDecision.BuyBack) planner.buyBack(gone,
                Optional.of(new VenuePosition("ETH-USD", TradeSide.SELL, new BigDecimal("1.2"), null)),
                new BigDecimal("2500"));
        assertThat(less.order().quantity()).isEqualByComparingTo("1.2");
        assertThat(less.hedge().detail()).contains("venue short 1.2 is less than our 1.5");

        HedgeDecision none = planner.buyBack(gone, Optional.empty(), new BigDecimal("2500"));
        assertThat(none).isInstanceOf(HedgeDecision.NothingToBuyBack.class);
        assertThat(((HedgeDecision.NothingToBuyBack) none).hedge().status()).isEqualTo(HedgeStatus.FAILED);

        HedgeDecision nothingHeld = planner.buyBack(hedge(HedgeStatus.OPENING, LpState.CLOSED, "0"),
                Optional.empty(), BigDecimal.ZERO);
        assertThat(((HedgeDecision.Closed) nothingHeld).hedge().status()).isEqualTo(HedgeStatus.CLOSED);
    }

    @Test
    void reHedgesOnlyOutsideTheBandAndNotWhileAnOrderIsInFlight() {
        Hedge h = hedge(HedgeStatus.OPEN, LpState.OPEN, "2");

        assertThat(planner.plan(fact(valued("2.1")), Optional.of(h), List.of(), 0, DAY))
                .isInstanceOf(HedgeDecision.NoChange.class); // 5 %
        HedgeDecision.Rehedge up = (HedgeDecision.Rehedge) planner.plan(fact(valued("2.5")), Optional.of(h),
                List.of(), 0, DAY);
        assertThat(up.order().side()).isEqualTo(TradeSide.SELL);
        assertThat(up.order().quantity()).isEqualByComparingTo("0.5");
        assertThat(up.order().reduceOnly()).isFalse();
        assertThat(up.order().purpose()).isEqualTo(OrderPurpose.REBALANCE);
        assertThat(up.hedge().targetQty()).isEqualByComparingTo("2.5");

        HedgeDecision.Rehedge down = (HedgeDecision.Rehedge) planner.plan(fact(valued("1.5")), Optional.of(h),
                List.of(), 0, DAY);
        assertThat(down.order().side()).isEqualTo(TradeSide.BUY);
        assertThat(down.order().reduceOnly()).isTrue();
        assertThat(down.order().quantity()).isEqualByComparingTo("0.5");

        assertThat(planner.plan(fact(valued("3")), Optional.of(h),
                List.of(order(h, 1, OrderPurpose.REBALANCE, OrderState.PENDING_LOOKUP)), 0, DAY))
                .isInstanceOf(HedgeDecision.NoChange.class);
    }

    @Test
    void stopsReHedgingAtTheDailyCap() {
        Hedge h = hedge(HedgeStatus.OPEN, LpState.OPEN, "2");

        assertThat(planner.plan(fact(valued("3")), Optional.of(h), List.of(), 1, DAY))
                .isInstanceOf(HedgeDecision.Rehedge.class);
        HedgeDecision.CapReached capped = (HedgeDecision.CapReached) planner.plan(fact(valued("3")), Optional.of(h),
                List.of(), 2, DAY);
        assertThat(capped.day()).isEqualTo(DAY);
        assertThat(capped.cap()).isEqualTo(2);
        assertThat(capped.off()).isEqualByComparingTo("1");
    }

    // ---- fixtures

    private static <T extends EventPayload> EventEnvelope<T> fact(T payload) {
        return EventEnvelope.of("lp-tracker", POSITION.key(), null, payload);
    }

    private static LpMinted minted(String pool, BigInteger weth) {
        return minted(pool, weth, OWNER);
    }

    private static LpMinted minted(String pool, BigInteger weth, String owner) {
        return new LpMinted(POSITION, owner, pool, WETH, USDC, 3000, -887_220, 887_220,
                new BigInteger("1000000000000"), weth, BigInteger.valueOf(2_500_000_000L),
                new BigInteger("3961408125713216879677197"), new BigDecimal("2500"), at());
    }

    private static LpClosed closed() {
        return new LpClosed(POSITION, LpClosed.Reason.BURNED, BigInteger.ONE, BigInteger.ONE, BigInteger.ZERO,
                BigInteger.ZERO, BigDecimal.ZERO, at());
    }

    private static LpValued valued(String weth) {
        return new LpValued(POSITION, 1_100, new BigInteger("3961408125713216879677197"), 78_244,
                new BigInteger("1000000000000"), new BigDecimal(weth).movePointRight(18).toBigIntegerExact(),
                BigInteger.valueOf(5_000_000_000L), BigInteger.ZERO, BigInteger.ZERO, new BigDecimal("2500"),
                new BigDecimal("10000"), BigDecimal.ZERO, Instant.parse("2026-12-04T10:00:00Z"));
    }

    private static ChainRef at() {
        String hash = String.format("0x%064x", 1_000);
        return new ChainRef(1_000, hash, hash, 0, Instant.parse("2026-12-04T10:00:00Z"));
    }

    private static Hedge hedge(HedgeStatus status, LpState lp, String held) {
        return new Hedge(UUID.randomUUID(), POSITION.key(), OWNER, "31337:" + POOL, "ETH-USD", WETH.address(), 18,
                status, lp, new BigDecimal(held), new BigDecimal(held), BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, 3, null, "mint-correlation", Instant.EPOCH, Instant.EPOCH);
    }

    private static HedgeOrder order(Hedge h, int step, OrderPurpose purpose, OrderState state) {
        return new HedgeOrder(UUID.randomUUID(), h.hedgeId(), h.positionKey(), step, 0, purpose,
                ExternalIds.of(h.hedgeId(), step, 0), "paper", "ETH-USD", TradeSide.SELL, BigDecimal.ONE, false,
                new BigDecimal("2500"), state, null, null, null, BigDecimal.ZERO, null, BigDecimal.ZERO, 0, null, null,
                null, "mint-correlation", Instant.EPOCH, Instant.EPOCH);
    }
}
