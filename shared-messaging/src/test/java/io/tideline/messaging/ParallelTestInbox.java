package io.tideline.messaging;

import io.tideline.messaging.inbox.InboxHandler;
import io.tideline.messaging.inbox.InboxMessage;
import io.tideline.messaging.inbox.InboxSettings;
import io.tideline.messaging.tx.UnitOfWork;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * A stream with three workers and small batches: records each message in {@code handled_message} with the worker
 * thread that handled it, after a short pause (so the workers overlap).
 */
@ApplicationScoped
public class ParallelTestInbox implements InboxHandler {

    static final String STREAM = "parallel-messages";
    static final int WORKERS = 3;

    @Override
    public String stream() {
        return STREAM;
    }

    @Override
    public InboxSettings settings(InboxSettings defaults) {
        return new InboxSettings(5, defaults.maxBatchTime(), defaults.pollInterval(), WORKERS);
    }

    @Override
    public void handle(InboxMessage message, UnitOfWork uow) {
        try {
            Thread.sleep(Duration.ofMillis(2).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        uow.exec("insert into handled_message (message_id, body, worker) values ($1, $2, $3)", message.messageId(),
                message.body(), Thread.currentThread().getName());
    }
}
