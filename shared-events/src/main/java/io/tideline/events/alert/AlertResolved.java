package io.tideline.events.alert;

import static io.tideline.events.RequiredFields.require;

import io.tideline.events.EventPayload;
import java.time.Instant;

/**
 * An alert was closed, by a person or because its condition cleared.
 *
 * @param resolution how it was resolved
 * @param resolvedBy optional: the user who resolved it, absent when the condition cleared by itself
 */
public record AlertResolved(String alertId, String resolution, String resolvedBy, Instant resolvedAt)
        implements EventPayload {

    public AlertResolved {
        require(alertId, "alertId");
        require(resolution, "resolution");
        require(resolvedAt, "resolvedAt");
    }
}
