package io.tideline.messaging;

import io.tideline.messaging.inbox.InboxHandler;
import io.tideline.messaging.inbox.InboxMessage;
import io.tideline.messaging.inbox.UnprocessableMessageException;
import io.tideline.messaging.lineage.Correlation;
import io.tideline.messaging.tx.UnitOfWork;
import org.jboss.logging.MDC;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The test inbox handler: records each message in {@code handled_message}. A body starting with {@code poison}
 * always fails (a bug that no retry fixes), {@code unreadable} is refused as unprocessable, and {@code cut} runs the
 * test's cut hook once (taking the database away mid-message) before writing.
 */
@ApplicationScoped
public class TestInbox implements InboxHandler {

    static final String STREAM = "test-messages";
    static final AtomicReference<Runnable> CUT = new AtomicReference<>();

    @Override
    public String stream() {
        return STREAM;
    }

    @Override
    public void handle(InboxMessage message, UnitOfWork uow) {
        if (message.body().startsWith("poison")) {
            throw new IllegalStateException("cannot handle " + message.body());
        }
        if (message.body().startsWith("unreadable")) {
            throw new UnprocessableMessageException("not a message: " + message.body());
        }
        if (message.body().startsWith("cut")) {
            Runnable cut = CUT.getAndSet(null);
            if (cut != null) {
                cut.run();
            }
        }
        uow.exec("insert into handled_message (message_id, body, logged_message_id) values ($1, $2, $3)",
                message.messageId(), message.body(), MDC.get(Correlation.MESSAGE_ID));
    }
}
