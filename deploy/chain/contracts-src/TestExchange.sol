// SPDX-License-Identifier: MIT
pragma solidity 0.8.26;

import "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import "@openzeppelin/contracts/token/ERC1155/IERC1155.sol";

/// A minimal stand-in for Polymarket's CTF Exchange: settles one trade in one transaction, collateral (ERC-20) from the
/// buyer to the seller and outcome shares (ERC-1155) from the seller to the buyer, with an optional fee in collateral
/// paid by the taker to a fee recipient. Both parties approve this contract first. pnl-ingest's fallback-poller test
/// trades through it so the chain holds the two-legged transactions the service reads as executions.
contract TestExchange {
    function fill(IERC20 collateral, IERC1155 shares, address buyer, address seller, uint256 tokenId, uint256 amount,
            uint256 cost, address feePayer, address feeRecipient, uint256 fee) external {
        require(collateral.transferFrom(buyer, seller, cost), "collateral transfer failed");
        shares.safeTransferFrom(seller, buyer, tokenId, amount, "");
        if (fee > 0) {
            require(collateral.transferFrom(feePayer, feeRecipient, fee), "fee transfer failed");
        }
    }
}
