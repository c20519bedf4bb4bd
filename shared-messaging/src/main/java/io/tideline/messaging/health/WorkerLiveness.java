package io.tideline.messaging.health;

import io.tideline.messaging.consumer.ConsumerStatus;
import io.tideline.messaging.consumer.EventConsumers;
import io.tideline.messaging.worker.PollingWorker;
import io.tideline.messaging.worker.WorkerRegistry;
import io.tideline.messaging.worker.WorkerState;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness of the service's own threads: DOWN when a polling worker or an event consumer has died, or one step has
 * run longer than {@code tideline.messaging.stuck-after} — a restart is then the cure, so the orchestrator may do it.
 * (An outage of the database or broker is readiness, not liveness: the workers wait it out.)
 */
@Liveness
@ApplicationScoped
public class WorkerLiveness implements HealthCheck {

    private final EventConsumers consumers;
    private final Duration stuckAfter;

    public WorkerLiveness(EventConsumers consumers,
            @ConfigProperty(name = "tideline.messaging.stuck-after", defaultValue = "5m") Duration stuckAfter) {
        this.consumers = consumers;
        this.stuckAfter = stuckAfter;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("workers").up();
        for (PollingWorker worker : WorkerRegistry.all()) {
            WorkerState state = worker.state(stuckAfter);
            response.withData(state.worker(), state.state());
            if (!state.isLive()) {
                response.down();
            }
        }
        for (ConsumerStatus status : consumers.statuses()) {
            boolean live = !"DEAD".equals(status.state());
            response.withData(status.consumer(), status.state());
            if (!live) {
                response.down();
            }
        }
        return response.build();
    }
}
