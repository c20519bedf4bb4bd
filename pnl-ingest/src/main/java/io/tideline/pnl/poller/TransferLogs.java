package io.tideline.pnl.poller;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tideline.evm.ChainLog;
import io.tideline.evm.LogQuery;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Turns token transfer logs into activities in Alchemy's Address Activity format, so the poller's finds are read by
 * exactly the code that reads webhooks: ERC-20 {@code Transfer(from, to, value)} (3 topics; 4 topics is ERC-721 and
 * is skipped), ERC-1155 {@code TransferSingle(operator, from, to, id, value)} and
 * {@code TransferBatch(operator, from, to, ids[], values[])}.
 */
public final class TransferLogs {

    public static final String TRANSFER = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";
    public static final String TRANSFER_SINGLE = "0xc3d58168c5ae7397731d063d5bbf3d657854427343f4c083240f7aacaa2d0f62";
    public static final String TRANSFER_BATCH = "0x4a39dc06d4c0dbc64b70af90fd698a233a518aa5d07e595d983b8c0526894aa6";

    private static final ObjectMapper JSON = new ObjectMapper();

    private TransferLogs() {
    }

    /**
     * The {@code eth_getLogs} filters for transfers from or to any of the wallets (4 queries, each of any contract:
     * topics only).
     */
    public static List<LogQuery> filters(List<String> wallets) {
        List<String> padded = wallets.stream().map(TransferLogs::topicOf).toList();
        List<String> erc20 = List.of(TRANSFER);
        List<String> erc1155 = List.of(TRANSFER_SINGLE, TRANSFER_BATCH);
        List<String> any = List.of();
        return List.of(
                LogQuery.anyAddress(List.of(erc20, padded)),
                LogQuery.anyAddress(List.of(erc20, any, padded)),
                LogQuery.anyAddress(List.of(erc1155, any, padded)),
                LogQuery.anyAddress(List.of(erc1155, any, any, padded)));
    }

    /**
     * What a scan's logs hold.
     *
     * @param byBlock the activities read, per block number, in the order of the logs
     * @param logs    logs not marked removed (the client leaves removed ones out)
     * @param skipped the logs that could not be read (which, and why): skipped, not the end of the scan
     */
    public record Found(Map<Long, List<ObjectNode>> byBlock, int logs, List<String> skipped) {
    }

    /** Reads a scan's logs one by one; one that cannot be read is skipped. */
    public static Found read(List<ChainLog> logs) {
        Map<Long, List<ObjectNode>> byBlock = new TreeMap<>();
        List<String> skipped = new ArrayList<>();
        int count = 0;
        for (ChainLog log : logs) {
            count++;
            try {
                ObjectNode activity = activity(log);
                if (activity != null) {
                    byBlock.computeIfAbsent(log.blockNumber(), b -> new ArrayList<>()).add(activity);
                }
            } catch (RuntimeException e) {
                skipped.add("tx " + Objects.requireNonNullElse(log.txHash(), "?") + " logIndex "
                        + quantity(log.logIndex()) + ": " + (e.getMessage() == null
                        ? e.getClass().getSimpleName() : e.getMessage()));
            }
        }
        return new Found(byBlock, count, skipped);
    }

    /** The log as an Alchemy activity, or null when it is not a transfer we read. */
    public static ObjectNode activity(ChainLog log) {
        List<String> topics = log.topics();
        if (topics == null || topics.isEmpty()) {
            return null;
        }
        String topic0 = topics.get(0).toLowerCase(Locale.ROOT);
        String contract = log.address().toLowerCase(Locale.ROOT);
        String txHash = Objects.requireNonNull(log.txHash(), "the log has no transaction hash");
        String blockHash = Objects.requireNonNull(log.blockHash(), "the log has no block hash");
        String hexData = log.data() == null ? "0x" : log.data();
        byte[] data = bytes(hexData);
        ObjectNode a = JSON.createObjectNode();
        a.put("blockNum", quantity(log.blockNumber()));
        a.put("hash", txHash.toLowerCase(Locale.ROOT));
        ObjectNode raw = a.putObject("rawContract");
        raw.put("address", contract);
        if (TRANSFER.equals(topic0) && topics.size() == 3) {
            a.put("fromAddress", address(topics.get(1)));
            a.put("toAddress", address(topics.get(2)));
            a.put("category", "token");
            raw.put("rawValue", "0x" + word(data, 0).toString(16));
        } else if (TRANSFER_SINGLE.equals(topic0) && topics.size() == 4) {
            a.put("fromAddress", address(topics.get(2)));
            a.put("toAddress", address(topics.get(3)));
            a.put("category", "erc1155");
            raw.putNull("rawValue");
            ArrayNode meta = a.putArray("erc1155Metadata");
            meta.addObject().put("tokenId", "0x" + word(data, 0).toString(16))
                    .put("value", "0x" + word(data, 1).toString(16));
        } else if (TRANSFER_BATCH.equals(topic0) && topics.size() == 4) {
            a.put("fromAddress", address(topics.get(2)));
            a.put("toAddress", address(topics.get(3)));
            a.put("category", "erc1155");
            raw.putNull("rawValue");
            ArrayNode meta = a.putArray("erc1155Metadata");
            int ids = word(data, 0).intValueExact() / 32;
            int values = word(data, 1).intValueExact() / 32;
            int n = word(data, ids).intValueExact();
            for (int i = 0; i < n; i++) {
                meta.addObject().put("tokenId", "0x" + word(data, ids + 1 + i).toString(16))
                        .put("value", "0x" + word(data, values + 1 + i).toString(16));
            }
        } else {
            return null;
        }
        ObjectNode l = a.putObject("log");
        l.put("address", contract);
        ArrayNode topicArray = l.putArray("topics");
        topics.forEach(topicArray::add);
        l.put("data", hexData);
        l.put("blockNumber", quantity(log.blockNumber()));
        l.put("transactionHash", txHash);
        l.put("blockHash", blockHash);
        l.put("logIndex", quantity(log.logIndex()));
        l.put("removed", false);
        return a;
    }

    /** A JSON-RPC quantity: 0x-hex without leading zeros, as nodes write block numbers and log indexes. */
    static String quantity(long n) {
        return "0x" + Long.toHexString(n);
    }

    static String topicOf(String address) {
        String hex = address.toLowerCase(Locale.ROOT).substring(2);
        return "0x" + "0".repeat(64 - hex.length()) + hex;
    }

    private static String address(String topic) {
        return "0x" + topic.substring(topic.length() - 40).toLowerCase(Locale.ROOT);
    }

    private static BigInteger word(byte[] data, int index) {
        int from = index * 32;
        if (data.length < from + 32) {
            throw new IllegalArgumentException("log data has no word " + index);
        }
        byte[] word = new byte[32];
        System.arraycopy(data, from, word, 0, 32);
        return new BigInteger(1, word);
    }

    private static byte[] bytes(String hex) {
        String h = hex.startsWith("0x") ? hex.substring(2) : hex;
        return HexFormat.of().parseHex(h);
    }
}
