package io.tideline.gateway.admin.health;

import io.tideline.gateway.admin.health.HealthReport.ServiceHealth;
import io.tideline.gateway.route.RouteTable;
import io.tideline.gateway.route.Upstream;
import io.tideline.messaging.MessagingConfig;
import io.tideline.messaging.outbox.OutboxRelay;
import io.tideline.messaging.settings.KnownSettings;
import io.tideline.messaging.settings.RuntimeSettings;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Assembles the {@link HealthReport}: every upstream is asked at once, Kafka at the same time, the gateway looks at
 * itself; nothing is waited for longer than {@code gateway.health.timeout-ms} (a runtime setting), so the report
 * comes back in about that time even when services or the broker are away, naming what did not answer.
 */
@ApplicationScoped
public class OperationsHealth {

    private final RouteTable routes;
    private final ServiceProbe services;
    private final KafkaProbe kafka;
    private final OutboxRelay relay;
    private final RuntimeSettings settings;
    private final String self;
    private final ExecutorService blocking = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "operations-health");
        t.setDaemon(true);
        return t;
    });

    public OperationsHealth(RouteTable routes, ServiceProbe services, KafkaProbe kafka, OutboxRelay relay,
            RuntimeSettings settings, MessagingConfig messaging) {
        this.routes = routes;
        this.services = services;
        this.kafka = kafka;
        this.relay = relay;
        this.settings = settings;
        this.self = messaging.service();
    }

    public HealthReport report() {
        Duration timeout = Duration.ofMillis(settings.integer(KnownSettings.GATEWAY_HEALTH_TIMEOUT_MS));
        Set<String> names = new HashSet<>();
        names.add(self);
        List<CompletableFuture<ServiceHealth>> asked = new ArrayList<>();
        for (Upstream upstream : routes.upstreams()) {
            names.add(upstream.name());
            asked.add(services.probe(upstream, timeout));
        }
        CompletableFuture<HealthReport.KafkaHealth> broker = CompletableFuture
                .supplyAsync(() -> kafka.probe(names, timeout), blocking)
                .completeOnTimeout(new HealthReport.KafkaHealth("DOWN", "no answer within " + timeout.toMillis()
                        + " ms", List.of(), List.of()), timeout.toMillis() + 200, TimeUnit.MILLISECONDS);
        CompletableFuture<ServiceHealth> itself = CompletableFuture.supplyAsync(this::itself, blocking)
                .completeOnTimeout(ServiceHealth.down(self, "its database did not answer within "
                        + timeout.toMillis() + " ms"), timeout.toMillis(), TimeUnit.MILLISECONDS);
        List<ServiceHealth> all = new ArrayList<>();
        all.add(itself.join());
        asked.forEach(f -> all.add(f.join()));
        HealthReport.KafkaHealth k = broker.join();
        boolean up = "UP".equals(k.status()) && all.stream().allMatch(s -> "UP".equals(s.status()));
        return new HealthReport(up ? "UP" : "DEGRADED", Instant.now(), timeout.toMillis(), all, k);
    }

    private ServiceHealth itself() {
        var status = relay.status();
        return new ServiceHealth(self, status.isHealthy() ? "UP" : "DOWN", status.error(), List.of(), status.state(),
                relay.unpublishedCount(), List.of(), null);
    }

    @PreDestroy
    void close() {
        blocking.shutdownNow();
    }
}
