package io.tideline.perp.hedge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Client order ids derived from what the order is for: the hedge (one per LP position life), its step (0 opens,
 * then one per rebalance or close) and the generation (0, then one more per manual retry of a failed step). The same
 * order always gets the same id, so a retry after a crash asks the venue for it instead of placing another.
 */
public final class ExternalIds {

    private ExternalIds() {
    }

    /** {@code tl-} and 32 hex digits (128 bits of SHA-256). */
    public static String of(UUID hedgeId, int step, int generation) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((hedgeId + "|" + step + "|" + generation).getBytes(StandardCharsets.UTF_8));
            return "tl-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * The hedge of one LP position life: derived from the position and the event that minted it. Not an event id, and
     * kept as it was (a v3 name UUID): a retracted mint finds its hedge by it, and the hedge id is part of every
     * client order id, so changing it would orphan the hedges and orders already stored.
     */
    public static UUID hedgeId(String positionKey, UUID mintEventId) {
        return UUID.nameUUIDFromBytes((positionKey + "|" + mintEventId).getBytes(StandardCharsets.UTF_8));
    }
}
