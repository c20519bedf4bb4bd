package io.tideline.pnl.flow;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tideline.testing.TestChain;
import io.tideline.testing.uniswap.DevAccountTransactions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;

/**
 * Polymarket's on-chain shape on the local Hardhat chain: outcome shares are ERC-1155 tokens of a Conditional Tokens
 * stand-in (OpenZeppelin's ERC1155 preset), collateral is the deployment's 6-decimal TUSDC, and trades settle in one
 * transaction through a minimal exchange contract (collateral buyer to seller, shares seller to buyer, fee to a fee
 * recipient). Contracts come from deploy/chain/artifacts (compiled from contracts-src).
 */
public final class PolymarketChain {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestChain chain;
    private final DevAccountTransactions tx;
    private final String owner;
    private final String conditionalTokens;
    private final String exchange;
    private final String collateral;

    private PolymarketChain(TestChain chain, String conditionalTokens, String exchange) {
        this.chain = chain;
        this.tx = new DevAccountTransactions(Web3j.build(new HttpService(chain.rpcUrl())));
        this.owner = chain.deployment().accounts().owner().address();
        this.collateral = chain.deployment().tokens().usdc().address().toLowerCase();
        this.conditionalTokens = conditionalTokens != null ? conditionalTokens
                : tx.deploy("deploy TestOutcomeTokens", owner, bytecode("TestOutcomeTokens")).toLowerCase();
        this.exchange = exchange != null ? exchange
                : tx.deploy("deploy TestExchange", owner, bytecode("TestExchange")).toLowerCase();
    }

    /** Deploys the contracts on the shared test chain. */
    public static PolymarketChain deploy() {
        return new PolymarketChain(TestChain.shared(), null, null);
    }

    /** The contracts deployed before (e.g. by the test resource, in another class loader). */
    public static PolymarketChain attach(String conditionalTokens, String exchange) {
        return new PolymarketChain(TestChain.shared(), conditionalTokens, exchange);
    }

    public String exchange() {
        return exchange;
    }

    public String rpcUrl() {
        return chain.rpcUrl();
    }

    public String conditionalTokens() {
        return conditionalTokens;
    }

    public String collateral() {
        return collateral;
    }

    /** The deployment's trader account: a desk wallet in the tests. */
    public String trader() {
        return chain.deployment().accounts().trader().address().toLowerCase();
    }

    /** The deployment's foreign account: the counterparty (a market maker selling shares). */
    public String counterparty() {
        return chain.deployment().accounts().foreign().address().toLowerCase();
    }

    /** Gives the buyer collateral and the seller shares, and lets the exchange move both. */
    public void prepare(String buyer, String seller, BigInteger tokenId, BigInteger shares, BigInteger collateralAmount) {
        tx.send("mint TUSDC", owner, collateral, encode("mint", new Address(buyer), new Uint256(collateralAmount)));
        tx.send("approve TUSDC", buyer, collateral, encode("approve", new Address(exchange),
                new Uint256(BigInteger.ONE.shiftLeft(255))));
        tx.send("mint shares", owner, conditionalTokens, encode("mint", new Address(seller), new Uint256(tokenId),
                new Uint256(shares), new DynamicBytes(new byte[0])));
        tx.send("approve shares", seller, conditionalTokens, encode("setApprovalForAll", new Address(exchange),
                new Bool(true)));
    }

    /** One trade in one transaction; the buyer pays {@code fee} to {@code feeRecipient} as well. */
    public TransactionReceipt trade(String buyer, String seller, BigInteger tokenId, BigInteger shares,
            BigInteger cost, String feeRecipient, BigInteger fee) {
        return tx.send("fill", owner, exchange, encode("fill", new Address(collateral), new Address(conditionalTokens),
                new Address(buyer), new Address(seller), new Uint256(tokenId), new Uint256(shares), new Uint256(cost),
                new Address(buyer), new Address(feeRecipient), new Uint256(fee)));
    }

    private static String encode(String name, Type<?>... args) {
        return FunctionEncoder.encode(new Function(name, List.of(args), List.of()));
    }

    private static String bytecode(String contract) {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path artifact = dir.resolve("deploy/chain/artifacts/" + contract + ".json");
            if (Files.isRegularFile(artifact)) {
                try {
                    return JSON.readTree(artifact.toFile()).get("bytecode").asText();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("no deploy/chain/artifacts/" + contract + ".json above " + start);
    }
}
