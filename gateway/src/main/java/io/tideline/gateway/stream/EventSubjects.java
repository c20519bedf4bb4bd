package io.tideline.gateway.stream;

import io.tideline.events.EventEnvelope;
import io.tideline.events.EventPayload;
import io.tideline.events.lp.LpFeesCollected;
import io.tideline.events.lp.LpMinted;
import io.tideline.events.lp.LpTransferred;
import io.tideline.events.lp.PositionRef;
import io.tideline.events.perp.HedgeClosed;
import io.tideline.events.perp.HedgeFailed;
import io.tideline.events.perp.HedgeFilled;
import io.tideline.events.perp.HedgeRequested;
import io.tideline.events.pnl.ExecutionMatched;
import io.tideline.events.pnl.ExecutionUnmatched;
import io.tideline.events.pnl.PnlRealized;
import io.tideline.events.pnl.WalletActivityReceived;
import io.tideline.events.Topics;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What an event is about, for the stream's {@code wallet} and {@code position} filters: the wallets (lower-case EVM
 * addresses) and LP position keys it names. An LP event is about its position and the owners it names (a mint's
 * owner, a transfer's two sides, a fee collection's recipient); a hedge about its LP position; an execution, a
 * realization or a wallet activity about its wallet; an alert about its subject (its key: a position key or a
 * wallet). Settlement and price events name neither.
 *
 * @param wallets   lower-case addresses
 * @param positions position keys as {@link PositionRef#key()} writes them
 */
public record EventSubjects(Set<String> wallets, Set<String> positions) {

    /** An EVM address: 0x and 40 hex digits, any case. */
    public static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

    public static final EventSubjects NONE = new EventSubjects(Set.of(), Set.of());

    public EventSubjects {
        wallets = Set.copyOf(wallets);
        positions = Set.copyOf(positions);
    }

    public static EventSubjects of(String topic, EventEnvelope<?> event) {
        Set<String> wallets = new TreeSet<>();
        Set<String> positions = new TreeSet<>();
        EventPayload p = event.payload();
        if (p instanceof LpMinted m) {
            wallets.add(m.owner());
        } else if (p instanceof LpTransferred t) {
            wallets.add(t.from());
            wallets.add(t.to());
        } else if (p instanceof LpFeesCollected f) {
            wallets.add(f.recipient());
        } else if (p instanceof HedgeRequested h) {
            positions.add(h.positionKey());
        } else if (p instanceof HedgeFilled h) {
            positions.add(h.positionKey());
        } else if (p instanceof HedgeFailed h) {
            positions.add(h.positionKey());
        } else if (p instanceof HedgeClosed h) {
            positions.add(h.positionKey());
        } else if (p instanceof ExecutionMatched e) {
            wallets.add(e.user());
        } else if (p instanceof ExecutionUnmatched e) {
            wallets.add(e.user());
        } else if (p instanceof PnlRealized r) {
            wallets.add(r.user());
        } else if (p instanceof WalletActivityReceived a) {
            wallets.add(a.wallet());
        }
        if (topic.equals(Topics.LP_POSITIONS.name()) || topic.equals(Topics.ALERTS.name())) {
            // every LP event is keyed by its position; an alert by its subject
            subjectOf(event.key(), wallets, positions);
        }
        Set<String> lowerCase = new TreeSet<>();
        wallets.forEach(w -> lowerCase.add(w.toLowerCase(Locale.ROOT)));
        return new EventSubjects(lowerCase, positions);
    }

    /** The position key in the form {@link PositionRef#key()} writes; IllegalArgumentException when it is not one. */
    public static String positionKey(String text) {
        return PositionRef.parse(text).key();
    }

    private static void subjectOf(String key, Set<String> wallets, Set<String> positions) {
        if (ADDRESS.matcher(key).matches()) {
            wallets.add(key);
            return;
        }
        try {
            positions.add(positionKey(key));
        } catch (IllegalArgumentException notAPosition) {
            // a rule id, a session-pair, a symbol: neither a wallet nor a position
        }
    }
}
