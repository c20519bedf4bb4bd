// SPDX-License-Identifier: MIT
pragma solidity 0.8.26;

import "@openzeppelin/contracts/utils/Strings.sol";

/// A batch reader for the local chain that answers the subset of the Multicall3 ABI Tideline's readers use
/// (`aggregate3` and three block getters), so that the same client code works here and against the canonical
/// Multicall3 on public chains. Our own implementation: Multicall3 is not published on npm as a compiled artifact,
/// and this is compiled offline by compile-contracts.js into artifacts/Multicall3.json (committed).
contract Multicall3 {
    struct Call3 {
        address target;
        bool allowFailure;
        bytes callData;
    }

    struct Result {
        bool success;
        bytes returnData;
    }

    /// Calls each target in order with its call data and returns every outcome. A failed call whose allowFailure
    /// is false reverts the whole batch (naming the call's index), so a reader never mistakes a partial batch for
    /// a complete one. Payable only to match the Multicall3 ABI: no value is forwarded to the targets.
    function aggregate3(Call3[] calldata calls) external payable returns (Result[] memory returnData) {
        returnData = new Result[](calls.length);
        for (uint256 i = 0; i < calls.length; ++i) {
            Call3 calldata next = calls[i];
            (bool success, bytes memory data) = next.target.call(next.callData);
            if (!success && !next.allowFailure) {
                revert(string.concat("Multicall3: call ", Strings.toString(i), " failed"));
            }
            returnData[i] = Result(success, data);
        }
    }

    /// Lets a batch carry the block it was read at, so a reader can tell which block its answers belong to.
    function getBlockNumber() external view returns (uint256 blockNumber) {
        blockNumber = block.number;
    }

    /// Zero for the current block and for blocks older than the last 256, as the BLOCKHASH opcode answers.
    function getBlockHash(uint256 blockNumber) external view returns (bytes32 blockHash) {
        blockHash = blockhash(blockNumber);
    }

    function getCurrentBlockTimestamp() external view returns (uint256 timestamp) {
        timestamp = block.timestamp;
    }
}
