package io.tideline.stark;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A SNIP-12 (revision 1) struct type: its name and ordered fields. {@link #encode} and {@link #typeHash} follow the
 * revision-1 rule that every name and type is double-quoted: {@code "Name"("field":"type",...)} followed by the
 * referenced types.
 *
 * @param name   the type's name
 * @param fields the fields in declaration order
 */
public record Snip12Type(String name, List<Field> fields) {

    /** One field: its name and its type's name. */
    public record Field(String name, String type) {
        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }
    }

    public Snip12Type {
        Objects.requireNonNull(name, "name");
        fields = List.copyOf(fields);
    }

    /** A type of the given {@code name:type} pairs, e.g. {@code of("AssetId", "value", "felt")}. */
    public static Snip12Type of(String name, String... namesAndTypes) {
        if (namesAndTypes.length % 2 != 0) {
            throw new IllegalArgumentException("fields come as name, type pairs");
        }
        List<Field> fields = new java.util.ArrayList<>();
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            fields.add(new Field(namesAndTypes[i], namesAndTypes[i + 1]));
        }
        return new Snip12Type(name, fields);
    }

    /** This type alone, {@code "Name"("field":"type",...)}. */
    public String encodeAlone() {
        return quote(name) + fields.stream()
                .map(f -> quote(f.name()) + ":" + quote(f.type()))
                .collect(Collectors.joining(",", "(", ")"));
    }

    /**
     * This type followed by {@code referenced}, in the order given. SNIP-12 (and starknet.js) sort the referenced
     * types by name; Extended's contracts list them in their own order, so the caller decides.
     */
    public String encode(List<Snip12Type> referenced) {
        StringBuilder out = new StringBuilder(encodeAlone());
        referenced.forEach(t -> out.append(t.encodeAlone()));
        return out.toString();
    }

    /** {@code starknet_keccak} of {@link #encode}. */
    public BigInteger typeHash(List<Snip12Type> referenced) {
        return StarkKeccak.selector(encode(referenced));
    }

    /** The struct hash: {@code poseidon_hash_many(typeHash, encoded field values...)}. */
    public static BigInteger structHash(BigInteger typeHash, List<BigInteger> encodedValues) {
        List<BigInteger> elements = new java.util.ArrayList<>(encodedValues.size() + 1);
        elements.add(typeHash);
        elements.addAll(encodedValues);
        return Poseidon.hashMany(elements);
    }

    private static String quote(String s) {
        return "\"" + s + "\"";
    }
}
