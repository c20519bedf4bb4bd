package io.tideline.pnl.activity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads Alchemy's Address Activity webhook body (webhookId, id, createdAt, type, event.network, event.activity[]) into
 * a {@link Delivery}. Money comes from {@code rawContract.rawValue} (hex, smallest unit) and ERC-1155 amounts from
 * {@code erc1155Metadata[].value}, never from the pre-scaled {@code value}.
 */
public final class AlchemyPayload {

    public static final String ADDRESS_ACTIVITY = "ADDRESS_ACTIVITY";

    private static final ObjectMapper JSON = new ObjectMapper();

    private AlchemyPayload() {
    }

    /** Parses and validates a body; throws {@link InvalidPayloadException} naming the first bad field. */
    public static Delivery parse(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidPayloadException("body", "not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new InvalidPayloadException("body", "unreadable: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidPayloadException("body", "must be a JSON object");
        }
        String type = text(root, "type", "type");
        if (!ADDRESS_ACTIVITY.equals(type)) {
            throw new InvalidPayloadException("type", "must be " + ADDRESS_ACTIVITY + ", was " + type);
        }
        String webhookId = text(root, "webhookId", "webhookId");
        String deliveryId = text(root, "id", "id");
        Instant createdAt = instant(root, "createdAt");
        JsonNode event = root.get("event");
        if (event == null || !event.isObject()) {
            throw new InvalidPayloadException("event", "missing");
        }
        String network = text(event, "network", "event.network");
        JsonNode list = event.get("activity");
        if (list == null || !list.isArray()) {
            throw new InvalidPayloadException("event.activity", "must be an array");
        }
        List<Activity> activities = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            activities.addAll(activity(list.get(i), "event.activity[" + i + "]"));
        }
        return new Delivery(webhookId, deliveryId, createdAt, network, List.copyOf(activities));
    }

    private static List<Activity> activity(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new InvalidPayloadException(path, "must be an object");
        }
        String hash = text(node, "hash", path + ".hash");
        String from = text(node, "fromAddress", path + ".fromAddress");
        String to = text(node, "toAddress", path + ".toAddress");
        String category = text(node, "category", path + ".category");
        long block = hexNumber(node, "blockNum", path + ".blockNum").longValueExact();
        String asset = optionalText(node, "asset");
        JsonNode raw = node.get("rawContract");
        String contract = raw == null ? null : optionalText(raw, "address");
        Integer decimals = raw == null || !raw.hasNonNull("decimals") ? null : raw.get("decimals").asInt();
        JsonNode log = node.get("log");
        Integer logIndex = null;
        boolean removed = false;
        String blockHash = null;
        if (log != null && log.isObject()) {
            logIndex = hexNumber(log, "logIndex", path + ".log.logIndex").intValueExact();
            removed = log.path("removed").asBoolean(false);
            blockHash = optionalText(log, "blockHash");
            if (contract == null) {
                contract = optionalText(log, "address");
            }
        }
        String lowerCategory = category.toLowerCase(Locale.ROOT);
        if ("erc1155".equals(lowerCategory)) {
            JsonNode metadata = node.get("erc1155Metadata");
            if (metadata == null || !metadata.isArray() || metadata.isEmpty()) {
                throw new InvalidPayloadException(path + ".erc1155Metadata", "required for an erc1155 transfer");
            }
            // A batch may name a token id more than once; each entry moves its amount, so the log moves the sum.
            Map<BigInteger, BigInteger> amounts = new LinkedHashMap<>();
            for (int j = 0; j < metadata.size(); j++) {
                String at = path + ".erc1155Metadata[" + j + "]";
                BigInteger tokenId = hexNumber(metadata.get(j), "tokenId", at + ".tokenId");
                BigInteger value = hexNumber(metadata.get(j), "value", at + ".value");
                amounts.merge(tokenId, value, BigInteger::add);
            }
            List<Activity> parts = new ArrayList<>();
            for (Map.Entry<BigInteger, BigInteger> part : amounts.entrySet()) {
                parts.add(new Activity(hash, logIndex, block, category, from, to, contract, asset, part.getValue(),
                        decimals, part.getKey(), removed, blockHash));
            }
            return parts;
        }
        if ("erc721".equals(lowerCategory)) {
            BigInteger tokenId = hexNumber(node, "erc721TokenId", path + ".erc721TokenId");
            return List.of(new Activity(hash, logIndex, block, category, from, to, contract, asset, BigInteger.ONE,
                    decimals, tokenId, removed, blockHash));
        }
        if (raw == null) {
            throw new InvalidPayloadException(path + ".rawContract", "missing");
        }
        BigInteger value = hexNumber(raw, "rawValue", path + ".rawContract.rawValue");
        return List.of(new Activity(hash, logIndex, block, category, from, to, contract, asset, value, decimals, null,
                removed, blockHash));
    }

    private static String text(JsonNode node, String name, String path) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull() || !value.isTextual() || value.asText().isBlank()) {
            throw new InvalidPayloadException(path, "missing or not a string");
        }
        return value.asText();
    }

    private static String optionalText(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }

    private static BigInteger hexNumber(JsonNode node, String name, String path) {
        String text = node == null ? null : optionalText(node, name);
        if (text == null) {
            throw new InvalidPayloadException(path, "missing");
        }
        if (!text.startsWith("0x") || text.length() < 3) {
            throw new InvalidPayloadException(path, "must be a 0x-prefixed hex number, was " + text);
        }
        try {
            return new BigInteger(text.substring(2), 16);
        } catch (NumberFormatException e) {
            throw new InvalidPayloadException(path, "must be a 0x-prefixed hex number, was " + text);
        }
    }

    private static Instant instant(JsonNode node, String name) {
        String text = text(node, name, name);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidPayloadException(name, "must be an ISO-8601 instant, was " + text);
        }
    }
}
