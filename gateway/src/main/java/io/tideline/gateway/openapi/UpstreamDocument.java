package io.tideline.gateway.openapi;

import org.eclipse.microprofile.openapi.models.OpenAPI;

import java.time.Instant;
import java.util.List;

/**
 * What the gateway holds of one upstream's OpenAPI document: the part it serves ({@link UpstreamApi}, as a model),
 * when it was read, and whether the last attempt to read it again failed.
 *
 * @param api          the part of the document the gateway serves; null until it has been read once
 * @param readAt       when {@code api} was read; null until then
 * @param failingSince when reading it began to fail, null while the last read succeeded
 * @param uncovered    operations routed to the upstream that no permission rule covers
 */
public record UpstreamDocument(String upstream, OpenAPI api, Instant readAt, Instant failingSince,
                               List<String> uncovered) {

    /** Not read yet. */
    static UpstreamDocument unread(String upstream) {
        return new UpstreamDocument(upstream, null, null, null, List.of());
    }

    /** {@code current} (the last read succeeded), {@code stale} (it failed: an older copy is served) or
     * {@code unavailable} (never read: the upstream's routes are missing from the merged document). */
    public String status() {
        if (api == null) {
            return "unavailable";
        }
        return failingSince == null ? "current" : "stale";
    }

    UpstreamDocument failed(Instant now) {
        return new UpstreamDocument(upstream, api, readAt, failingSince == null ? now : failingSince, uncovered);
    }
}
