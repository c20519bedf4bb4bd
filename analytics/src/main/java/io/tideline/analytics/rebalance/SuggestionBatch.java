package io.tideline.analytics.rebalance;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The suggestions made together for one position (one per risk level), with the plan's inputs. */
public record SuggestionBatch(UUID batchId, Instant createdAt, RebalancePlan plan, List<SuggestionView> suggestions) {
}
