package io.tideline.events;

import io.tideline.events.Topics.TopicSpec;
import io.tideline.events.alert.AlertAcknowledged;
import io.tideline.events.alert.AlertEscalated;
import io.tideline.events.alert.AlertRaised;
import io.tideline.events.alert.AlertResolved;
import io.tideline.events.config.SettingChanged;
import io.tideline.events.lp.LpClosed;
import io.tideline.events.lp.LpFactRetracted;
import io.tideline.events.lp.LpFeesCollected;
import io.tideline.events.lp.LpLiquidityChanged;
import io.tideline.events.lp.LpMinted;
import io.tideline.events.lp.LpRangeEntered;
import io.tideline.events.lp.LpRangeExited;
import io.tideline.events.lp.LpTransferred;
import io.tideline.events.lp.LpValued;
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
import io.tideline.events.pnl.ExecutionMatched;
import io.tideline.events.pnl.ExecutionUnmatched;
import io.tideline.events.pnl.PnlRealized;
import io.tideline.events.pnl.WalletActivityReceived;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The registry of events: each event's wire name, current version, payload record and topic.
 *
 * <p>The wire name is the contract, not the class name: renaming a record must not change it. Renaming or re-typing a
 * payload field means a new version here.
 */
public enum EventType {

    LP_MINTED("LpMinted", 1, LpMinted.class, Topics.LP_POSITIONS),
    LP_LIQUIDITY_CHANGED("LpLiquidityChanged", 1, LpLiquidityChanged.class, Topics.LP_POSITIONS),
    LP_FEES_COLLECTED("LpFeesCollected", 1, LpFeesCollected.class, Topics.LP_POSITIONS),
    LP_RANGE_EXITED("LpRangeExited", 1, LpRangeExited.class, Topics.LP_POSITIONS),
    LP_RANGE_ENTERED("LpRangeEntered", 1, LpRangeEntered.class, Topics.LP_POSITIONS),
    LP_CLOSED("LpClosed", 1, LpClosed.class, Topics.LP_POSITIONS),
    LP_TRANSFERRED("LpTransferred", 1, LpTransferred.class, Topics.LP_POSITIONS),
    LP_VALUED("LpValued", 1, LpValued.class, Topics.LP_POSITIONS),
    LP_FACT_RETRACTED("LpFactRetracted", 1, LpFactRetracted.class, Topics.LP_POSITIONS),

    HEDGE_REQUESTED("HedgeRequested", 1, HedgeRequested.class, Topics.PERP_HEDGES),
    HEDGE_FILLED("HedgeFilled", 1, HedgeFilled.class, Topics.PERP_HEDGES),
    HEDGE_FAILED("HedgeFailed", 1, HedgeFailed.class, Topics.PERP_HEDGES),
    HEDGE_CLOSED("HedgeClosed", 1, HedgeClosed.class, Topics.PERP_HEDGES),
    FUNDING_PAID("FundingPaid", 1, FundingPaid.class, Topics.PERP_HEDGES),

    WALLET_ACTIVITY_RECEIVED("WalletActivityReceived", 1, WalletActivityReceived.class, Topics.PNL_EXECUTIONS),
    EXECUTION_MATCHED("ExecutionMatched", 1, ExecutionMatched.class, Topics.PNL_EXECUTIONS),
    EXECUTION_UNMATCHED("ExecutionUnmatched", 1, ExecutionUnmatched.class, Topics.PNL_EXECUTIONS),
    PNL_REALIZED("PnlRealized", 1, PnlRealized.class, Topics.PNL_EXECUTIONS),

    FILL_RECORDED("FillRecorded", 1, FillRecorded.class, Topics.MM_FILLS),
    POSITION_UNCOVERED("PositionUncovered", 1, PositionUncovered.class, Topics.MM_SETTLEMENT),
    TAKE_PROFIT_PLACED("TakeProfitPlaced", 1, TakeProfitPlaced.class, Topics.MM_SETTLEMENT),
    TAKE_PROFIT_FILLED("TakeProfitFilled", 1, TakeProfitFilled.class, Topics.MM_SETTLEMENT),
    SESSION_SETTLED("SessionSettled", 1, SessionSettled.class, Topics.MM_SETTLEMENT),

    PRICE_OBSERVED("PriceObserved", 1, PriceObserved.class, Topics.MARKET_PRICES),

    ALERT_RAISED("AlertRaised", 1, AlertRaised.class, Topics.ALERTS),
    ALERT_ESCALATED("AlertEscalated", 1, AlertEscalated.class, Topics.ALERTS),
    ALERT_ACKNOWLEDGED("AlertAcknowledged", 1, AlertAcknowledged.class, Topics.ALERTS),
    ALERT_RESOLVED("AlertResolved", 1, AlertResolved.class, Topics.ALERTS),

    SETTING_CHANGED("SettingChanged", 1, SettingChanged.class, Topics.CONFIG);

    private static final Map<String, EventType> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::wireName, Function.identity()));
    private static final Map<Class<? extends EventPayload>, EventType> BY_CLASS = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::payloadClass, Function.identity()));

    private final String wireName;
    private final int version;
    private final Class<? extends EventPayload> payloadClass;
    private final TopicSpec topic;

    EventType(String wireName, int version, Class<? extends EventPayload> payloadClass, TopicSpec topic) {
        this.wireName = wireName;
        this.version = version;
        this.payloadClass = payloadClass;
        this.topic = topic;
    }

    /** The event's name in an envelope's {@code type} field, e.g. {@code LpMinted}. */
    public String wireName() {
        return wireName;
    }

    /** The payload version this build writes and reads. */
    public int version() {
        return version;
    }

    public Class<? extends EventPayload> payloadClass() {
        return payloadClass;
    }

    /** The topic the event is published on. */
    public TopicSpec topic() {
        return topic;
    }

    /**
     * The event a payload record is registered as.
     *
     * @throws IllegalArgumentException if the class is not a registered payload
     */
    public static EventType of(Class<? extends EventPayload> payloadClass) {
        EventType type = BY_CLASS.get(RequiredFields.require(payloadClass, "payloadClass"));
        if (type == null) {
            throw new IllegalArgumentException(payloadClass.getName() + " is not a registered event payload");
        }
        return type;
    }

    /** The event with this wire name, if this build knows it. */
    public static Optional<EventType> byName(String wireName) {
        return wireName == null ? Optional.empty() : Optional.ofNullable(BY_NAME.get(wireName));
    }
}
