package io.tideline.settlement.session;

import java.time.Instant;
import java.util.List;

/** A session to create or update, already validated. */
public record SessionSubmission(String sessionId, String venue, List<String> pairs, Instant startedAt,
                                Instant endedAt) {
}
