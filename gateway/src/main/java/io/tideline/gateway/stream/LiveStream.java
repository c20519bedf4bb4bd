package io.tideline.gateway.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.tideline.events.EventDecodingException;
import io.tideline.events.EventEnvelope;
import io.tideline.events.EventEnvelopeCodec;
import io.tideline.events.Topics;
import io.tideline.service.problem.ProblemException;
import io.vertx.core.Vertx;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live stream of this gateway instance: numbers the events it reads ({@link StreamId}), keeps the replayable
 * ones in a bounded {@link ReplayBuffer}, and offers each to every connected client whose filter accepts it.
 * Publishing and opening a stream take one lock, so a client that resumes gets the replay and then the live events
 * with nothing missed or doubled in between; offering never waits for a client ({@link StreamClient}).
 */
@ApplicationScoped
public class LiveStream {

    private static final Logger LOG = Logger.getLogger(LiveStream.class);
    private static final SseFrame HEARTBEAT = SseFrame.comment("keep-alive");

    private final StreamConfig config;
    private final EventEnvelopeCodec codec = new EventEnvelopeCodec();
    private final String epoch = StreamId.newEpoch();
    private final ReplayBuffer buffer;
    private final Set<StreamClient> clients = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> perCaller = new ConcurrentHashMap<>();
    private final Vertx vertx;
    private final Counter events;
    private final Counter skipped;
    private final Counter dropped;
    private final StreamClient.Hooks hooks = new StreamClient.Hooks() {
        @Override
        public void dropped(StreamClient client, int backlog) {
            dropped.increment();
            LOG.infof("live stream: dropped a client of %s: %d frames were waiting for its socket (the most a client"
                    + " may fall behind); it may reconnect with its Last-Event-ID", client.caller(), backlog);
        }

        @Override
        public void left(StreamClient client) {
            leave(client);
        }
    };
    private long sequence;
    private long heartbeatTimer = -1;

    public LiveStream(StreamConfig config, MeterRegistry metrics, Vertx vertx) {
        this.config = config;
        this.vertx = vertx;
        this.buffer = new ReplayBuffer(config.replayBuffer());
        this.events = Counter.builder("tideline.stream.events").description("Events read for the live stream")
                .register(metrics);
        this.skipped = Counter.builder("tideline.stream.events.skipped")
                .description("Records not streamed: undecodable, or from a source that does not own the topic")
                .register(metrics);
        this.dropped = Counter.builder("tideline.stream.clients.dropped")
                .description("Clients dropped because they fell a full queue behind").register(metrics);
        metrics.gauge("tideline.stream.clients", clients, Set::size);
    }

    @PostConstruct
    void startHeartbeat() {
        heartbeatTimer = vertx.setPeriodic(config.heartbeat().toMillis(), id -> heartbeat());
    }

    void onStop(@Observes ShutdownEvent event) {
        if (heartbeatTimer >= 0) {
            vertx.cancelTimer(heartbeatTimer);
        }
        clients.forEach(StreamClient::close);
    }

    /** This instance's epoch: the first part of every id it gives. */
    public String epoch() {
        return epoch;
    }

