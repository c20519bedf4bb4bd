package io.tideline.alerting.delivery;

import java.net.URI;
import java.time.Duration;

/**
 * A signed JSON POST to a receiver's URL. The secret is the HMAC key the receiver checks the signature with; it is
 * never logged nor shown ({@link #toString()} and {@link #target()} leave it out, and the URL's credentials and query).
 */
public record WebhookChannel(String name, URI url, String secret, Duration timeout, RateLimit rateLimit)
        implements Channel {

    @Override
    public ChannelType type() {
        return ChannelType.WEBHOOK;
    }

    @Override
    public String target() {
        StringBuilder shown = new StringBuilder(url.getScheme()).append("://");
        if (url.getRawUserInfo() != null) {
            shown.append("***@");
        }
        shown.append(url.getHost());
        if (url.getPort() != -1) {
            shown.append(':').append(url.getPort());
        }
        shown.append(url.getRawPath() == null ? "" : url.getRawPath());
        if (url.getRawQuery() != null) {
            shown.append("?***");
        }
        return shown.toString();
    }

    @Override
    public String toString() {
        return "WebhookChannel[" + name + " -> " + target() + ", secret ***]";
    }
}
