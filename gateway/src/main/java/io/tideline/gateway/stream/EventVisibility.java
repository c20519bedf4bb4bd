package io.tideline.gateway.stream;

import io.tideline.events.EventType;
import io.tideline.events.pnl.WalletActivityReceived;
import io.tideline.service.security.Roles;

import java.util.Map;

/**
 * Who may see which event on the live stream: the least role per event type. Viewers see the desk's business events
 * (positions, hedges, executions and P&amp;L, settlement, alerts, prices), as they read them over REST. Raw wallet
 * activity ({@code WalletActivityReceived}: every transfer of a watched wallet as Alchemy delivered it, with the
 * integration's webhook and delivery ids and the counterparties) is ingestion detail behind the executions and P&amp;L
 * derived from it: admins only. A type the table does not name needs {@code admin} (deny by default), so a new event
 * type is not shown to everyone before someone decides.
 */
public final class EventVisibility {

    private static final Map<String, String> LEAST_ROLE = leastRoles();

    private EventVisibility() {
    }

    /** The least role that sees an event of this wire type. */
    public static String leastRole(String type) {
        return LEAST_ROLE.getOrDefault(type, Roles.ADMIN);
    }

    /** The whole table, by wire type (for the README and the tests). */
    public static Map<String, String> table() {
        return LEAST_ROLE;
    }

    private static Map<String, String> leastRoles() {
        Map<String, String> roles = new java.util.TreeMap<>();
        for (EventType type : EventType.values()) {
            roles.put(type.wireName(), Roles.VIEWER);
        }
        roles.put(EventType.of(WalletActivityReceived.class).wireName(), Roles.ADMIN);
        return Map.copyOf(roles);
    }
}
