package io.tideline.e2e.receivers;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The receiver's check of alerting's webhook signature, with a signature computed outside Java for the documented
 * recipe: {@code printf '%s' "1765000000.{\"a\":1}" | openssl dgst -sha256 -hmac local-alert-webhook-secret-not-secret}.
 */
class WebhookSignatureCheckTest {

    private static final String SECRET = "local-alert-webhook-secret-not-secret";
    private static final byte[] BODY = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    private static final String TIMESTAMP = "1765000000";
    private static final String OPENSSL = "sha256=cc3751d1f8057ed4e96b28451f754e07cb38875eda9c15f4c0623bfaaf02ff9f";
    private static final Instant NOW = Instant.ofEpochSecond(1_765_000_100L);

    private final WebhookSignatureCheck check = new WebhookSignatureCheck(SECRET, Duration.ofMinutes(5));

    @Test
    void theDocumentedSignatureOfTheRawBodyPasses() {
        assertThat(check.refusal(TIMESTAMP, OPENSSL, BODY, NOW)).isNull();
    }

    @Test
    void anotherBodyAnotherSecretOrAStaleTimestampIsRefused() {
        assertThat(check.refusal(TIMESTAMP, OPENSSL, "{\"a\":2}".getBytes(StandardCharsets.UTF_8), NOW))
                .contains("does not match");
        assertThat(new WebhookSignatureCheck("another-secret-of-16+", Duration.ofMinutes(5))
                .refusal(TIMESTAMP, OPENSSL, BODY, NOW)).contains("does not match");
        assertThat(check.refusal(TIMESTAMP, OPENSSL, BODY, NOW.plusSeconds(301))).contains("replay window");
        assertThat(check.refusal(null, OPENSSL, BODY, NOW)).contains("required");
    }
}
