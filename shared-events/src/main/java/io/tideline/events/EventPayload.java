package io.tideline.events;

/**
 * The payload of an {@link EventEnvelope}: one record per event, each registered in {@link EventType}.
 *
 * <p>Not sealed: Java allows a sealed type's subclasses in other packages only inside a named module, and this
 * library stays on the class path (kafka-clients has no stable module name). {@link EventType} is the closed list
 * instead: an envelope refuses a payload class it does not register.
 */
public interface EventPayload {
}
