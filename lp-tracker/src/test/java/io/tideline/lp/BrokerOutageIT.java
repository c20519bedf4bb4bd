package io.tideline.lp;

import io.tideline.testing.EmbeddedKafkaBroker;
import io.tideline.testing.ServiceProcess;
import io.tideline.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged service with a broker of its own that the test stops and starts again: not ready while the broker is
 * down (never a crash), ready again by itself when it returns.
 */
class BrokerOutageIT {

    @Test
    void isNotReadyWhileTheBrokerIsDownAndRecoversByItself() {
        TestDatabase database = TestDatabase.create();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
             ServiceProcess service = ServiceProcess.start(withBroker(database, broker))) {
            await().atMost(Duration.ofSeconds(90)).until(() -> service.status("/q/health/ready") == 200);

            broker.stop();
            await().atMost(Duration.ofSeconds(60)).until(() -> service.status("/q/health/ready") == 503);
            assertThat(service.body("/q/health/ready")).contains("Kafka");
            assertThat(service.status("/q/health/live")).isEqualTo(200);

            broker.restart();
            await().atMost(Duration.ofSeconds(90)).until(() -> service.status("/q/health/ready") == 200);
            assertThat(service.isAlive()).isTrue();
        } finally {
            database.drop();
        }
    }

    private static Map<String, String> withBroker(TestDatabase database, EmbeddedKafkaBroker broker) {
        Map<String, String> env = new HashMap<>(database.serviceEnvironment());
        env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        return env;
    }
}
