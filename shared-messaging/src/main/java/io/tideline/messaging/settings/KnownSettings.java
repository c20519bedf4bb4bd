package io.tideline.messaging.settings;

import java.util.List;
import java.util.Optional;

/**
 * Every setting operators may change at {@code /api/v1/admin/settings}, and so every key a service may read from
 * {@link RuntimeSettings}. A key that is not here is refused by the gateway; a new setting is added here and read
 * where it acts (the same commit).
 */
public final class KnownSettings {

    /** Read by alerting's delivery lanes: while true no email or webhook is sent; deliveries wait, none is lost. */
    public static final Setting ALERTING_DELIVERY_PAUSED = Setting.flag("alerting.delivery.paused", false,
            "Holds every outside delivery (email, webhooks) while true; they go out when it is false again");

    /** Read by the gateway's health aggregate: how long it waits for each service and for Kafka. */
    public static final Setting GATEWAY_HEALTH_TIMEOUT_MS = Setting.integer("gateway.health.timeout-ms", 2000, 100,
            10_000, "How long the operations health aggregate waits for each service and for Kafka, in ms");

    private static final List<Setting> ALL = List.of(ALERTING_DELIVERY_PAUSED, GATEWAY_HEALTH_TIMEOUT_MS);

    private KnownSettings() {
    }

    public static List<Setting> all() {
        return ALL;
    }

    public static Optional<Setting> byKey(String key) {
        return ALL.stream().filter(s -> s.key().equals(key)).findFirst();
    }
}
