package io.tideline.messaging.health;

import io.tideline.messaging.consumer.ConsumerStatus;
import io.tideline.messaging.consumer.EventConsumers;
import io.tideline.messaging.outbox.OutboxRelay;
import io.tideline.messaging.outbox.RelayStatus;
import io.tideline.messaging.schema.SchemaMigration;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the messaging layer: the schema is migrated, the outbox relay's last pass worked, and no consumer is
 * blocked by an outage. (Database and broker connectivity have their own checks from the Quarkus extensions.)
 */
@Readiness
@ApplicationScoped
public class MessagingReadiness implements HealthCheck {

    private final SchemaMigration schema;
    private final OutboxRelay relay;
    private final EventConsumers consumers;

    public MessagingReadiness(SchemaMigration schema, OutboxRelay relay, EventConsumers consumers) {
        this.schema = schema;
        this.relay = relay;
        this.consumers = consumers;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("messaging").up();
        if (!schema.isMigrated()) {
            response.down().withData("schema", "not migrated: " + schema.lastError());
        } else {
            response.withData("schema", "migrated");
        }
        RelayStatus relayStatus = relay.status();
        response.withData("outbox-relay", relayStatus.state()
                + (relayStatus.error() == null ? "" : ": " + relayStatus.error()));
        if (!relayStatus.isHealthy()) {
            response.down();
        }
        for (ConsumerStatus status : consumers.statuses()) {
            response.withData(status.consumer(), status.state()
                    + (status.error() == null ? "" : ": " + status.error()));
            if (!status.isHealthy()) {
                response.down();
            }
        }
        return response.build();
    }
}
