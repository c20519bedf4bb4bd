package io.tideline.settlement.fill;

import io.tideline.events.TradeSide;
import io.tideline.events.mm.FillRecorded;
import io.tideline.service.input.Identifiers;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a fill and its fields must be, wherever the fill comes from: the API, the importer or {@code mm.fills}. Ids are
 * 1 to 128 of a safe alphabet, pairs BASE-QUOTE, quantities and prices positive, fees not negative, decimals with at
 * most 18 places and 24 integer digits, {@code filledAt} not in the future. A broken field is an
 * {@link InvalidFieldException} naming it.
 */
public final class FillRules {

    public static final Pattern PAIR = Pattern.compile("[A-Z0-9]{1,20}-[A-Z0-9]{1,20}");
    public static final Pattern ID = Identifiers.ID;
    private static final Pattern ASSET = Pattern.compile("[A-Z0-9]{1,20}");
    public static final int MAX_SCALE = 18;
    public static final int MAX_INTEGER_DIGITS = 24;
    /** How far ahead of this clock a fill's time may be. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private FillRules() {
    }

    /** A fill from the API or the importer, its side and pair still as text; the fill to record. */
    public static FillSubmission submission(String sessionId, String pair, String venue, String orderId,
            String tradeId, String side, BigDecimal quantity, BigDecimal price, BigDecimal fee, String feeAsset,
            Instant filledAt, Instant now) {
        String session = id("sessionId", sessionId);
        String canonicalPair = pair("pair", pair);
        String venueId = id("venue", venue);
        String order = id("orderId", orderId);
        String trade = id("tradeId", tradeId);
        String sideText = required("side", side).trim().toUpperCase(Locale.ROOT);
        TradeSide tradeSide;
        try {
            tradeSide = TradeSide.valueOf(sideText);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("side", "must be BUY or SELL");
        }
        return new FillSubmission(session, canonicalPair, venueId, order, trade, tradeSide,
                positive("quantity", quantity), positive("price", price), nonNegative("fee", fee),
                feeAsset(feeAsset), notInTheFuture("filledAt", filledAt, now));
    }

    /**
     * A fill published on {@code mm.fills}, held to the same rules as one sent to the API (its pair must already be
     * in canonical form); the fill to record.
     */
    public static FillSubmission submission(FillRecorded f, Instant now) {
        String pair = pair("pair", f.pair());
        if (!pair.equals(f.pair())) {
            throw new InvalidFieldException("pair", "must be upper case BASE-QUOTE, e.g. ETH-USDC");
        }
        String feeAsset = feeAsset(f.feeAsset());
        if (feeAsset != null && !feeAsset.equals(f.feeAsset())) {
            throw new InvalidFieldException("feeAsset", "must be an upper-case asset symbol, e.g. USDC");
        }
        return new FillSubmission(id("sessionId", f.sessionId()), pair, id("venue", f.venue()),
                id("orderId", f.orderId()), id("tradeId", f.tradeId()), required("side", f.side()),
                positive("quantity", f.quantity()), positive("price", f.price()), nonNegative("fee", f.fee()),
                feeAsset, notInTheFuture("filledAt", f.filledAt(), now));
    }

    public static String id(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, "is required");
        }
        if (!Identifiers.valid(value)) {
            throw new InvalidFieldException(field, Identifiers.RULE);
        }
        return value;
    }

    /** The pair in canonical form (trimmed, upper case). */
    public static String pair(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, "is required");
        }
        String pair = value.trim().toUpperCase(Locale.ROOT);
        if (!PAIR.matcher(pair).matches()) {
            throw new InvalidFieldException(field, "must look like BASE-QUOTE, e.g. ETH-USDC");
        }
        return pair;
    }

    public static BigDecimal positive(String field, BigDecimal value) {
        BigDecimal v = decimal(field, value);
        if (v.signum() <= 0) {
            throw new InvalidFieldException(field, "must be greater than 0");
        }
        return v;
    }

    public static BigDecimal nonNegative(String field, BigDecimal value) {
        BigDecimal v = decimal(field, value);
        if (v.signum() < 0) {
            throw new InvalidFieldException(field, "must not be negative");
        }
        return v;
    }

    public static <T> T required(String field, T value) {
        if (value == null) {
            throw new InvalidFieldException(field, "is required");
        }
        return value;
    }

    private static BigDecimal decimal(String field, BigDecimal value) {
        BigDecimal v = required(field, value).stripTrailingZeros();
        if (v.scale() > MAX_SCALE) {
            throw new InvalidFieldException(field, "has more than " + MAX_SCALE + " decimals");
        }
        if (v.precision() - v.scale() > MAX_INTEGER_DIGITS) {
            throw new InvalidFieldException(field, "is too large");
        }
        return value;
    }

    private static String feeAsset(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String asset = value.trim().toUpperCase(Locale.ROOT);
        if (!ASSET.matcher(asset).matches()) {
            throw new InvalidFieldException("feeAsset", "must be an asset symbol, e.g. USDC");
        }
        return asset;
    }

    private static Instant notInTheFuture(String field, Instant value, Instant now) {
        if (required(field, value).isAfter(now.plus(CLOCK_SKEW))) {
            throw new InvalidFieldException(field, "is in the future");
        }
        return value;
    }
}
