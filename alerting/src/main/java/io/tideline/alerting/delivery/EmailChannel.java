package io.tideline.alerting.delivery;

import java.time.Duration;
import java.util.List;

/**
 * Email through the service's SMTP relay ({@code quarkus.mailer.*}).
 *
 * @param from the sender; null: the mailer's {@code quarkus.mailer.from}
 */
public record EmailChannel(String name, List<String> to, String from, Duration timeout, RateLimit rateLimit)
        implements Channel {

    public EmailChannel {
        to = List.copyOf(to);
    }

    @Override
    public ChannelType type() {
        return ChannelType.EMAIL;
    }

    @Override
    public String target() {
        return String.join(", ", to);
    }
}
