package io.tideline.testing.alchemy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Address Activity webhook bodies in Alchemy's documented format (webhookId, id, createdAt, type, event.network,
 * event.activity[] with rawContract, erc1155Metadata and log), built field by field as Alchemy sends them, and signed
 * as Alchemy signs them (hex HMAC-SHA256 of the raw body, keyed with the webhook's signing key). Used by pnl-ingest's
 * tests and by the end-to-end scenario (e2e), which posts them to the running platform.
 */
public final class AlchemyPayloads {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private AlchemyPayloads() {
    }

    /** A fresh transaction hash. */
    public static String txHash() {
        return "0x" + String.format("%064x", IDS.incrementAndGet());
    }

    /** A fresh delivery id. */
    public static String deliveryId() {
        return "whevt_" + Long.toString(IDS.incrementAndGet(), 36);
    }

    public static ObjectNode usdc(String hash, int logIndex, String from, String to, String contract, long raw) {
        ObjectNode a = base(hash, from, to, "token", "USDC");
        ObjectNode rawContract = a.putObject("rawContract");
        rawContract.put("rawValue", "0x" + Long.toHexString(raw));
        rawContract.put("address", contract);
        rawContract.put("decimals", 6);
        a.put("value", raw / 1_000_000.0);
        a.set("log", log(hash, logIndex, contract, false));
        return a;
    }

    public static ObjectNode shares(String hash, int logIndex, String from, String to, String contract,
            BigInteger tokenId, long raw) {
        ObjectNode a = base(hash, from, to, "erc1155", null);
        a.putNull("erc721TokenId");
        ArrayNode meta = a.putArray("erc1155Metadata");
        meta.addObject().put("tokenId", "0x" + tokenId.toString(16)).put("value", "0x" + Long.toHexString(raw));
        ObjectNode rawContract = a.putObject("rawContract");
        rawContract.putNull("rawValue");
        rawContract.put("address", contract);
        rawContract.putNull("decimals");
        a.set("log", log(hash, logIndex, contract, false));
        return a;
    }

    /** An ERC-1155 transfer of several (token id, amount) pairs in one log, as Alchemy reports a TransferBatch. */
    public static ObjectNode sharesBatch(String hash, int logIndex, String from, String to, String contract,
            BigInteger[] tokenIds, long[] raws) {
        ObjectNode a = shares(hash, logIndex, from, to, contract, tokenIds[0], raws[0]);
        ArrayNode meta = a.putArray("erc1155Metadata");
        for (int i = 0; i < tokenIds.length; i++) {
            meta.addObject().put("tokenId", "0x" + tokenIds[i].toString(16)).put("value", "0x" + Long.toHexString(raws[i]));
        }
        return a;
    }

    /** The same activity in another block (a transaction mined again after a reorg). */
    public static ObjectNode inBlock(ObjectNode activity, String blockHash) {
        ObjectNode copy = activity.deepCopy();
        ((ObjectNode) copy.get("log")).put("blockHash", blockHash);
        return copy;
    }

    /** The same activity as a reorg removes it. */
    public static ObjectNode removed(ObjectNode activity) {
        ObjectNode copy = activity.deepCopy();
        ((ObjectNode) copy.get("log")).put("removed", true);
        return copy;
    }

    public static byte[] delivery(String webhookId, String deliveryId, Instant createdAt, ObjectNode... activities) {
        ObjectNode body = JSON.createObjectNode();
        body.put("webhookId", webhookId);
        body.put("id", deliveryId);
        body.put("createdAt", createdAt.toString());
        body.put("type", "ADDRESS_ACTIVITY");
        ObjectNode event = body.putObject("event");
        event.put("network", "MATIC_MAINNET");
        ArrayNode list = event.putArray("activity");
        for (ObjectNode a : activities) {
            list.add(a);
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code X-Alchemy-Signature}: lowercase hex HMAC-SHA256 of the body, keyed with the signing key (UTF-8). */
    public static String sign(byte[] body, String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static ObjectNode base(String hash, String from, String to, String category, String asset) {
        ObjectNode a = JSON.createObjectNode();
        a.put("blockNum", "0x3a2b1c");
        a.put("hash", hash);
        a.put("fromAddress", from);
        a.put("toAddress", to);
        if (asset == null) {
            a.putNull("asset");
        } else {
            a.put("asset", asset);
        }
        a.put("category", category);
        return a;
    }

    private static ObjectNode log(String hash, int logIndex, String contract, boolean removed) {
        ObjectNode log = JSON.createObjectNode();
        log.put("address", contract);
        log.putArray("topics");
        log.put("data", "0x");
        log.put("blockNumber", "0x3a2b1c");
        log.put("transactionHash", hash);
        log.put("transactionIndex", "0x1");
        log.put("blockHash", "0x" + "ab".repeat(32));
        log.put("logIndex", "0x" + Integer.toHexString(logIndex));
        log.put("removed", removed);
        return log;
    }
}
