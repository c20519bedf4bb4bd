package io.tideline.gateway.stream;

/**
 * An event as the stream serves it: its place in this instance's sequence, what the filters look at (topic, the least
 * role that sees it, its subjects) and the frame every client that sees it is sent.
 *
 * @param leastRole the least role that sees it ({@link EventVisibility})
 */
public record StreamEvent(long sequence, String topic, String type, String leastRole, EventSubjects subjects,
                          SseFrame frame) {

    /** Whether it goes into the replay buffer. */
    public boolean replayable() {
        return StreamTopics.replayable(topic);
    }
}
