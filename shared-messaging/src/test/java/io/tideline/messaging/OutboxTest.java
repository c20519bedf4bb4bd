package io.tideline.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.tideline.events.EventEnvelope;
import io.tideline.events.EventEnvelopeCodec;
import io.tideline.events.market.PriceObserved;
import io.tideline.messaging.outbox.Outbox;
import io.tideline.testing.OnVertx;
import io.tideline.testing.TidelineTestResources;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@QuarkusTest
@WithTestResource(value = TidelineTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OutboxTest {

    @Inject
    Outbox outbox;

    @Inject
    Pool pool;

    @Test
    void commitsStateAndItsEventTogether() {
        String account = "acct-" + UUID.randomUUID();
        BigInteger balance = BigInteger.TWO.pow(200);
        EventEnvelope<PriceObserved> event = Prices.observed(account, new BigDecimal("1.50"));

        OnVertx.await(() -> Panache.withTransaction(() ->
                TestAccount.of(account, balance).persist().chain(() -> outbox.append(event))));

        Row state = pool.preparedQuery("select balance from test_account where id = $1")
                .execute(Tuple.of(account)).await().indefinitely().iterator().next();
        assertThat(state.getBigDecimal("balance").toBigIntegerExact()).isEqualTo(balance);
        Row row = outboxRow(event.eventId()).iterator().next();
        assertThat(row.getString("topic")).isEqualTo("market.prices");
        assertThat(row.getString("event_key")).isEqualTo(account);
        assertThat(row.getString("event_type")).isEqualTo("PriceObserved");
        assertThat(row.getValue("sent_at")).isNull();
        assertThat(new EventEnvelopeCodec().decode(row.getString("envelope").getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(event);
    }

    @Test
    void rollsBackTheEventWithTheStateChange() {
        String account = "acct-" + UUID.randomUUID();
        EventEnvelope<PriceObserved> event = Prices.observed(account, BigDecimal.ONE);

        assertThatThrownBy(() -> OnVertx.await(() -> Panache.withTransaction(() ->
                TestAccount.of(account, BigInteger.ONE).persist()
                        .chain(() -> outbox.append(event))
                        .chain(() -> Uni.createFrom().failure(new IllegalStateException("business rule broken"))))))
                .hasMessageContaining("business rule broken");

        assertThat(pool.preparedQuery("select 1 from test_account where id = $1")
                .execute(Tuple.of(account)).await().indefinitely().size()).isZero();
        assertThat(outboxRow(event.eventId()).size()).isZero();
    }

    @Test
    void refusesToAppendOutsideATransaction() {
        EventEnvelope<PriceObserved> event = Prices.observed("no-tx-" + UUID.randomUUID(), BigDecimal.ONE);

        assertThatThrownBy(() -> OnVertx.await(() -> Panache.withSession(() -> outbox.append(event))))
                .hasMessageContaining("inside a transaction");
        assertThat(outboxRow(event.eventId()).size()).isZero();
    }

    private RowSet<Row> outboxRow(UUID eventId) {
        return pool.preparedQuery("select * from outbox where event_id = $1")
                .execute(Tuple.of(eventId)).await().indefinitely();
    }
}
