package io.tideline.events.config;

import static io.tideline.events.RequiredFields.require;

import io.tideline.events.EventPayload;
import java.time.Instant;

/**
 * An operator changed a feature flag or runtime setting at the gateway; the services that read the setting take the
 * new value from this event (keyed by the setting's key, so the {@code config} topic's compaction keeps the latest).
 *
 * @param key           the setting, e.g. {@code alerting.delivery.paused}
 * @param value         the new value in its canonical text form; {@code null} when the setting went back to its default
 * @param previousValue the value before, {@code null} when it had its default
 * @param changedBy     who changed it: a person's token subject or {@code apikey:<id>}
 */
public record SettingChanged(String key, String value, String previousValue, String changedBy, Instant changedAt)
        implements EventPayload {

    public SettingChanged {
        require(key, "key");
        require(changedBy, "changedBy");
        require(changedAt, "changedAt");
    }
}
