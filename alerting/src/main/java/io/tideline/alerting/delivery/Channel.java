package io.tideline.alerting.delivery;

import java.time.Duration;

/** An outside channel as configured ({@code tideline.alerting.channels.<name>.*}), checked at start. */
public sealed interface Channel permits EmailChannel, WebhookChannel {

    /** What a rule names it by: {@code email:<name>} or {@code webhook:<name>}. */
    String name();

    ChannelType type();

    /** Where it delivers, fit to show: recipients, or the URL without credentials or query. */
    String target();

    RateLimit rateLimit();

    /** How long one attempt may take before it counts as a timeout (retried). */
    Duration timeout();
}
