package io.tideline.lp.position;

import com.fasterxml.jackson.databind.JsonNode;
import io.tideline.events.lp.LpClosed;
import io.tideline.events.lp.LpFeesCollected;
import io.tideline.events.lp.LpLiquidityChanged;
import io.tideline.events.lp.LpMinted;
import io.tideline.events.lp.LpRangeEntered;
import io.tideline.events.lp.LpRangeExited;
import io.tideline.events.lp.LpTransferred;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One fact of a position's history: the event published, where on chain it happened, and its retraction if any. */
@Schema(description = "A fact published about a position: its event (id, type, payload as published on"
        + " lp.positions) and where on chain it happened; retractedAt when a reorg or a start-over undid it.")
public record FactView(
        UUID eventId,
        @Schema(description = "The event type's wire name", example = "LpMinted") String type,
        long blockNumber,
        String blockHash,
        String txHash,
        int logIndex,
        Instant blockTime,
        @Schema(type = SchemaType.OBJECT, description = "The event's payload, of the type named by type",
                oneOf = {LpMinted.class, LpLiquidityChanged.class, LpFeesCollected.class, LpRangeExited.class,
                        LpRangeEntered.class, LpClosed.class, LpTransferred.class})
        JsonNode payload,
        @Schema(description = "When a reorg or a start-over retracted it (LpFactRetracted); absent while it stands")
        Instant retractedAt) {
}
