package io.tideline.pnl.poller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    /** The {@code eth_getLogs} topic filters for transfers from or to any of the wallets (4 filters). */
    public static List<List<Object>> filters(List<String> wallets) {
        List<String> padded = wallets.stream().map(TransferLogs::topicOf).toList();
        List<String> erc1155 = List.of(TRANSFER_SINGLE, TRANSFER_BATCH);
        List<List<Object>> filters = new ArrayList<>();
        filters.add(Arrays.asList(TRANSFER, padded));
        filters.add(Arrays.asList(TRANSFER, null, padded));
        filters.add(Arrays.asList(erc1155, null, padded));
        filters.add(Arrays.asList(erc1155, null, null, padded));
        return filters;
    }

    /**
     * What a scan's logs hold.
     *
     * @param byBlock the activities read, per block number, in the order of the logs
     * @param logs    logs not marked removed
     * @param skipped the logs that could not be read (which, and why): skipped, not the end of the scan
     */
    public record Found(Map<Long, List<ObjectNode>> byBlock, int logs, List<String> skipped) {
    }

    /** Reads a scan's logs one by one; removed logs are left out, one that cannot be read is skipped. */
    public static Found read(List<JsonNode> logs) {
        Map<Long, List<ObjectNode>> byBlock = new TreeMap<>();
        List<String> skipped = new ArrayList<>();
        int count = 0;
        for (JsonNode log : logs) {
            if (log.path("removed").asBoolean(false)) {
                continue;
            }
            count++;
            try {
                long block = EthRpc.quantity(log.get("blockNumber")).longValueExact();
                ObjectNode activity = activity(log);
                if (activity != null) {
                    byBlock.computeIfAbsent(block, b -> new ArrayList<>()).add(activity);
                }
            } catch (RuntimeException e) {
                skipped.add("tx " + log.path("transactionHash").asText("?") + " logIndex "
                        + log.path("logIndex").asText("?") + ": " + (e.getMessage() == null
                        ? e.getClass().getSimpleName() : e.getMessage()));
            }
        }
        return new Found(byBlock, count, skipped);
    }

    /** The log as an Alchemy activity, or null when it is not a transfer we read. */
    public static ObjectNode activity(JsonNode log) {
        JsonNode topics = log.get("topics");
        if (topics == null || topics.isEmpty()) {
            return null;
        }
        String topic0 = topics.get(0).asText().toLowerCase(Locale.ROOT);
        String contract = log.get("address").asText().toLowerCase(Locale.ROOT);
        byte[] data = bytes(log.path("data").asText("0x"));
        ObjectNode a = JSON.createObjectNode();
        a.put("blockNum", log.get("blockNumber").asText());
        a.put("hash", log.get("transactionHash").asText().toLowerCase(Locale.ROOT));
        ObjectNode raw = a.putObject("rawContract");
        raw.put("address", contract);
        if (TRANSFER.equals(topic0) && topics.size() == 3) {
            a.put("fromAddress", address(topics.get(1).asText()));
            a.put("toAddress", address(topics.get(2).asText()));
            a.put("category", "token");
            raw.put("rawValue", "0x" + word(data, 0).toString(16));
        } else if (TRANSFER_SINGLE.equals(topic0) && topics.size() == 4) {
            a.put("fromAddress", address(topics.get(2).asText()));
            a.put("toAddress", address(topics.get(3).asText()));
            a.put("category", "erc1155");
            raw.putNull("rawValue");
            ArrayNode meta = a.putArray("erc1155Metadata");
            meta.addObject().put("tokenId", "0x" + word(data, 0).toString(16))
                    .put("value", "0x" + word(data, 1).toString(16));
        } else if (TRANSFER_BATCH.equals(topic0) && topics.size() == 4) {
            a.put("fromAddress", address(topics.get(2).asText()));
            a.put("toAddress", address(topics.get(3).asText()));
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
        l.set("topics", topics);
        l.put("data", log.path("data").asText("0x"));
        l.put("blockNumber", log.get("blockNumber").asText());
        l.put("transactionHash", log.get("transactionHash").asText());
        l.put("blockHash", log.get("blockHash").asText());
        l.put("logIndex", log.get("logIndex").asText());
        l.put("removed", log.path("removed").asBoolean(false));
        return a;
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
