package io.tideline.events;

import static io.tideline.events.RequiredFields.require;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Turns envelopes into JSON bytes and back, resolving the payload's record through {@link EventType}; every way the
 * bytes can be wrong becomes an {@link EventDecodingException} that names the event type and the field.
 */
public final class EventEnvelopeCodec {

    private final ObjectMapper mapper;

    /** A codec on {@link EventJson#mapper()}. */
    public EventEnvelopeCodec() {
        this(EventJson.mapper());
    }

    /** A codec on a mapper configured with {@link EventJson#configure(ObjectMapper)}. */
    public EventEnvelopeCodec(ObjectMapper mapper) {
        this.mapper = require(mapper, "mapper");
    }

    public byte[] encode(EventEnvelope<?> envelope) {
        require(envelope, "envelope");
        try {
            return mapper.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot encode " + envelope.type() + " " + envelope.eventId(), e);
        }
    }

    /**
     * Reads an envelope and its payload as the registered record of its {@code type}.
     *
     * @throws EventDecodingException for malformed JSON, an unknown type, an unsupported version, or a missing or
     *                                invalid field
     */
    public EventEnvelope<?> decode(byte[] json) {
        JsonNode root = parse(json);
        EventType type = typeOf(root);
        JsonNode versionNode = root.path("version");
        String event = versionNode.isInt() ? type.wireName() + " v" + versionNode.intValue() : type.wireName();
        WireEnvelope wire = bind(root, WireEnvelope.class, "", event);
        int version = present(wire.version(), "version", event);
        checkVersion(type, version, event);
        UUID eventId = present(wire.eventId(), "eventId", event);
        Instant occurredAt = present(wire.occurredAt(), "occurredAt", event);
        String source = present(wire.source(), "source", event);
        String key = present(wire.key(), "key", event);
        JsonNode payloadNode = wire.payload();
        if (payloadNode == null || payloadNode.isNull()) {
            throw new EventDecodingException(event + ": missing required field 'payload'");
        }
        if (!payloadNode.isObject()) {
            throw new EventDecodingException(event + ": invalid value for 'payload': expected an object, got "
                    + payloadNode.getNodeType());
        }
        EventPayload payload = bind(payloadNode, type.payloadClass(), "payload", event);
        return new EventEnvelope<>(eventId, type.wireName(), version, occurredAt, source, key, wire.correlationId(),
                payload);
    }

    /** The envelope as it is on the wire, before its fields are checked; the payload is kept as a tree. */
    private record WireEnvelope(UUID eventId, String type, Integer version, Instant occurredAt, String source,
                                String key, String correlationId, JsonNode payload) {
    }

    private JsonNode parse(byte[] json) {
        if (json == null || json.length == 0) {
            throw new EventDecodingException("malformed JSON: empty input");
        }
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new EventDecodingException("malformed JSON: " + e.getOriginalMessage() + at(e.getLocation()), e);
        } catch (IOException e) {
            throw new EventDecodingException("malformed JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new EventDecodingException("malformed JSON: expected an object, got "
                    + (root == null ? "nothing" : root.getNodeType()));
        }
        return root;
    }

    private static EventType typeOf(JsonNode root) {
        JsonNode type = root.get("type");
        if (type == null || type.isNull() || type.asText().isBlank()) {
            throw new EventDecodingException("missing required field 'type'");
        }
        if (!type.isTextual()) {
            throw new EventDecodingException("invalid value for 'type': expected a string, got " + type.getNodeType());
        }
        return EventType.byName(type.textValue())
                .orElseThrow(() -> new EventDecodingException("unknown event type '" + type.textValue() + "'"));
    }

    private static void checkVersion(EventType type, int version, String event) {
        if (version > type.version()) {
            throw new EventDecodingException(event + " is newer than this build reads (v" + type.version()
                    + "); upgrade shared-events");
        }
        if (version != type.version()) {
            throw new EventDecodingException(event + " is not readable by this build, which reads v" + type.version());
        }
    }

    private static <T> T present(T value, String field, String event) {
        if (value == null || value instanceof String text && text.isBlank()) {
            throw new EventDecodingException(event + ": missing required field '" + field + "'");
        }
        return value;
    }

    private <T> T bind(JsonNode node, Class<T> type, String pathPrefix, String event) {
        try {
            return mapper.treeToValue(node, type);
        } catch (JsonMappingException e) {
            throw new EventDecodingException(event + ": " + describe(e, node, pathPrefix), e);
        } catch (JsonProcessingException e) {
            throw new EventDecodingException(event + ": " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Says which field failed and how: a record rejecting a null (or a primitive being absent) is a missing field,
     * anything else an invalid value.
     */
    private static String describe(JsonMappingException e, JsonNode node, String pathPrefix) {
        List<Reference> path = e.getPath();
        String where = pathPrefix + render(path, pathPrefix.isEmpty());
        MissingRequiredFieldException missing = causeOfType(e, MissingRequiredFieldException.class);
        if (missing != null) {
            return "missing required field '" + join(where, missing.field()) + "'";
        }
        JsonNode value = nodeAt(node, path);
        if (value == null || value.isNull()) {
            return "missing required field '" + where + "'";
        }
        String reason = e instanceof ValueInstantiationException && e.getCause() != null
                ? e.getCause().getMessage()
                : e.getOriginalMessage();
        return "invalid value for '" + where + "': " + firstLine(reason);
    }

    private static String render(List<Reference> path, boolean atRoot) {
        StringBuilder out = new StringBuilder();
        for (Reference step : path) {
            if (step.getFieldName() != null) {
                if (!atRoot || out.length() > 0) {
                    out.append('.');
                }
                out.append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                out.append('[').append(step.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private static JsonNode nodeAt(JsonNode node, List<Reference> path) {
        JsonNode current = node;
        for (Reference step : path) {
            if (current == null) {
                return null;
            }
            current = step.getFieldName() != null ? current.get(step.getFieldName()) : current.get(step.getIndex());
        }
        return current;
    }

    private static <X extends Throwable> X causeOfType(Throwable failure, Class<X> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "rejected";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static String at(JsonLocation location) {
        return location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
