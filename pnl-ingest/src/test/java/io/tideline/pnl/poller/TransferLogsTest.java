package io.tideline.pnl.poller;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tideline.evm.ChainLog;
import io.tideline.evm.LogQuery;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reading a scan's logs: one per block, and a log that cannot be read is skipped, not the end of the scan; the filters
 * ask for transfers of any contract from or to the wallets.
 */
class TransferLogsTest {

    private static final String WALLET = "0x00000000000000000000000000000000000000a1";
    private static final String OTHER = "0x00000000000000000000000000000000000000b2";
    private static final String USDC = "0x2791bca1f2de4661ed88a30c99a7a9449aa84174";
    private static final String CTF = "0x4d97dcd97ec945f40cf65f87097ace5ea0476045";

    @Test
    void readsTransferLogsPerBlockAndSkipsOneThatCannotBeRead() {
        ChainLog good = transfer(16, 1, "0x" + "00".repeat(31) + "2a");
        ChainLog truncated = transfer(16, 2, "0x2a"); // data shorter than one 32-byte word
        ChainLog later = transfer(17, 0, "0x" + "00".repeat(31) + "07");

        TransferLogs.Found found = TransferLogs.read(List.of(good, truncated, later));

        assertThat(found.logs()).isEqualTo(3);
        assertThat(found.byBlock()).containsOnlyKeys(16L, 17L);
        assertThat(found.byBlock().get(16L)).singleElement()
                .satisfies(a -> assertThat(a.get("rawContract").get("rawValue").asText()).isEqualTo("0x2a"));
        assertThat(found.byBlock().get(17L)).hasSize(1);
        assertThat(found.skipped()).singleElement().asString().contains("0xt16").contains("logIndex 0x2")
                .contains("no word 0");
    }

    @Test
    void anErc1155BatchBecomesOneActivityInAlchemysFormWithItsLog() {
        // TransferBatch(operator, from, to, ids = [5, 6], values = [100, 200])
        String data = "0x" + word(0x40) + word(0xa0) + word(2) + word(5) + word(6) + word(2) + word(100) + word(200);
        ChainLog batch = new ChainLog(0x1234, "0x" + "bb".repeat(32), "0x" + "cc".repeat(32), 10, CTF,
                List.of(TransferLogs.TRANSFER_BATCH, TransferLogs.topicOf(OTHER), TransferLogs.topicOf(OTHER),
                        TransferLogs.topicOf(WALLET)), data);

        ObjectNode activity = TransferLogs.activity(batch);

        assertThat(activity.get("blockNum").asText()).isEqualTo("0x1234");
        assertThat(activity.get("hash").asText()).isEqualTo("0x" + "cc".repeat(32));
        assertThat(activity.get("fromAddress").asText()).isEqualTo(OTHER);
        assertThat(activity.get("toAddress").asText()).isEqualTo(WALLET);
        assertThat(activity.get("category").asText()).isEqualTo("erc1155");
        assertThat(activity.get("rawContract").get("address").asText()).isEqualTo(CTF);
        assertThat(activity.get("erc1155Metadata").toString())
                .isEqualTo("[{\"tokenId\":\"0x5\",\"value\":\"0x64\"},{\"tokenId\":\"0x6\",\"value\":\"0xc8\"}]");
        assertThat(activity.get("log").get("logIndex").asText()).isEqualTo("0xa");
        assertThat(activity.get("log").get("blockNumber").asText()).isEqualTo("0x1234");
        assertThat(activity.get("log").get("blockHash").asText()).isEqualTo("0x" + "bb".repeat(32));
        assertThat(activity.get("log").get("topics")).hasSize(4);
        assertThat(activity.get("log").get("data").asText()).isEqualTo(data);
        assertThat(activity.get("log").get("removed").asBoolean()).isFalse();
    }

    @Test
    void aLogThatIsNoTransferWeReadIsLeftOut() {
        // ERC-721 Transfer: the token id is the fourth topic
        ChainLog nft = new ChainLog(16, "0xb10", "0xt16", 0, USDC, List.of(TransferLogs.TRANSFER,
                TransferLogs.topicOf(WALLET), TransferLogs.topicOf(OTHER), "0x" + word(7)), "0x");

        TransferLogs.Found found = TransferLogs.read(List.of(nft));

        assertThat(found.logs()).isEqualTo(1);
        assertThat(found.byBlock()).isEmpty();
        assertThat(found.skipped()).isEmpty();
    }

    @Test
    void theFiltersAskForTransfersOfAnyContractFromAndToTheWallets() {
        String wallet = "0x" + "00".repeat(12) + WALLET.substring(2);
        List<String> erc1155 = List.of(TransferLogs.TRANSFER_SINGLE, TransferLogs.TRANSFER_BATCH);

        assertThat(TransferLogs.filters(List.of("0x00000000000000000000000000000000000000A1"))).containsExactly(
                LogQuery.anyAddress(List.of(List.of(TransferLogs.TRANSFER), List.of(wallet))),
                LogQuery.anyAddress(List.of(List.of(TransferLogs.TRANSFER), List.of(), List.of(wallet))),
                LogQuery.anyAddress(List.of(erc1155, List.of(), List.of(wallet))),
                LogQuery.anyAddress(List.of(erc1155, List.of(), List.of(), List.of(wallet))));
        assertThat(TransferLogs.filters(List.of(WALLET))).allSatisfy(q -> assertThat(q.addresses()).isEmpty());
    }

    private static ChainLog transfer(long block, int logIndex, String data) {
        return new ChainLog(block, "0xb" + Long.toHexString(block), "0xt" + block, logIndex, USDC,
                List.of(TransferLogs.TRANSFER, TransferLogs.topicOf(WALLET), TransferLogs.topicOf(OTHER)), data);
    }

    private static String word(long value) {
        return String.format("%064x", value);
    }
}
