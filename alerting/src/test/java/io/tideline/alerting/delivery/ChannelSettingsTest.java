package io.tideline.alerting.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideline.alerting.delivery.ChannelsConfig.ChannelProperties;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChannelSettingsTest {

    private static final String SECRET = "s3cr3t-hmac-key-of-the-receiver";

    /** The properties as a test writes them (the config mapping's interface, implemented by a record). */
    record Props(Optional<String> type, Optional<List<String>> to, Optional<String> from, Optional<String> url,
                 Optional<String> secret, Duration timeout, int capacity, BigDecimal refillPerMinute)
            implements ChannelProperties {

        static Props email(String... to) {
            return new Props(Optional.of("email"), Optional.of(List.of(to)), Optional.of("alerts@desk.example"),
                    Optional.empty(), Optional.empty(), Duration.ofSeconds(10), 30, BigDecimal.TEN);
        }

        static Props webhook(String url, String secret) {
            return new Props(Optional.of("webhook"), Optional.empty(), Optional.empty(), Optional.ofNullable(url),
                    Optional.ofNullable(secret), Duration.ofSeconds(3), 5, new BigDecimal("0.5"));
        }
    }

    @Test
    void namesEachChannelByTypeAndName() {
        List<Channel> channels = ChannelSettings.parse(Map.of("desk", Props.email("a@desk.example", "b@desk.example"),
                "ops", Props.webhook("https://hooks.example/tideline", SECRET)), Optional.empty());
        assertThat(channels).extracting(Channel::name).containsExactly("email:desk", "webhook:ops");
        EmailChannel desk = (EmailChannel) channels.get(0);
        assertThat(desk.to()).containsExactly("a@desk.example", "b@desk.example");
        assertThat(desk.from()).isEqualTo("alerts@desk.example");
        WebhookChannel ops = (WebhookChannel) channels.get(1);
        assertThat(ops.secret()).isEqualTo(SECRET);
        assertThat(ops.timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(ops.rateLimit()).isEqualTo(new RateLimit(5, new BigDecimal("0.5")));
    }

    @Test
    void aWebhookShowsNeitherItsSecretNorTheUrlsCredentialsOrQuery() {
        WebhookChannel ops = (WebhookChannel) ChannelSettings.parse(Map.of("ops",
                Props.webhook("https://user:pw@hooks.example:8443/t/1?token=abc", SECRET)), Optional.empty()).get(0);
        assertThat(ops.target()).isEqualTo("https://***@hooks.example:8443/t/1?***");
        assertThat(ops.toString()).doesNotContain(SECRET).doesNotContain("pw").doesNotContain("abc");
    }

    @Test
    void failuresNameTheProperty() {
        assertThatThrownBy(() -> ChannelSettings.parse(Map.of("ops", Props.webhook(null, SECRET)), Optional.empty()))
                .hasMessage("tideline.alerting.channels.ops.url is required");
        assertThatThrownBy(() -> ChannelSettings.parse(Map.of("ops", Props.webhook("ftp://x.example/", SECRET)),
                Optional.empty())).hasMessageStartingWith("tideline.alerting.channels.ops.url must be an absolute");
        assertThatThrownBy(() -> ChannelSettings.parse(Map.of("ops", Props.webhook("https://x.example/", "short")),
                Optional.empty())).hasMessageStartingWith("tideline.alerting.channels.ops.secret must be at least");
        assertThatThrownBy(() -> ChannelSettings.parse(Map.of("ops", Props.webhook("https://x.example/", null)),
                Optional.empty())).hasMessageStartingWith("tideline.alerting.channels.ops.secret is required");
        assertThatThrownBy(() -> ChannelSettings.parse(Map.of("desk", Props.email()), Optional.empty()))
                .hasMessageStartingWith("tideline.alerting.channels.desk.to is required");
        assertThatThrownBy(() -> ChannelSettings.parse(Map.of("desk", Props.email("a@x.example", "not an address")),
                Optional.empty())).hasMessage("tideline.alerting.channels.desk.to[1] is not an email address");
        Props pager = new Props(Optional.of("pager"), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Duration.ofSeconds(1), 1, BigDecimal.ONE);
        assertThatThrownBy(() -> ChannelSettings.parse(Map.of("p", pager), Optional.empty()))
                .hasMessage("tideline.alerting.channels.p.type must be email or webhook");
        assertThatThrownBy(() -> ChannelSettings.parse(Map.of("Bad_Name", Props.email("a@x.example")),
                Optional.empty())).hasMessageStartingWith("tideline.alerting.channels.Bad_Name a channel name is");
    }

    @Test
    void anEmailChannelWithoutASenderNeedsTheMailersDefault() {
        Props noFrom = new Props(Optional.of("email"), Optional.of(List.of("a@x.example")), Optional.empty(),
                Optional.empty(), Optional.empty(), Duration.ofSeconds(10), 30, BigDecimal.TEN);
        assertThatThrownBy(() -> ChannelSettings.parse(Map.of("desk", noFrom), Optional.empty()))
                .hasMessage("tideline.alerting.channels.desk.from is required when quarkus.mailer.from is not set");
        assertThat(((EmailChannel) ChannelSettings.parse(Map.of("desk", noFrom), Optional.of("alerting@x.example"))
                .get(0)).from()).isNull();
    }

    @Test
    void aRateLimitOutOfBoundsIsRefused() {
        Props zero = new Props(Optional.of("webhook"), Optional.empty(), Optional.empty(),
                Optional.of("https://x.example/"), Optional.of(SECRET), Duration.ofSeconds(3), 0, BigDecimal.ONE);
        assertThatThrownBy(() -> ChannelSettings.parse(Map.of("ops", zero), Optional.empty()))
                .hasMessage("tideline.alerting.channels.ops.capacity must be 1 to 100000");
    }
}
