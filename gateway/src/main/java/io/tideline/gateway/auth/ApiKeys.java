package io.tideline.gateway.auth;

import io.tideline.messaging.tx.Transactions;
import io.tideline.service.input.Identifiers;
import io.tideline.service.problem.ProblemException;
import io.tideline.service.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * API keys for machines: made (the key shown once), listed, revoked, and checked on every request that presents one.
 * A checked key is remembered for a few seconds so that a busy machine does not cost a query per request; revoking
 * forgets it here at once (another gateway instance within {@link #REMEMBERED}). Its last use is written at most once
 * a minute.
 */
@ApplicationScoped
public class ApiKeys {

    static final Duration REMEMBERED = Duration.ofSeconds(5);
    static final Duration LAST_USE_RESOLUTION = Duration.ofMinutes(1);
    static final int MAX_NAME = 100;

    private final Transactions transactions;
    private final ApiKeyStore store;
    private final Clock clock;
    private final Map<String, Remembered> byHash = new ConcurrentHashMap<>();

    public ApiKeys(Transactions transactions, ApiKeyStore store) {
        this.transactions = transactions;
        this.store = store;
        this.clock = Clock.systemUTC();
    }

    /** A key just made: the record, and the key itself, which is never shown again. */
    public record Created(ApiKey apiKey, String key) {
    }

    public Created create(String name, String role, String createdBy) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            throw ProblemException.badField("name", "is required, at most " + MAX_NAME + " characters");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.badField("name", "must not contain control characters");
        }
        if (role == null || !Roles.ALL.contains(role)) {
            throw ProblemException.badField("role", "must be one of " + Roles.ALL);
        }
        String key = ApiKeySecret.generate();
        String id = "key-" + UUID.randomUUID();
        ApiKey made = transactions.run(uow -> store.insert(uow, id, name, role, ApiKeySecret.hash(key),
                ApiKeySecret.prefix(key), createdBy));
        return new Created(made, key);
    }

    public List<ApiKey> list() {
        return store.list(transactions.reads());
    }

    public ApiKey revoke(String id, String revokedBy) {
        Identifiers.require("keyId", id);
        ApiKey key = transactions.run(uow -> store.revoke(uow, id, revokedBy))
                .orElseThrow(() -> ProblemException.notFound("API key " + id));
        byHash.clear();
        return key;
    }

    /** The key's record when the text is a key that exists and is not revoked. Blocking: call on a worker thread. */
    public Optional<ApiKey> authenticate(String presented) {
        if (!ApiKeySecret.wellFormed(presented)) {
            return Optional.empty();
        }
        String hash = ApiKeySecret.hash(presented);
        Instant now = clock.instant();
        Remembered known = byHash.get(hash);
        if (known == null || known.at().plus(REMEMBERED).isBefore(now)) {
            Optional<ApiKey> found = store.byHash(transactions.reads(), hash);
            if (found.isEmpty()) {
                byHash.remove(hash);
                return Optional.empty();
            }
            known = new Remembered(found.get(), now, known == null ? found.get().lastUsedAt() : known.lastWritten());
            byHash.put(hash, known);
        }
        if (known.key().revoked()) {
            return Optional.empty();
        }
        if (known.lastWritten() == null || known.lastWritten().plus(LAST_USE_RESOLUTION).isBefore(now)) {
            store.markUsed(transactions.reads(), known.key().id(), now);
            byHash.put(hash, new Remembered(known.key(), known.at(), now));
        }
        return Optional.of(known.key());
    }

    private record Remembered(ApiKey key, Instant at, Instant lastWritten) {
    }
}
