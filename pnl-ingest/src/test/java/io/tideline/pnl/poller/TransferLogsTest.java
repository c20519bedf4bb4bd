package io.tideline.pnl.poller;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading a scan's logs: one per block, and a log that cannot be read is skipped, not the end of the scan. */
class TransferLogsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WALLET = "0x00000000000000000000000000000000000000a1";
    private static final String OTHER = "0x00000000000000000000000000000000000000b2";
    private static final String USDC = "0x2791bca1f2de4661ed88a30c99a7a9449aa84174";

    @Test
    void readsTransferLogsPerBlockAndSkipsOneThatCannotBeRead() throws Exception {
        JsonNode good = transfer("0x10", "0x1", "0x" + "00".repeat(31) + "2a");
        JsonNode truncated = transfer("0x10", "0x2", "0x2a"); // data shorter than one 32-byte word
        JsonNode later = transfer("0x11", "0x0", "0x" + "00".repeat(31) + "07");

        TransferLogs.Found found = TransferLogs.read(List.of(good, truncated, later));

        assertThat(found.logs()).isEqualTo(3);
        assertThat(found.byBlock()).containsOnlyKeys(16L, 17L);
        assertThat(found.byBlock().get(16L)).singleElement()
                .satisfies(a -> assertThat(a.get("rawContract").get("rawValue").asText()).isEqualTo("0x2a"));
        assertThat(found.byBlock().get(17L)).hasSize(1);
        assertThat(found.skipped()).singleElement().asString().contains("0xt16").contains("logIndex 0x2")
                .contains("no word 0");
    }

    private static JsonNode transfer(String block, String logIndex, String data) throws Exception {
        return JSON.readTree("""
                {"address": "%s", "blockNumber": "%s", "blockHash": "0xb%s", "transactionHash": "0xt%d",
                 "logIndex": "%s", "data": "%s", "removed": false,
                 "topics": ["%s", "%s", "%s"]}
                """.formatted(USDC, block, block.substring(2), Long.decode(block), logIndex, data,
                TransferLogs.TRANSFER, TransferLogs.topicOf(WALLET), TransferLogs.topicOf(OTHER)));
    }
}
