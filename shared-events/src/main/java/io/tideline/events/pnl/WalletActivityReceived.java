package io.tideline.events.pnl;

import static io.tideline.events.RequiredFields.require;

import io.tideline.events.EventPayload;
import java.math.BigInteger;

/**
 * One transfer touching a watched wallet, as delivered by an Alchemy Address Activity webhook.
 *
 * @param webhookId       the Alchemy webhook that delivered it
 * @param webhookEventId  the delivery's id; with {@code txHash} and {@code logIndex} it identifies a redelivery
 * @param network         Alchemy's network name, e.g. {@code ETH_MAINNET}, {@code MATIC_MAINNET}
 * @param wallet          the watched wallet the activity is about
 * @param logIndex        optional: absent for native-currency transfers, which have no log
 * @param category        Alchemy's category as sent ({@code external}, {@code internal}, {@code token},
 *                        {@code erc721}, {@code erc1155}, …)
 * @param contractAddress optional: the token contract, absent for native-currency transfers
 * @param asset           optional: the asset's symbol when Alchemy knows it
 * @param rawValue        the amount in the asset's smallest unit (1 for an ERC-721 token)
 * @param decimals        optional: the asset's decimals when Alchemy knows them
 * @param tokenId         optional: the NFT id for ERC-721/1155 transfers
 * @param removed         true when a reorg removed the log, so an earlier delivery must be undone
 */
public record WalletActivityReceived(String webhookId, String webhookEventId, String network, String wallet,
                                     String txHash, Integer logIndex, String category, String fromAddress,
                                     String toAddress, String contractAddress, String asset, BigInteger rawValue,
                                     Integer decimals, String tokenId, long blockNumber, boolean removed)
        implements EventPayload {

    public WalletActivityReceived {
        require(webhookId, "webhookId");
        require(webhookEventId, "webhookEventId");
        require(network, "network");
        require(wallet, "wallet");
        require(txHash, "txHash");
        require(category, "category");
        require(fromAddress, "fromAddress");
        require(toAddress, "toAddress");
        require(rawValue, "rawValue");
    }
}
