package io.tideline.gateway.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens whose signature and claims were verified once, kept by their exact text until they expire, so a
 * caller's repeated requests cost a map look-up instead of an RS256 check each. A token is only ever put here after
 * its verification succeeded; it is never handed out at or after its {@code exp}; and about {@code capacity} tokens
 * at most are held (when full, the expired ones go; if none has expired, the new one is simply not kept; threads
 * putting at the same instant may each add one beyond it).
 *
 * @param <T> what verification produced for the token (the parsed, verified JWT)
 */
public final class VerifiedTokens<T> {

    private final int capacity;
    private final Clock clock;
    private final Map<String, Verified<T>> byText = new ConcurrentHashMap<>();

    public VerifiedTokens(int capacity, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.clock = clock;
    }

    /** What verifying this exact text produced, while it has not expired. */
    public Optional<T> get(String text) {
        Verified<T> verified = byText.get(text);
        if (verified == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(verified.expiresAt())) {
            byText.remove(text, verified);
            return Optional.empty();
        }
        return Optional.of(verified.value());
    }

    /**
     * Keeps what verifying {@code text} produced until {@code expiresAt} (the token's {@code exp}). Call it only after
     * the verification succeeded. A token that has already expired is not kept.
     */
    public void put(String text, T value, Instant expiresAt) {
        Instant now = clock.instant();
        if (!now.isBefore(expiresAt)) {
            return;
        }
        if (byText.size() >= capacity) {
            byText.values().removeIf(verified -> !now.isBefore(verified.expiresAt()));
            if (byText.size() >= capacity) {
                return;
            }
        }
        byText.put(text, new Verified<>(value, expiresAt));
    }

    /** How many tokens are held now (expired ones included until they are next looked up or swept). */
    public int size() {
        return byText.size();
    }

    private record Verified<T>(T value, Instant expiresAt) {
    }
}
