package io.tideline.pnl.execution;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An execution as the API shows it.
 *
 * @param status    {@code recorded} when this request stored it (or in a listing), {@code duplicate} when it was
 *                  stored before
 * @param alertId   the arbitrage alert it was matched to, absent if none
 * @param retracted true when a reorg removed the transfers it was read from
 */
public record ExecutionView(String executionId, String user, String venue, String market, String outcome,
                            String side, BigDecimal shares, BigDecimal price, BigDecimal fee, Instant executedAt,
                            String txHash, String alertId, boolean retracted, String status) {

    public static ExecutionView of(ExecutionStore.Stored s, String status) {
        Execution e = s.execution();
        return new ExecutionView(e.executionId(), e.user(), e.venue(), e.market(), e.outcome(), e.side().name(),
                e.shares(), e.price(), e.fee(), e.executedAt(), e.txHash(), s.alertId(), s.retracted(), status);
    }
}
