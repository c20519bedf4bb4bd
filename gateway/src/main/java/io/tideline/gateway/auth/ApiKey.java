package io.tideline.gateway.auth;

import java.time.Instant;

/**
 * An API key as the admin API shows it: never the key, only its first characters ({@code prefix}), its role, who made
 * it, when it was last used and whether it is revoked.
 */
public record ApiKey(String id, String name, String role, String prefix, Instant createdAt, String createdBy,
                     Instant lastUsedAt, Instant revokedAt, String revokedBy) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
