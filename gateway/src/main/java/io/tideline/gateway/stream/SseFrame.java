package io.tideline.gateway.stream;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;

import java.lang.reflect.Type;

/**
 * One server-sent event, built once and written to every client that sees it: an id, a name and a data line of JSON,
 * or a comment alone (a heartbeat, which no {@code EventSource} dispatches).
 */
record SseFrame(String id, String name, String comment, String data) implements OutboundSseEvent {

    static SseFrame event(String id, String name, String data) {
        return new SseFrame(id, name, null, data);
    }

    static SseFrame comment(String text) {
        return new SseFrame(null, null, text, null);
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getComment() {
        return comment;
    }

    @Override
    public long getReconnectDelay() {
        return RECONNECT_NOT_SET;
    }

    @Override
    public boolean isReconnectDelaySet() {
        return false;
    }

    @Override
    public Class<?> getType() {
        return String.class;
    }

    @Override
    public Type getGenericType() {
        return String.class;
    }

    @Override
    public MediaType getMediaType() {
        return MediaType.TEXT_PLAIN_TYPE;
    }

    @Override
    public Object getData() {
        return data;
    }
}
