// SPDX-License-Identifier: MIT
pragma solidity 0.8.26;

import "@openzeppelin/contracts/token/ERC1155/presets/ERC1155PresetMinterPauser.sol";

/// OpenZeppelin's ERC1155PresetMinterPauser, standing in for Polymarket's Conditional Tokens (outcome shares are ERC-1155
/// tokens there): pnl-ingest's fallback-poller test mints and transfers outcome shares with it, so the chain holds real
/// TransferSingle / TransferBatch logs. Compiled by compile-contracts.js into artifacts/TestOutcomeTokens.json (committed).
contract TestOutcomeTokens is ERC1155PresetMinterPauser {
    constructor() ERC1155PresetMinterPauser("") {}
}
