package io.tideline.events.lp;

import static io.tideline.events.RequiredFields.require;

import java.util.Locale;

/** EVM addresses in LP events are carried lower-case, so equality and position keys do not depend on checksum case. */
final class EvmAddress {

    private EvmAddress() {
    }

    static String normalize(String address, String field) {
        return require(address, field).toLowerCase(Locale.ROOT);
    }
}
