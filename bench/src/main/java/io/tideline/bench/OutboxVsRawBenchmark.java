package io.tideline.bench;

import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.tideline.events.EventEnvelope;
import io.tideline.events.EventEnvelopeCodec;
import io.tideline.events.market.PriceObserved;
import io.tideline.messaging.kafka.KafkaClientFactory;
import io.tideline.messaging.outbox.OutboxRelay;
import io.tideline.messaging.tx.Transactions;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Publishes N events through the outbox relay to an idempotent consumer, and N raw records through a plain Kafka
 * producer and consumer on the same broker, and prints both rates and their ratio.
 *
 * <p>It does so twice in the same JVM. The first pass is the figure measured since ADR 0013: both paths right after
 * start, while the JIT compiles their code (3-5 s of compiler-thread CPU within a ~5 s outbox pass on 2 cores, more
 * than any part of the path itself, and the raw pass, measured first, leaves the Kafka client compiled for the outbox
 * pass). Then, with fresh events each time, it measures both paths with their code compiled, as a service's relay and
 * consumers run after their first minute, several times (a compiled raw pass of 50,000 records lasts 0.4-0.9 s, and one
 * such pass moved between 57,000 and 150,000 records/s from run to run on this machine), and prints the median of
 * each path and their ratio.
 *
 * <p>Arguments: {@code [events] [keys] [compiled passes]}, default 50,000 events over 100 keys, 3 compiled passes.
 */
@QuarkusMain
public class OutboxVsRawBenchmark implements QuarkusApplication {

    private static final int EVENTS_PER_TRANSACTION = 100;
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    @Inject
    Transactions transactions;

    @Inject
    OutboxRelay relay;

    @Inject
    BenchCounter counter;

    @Inject
    KafkaClientFactory clients;

    @Override
    public int run(String... args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int keys = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        String run = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        List<EventEnvelope<PriceObserved>> batch = events(run, events, keys);
        int recordBytes = new EventEnvelopeCodec().encode(batch.get(0)).length;
        print("Tideline outbox vs raw Kafka: %,d events, %d keys, ~%d bytes each, %d cores",
                events, keys, recordBytes, Runtime.getRuntime().availableProcessors());

        int compiledPasses = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        pass("", run, batch);
        List<Rates> compiled = new ArrayList<>();
        for (int i = 1; i <= compiledPasses; i++) {
            String source = run + "-" + (i + 1);
            print("compiled pass %d of %d, code compiled (%,d more events):", i, compiledPasses, events);
            compiled.add(pass("compiled ", source, events(source, events, keys)));
        }
        double raw = Median.of(compiled.stream().mapToDouble(Rates::raw).toArray());
        double outbox = Median.of(compiled.stream().mapToDouble(Rates::outbox).toArray());
        print("compiled median of %d passes: raw Kafka %.0f records/s, outbox relay -> idempotent consumer %.0f events/s,"
                + " ratio %.1f %%", compiledPasses, raw, outbox, 100.0 * outbox / raw);
        return 0;
    }

    /** One pass's rates: raw Kafka records/s and outbox relay -> idempotent consumer events/s. */
    private record Rates(double raw, double outbox) {
    }

