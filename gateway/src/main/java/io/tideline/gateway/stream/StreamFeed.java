package io.tideline.gateway.stream;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The stream's one Kafka input: SmallRye Reactive Messaging's channel {@code stream} (application.properties) reads
 * every partition of the streamed topics from the latest offsets, in a consumer group of this instance alone, and
 * commits nothing: each gateway instance fans out everything, and a restart starts again from now. Each poll comes as
 * one batch, handed to the stream in order on a worker thread.
 */
@ApplicationScoped
public class StreamFeed {

    private final LiveStream stream;

    public StreamFeed(LiveStream stream) {
        this.stream = stream;
    }

    @Incoming("stream")
    @Blocking
    public void onPoll(ConsumerRecords<String, byte[]> records) {
        stream.publish(records);
    }
}
