package io.tideline.lp;

import io.tideline.testing.EmbeddedKafkaBroker;
import io.tideline.testing.ServiceProcess;
import io.tideline.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.time.Duration;
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
             ServiceProcess service = ServiceProcess.start(Map.of(
                     "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                     "TIDELINE_DB_HOST", database.host(),
                     "TIDELINE_DB_PORT", Integer.toString(database.port()),
                     "TIDELINE_DB_NAME", database.name(),
                     "TIDELINE_DB_USER", database.user(),
                     "TIDELINE_DB_PASSWORD", database.password()))) {
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
}