    /** Raw Kafka, then the outbox path, each with the events given; prints the rates, each line behind the label. */
    private Rates pass(String label, String run, List<EventEnvelope<PriceObserved>> batch) throws Exception {
        int events = batch.size();
        double raw = rawKafka(run, batch);
        print("%sraw Kafka producer -> consumer       %,10.0f records/s", label, raw);

        counter.expect(run);
        long writeStart = System.nanoTime();
        for (int from = 0; from < events; from += EVENTS_PER_TRANSACTION) {
            List<EventEnvelope<PriceObserved>> slice = batch.subList(from, Math.min(events, from + EVENTS_PER_TRANSACTION));
            inTransaction(slice);
        }
        double writeRate = rate(events, System.nanoTime() - writeStart);
        print("%soutbox append (%d per transaction) %,10.0f events/s", label, EVENTS_PER_TRANSACTION, writeRate);

        long relayStart = System.nanoTime();
        long publishedBefore = relay.publishedCount();
        relay.start();
        long relayDone = awaitApplied(events, publishedBefore);
        long end = System.nanoTime();
        double outboxRate = rate(events, end - relayStart);
        relay.stop();
        print("%soutbox relay -> idempotent consumer  %,10.0f events/s", label, outboxRate);
        print("  relay alone published all in %,d ms; the consumer finished %,d ms later",
                (relayDone - relayStart) / 1_000_000, (end - relayDone) / 1_000_000);
        print("%sratio outbox/raw                     %10.1f %%", label, 100.0 * outboxRate / raw);
        return new Rates(raw, outboxRate);
    }

    /** One unit of work that only publishes: the outbox rows are written just before its commit. */
    private void inTransaction(List<EventEnvelope<PriceObserved>> slice) {
        transactions.execute(uow -> uow.publishAll(slice));
    }

    private double rawKafka(String run, List<EventEnvelope<PriceObserved>> batch) throws Exception {
        EventEnvelopeCodec codec = new EventEnvelopeCodec();
        List<byte[]> values = new ArrayList<>(batch.size());
        for (EventEnvelope<PriceObserved> event : batch) {
            values.add(codec.encode(event));
        }
        String topic = "bench.raw-" + run;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, clients.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
            try (KafkaConsumer<String, byte[]> consumer = clients.consumer("bench-raw-" + run, 500);
                 KafkaProducer<String, byte[]> producer = clients.producer("bench-raw")) {
                consumer.subscribe(List.of(topic));
                while (consumer.assignment().isEmpty()) {
                    consumer.poll(Duration.ofMillis(100));
                }
                // Producer and consumer run at once, as the relay and the consumer do on the outbox path.
                long start = System.nanoTime();
                Thread sender = new Thread(() -> {
                    for (int i = 0; i < batch.size(); i++) {
                        producer.send(new ProducerRecord<>(topic, batch.get(i).key(), values.get(i)));
                    }
                    producer.flush();
                }, "bench-raw-producer");
                sender.start();
                long received = 0;
                long deadline = System.nanoTime() + TIMEOUT.toNanos();
                while (received < batch.size() && System.nanoTime() < deadline) {
                    received += consumer.poll(Duration.ofMillis(100)).count();
                    consumer.commitSync();
                }
                long elapsed = System.nanoTime() - start;
                sender.join();
                if (received < batch.size()) {
                    throw new IllegalStateException("raw consumer received " + received + " of " + batch.size());
                }
                return rate(batch.size(), elapsed);
            } finally {
                admin.deleteTopics(List.of(topic)).all().get();
            }
        }
    }

    /** Waits until the consumer applied every event; returns when the relay had published them all. */
    private long awaitApplied(int events, long publishedBefore) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        long relayDone = 0;
        while (counter.applied() < events) {
            if (relayDone == 0 && relay.publishedCount() - publishedBefore >= events) {
                relayDone = System.nanoTime();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("consumer applied " + counter.applied() + " of " + events);
            }
            Thread.sleep(1);
        }
        return relayDone == 0 ? System.nanoTime() : relayDone;
    }

    private static List<EventEnvelope<PriceObserved>> events(String run, int events, int keys) {
        List<EventEnvelope<PriceObserved>> out = new ArrayList<>(events);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (int i = 0; i < events; i++) {
            String instrument = "31337:0xpool" + (i % keys);
            PriceObserved price = new PriceObserved(run, instrument, new BigDecimal("2500.12").add(BigDecimal.valueOf(i, 4)),
                    BigInteger.TWO.pow(96), 0, (long) i, now);
            out.add(EventEnvelope.of(run, instrument, null, price));
        }
        return out;
    }

    private static double rate(long count, long nanos) {
        return count / (nanos / 1e9);
    }

    private static void print(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
