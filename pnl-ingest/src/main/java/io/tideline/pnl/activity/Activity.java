package io.tideline.pnl.activity;

import java.math.BigInteger;
import java.util.Locale;

/**
 * One transfer in a delivery, as Alchemy describes it (an ERC-1155 batch is split into one activity per token id).
 * Addresses and hashes are lower-case.
 *
 * @param logIndex absent for native-currency transfers, which have no log
 * @param contract absent for the native coin
 * @param rawValue in the asset's smallest unit (1 for an ERC-721 token)
 * @param tokenId  the NFT / outcome token id for ERC-721/1155 transfers
 * @param removed  a reorg removed the log: what it added must be undone
 * @param blockHash the block its log is in (absent without a log): a transaction mined again after a reorg is the
 *                  same transfer in another block
 */
public record Activity(String txHash, Integer logIndex, long blockNumber, String category, String from, String to,
                       String contract, String asset, BigInteger rawValue, Integer decimals, BigInteger tokenId,
                       boolean removed, String blockHash) {

    public Activity {
        txHash = txHash.toLowerCase(Locale.ROOT);
        from = from.toLowerCase(Locale.ROOT);
        to = to.toLowerCase(Locale.ROOT);
        contract = contract == null ? null : contract.toLowerCase(Locale.ROOT);
        category = category.toLowerCase(Locale.ROOT);
        blockHash = blockHash == null ? null : blockHash.toLowerCase(Locale.ROOT);
    }

    /** A transfer whose block is not known. */
    public Activity(String txHash, Integer logIndex, long blockNumber, String category, String from, String to,
            String contract, String asset, BigInteger rawValue, Integer decimals, BigInteger tokenId,
            boolean removed) {
        this(txHash, logIndex, blockNumber, category, from, to, contract, asset, rawValue, decimals, tokenId, removed,
                null);
    }

    /**
     * What makes this transfer the same one when it arrives again, for one wallet: {@code (hash, logIndex)} (with the
     * token id, for the parts of one ERC-1155 batch) or, without a log, {@code (hash, category, from, to)}. With its
     * {@link #blockHash} this is the transfer's identity: a removal undoes the transfer in its block only, and the
     * same key in another block is the transaction mined again.
     */
    public String key(String wallet) {
        if (logIndex != null) {
            return wallet + "|" + txHash + "|" + logIndex + (tokenId == null ? "" : "|" + tokenId);
        }
        return wallet + "|" + txHash + "|" + category + "|" + from + "|" + to;
    }

    public boolean isErc1155() {
        return "erc1155".equals(category);
    }

    /** An ERC-20 transfer (Alchemy's {@code token} category; {@code erc20} accepted too). */
    public boolean isErc20() {
        return "token".equals(category) || "erc20".equals(category);
    }
}
