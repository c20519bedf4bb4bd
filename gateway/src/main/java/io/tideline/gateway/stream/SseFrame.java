package io.tideline.gateway.stream;

import java.nio.charset.StandardCharsets;

/**
 * One server-sent event as it goes on the wire, encoded once and written as the same bytes to every client that sees
 * it: an id, a name and the data (one {@code data:} line per line of it), or a comment alone (a heartbeat, which no
 * {@code EventSource} dispatches).
 *
 * @param id    the event's id, null for a comment
 * @param bytes the UTF-8 text of the frame, ending with the blank line; never changed once built
 */
record SseFrame(String id, byte[] bytes) {

    static SseFrame event(String id, String name, String data) {
        StringBuilder text = new StringBuilder(data.length() + 64);
        text.append("id:").append(oneLine(id)).append('\n').append("event:").append(oneLine(name)).append('\n');
        int from = 0;
        for (int at; (at = nextLineBreak(data, from)) >= 0; from = afterLineBreak(data, at)) {
            text.append("data:").append(data, from, at).append('\n');
        }
        text.append("data:").append(data, from, data.length()).append("\n\n");
        return new SseFrame(id, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    static SseFrame comment(String text) {
        return new SseFrame(null, (":" + oneLine(text) + "\n\n").getBytes(StandardCharsets.UTF_8));
    }

    /** The frame as text (tests and logs). */
    String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String oneLine(String field) {
        if (field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("an SSE id, name or comment is one line: " + field);
        }
        return field;
    }

    private static int nextLineBreak(String data, int from) {
        for (int i = from; i < data.length(); i++) {
            char c = data.charAt(i);
            if (c == '\n' || c == '\r') {
                return i;
            }
        }
        return -1;
    }

    private static int afterLineBreak(String data, int at) {
        return data.charAt(at) == '\r' && at + 1 < data.length() && data.charAt(at + 1) == '\n' ? at + 2 : at + 1;
    }
}