    /** Streams what came from Kafka, in the order given. */
    public void publish(Iterable<ConsumerRecord<String, byte[]>> records) {
        List<Decoded> decoded = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            decode(record).ifPresent(decoded::add);
        }
        if (decoded.isEmpty()) {
            return;
        }
        synchronized (this) {
            for (Decoded d : decoded) {
                StreamEvent event = d.numbered(++sequence, epoch);
                buffer.record(event);
                for (StreamClient client : clients) {
                    if (client.filter().accepts(event)) {
                        client.offer(event.frame());
                    }
                }
            }
        }
        events.increment(decoded.size());
    }

    /**
     * Connects a client: the events it missed since {@code lastEventId} (or a {@code missed} event when they cannot
     * all be given), then the live ones. Frames queue until the client is {@link StreamClient#attach attached} to its
     * response.
     *
     * @throws ProblemException 429 when the caller holds its maximum of streams, 503 when this instance is full
     */
    public synchronized StreamClient open(String caller, StreamFilter filter, Optional<StreamId> lastEventId) {
        if (clients.size() >= config.maxStreams()) {
            throw new ProblemException(503, "Service Unavailable", "this gateway serves its maximum of "
                    + config.maxStreams() + " streams; try another instance or later", List.of());
        }
        int open = perCaller.getOrDefault(caller, 0);
        if (open >= config.maxStreamsPerCaller()) {
            throw new ProblemException(429, "Too Many Requests", "you hold " + open + " streams, the most one"
                    + " caller may; close one first", List.of());
        }
        List<SseFrame> first = new ArrayList<>();
        lastEventId.ifPresent(last -> first.addAll(replay(last, filter)));
        StreamClient client = new StreamClient(caller, filter, config.clientQueue(), first, hooks);
        clients.add(client);
        perCaller.merge(caller, 1, Integer::sum);
        return client;
    }

    /** Clients connected now. */
    public int clients() {
        return clients.size();
    }

    private List<SseFrame> replay(StreamId last, StreamFilter filter) {
        String resumedFrom = new StreamId(epoch, buffer.latest()).toString();
        if (!last.epoch().equals(epoch)) {
            return List.of(missed("other-instance", last, resumedFrom));
        }
        return buffer.after(last.sequence())
                .map(events -> events.stream().filter(filter::accepts).map(StreamEvent::frame).toList())
                .orElseGet(() -> List.of(missed(last.sequence() > buffer.latest() ? "unknown-id" : "too-old", last,
                        resumedFrom)));
    }

    /**
     * The explicit signal that events were lost for this client: its id is where the stream goes on from, so a
     * reconnect after it does not ask for the lost ones again.
     */
    private static SseFrame missed(String reason, StreamId last, String resumedFrom) {
        return SseFrame.event(resumedFrom, "missed", "{\"reason\":\"" + reason + "\",\"lastEventId\":\"" + last
                + "\",\"resumedFrom\":\"" + resumedFrom + "\"}");
    }

    /** Without the lock: a client leaves from an event loop, which must not wait for a fan-out. */
    private void leave(StreamClient client) {
        if (clients.remove(client)) {
            perCaller.computeIfPresent(client.caller(), (c, n) -> n <= 1 ? null : n - 1);
        }
    }

    private void heartbeat() {
        for (StreamClient client : clients) {
            client.offer(HEARTBEAT);
        }
    }

    private Optional<Decoded> decode(ConsumerRecord<String, byte[]> record) {
        try {
            EventEnvelope<?> envelope = codec.decode(record.value());
            Optional<String> refusal = Topics.sourceRefusal(record.topic(), envelope.source());
            if (refusal.isPresent()) {
                skipped.increment();
                LOG.warnf("live stream: not streaming %s-%d@%d: %s", record.topic(), record.partition(),
                        record.offset(), refusal.get());
                return Optional.empty();
            }
            String data = "{\"topic\":\"" + record.topic() + "\",\"partition\":" + record.partition()
                    + ",\"offset\":" + record.offset() + ",\"event\":"
                    + new String(codec.encode(envelope), StandardCharsets.UTF_8) + "}";
            return Optional.of(new Decoded(record.topic(), envelope.type(), EventVisibility.leastRole(envelope.type()),
                    EventSubjects.of(record.topic(), envelope), data));
        } catch (EventDecodingException | IllegalArgumentException e) {
            skipped.increment();
            LOG.warnf("live stream: not streaming %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            return Optional.empty();
        }
    }

    /** A decoded event before it has its place in the sequence. */
    private record Decoded(String topic, String type, String leastRole, EventSubjects subjects, String data) {

        StreamEvent numbered(long sequence, String epoch) {
            return new StreamEvent(sequence, topic, type, leastRole, subjects,
                    SseFrame.event(new StreamId(epoch, sequence).toString(), type, data));
        }
    }
}
