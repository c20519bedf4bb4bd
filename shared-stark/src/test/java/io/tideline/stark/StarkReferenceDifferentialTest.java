package io.tideline.stark;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.jsreference.NodeReference;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Differential test against the JavaScript references: {@code src/test/starknet-js/vectors.mjs} draws random cases
 * from a seed and computes them with starknet.js and @scure/starknet (pinned in its package-lock.json); every case
 * must come out of shared-stark bit for bit. Skipped (never passed) when node or the installed packages are missing
 * ({@link NodeReference}); {@code ./platform test} installs them first (deploy/launcher/reference-packages.sh).
 *
 * <p>{@code -Dstark.reference.seed} and {@code -Dstark.reference.cases} (per kind, at least 1,000) vary the draw.
 */
class StarkReferenceDifferentialTest {

    private static final int MIN_CASES = 1000;
    private static final Map<String, List<String[]>> CASES = new TreeMap<>();

    @BeforeAll
    static void generateVectors() throws IOException, InterruptedException {
        Path dir = Path.of(System.getProperty("stark.reference.dir", "src/test/starknet-js"));
        NodeReference reference = NodeReference.installedIn(dir, "starknet", "@scure/starknet");
        String seed = System.getProperty("stark.reference.seed", "tideline-stark");
        int cases = Math.max(MIN_CASES, Integer.getInteger("stark.reference.cases", MIN_CASES));
        for (String line : reference.run(List.of(), Duration.ofMinutes(10), "vectors.mjs", seed,
                Integer.toString(cases))) {
            if (!line.isBlank()) {
                String[] fields = line.split(" ");
                CASES.computeIfAbsent(fields[0], k -> new ArrayList<>()).add(Arrays.copyOfRange(fields, 1,
                        fields.length));
            }
        }
    }

    private static List<String[]> cases(String kind) {
        List<String[]> list = CASES.getOrDefault(kind, List.of());
        assertThat(list).as(kind + " cases from vectors.mjs").hasSizeGreaterThanOrEqualTo(MIN_CASES);
        return list;
    }

    private static BigInteger hex(String s) {
        return StarkField.feltFromHex(s);
    }

    @Test
    void poseidonHashManyMatchesScureBitForBit() {
        List<String> mismatches = new ArrayList<>();
        for (String[] c : cases("poseidon")) {
            int count = Integer.parseInt(c[0]);
            List<BigInteger> values = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                values.add(hex(c[1 + i]));
            }
            BigInteger expected = hex(c[1 + count]);
            if (!Poseidon.hashMany(values).equals(expected)) {
                mismatches.add(String.join(" ", c));
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void signaturesAndStarkKeysMatchScureBitForBit() {
        List<String> mismatches = new ArrayList<>();
        for (String[] c : cases("sign")) {
            BigInteger key = hex(c[0]);
            BigInteger message = hex(c[1]);
            StarkSignature signature = StarkEcdsa.sign(key, message);
            BigInteger starkKey = StarkEcdsa.starkKey(key);
            boolean same = starkKey.equals(hex(c[2])) && signature.r().equals(hex(c[3]))
                    && signature.s().equals(hex(c[4])) && StarkEcdsa.verify(starkKey, message, signature);
            if (!same) {
                mismatches.add(String.join(" ", c));
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void extendedOrderHashesMatchTheComposedReferenceBitForBit() {
        List<String> mismatches = new ArrayList<>();
        for (String[] c : cases("order")) {
            StarknetChain chain = StarknetChain.valueOf(c[0]);
            ExtendedOrder order = new ExtendedOrder(Long.parseLong(c[1]), hex(c[2]), Long.parseLong(c[3]), hex(c[4]),
                    Long.parseLong(c[5]), hex(c[6]), Long.parseLong(c[7]), Long.parseLong(c[8]), hex(c[9]));
            BigInteger account = hex(c[10]);
            boolean same = ExtendedOrderHash.ORDER_TYPE_HASH.equals(hex(c[11]))
                    && ExtendedOrderHash.domain(chain).hash().equals(hex(c[12]))
                    && ExtendedOrderHash.structHash(order).equals(hex(c[13]))
                    && ExtendedOrderHash.messageHash(order, chain, account).equals(hex(c[14]));
            if (!same) {
                mismatches.add(String.join(" ", c));
            }
        }
        assertThat(mismatches).isEmpty();
    }

    private static final Snip12Type PERSON = Snip12Type.of("Person", "name", "shortstring", "wallet",
            "ContractAddress");
    private static final Snip12Type MAIL = Snip12Type.of("Mail", "from", "Person", "to", "Person", "contents", "felt",
            "amount", "u128", "delta", "i128", "urgent", "bool", "tag", "shortstring");

    @Test
    void snip12MessageHashesMatchStarknetJsTypedDataBitForBit() {
        BigInteger personType = PERSON.typeHash(List.of());
        BigInteger mailType = MAIL.typeHash(List.of(PERSON));
        List<String> mismatches = new ArrayList<>();
        for (String[] c : cases("snip12")) {
            Snip12Domain domain = new Snip12Domain("Tideline", "1", c[0], 1);
            BigInteger from = Snip12Type.structHash(personType, List.of(StarkField.shortStringValue(c[2]), hex(c[3])));
            BigInteger to = Snip12Type.structHash(personType, List.of(StarkField.shortStringValue(c[4]), hex(c[5])));
            BigInteger mail = Snip12Type.structHash(mailType, List.of(from, to, hex(c[6]), new BigInteger(c[7]),
                    StarkField.fromSigned(new BigInteger(c[8])), Boolean.parseBoolean(c[9]) ? BigInteger.ONE
                            : BigInteger.ZERO, StarkField.shortStringValue(c[10])));
            if (!domain.messageHash(hex(c[1]), mail).equals(hex(c[11]))) {
                mismatches.add(String.join(" ", c));
            }
        }
        assertThat(mismatches).isEmpty();
    }
}
