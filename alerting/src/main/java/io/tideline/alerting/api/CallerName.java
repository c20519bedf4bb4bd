package io.tideline.alerting.api;

import io.quarkus.security.identity.SecurityIdentity;

/** Who is calling, as recorded with what they do (an acknowledgement, a re-send): the token's subject. */
final class CallerName {

    private CallerName() {
    }

    static String of(SecurityIdentity caller) {
        return caller.getPrincipal() == null || caller.getPrincipal().getName() == null
                || caller.getPrincipal().getName().isBlank() ? "unknown" : caller.getPrincipal().getName();
    }
}
