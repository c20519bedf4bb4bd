package io.tideline.alerting.flow;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.tideline.testing.FreePorts;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The receivers of alerting's outside channels for the delivery tests: GreenMail as the SMTP relay, and a
 * {@link WebhookReceiver} with a route per webhook channel — {@code ops} answers 200, {@code flaky} 503 to the first
 * two requests of each notification, {@code dead} always 503, {@code strict} 400, {@code tight} 200 but its channel
 * lets one delivery through and never refills, {@code mended} 400 to the first request of each notification and 200
 * after (a receiver fixed after refusing).
 */
public class DeliveryStandIns implements QuarkusTestResourceLifecycleManager {

    static final String OPS_SECRET = "ops-secret-0123456789";
    static final String FLAKY_SECRET = "flaky-secret-0123456789";
    static final String DEAD_SECRET = "dead-secret-0123456789";
    static final String STRICT_SECRET = "strict-secret-0123456789";
    static final String TIGHT_SECRET = "tight-secret-0123456789";
    static final String MENDED_SECRET = "mended-secret-0123456789";
    static final String DESK = "desk@tideline.test";
    static final String ONCALL = "oncall@tideline.test";
    static final String FROM = "alerting@tideline.test";

    static GreenMail mail;
    static WebhookReceiver hooks;

    @Override
    public Map<String, String> start() {
        mail = new GreenMail(new ServerSetup(FreePorts.next(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        hooks = WebhookReceiver.start()
                .route("/hooks/ops", OPS_SECRET, Duration.ZERO, (key, nth) -> 200)
                .route("/hooks/flaky", FLAKY_SECRET, Duration.ZERO, (key, nth) -> nth <= 2 ? 503 : 200)
                .route("/hooks/dead", DEAD_SECRET, Duration.ZERO, (key, nth) -> 503)
                .route("/hooks/strict", STRICT_SECRET, Duration.ZERO, (key, nth) -> 400)
                .route("/hooks/tight", TIGHT_SECRET, Duration.ZERO, (key, nth) -> 200)
                .route("/hooks/mended", MENDED_SECRET, Duration.ZERO, (key, nth) -> nth == 1 ? 400 : 200);
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.mailer.mock", "false");
        config.put("quarkus.mailer.host", "127.0.0.1");
        config.put("quarkus.mailer.port", Integer.toString(mail.getSmtp().getPort()));
        config.put("quarkus.mailer.start-tls", "DISABLED");
        channel(config, "desk", "email", Map.of("to", DESK + "," + ONCALL, "from", FROM));
        channel(config, "ops", "webhook", Map.of("url", hooks.url("/hooks/ops") + "?token=query-secret",
                "secret", OPS_SECRET));
        channel(config, "flaky", "webhook", Map.of("url", hooks.url("/hooks/flaky"), "secret", FLAKY_SECRET));
        channel(config, "dead", "webhook", Map.of("url", hooks.url("/hooks/dead"), "secret", DEAD_SECRET,
                "timeout", "1s"));
        channel(config, "strict", "webhook", Map.of("url", hooks.url("/hooks/strict"), "secret", STRICT_SECRET));
        channel(config, "mended", "webhook", Map.of("url", hooks.url("/hooks/mended"), "secret", MENDED_SECRET));
        channel(config, "tight", "webhook", Map.of("url", hooks.url("/hooks/tight"), "secret", TIGHT_SECRET,
                "capacity", "1", "refill-per-minute", "0"));
        return config;
    }

    private static void channel(Map<String, String> config, String name, String type, Map<String, String> props) {
        config.put("tideline.alerting.channels." + name + ".type", type);
        props.forEach((k, v) -> config.put("tideline.alerting.channels." + name + "." + k, v));
    }

    @Override
    public void stop() {
        if (hooks != null) {
            hooks.close();
        }
        if (mail != null) {
            mail.stop();
        }
    }
}
