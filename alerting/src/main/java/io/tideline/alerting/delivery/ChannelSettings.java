package io.tideline.alerting.delivery;

import io.tideline.alerting.delivery.ChannelsConfig.ChannelProperties;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Turns the configured channels into {@link Channel}s, or fails naming the property that is wrong (so the service
 * does not start with a channel it cannot deliver to). Pure.
 */
public final class ChannelSettings {

    static final String PREFIX = "tideline.alerting.channels.";
    static final int MIN_SECRET = 16;
    static final Duration MAX_TIMEOUT = Duration.ofMinutes(2);
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>,;\"]+@[^@\\s<>,;\"]+");

    private ChannelSettings() {
    }

    /**
     * The channels, by name order.
     *
     * @param mailerFrom {@code quarkus.mailer.from}, the sender of an email channel that names none
     * @throws IllegalArgumentException naming the property that is missing or wrong
     */
    public static List<Channel> parse(Map<String, ? extends ChannelProperties> configured,
            Optional<String> mailerFrom) {
        List<Channel> channels = new ArrayList<>();
        for (Map.Entry<String, ? extends ChannelProperties> e : new TreeMap<>(configured).entrySet()) {
            channels.add(channel(e.getKey(), e.getValue(), mailerFrom));
        }
        return channels;
    }

    private static Channel channel(String name, ChannelProperties p, Optional<String> mailerFrom) {
        String at = PREFIX + name + ".";
        if (!NAME.matcher(name).matches()) {
            throw bad(PREFIX + name, "a channel name is 1 to 40 of a-z, 0-9 and '-', starting with a letter or digit");
        }
        String type = p.type().map(t -> t.strip().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> bad(at + "type", "is required: email or webhook"));
        Duration timeout = p.timeout();
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw bad(at + "timeout", "must be more than 0 and at most " + MAX_TIMEOUT.toSeconds() + " s");
        }
        RateLimit rate = rate(at, p.capacity(), p.refillPerMinute());
        switch (type) {
            case "email" -> {
                refuse(at, "url", p.url(), "email");
                refuse(at, "secret", p.secret(), "email");
                List<String> to = p.to().orElse(List.of()).stream().map(String::strip).filter(s -> !s.isEmpty())
                        .toList();
                if (to.isEmpty()) {
                    throw bad(at + "to", "is required: the recipients, comma separated");
                }
                for (int i = 0; i < to.size(); i++) {
                    address(at + "to[" + i + "]", to.get(i));
                }
                String from = p.from().map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
                if (from != null) {
                    address(at + "from", from);
                } else if (mailerFrom.filter(f -> !f.isBlank()).isEmpty()) {
                    throw bad(at + "from", "is required when quarkus.mailer.from is not set");
                }
                return new EmailChannel(ChannelType.EMAIL.prefix() + ":" + name, to, from, timeout, rate);
            }
            case "webhook" -> {
                refuse(at, "to", p.to(), "webhook");
                refuse(at, "from", p.from(), "webhook");
                URI url = url(at + "url", p.url().orElseThrow(() -> bad(at + "url", "is required")));
                String secret = p.secret().orElseThrow(() -> bad(at + "secret", "is required: the HMAC key the"
                        + " receiver checks signatures with"));
                if (secret.length() < MIN_SECRET || secret.isBlank()) {
                    throw bad(at + "secret", "must be at least " + MIN_SECRET + " characters");
                }
                return new WebhookChannel(ChannelType.WEBHOOK.prefix() + ":" + name, url, secret, timeout, rate);
            }
            default -> throw bad(at + "type", "must be email or webhook");
        }
    }

    private static RateLimit rate(String at, int capacity, BigDecimal refillPerMinute) {
        if (capacity < 1 || capacity > 100_000) {
            throw bad(at + "capacity", "must be 1 to 100000");
        }
        if (refillPerMinute.signum() < 0 || refillPerMinute.compareTo(BigDecimal.valueOf(100_000)) > 0) {
            throw bad(at + "refill-per-minute", "must be 0 to 100000");
        }
        return new RateLimit(capacity, refillPerMinute);
    }

    private static URI url(String property, String value) {
        try {
            URI url = new URI(value.strip());
            if (!url.isAbsolute() || url.getHost() == null
                    || !("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()))) {
                throw bad(property, "must be an absolute http or https URL");
            }
            if (url.getRawFragment() != null) {
                throw bad(property, "must not have a fragment");
            }
            return url;
        } catch (URISyntaxException e) {
            throw bad(property, "is not a URL: " + e.getReason());
        }
    }

    private static void address(String property, String value) {
        if (!ADDRESS.matcher(value).matches()) {
            throw bad(property, "is not an email address");
        }
    }

    private static void refuse(String at, String field, Optional<?> value, String type) {
        if (value.isPresent()) {
            throw bad(at + field, "is not used by a " + type + " channel");
        }
    }

    private static IllegalArgumentException bad(String property, String reason) {
        return new IllegalArgumentException(property + " " + reason);
    }
}
