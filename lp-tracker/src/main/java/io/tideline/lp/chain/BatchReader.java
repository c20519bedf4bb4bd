package io.tideline.lp.chain;

import io.tideline.evm.ContractCall;
import io.tideline.evm.RpcClient;
import io.tideline.evm.RpcException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many contract reads, each at its own block, in <b>one</b> HTTP round trip: the calls are grouped by block into
 * Multicall3 {@code aggregate3} calls of at most {@code chunk} reads, and those eth_calls go out as one JSON-RPC batch.
 */
public class BatchReader {

    private static final HexFormat HEX = HexFormat.of();

    private final RpcClient rpc;
    private final String multicall3;
    private final int chunk;
    private final AtomicLong roundTrips = new AtomicLong();

    public BatchReader(RpcClient rpc, String multicall3, int chunk) {
        this.rpc = rpc;
        this.multicall3 = multicall3;
        this.chunk = chunk;
    }

    /** Batched reads made so far (each one HTTP round trip). */
    public long roundTrips() {
        return roundTrips.get();
    }

    /** A read to make: a contract, its calldata and the block whose state it reads. */
    public record Read(String target, byte[] callData, long block) {
    }

    /** The results, in the order of {@code reads}. */
    public List<Multicall3.Result> read(List<Read> reads) {
        if (reads.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Integer>> byBlock = new TreeMap<>();
        for (int i = 0; i < reads.size(); i++) {
            byBlock.computeIfAbsent(reads.get(i).block(), b -> new ArrayList<>()).add(i);
        }
        List<ContractCall> calls = new ArrayList<>();
        List<Long> blocks = new ArrayList<>();
        List<List<Integer>> members = new ArrayList<>();
        byBlock.forEach((block, indexes) -> {
            for (int start = 0; start < indexes.size(); start += chunk) {
                List<Integer> part = indexes.subList(start, Math.min(indexes.size(), start + chunk));
                List<byte[]> data = new ArrayList<>(part.size());
                List<String> targets = new ArrayList<>(part.size());
                for (int i : part) {
                    data.add(reads.get(i).callData());
                    targets.add(reads.get(i).target());
                }
                calls.add(new ContractCall(multicall3, Multicall3.encode(data, targets)));
                blocks.add(block);
                members.add(part);
            }
        });
        roundTrips.incrementAndGet();
        List<String> answers = rpc.calls(calls, blocks);
        Multicall3.Result[] results = new Multicall3.Result[reads.size()];
        List<Integer> beforeMulticall = new ArrayList<>();
        for (int c = 0; c < answers.size(); c++) {
            List<Integer> part = members.get(c);
            if (isEmpty(answers.get(c))) {
                // No Multicall3 at that block yet (a backfill from before its deployment): read those one by one.
                beforeMulticall.addAll(part);
                continue;
            }
            List<Multicall3.Result> decoded = Multicall3.decode(answers.get(c));
            if (decoded.size() != part.size()) {
                throw new RpcException("aggregate3 at " + multicall3 + " answered " + decoded.size() + " results for "
                        + part.size() + " calls");
            }
            for (int k = 0; k < part.size(); k++) {
                results[part.get(k)] = decoded.get(k);
            }
        }
        if (!beforeMulticall.isEmpty()) {
            readDirectly(reads, beforeMulticall, results);
        }
        return List.of(results);
    }

    /** Plain eth_calls, still in one JSON-RPC batch (one more round trip). */
    private void readDirectly(List<Read> reads, List<Integer> indexes, Multicall3.Result[] results) {
        roundTrips.incrementAndGet();
        List<ContractCall> calls = new ArrayList<>(indexes.size());
        List<Long> blocks = new ArrayList<>(indexes.size());
        for (int i : indexes) {
            calls.add(new ContractCall(reads.get(i).target(), "0x" + HEX.formatHex(reads.get(i).callData())));
            blocks.add(reads.get(i).block());
        }
        List<String> answers = rpc.callsOrNull(calls, blocks);
        for (int k = 0; k < indexes.size(); k++) {
            String hex = answers.get(k);
            results[indexes.get(k)] = hex == null ? new Multicall3.Result(false, new byte[0])
                    : new Multicall3.Result(true, HEX.parseHex(hex.substring(2)));
        }
    }

    private static boolean isEmpty(String hex) {
        return hex == null || hex.isEmpty() || "0x".equals(hex);
    }
}
