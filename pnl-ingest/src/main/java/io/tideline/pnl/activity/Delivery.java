package io.tideline.pnl.activity;

import java.time.Instant;
import java.util.List;

/** One Address Activity webhook delivery, parsed: who sent it, its id, and its transfers. */
public record Delivery(String webhookId, String deliveryId, Instant createdAt, String network,
                       List<Activity> activities) {
}
