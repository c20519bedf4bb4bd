// Hardhat 2 configuration for Tideline's local chain (started by start-chain.sh / ./platform up).
//
// Nothing is compiled here: deploy-uniswap.js deploys the prebuilt artifacts shipped in the npm packages
// (@uniswap/v3-core, @uniswap/v3-periphery, @openzeppelin/contracts), so Hardhat never needs to download a
// Solidity compiler (its download host is not reachable from every machine). `sources` points at a folder that
// does not exist, so `hardhat node`'s implicit compile step finds nothing and downloads nothing.
//
// All contracts fit the 24 KiB code-size limit (the largest, UniswapV3Factory, is 24,535 bytes), so
// allowUnlimitedContractSize stays off. Every transaction must stay under the per-transaction gas cap of
// 16,777,216 (EIP-7825) — the largest deployment, the factory, takes ≈5.4 M.
module.exports = {
  solidity: "0.8.24", // never used (no sources); set only so Hardhat does not warn about a missing version
  paths: {
    sources: "./no-sources",
    cache: "./.state/hardhat-cache",
    artifacts: "./.state/hardhat-artifacts",
  },
  networks: {
    hardhat: {
      chainId: 31337,
      // ./platform up sets TIDELINE_CHAIN_WALL_CLOCK=1: several automined blocks may share a second, so the chain's
      // clock stays the wall clock's. Without it Hardhat dates a block at least one second after the last, and a
      // burst of transactions (the end-to-end scenario sends dozens) pushes block times minutes into the future —
      // and with them every "for N seconds" an alert rule measures from a block's time. The tests' chains keep
      // Hardhat's default.
      allowBlocksWithSameTimestamp: process.env.TIDELINE_CHAIN_WALL_CLOCK === "1",
    },
  },
};
