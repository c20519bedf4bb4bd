package io.tideline.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tideline.events.EventEnvelope;
import io.tideline.events.EventEnvelopeCodec;
import io.tideline.events.market.PriceObserved;
import io.tideline.messaging.tx.Transactions;
import io.tideline.messaging.tx.UnitOfWork;
import io.tideline.testing.TidelineTestResources;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = TidelineTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OutboxTest {

    @Inject
    Transactions transactions;

    @Inject
    Pool pool;

    @Test
    void commitsStateAndItsEventTogether() {
        String account = "acct-" + UUID.randomUUID();
        BigInteger balance = BigInteger.TWO.pow(200);
        EventEnvelope<PriceObserved> event = Prices.observed(account, new BigDecimal("1.50"));

        transactions.execute(uow -> {
            uow.exec("insert into test_account (id, balance) values ($1, $2)", account, new BigDecimal(balance));
            uow.publish(event);
        });

        Row state = pool.preparedQuery("select balance from test_account where id = $1")
                .execute(Tuple.of(account)).await().indefinitely().iterator().next();
        assertThat(state.getBigDecimal("balance").toBigIntegerExact()).isEqualTo(balance);
        Row row = outboxRow(event.eventId()).iterator().next();
        assertThat(row.getString("topic")).isEqualTo("market.prices");
        assertThat(row.getString("event_key")).isEqualTo(account);
        assertThat(row.getString("event_type")).isEqualTo("PriceObserved");
        assertThat(row.getString("correlation_id")).isEqualTo(event.eventId().toString());
        assertThat(row.getValue("sent_at")).isNull();
        assertThat(new EventEnvelopeCodec().decode(row.getString("envelope").getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(event);
    }

    @Test
    void rollsBackTheEventWithTheStateChange() {
        String account = "acct-" + UUID.randomUUID();
        EventEnvelope<PriceObserved> event = Prices.observed(account, BigDecimal.ONE);

        assertThatThrownBy(() -> transactions.execute(uow -> {
            uow.exec("insert into test_account (id, balance) values ($1, $2)", account, BigDecimal.ONE);
            uow.publish(event);
            throw new IllegalStateException("business rule broken");
        })).hasMessageContaining("business rule broken");

        assertThat(pool.preparedQuery("select 1 from test_account where id = $1")
                .execute(Tuple.of(account)).await().indefinitely().size()).isZero();
        assertThat(outboxRow(event.eventId()).size()).isZero();
    }

    @Test
    void keepsThePublishingOrderOfOneUnitOfWork() {
        String key = "order-" + UUID.randomUUID();
        List<EventEnvelope<PriceObserved>> events = List.of(Prices.observed(key, new BigDecimal("3")),
                Prices.observed(key, new BigDecimal("1")), Prices.observed(key, new BigDecimal("2")));

        transactions.execute(uow -> events.forEach(uow::publish));

        List<UUID> stored = pool.preparedQuery("select event_id from outbox where event_key = $1 order by id")
                .execute(Tuple.of(key)).await().indefinitely().stream().map(r -> r.getUUID(0)).toList();
        assertThat(stored).containsExactly(events.get(0).eventId(), events.get(1).eventId(),
                events.get(2).eventId());
    }

    @Test
    void refusesToPublishAfterTheUnitOfWorkEnded() {
        AtomicReference<UnitOfWork> escaped = new AtomicReference<>();
        transactions.execute(escaped::set);
        EventEnvelope<PriceObserved> late = Prices.observed("late-" + UUID.randomUUID(), BigDecimal.ONE);

        assertThatThrownBy(() -> escaped.get().publish(late)).hasMessageContaining("has ended");
        assertThat(outboxRow(late.eventId()).size()).isZero();
    }

    @Test
    void derivesTheCorrelationOfACausedEventFromItsCause() {
        EventEnvelope<PriceObserved> cause = Prices.observed("cause-" + UUID.randomUUID(), BigDecimal.ONE);
        EventEnvelope<PriceObserved> effect = EventEnvelope.causedBy(cause, "messaging-test", cause.key(),
                cause.payload());
        EventEnvelope<PriceObserved> further = EventEnvelope.causedBy(effect, "messaging-test", cause.key(),
                cause.payload());

        transactions.execute(uow -> uow.publishAll(List.of(effect, further)));

        assertThat(outboxRow(further.eventId()).iterator().next().getString("correlation_id"))
                .isEqualTo(cause.eventId().toString());
    }

    @Test
    void tellsTheServerTheSameStatementTimeout() {
        String serverTimeout = transactions.run(uow -> uow.one("show statement_timeout", Tuple.tuple(),
                r -> r.getString(0)));
        assertThat(serverTimeout).isEqualTo("30s");
        assertThat(transactions.timeout()).hasSeconds(30);
    }

    private RowSet<Row> outboxRow(UUID eventId) {
        return pool.preparedQuery("select * from outbox where event_id = $1")
                .execute(Tuple.of(eventId)).await().indefinitely();
    }
}
