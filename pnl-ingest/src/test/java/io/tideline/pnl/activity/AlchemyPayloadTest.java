package io.tideline.pnl.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AlchemyPayloadTest {

    /** The shape of Alchemy's documented Address Activity example: an ERC-20 transfer and an ERC-1155 batch. */
    private static final String BODY = """
            {
              "webhookId": "wh_k63lg72rxda78gce",
              "id": "whevt_vq499kv7elmlbp2v",
              "createdAt": "2024-01-23T07:54:41.297613914Z",
              "type": "ADDRESS_ACTIVITY",
              "event": {
                "network": "MATIC_MAINNET",
                "activity": [
                  {
                    "blockNum": "0x10a5b2f",
                    "hash": "0xAB5D4E6B7F4C1A2E1A2B3C4D5E6F708192A3B4C5D6E7F8091A2B3C4D5E6F7081",
                    "fromAddress": "0x503828976D22510aad0201ac7EC88293211D23Da",
                    "toAddress": "0xbe3f4b43db5eb49d1f48f53443b9abce45da3b79",
                    "value": 293.092129,
                    "asset": "USDC",
                    "category": "token",
                    "rawContract": {
                      "rawValue": "0x0000000000000000000000000000000000000000000000000000000011783b21",
                      "address": "0x2791bca1f2de4661ed88a30c99a7a9449aa84174",
                      "decimals": 6
                    },
                    "log": {
                      "address": "0x2791bca1f2de4661ed88a30c99a7a9449aa84174",
                      "topics": [],
                      "data": "0x",
                      "blockNumber": "0x10a5b2f",
                      "transactionHash": "0xab5d4e6b7f4c1a2e1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7081",
                      "transactionIndex": "0x5",
                      "blockHash": "0x1111111111111111111111111111111111111111111111111111111111111111",
                      "logIndex": "0x2c",
                      "removed": false
                    }
                  },
                  {
                    "blockNum": "0x10a5b2f",
                    "hash": "0xab5d4e6b7f4c1a2e1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7081",
                    "fromAddress": "0x4bfb41d5b3570defd03c39a9a4d8de6bd8b8982e",
                    "toAddress": "0x503828976d22510aad0201ac7ec88293211d23da",
                    "erc721TokenId": null,
                    "erc1155Metadata": [
                      {"tokenId": "0x1f", "value": "0x5f5e100"},
                      {"tokenId": "0x20", "value": "0x1"}
                    ],
                    "asset": null,
                    "category": "erc1155",
                    "rawContract": {"rawValue": null, "address": "0x4d97dcd97ec945f40cf65f87097ace5ea0476045", "decimals": null},
                    "log": {"address": "0x4d97dcd97ec945f40cf65f87097ace5ea0476045", "logIndex": "0x2d", "removed": true}
                  }
                ]
              }
            }
            """;

    @Test
    void readsTransfersWithRawValuesAndSplitsAnErc1155Batch() {
        Delivery d = AlchemyPayload.parse(BODY.getBytes(StandardCharsets.UTF_8));
        assertThat(d.webhookId()).isEqualTo("wh_k63lg72rxda78gce");
        assertThat(d.deliveryId()).isEqualTo("whevt_vq499kv7elmlbp2v");
        assertThat(d.createdAt()).isEqualTo(Instant.parse("2024-01-23T07:54:41.297613914Z"));
        assertThat(d.network()).isEqualTo("MATIC_MAINNET");
        assertThat(d.activities()).hasSize(3);
        Activity usdc = d.activities().get(0);
        assertThat(usdc.rawValue()).isEqualTo(BigInteger.valueOf(0x11783b21L)); // 293.092129 USDC, from rawValue
        assertThat(usdc.logIndex()).isEqualTo(44);
        assertThat(usdc.blockNumber()).isEqualTo(0x10a5b2fL);
        assertThat(usdc.from()).isEqualTo("0x503828976d22510aad0201ac7ec88293211d23da"); // lower-cased
        assertThat(usdc.txHash()).startsWith("0xab5d4e");
        assertThat(usdc.isErc20()).isTrue();
        assertThat(usdc.removed()).isFalse();
        assertThat(d.activities().get(1).tokenId()).isEqualTo(BigInteger.valueOf(31));
        assertThat(d.activities().get(1).rawValue()).isEqualTo(BigInteger.valueOf(100_000_000));
        assertThat(d.activities().get(2).tokenId()).isEqualTo(BigInteger.valueOf(32));
        assertThat(d.activities().get(2).removed()).isTrue();
    }

    @Test
    void keysATransferByHashAndLogIndexPerWalletAndTokenId() {
        Delivery d = AlchemyPayload.parse(BODY.getBytes(StandardCharsets.UTF_8));
        String wallet = "0x503828976d22510aad0201ac7ec88293211d23da";
        assertThat(d.activities().get(0).key(wallet)).isEqualTo(wallet + "|" + d.activities().get(0).txHash() + "|44");
        assertThat(d.activities().get(1).key(wallet)).endsWith("|45|31");
        assertThat(d.activities().get(2).key(wallet)).endsWith("|45|32");
        Activity external = new Activity("0xAA", null, 1, "external", "0xB", "0xC", null, "ETH", BigInteger.TEN, 18,
                null, false);
        assertThat(external.key("0xb")).isEqualTo("0xb|0xaa|external|0xb|0xc");
    }

    @Test
    void mergesAnErc1155TokenIdRepeatedInOneLogIntoOneTransferOfTheSum() {
        // A TransferBatch may name a token id twice; each entry moves its amount, so the log moves the sum. Two
        // activities with the same identity would be two events with one id.
        Delivery d = parse(BODY.replace("{\"tokenId\": \"0x20\", \"value\": \"0x1\"}",
                "{\"tokenId\": \"0x1f\", \"value\": \"0x1\"}"));
        assertThat(d.activities()).hasSize(2);
        assertThat(d.activities().get(1).tokenId()).isEqualTo(BigInteger.valueOf(31));
        assertThat(d.activities().get(1).rawValue()).isEqualTo(BigInteger.valueOf(100_000_001));
    }

    @Test
    void readsTheBlockOfEachTransfer() {
        Delivery d = parse(BODY);
        assertThat(d.activities().get(0).blockHash())
                .isEqualTo("0x1111111111111111111111111111111111111111111111111111111111111111");
        assertThat(d.activities().get(1).blockHash()).isNull(); // its log names no block hash
    }

    @Test
    void namesTheFirstBadField() {
        assertThatThrownBy(() -> parse("{\"type\":\"ADDRESS_ACTIVITY\"}")).isInstanceOf(InvalidPayloadException.class)
                .extracting(e -> ((InvalidPayloadException) e).field()).isEqualTo("webhookId");
        assertThatThrownBy(() -> parse("[1]")).extracting(e -> ((InvalidPayloadException) e).field())
                .isEqualTo("body");
        assertThatThrownBy(() -> parse(BODY.replace("\"0x10a5b2f\",\n        \"hash\"", "\"12\",\n        \"hash\"")
                .replaceFirst("\"blockNum\": \"0x10a5b2f\"", "\"blockNum\": \"12\"")))
                .extracting(e -> ((InvalidPayloadException) e).field()).isEqualTo("event.activity[0].blockNum");
        assertThatThrownBy(() -> parse(BODY.replace("\"erc1155Metadata\"", "\"erc1155Meta\"")))
                .extracting(e -> ((InvalidPayloadException) e).field())
                .isEqualTo("event.activity[1].erc1155Metadata");
        assertThatThrownBy(() -> parse(BODY.replace("2024-01-23T07:54:41.297613914Z", "yesterday")))
                .extracting(e -> ((InvalidPayloadException) e).field()).isEqualTo("createdAt");
    }

    private static Delivery parse(String body) {
        return AlchemyPayload.parse(body.getBytes(StandardCharsets.UTF_8));
    }
}
