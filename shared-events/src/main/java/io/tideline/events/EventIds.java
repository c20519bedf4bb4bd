package io.tideline.events;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.UUID;

/**
 * The one recipe for an event id derived from the fact it reports (a chain log, a webhook transfer, a fill, a
 * decision about another event), so that producing the same fact twice gives the same id and consumers drop the copy.
 *
 * <p>The id is a name-based UUID (RFC 4122 version 5, SHA-1) in Tideline's namespace over the kind and the parts,
 * each part length-prefixed so that no two different lists of parts can spell the same name ({@code ("a|b", "c")}
 * and {@code ("a", "b|c")} differ). A null part is written as a distinct marker, never as the text "null".
 */
public final class EventIds {

    /** Tideline's namespace for name-based ids (a random UUID fixed once). */
    static final UUID NAMESPACE = UUID.fromString("6c3f1d0e-9b0e-4f4a-8f2b-6a1d7e5c2b90");

    private EventIds() {
    }

    /**
     * @param kind  what sort of fact, e.g. {@code "lp-log"}, {@code "hedge-filled"}; part of the name
     * @param parts what identifies the fact within its kind (chain, block hash, log index, ...); {@code toString()} of
     *              each is used, so pass plain values (strings, numbers, UUIDs)
     */
    public static UUID of(String kind, Object... parts) {
        Objects.requireNonNull(kind, "kind");
        StringBuilder name = new StringBuilder(64).append(kind.length()).append(':').append(kind);
        for (Object part : parts) {
            if (part == null) {
                name.append("|-");
            } else {
                String text = part.toString();
                name.append('|').append(text.length()).append(':').append(text);
            }
        }
        return v5(NAMESPACE, name.toString());
    }

    /** An id for the event that a decision about {@code cause} produces: one per (cause, what was decided). */
    public static UUID causedBy(UUID cause, String what, Object... parts) {
        Object[] all = new Object[parts.length + 1];
        all[0] = Objects.requireNonNull(cause, "cause");
        System.arraycopy(parts, 0, all, 1, parts.length);
        return of(what, all);
    }

    /** RFC 4122 version 5: SHA-1 of the namespace's 16 bytes and the name's UTF-8 bytes. */
    static UUID v5(UUID namespace, String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every JVM", e);
        }
        ByteBuffer ns = ByteBuffer.allocate(16)
                .putLong(namespace.getMostSignificantBits()).putLong(namespace.getLeastSignificantBits());
        sha1.update(ns.array());
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50); // version 5
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // IETF variant
        ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bytes.getLong(), bytes.getLong());
    }
}
