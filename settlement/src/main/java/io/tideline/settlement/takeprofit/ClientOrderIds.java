package io.tideline.settlement.takeprofit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The client order id of a take-profit, derived from what it is for: the fill it covers (venue, order id, trade id),
 * the age tier it is priced for, and the attempt (the number of take-profits the fill had before). Whoever computes
 * the order for the same fill in the same state gets the same id: a rerun, a second instance or a restarted one asks
 * the venue for that id instead of making a new order.
 */
public final class ClientOrderIds {

    private static final int HEX_CHARS = 30;

    private ClientOrderIds() {
    }

    /** {@code tp} and 30 hex digits of SHA-256 over the parts: 32 characters, within every venue's limit. */
    public static String of(String venue, String orderId, String tradeId, int tier, int attempt) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest(String.join("\u0000", "tp", venue, orderId, tradeId, Integer.toString(tier),
                    Integer.toString(attempt)).getBytes(StandardCharsets.UTF_8));
            return "tp" + HexFormat.of().formatHex(digest).substring(0, HEX_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
