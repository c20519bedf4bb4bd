package io.tideline.evm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What RpcClient puts on the wire and makes of the answers, against a fake node: lists go out as one batch, a log query
 * without addresses filters by topics alone, answers come back typed and lower-case, errors name method and host.
 */
class RpcClientRequestTest {

    private static final String KEY = "v2/sk_live_request_test";
    private static final String TRANSFER = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";
    private static final String WALLET_TOPIC = "0x000000000000000000000000f39fd6e51aad88f6f4ce6ab8827279cfffb92266";
    private static final String TOKEN = "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48";
    private static final String POOL = "0x8ad599c3a0ff1de082011efddc58f1908eb6e6d8";

    @Test
    void aQueryWithoutAddressesAsksForLogsOfAnyContractMatchingItsTopics() {
        try (FakeNode node = new FakeNode(request -> logsFor(request.get("params").get(0)));
             RpcClient rpc = new RpcClient(node.url(KEY), Duration.ofSeconds(5))) {
            List<List<ChainLog>> logs = rpc.logs(List.of(
                    LogQuery.anyAddress(List.of(List.of(TRANSFER), List.of(), List.of(WALLET_TOPIC))),
                    new LogQuery(List.of(POOL), List.of(List.of(TRANSFER)))), 16, 31);

            assertThat(rpc.roundTrips()).isEqualTo(1);
            assertThat(rpc.requests()).isEqualTo(2);
            assertThat(node.received()).hasSize(1);
            JsonNode batch = node.received().get(0);
            assertThat(batch.isArray()).isTrue();
            JsonNode anyContract = batch.get(0).get("params").get(0);
            assertThat(batch.get(0).get("method").asText()).isEqualTo("eth_getLogs");
            assertThat(anyContract.has("address")).as("address in %s", anyContract).isFalse();
            assertThat(anyContract.get("fromBlock").asText()).isEqualTo("0x10");
            assertThat(anyContract.get("toBlock").asText()).isEqualTo("0x1f");
            assertThat(anyContract.get("topics").toString())
                    .isEqualTo("[[\"" + TRANSFER + "\"],null,[\"" + WALLET_TOPIC + "\"]]");
            JsonNode onePool = batch.get(1).get("params").get(0);
            assertThat(onePool.get("address").toString()).isEqualTo("[\"" + POOL + "\"]");

            assertThat(logs).hasSize(2);
            ChainLog transfer = logs.get(0).get(0);
            assertThat(transfer).isEqualTo(new ChainLog(17, "0x" + "ab".repeat(32), "0x" + "cd".repeat(32), 3,
                    TOKEN.toLowerCase(), List.of(TRANSFER, "0x" + "00".repeat(32), WALLET_TOPIC), "0x0de0b6b3a7640000"));
            assertThat(logs.get(1)).singleElement().extracting(ChainLog::address).isEqualTo(POOL);
        }
    }

    @Test
    void headersOfSeveralBlocksComeBackInTheOrderAskedFromOneRoundTrip() {
        try (FakeNode node = new FakeNode(request -> block(Long.decode(request.get("params").get(0).asText())));
             RpcClient rpc = new RpcClient(node.url(KEY), Duration.ofSeconds(5))) {
            List<BlockHeader> headers = rpc.headers(List.of(7L, 0L, 5L));

            assertThat(rpc.roundTrips()).isEqualTo(1);
            assertThat(headers).extracting(BlockHeader::number).containsExactly(7L, 0L, 5L);
            assertThat(headers.get(0)).isEqualTo(new BlockHeader(7, hash(7), hash(6), Instant.ofEpochSecond(1_700_000_007)));
        }
    }

    @Test
    void anErrorAnswerNamesTheMethodAndTheNodeByHostOnly() {
        try (FakeNode node = new FakeNode(request -> error(-32005, "query returned more than 10000 results"));
             RpcClient rpc = new RpcClient(node.url(KEY), Duration.ofSeconds(5))) {
            RpcException e = catchThrowableOfType(() -> rpc.logs(List.of(LogQuery.anyAddress(
                    List.of(List.of(TRANSFER)))), 0, 100), RpcException.class);

            assertThat(e.unreachable()).isFalse();
            assertThat(e.getMessage()).isEqualTo("eth_getLogs to " + node.hostOnly()
                    + " answered error -32005: query returned more than 10000 results").doesNotContain(KEY);
        }
    }

    private static JsonNode logsFor(JsonNode filter) {
        ArrayNode logs = FakeNode.JSON.createArrayNode();
        ObjectNode log = logs.addObject();
        boolean anyContract = filter.path("address").isMissingNode() || filter.get("address").isNull();
        log.put("removed", false);
        log.put("logIndex", "0x3");
        log.put("transactionIndex", "0x0");
        log.put("transactionHash", "0x" + "CD".repeat(32));
        log.put("blockHash", "0x" + "AB".repeat(32));
        log.put("blockNumber", "0x11");
        log.put("address", anyContract ? TOKEN : POOL);
        log.put("data", "0x0de0b6b3a7640000");
        log.putArray("topics").add(TRANSFER).add("0x" + "00".repeat(32)).add(WALLET_TOPIC);
        // a log a reorg removed is left out
        ObjectNode removed = log.deepCopy();
        removed.put("removed", true);
        logs.add(removed);
        return logs;
    }

    private static JsonNode block(long number) {
        ObjectNode block = FakeNode.JSON.createObjectNode();
        block.put("number", "0x" + Long.toHexString(number));
        block.put("hash", hash(number).toUpperCase().replace("0X", "0x"));
        block.put("parentHash", hash(number - 1));
        block.put("timestamp", "0x" + Long.toHexString(1_700_000_000 + number));
        block.putArray("transactions");
        return block;
    }

    private static String hash(long number) {
        return "0x" + String.format("%064x", number + 0xabcdef);
    }

    private static JsonNode error(int code, String message) {
        ObjectNode out = FakeNode.JSON.createObjectNode();
        out.putObject("error").put("code", code).put("message", message);
        return out;
    }
}
