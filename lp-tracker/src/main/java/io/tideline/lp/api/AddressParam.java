package io.tideline.lp.api;

import io.tideline.service.problem.ProblemException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.web3j.crypto.Keys;

/**
 * An EVM address from a request: 0x + 40 hex digits; mixed case must carry a valid EIP-55 checksum (all lower or all
 * upper case carries none and is accepted).
 */
final class AddressParam {

    private static final Pattern SHAPE = Pattern.compile("0x[0-9a-fA-F]{40}");

    private AddressParam() {
    }

    static String parse(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badField(field, "is required");
        }
        if (!SHAPE.matcher(value).matches()) {
            throw ProblemException.badField(field, "must be 0x followed by 40 hex digits, was '" + value + "'");
        }
        String digits = value.substring(2);
        boolean mixed = !digits.equals(digits.toLowerCase(Locale.ROOT)) && !digits.equals(digits.toUpperCase(Locale.ROOT));
        if (mixed && !Keys.toChecksumAddress(value).equals(value)) {
            throw ProblemException.badField(field, "has a bad EIP-55 checksum (expected "
                    + Keys.toChecksumAddress(value) + ")");
        }
        return value.toLowerCase(Locale.ROOT);
    }
}
