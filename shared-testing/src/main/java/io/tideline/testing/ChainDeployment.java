package io.tideline.testing;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Path;

/**
 * What {@code deploy/chain/deploy-uniswap.js} deployed on a local chain, read from its {@code deployment.json}: the
 * Uniswap v3 contracts, the TWETH/TUSDC pool, the tokens, the Hardhat dev accounts it uses and the LP position it
 * minted first. Addresses are EIP-55 checksummed strings, as in the file.
 */
public record ChainDeployment(long chainId, Contracts contracts, Pool pool, Tokens tokens, Accounts accounts,
                              @JsonProperty("position") InitialPosition initialPosition) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    static ChainDeployment read(Path file) {
        try {
            return JSON.readValue(file.toFile(), ChainDeployment.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the chain deployment record " + file, e);
        }
    }

    /** Whether TWETH sorts before TUSDC, i.e. is the pool's token0 (amounts and prices are in token0/token1 order). */
    public boolean wethIsToken0() {
        return pool.token0().equalsIgnoreCase(tokens.weth().address());
    }

    /**
     * {@code multicall} is Uniswap's UniswapInterfaceMulticall; {@code multicall3} answers the Multicall3 ABI
     * ({@code aggregate3} and the block getters).
     */
    public record Contracts(String factory, @JsonProperty("nonfungiblePositionManager") String positionManager,
                            String swapRouter, String multicall3, String multicall) {
    }

    /** The TWETH/TUSDC 0.3 % pool; {@code initCodeHash} is the one pool addresses are derived from (CREATE2). */
    public record Pool(String address, String token0, String token1, int fee, int tickSpacing, String initCodeHash) {
    }

    public record Tokens(@JsonProperty("TWETH") Token weth, @JsonProperty("TUSDC") Token usdc) {
    }

    /** An ERC-20 whose {@code mint} the owner account may call (it holds MINTER_ROLE). */
    public record Token(String address, int decimals) {
    }

    /**
     * Hardhat dev accounts, unlocked on the node: the owner deployed everything and may mint tokens, the trader
     * swapped, and the foreign account is never watched by any tracker (a position sent there leaves our books).
     */
    public record Accounts(Account owner, Account trader, Account foreign) {
    }

    /** {@code index} is the account's position in {@code eth_accounts} (Hardhat's test mnemonic). */
    public record Account(int index, String address) {
    }

    /** The position the deployment minted, owned by the owner account (token id 1 on a fresh chain). */
    public record InitialPosition(BigInteger tokenId, String owner, int tickLower, int tickUpper,
                                  BigInteger liquidity) {
    }
}
