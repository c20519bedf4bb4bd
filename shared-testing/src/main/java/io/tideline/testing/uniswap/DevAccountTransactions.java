package io.tideline.testing.uniswap;

import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import java.io.IOException;
import java.math.BigInteger;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Transactions and calls from the node's unlocked dev accounts ({@code eth_sendTransaction}: the node signs, picks
 * the nonce and estimates the gas), so tests need no private keys.
 */
public final class DevAccountTransactions {

    /** Long enough for a node that a test set to manual mining and then mined by hand. */
    private static final Duration RECEIPT_TIMEOUT = Duration.ofSeconds(30);

    private final Web3j web3j;

    public DevAccountTransactions(Web3j web3j) {
        this.web3j = web3j;
    }

    /** Deploys a contract (creation bytecode with its encoded constructor arguments); returns its address. */
    public String deploy(String label, String from, String creationCode) {
        Transaction tx = Transaction.createContractTransaction(from, null, null, null, BigInteger.ZERO, creationCode);
        EthSendTransaction sent = request(label, () -> web3j.ethSendTransaction(tx).send());
        TransactionReceipt receipt = awaitReceipt(label, sent.getTransactionHash());
        if (!"0x1".equals(receipt.getStatus()) || receipt.getContractAddress() == null) {
            throw new IllegalStateException(label + " failed: status " + receipt.getStatus());
        }
        return receipt.getContractAddress();
    }

    /** Sends a contract call and waits for it to be mined; a revert or a failed status throws, naming the label. */
    public TransactionReceipt send(String label, String from, String to, String data) {
        // No nonce, gas price or gas limit: the node fills them in for its own accounts.
        Transaction tx = Transaction.createFunctionCallTransaction(from, null, null, null, to, data);
        EthSendTransaction sent = request(label, () -> web3j.ethSendTransaction(tx).send());
        TransactionReceipt receipt = awaitReceipt(label, sent.getTransactionHash());
        if (!"0x1".equals(receipt.getStatus())) {
            throw new IllegalStateException(label + " failed: status " + receipt.getStatus() + " in tx "
                    + receipt.getTransactionHash() + (receipt.getRevertReason() == null ? ""
                    : " (" + receipt.getRevertReason() + ")"));
        }
        return receipt;
    }

    /** {@code eth_call} at the latest block; returns the hex return data, or throws {@link CallReverted}. */
    public String call(String label, String from, String to, String data) {
        EthCall answer = request(label, () -> web3j.ethCall(Transaction.createEthCallTransaction(from, to, data),
                DefaultBlockParameterName.LATEST).send());
        if (answer.isReverted()) {
            throw new CallReverted(label, answer.getRevertReason());
        }
        return answer.getValue();
    }

    private TransactionReceipt awaitReceipt(String label, String txHash) {
        long deadline = System.nanoTime() + RECEIPT_TIMEOUT.toNanos();
        while (true) {
            Optional<TransactionReceipt> receipt = request(label,
                    () -> web3j.ethGetTransactionReceipt(txHash).send()).getTransactionReceipt();
            if (receipt.isPresent()) {
                return receipt.get();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(label + ": tx " + txHash + " not mined within "
                        + RECEIPT_TIMEOUT.toSeconds() + " s (automining off? TestChain.mineOne() mines it)");
            }
            sleep();
        }
    }

    /** One JSON-RPC request; a JSON-RPC error that is not an eth_call revert throws, naming the label. */
    private static <R extends Response<?>> R request(String label, RpcRequest<R> request) {
        R response;
        try {
            response = request.send();
        } catch (IOException e) {
            throw new UncheckedIOException(label + ": JSON-RPC request failed", e);
        }
        if (response.hasError() && !(response instanceof EthCall call && call.isReverted())) {
            // Hardhat answers a transaction that would revert with an error at once, not with a failed receipt.
            throw response.getError().getMessage().contains("revert")
                    ? new CallReverted(label, response.getError().getMessage())
                    : new IllegalStateException(label + ": " + response.getError().getMessage());
        }
        return response;
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a receipt", e);
        }
    }

    @FunctionalInterface
    private interface RpcRequest<R> {
        R send() throws IOException;
    }
}
