package io.tideline.alerting.delivery.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Signatures against vectors computed outside Java: {@code printf '%s' '<ts>.<body>' | openssl dgst -sha256 -hmac <secret>}. */
class WebhookSignatureTest {

    private static final long TIMESTAMP = 1764979200L;
    private static final byte[] BODY = "{\"alertId\":\"alert-7\",\"kind\":\"RAISED\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsTimestampDotBodyWithHmacSha256AsOpensslDoes() {
        assertThat(WebhookSignature.sign("whsec-0123456789abcdef", TIMESTAMP, BODY))
                .isEqualTo("sha256=d985aa7d479bde8a3fef913a4c59518b0ebe6caf75519233b58936f23de35d89");
    }

    @Test
    void keysWithTheSecretsUtf8Bytes() {
        assertThat(WebhookSignature.sign("clé-secrète-ünïcødé", TIMESTAMP, BODY))
                .isEqualTo("sha256=02db3b3c43a1bb0f0deff6c51d8f0632a7a89bfe7cebc37f1293bdaaccd88110");
    }

    @Test
    void acceptsItsOwnSignatureWithinTheReplayWindow() {
        String signature = WebhookSignature.sign("whsec-0123456789abcdef", TIMESTAMP, BODY);
        assertThat(WebhookSignature.verify("whsec-0123456789abcdef", TIMESTAMP, BODY, signature, TIMESTAMP + 300))
                .isTrue();
    }

    @Test
    void rejectsATimestampOlderThanFiveMinutes() {
        String signature = WebhookSignature.sign("whsec-0123456789abcdef", TIMESTAMP, BODY);
        assertThat(WebhookSignature.verify("whsec-0123456789abcdef", TIMESTAMP, BODY, signature, TIMESTAMP + 301))
                .isFalse();
    }

    @Test
    void rejectsAChangedBodyAnotherSecretOrAnotherTimestamp() {
        String signature = WebhookSignature.sign("whsec-0123456789abcdef", TIMESTAMP, BODY);
        byte[] changed = "{\"alertId\":\"alert-8\",\"kind\":\"RAISED\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(WebhookSignature.verify("whsec-0123456789abcdef", TIMESTAMP, changed, signature, TIMESTAMP))
                .isFalse();
        assertThat(WebhookSignature.verify("whsec-0123456789abcdeF", TIMESTAMP, BODY, signature, TIMESTAMP))
                .isFalse();
        assertThat(WebhookSignature.verify("whsec-0123456789abcdef", TIMESTAMP + 1, BODY, signature, TIMESTAMP))
                .isFalse();
        assertThat(WebhookSignature.verify("whsec-0123456789abcdef", TIMESTAMP, BODY, null, TIMESTAMP)).isFalse();
    }
}
