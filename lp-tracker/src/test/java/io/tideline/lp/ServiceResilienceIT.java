package io.tideline.lp;

import io.tideline.testing.ServiceProcess;
import io.tideline.testing.TcpGate;
import io.tideline.testing.TestDatabase;
import io.tideline.testing.TestKafka;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged service as ./platform runs it: a missing required setting stops it at start naming the property; a
 * database that is down or goes away makes it not-ready (never a crash), and it recovers by itself when it returns.
 * The behaviour comes from shared-messaging, so one service proves it for all.
 */
class ServiceResilienceIT {

    private static final Duration START = Duration.ofSeconds(90);

    @Test
    void refusesToStartWithoutARequiredSettingAndNamesIt() {
        try (ServiceProcess service = ServiceProcess.start(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", TestKafka.bootstrapServers()))) {
            OptionalInt exit = service.awaitExit(START);

            assertThat(exit).as(service.output()).isPresent();
            assertThat(exit.getAsInt()).isNotZero();
            assertThat(service.output()).contains("tideline.db.user");
        }
    }

    @Test
    void isNotReadyWhileTheDatabaseIsDownAndRecoversByItself() {
        TestDatabase database = TestDatabase.create();
        try (TcpGate gate = new TcpGate(database.host(), database.port());
             ServiceProcess service = ServiceProcess.start(Map.of(
                     "KAFKA_BOOTSTRAP_SERVERS", TestKafka.bootstrapServers(),
                     "TIDELINE_DB_HOST", "127.0.0.1",
                     "TIDELINE_DB_PORT", Integer.toString(gate.port()),
                     "TIDELINE_DB_NAME", database.name(),
                     "TIDELINE_DB_USER", database.user(),
                     "TIDELINE_DB_PASSWORD", database.password()))) {
            // Down from the start: the service comes up, live but not ready, and keeps trying to migrate.
            await().atMost(START).until(() -> service.status("/q/health/live") == 200);
            assertThat(service.status("/q/health/ready")).isEqualTo(503);
            assertThat(service.body("/q/health/ready")).contains("not migrated");

            gate.open();
            await().atMost(Duration.ofSeconds(60)).until(() -> service.status("/q/health/ready") == 200);

            // Goes away while running: not ready, still alive; back: ready again.
            gate.shut();
            await().atMost(Duration.ofSeconds(30)).until(() -> service.status("/q/health/ready") == 503);
            assertThat(service.isAlive()).isTrue();
            gate.open();
            await().atMost(Duration.ofSeconds(60)).until(() -> service.status("/q/health/ready") == 200);
        } finally {
            database.drop();
        }
    }
}
