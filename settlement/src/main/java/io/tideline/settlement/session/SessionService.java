package io.tideline.settlement.session;

import io.tideline.messaging.tx.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Sessions declared by the desk: created, or updated (pairs merged, end set), never moved to another venue. */
@ApplicationScoped
public class SessionService {

    /** What declaring a session did. */
    public enum Outcome { CREATED, UPDATED, OTHER_VENUE }

    /** The outcome and the session as it is now (as it was, for OTHER_VENUE). */
    public record Declared(Outcome outcome, Session session) {
    }

    private final Transactions transactions;
    private final SessionStore sessions;

    public SessionService(Transactions transactions, SessionStore sessions) {
        this.transactions = transactions;
        this.sessions = sessions;
    }

    public Declared declare(SessionSubmission s) {
        return transactions.run(uow -> {
            Optional<Session> existing = sessions.sessionForUpdate(uow, s.sessionId());
            if (existing.isPresent() && !existing.get().venue().equals(s.venue())) {
                return new Declared(Outcome.OTHER_VENUE, existing.get());
            }
            boolean created = sessions.upsert(uow, s, "api");
            return new Declared(created ? Outcome.CREATED : Outcome.UPDATED,
                    sessions.session(uow, s.sessionId()).orElseThrow());
        });
    }
}
