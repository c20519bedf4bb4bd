package io.tideline.service.security;

import java.util.List;
import java.util.Set;

/**
 * The three roles of the platform, as a JWT's {@code groups} claim carries them. Each role includes the ones below it
 * ({@link RoleHierarchy}): a trader may do what a viewer may, an admin what a trader may.
 * <ul>
 *   <li>{@value #VIEWER}: reads;</li>
 *   <li>{@value #TRADER}: reads, plus the desk's operations (hedge retry, settlement run, venue orders, executions,
 *       alert acknowledgement);</li>
 *   <li>{@value #ADMIN}: configuration: wallets, imports, re-drives and set-asides, settings.</li>
 * </ul>
 * Every route names the least role it needs with {@code @RolesAllowed}; a route that names none is refused
 * ({@code quarkus.security.jaxrs.deny-unannotated-endpoints}).
 */
public final class Roles {

    public static final String VIEWER = "viewer";
    public static final String TRADER = "trader";
    public static final String ADMIN = "admin";

    /** From the least to the most privileged. */
    public static final List<String> ALL = List.of(VIEWER, TRADER, ADMIN);

    private Roles() {
    }

    /** The role itself and every role it includes; empty for a name that is not a role. */
    public static Set<String> implied(String role) {
        int rank = ALL.indexOf(role);
        return rank < 0 ? Set.of() : Set.copyOf(ALL.subList(0, rank + 1));
    }
}
