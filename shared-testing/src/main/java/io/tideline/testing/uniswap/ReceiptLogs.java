package io.tideline.testing.uniswap;

import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Type;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

import java.math.BigInteger;
import java.util.List;

/** Finds and decodes an event in a transaction receipt, for the driver's results. */
final class ReceiptLogs {

    private final Log log;
    private final Event event;

    private ReceiptLogs(Log log, Event event) {
        this.log = log;
        this.event = event;
    }

    /**
     * The first {@code event} the contract at {@code address} emitted in the transaction. The address matters: the
     * pool and the position manager both emit a {@code Collect}, with different fields.
     */
    static ReceiptLogs first(TransactionReceipt receipt, String address, Event event) {
        String topic = EventEncoder.encode(event);
        return receipt.getLogs().stream()
                .filter(l -> l.getAddress().equalsIgnoreCase(address) && !l.getTopics().isEmpty()
                        && l.getTopics().get(0).equals(topic))
                .findFirst()
                .map(l -> new ReceiptLogs(l, event))
                .orElseThrow(() -> new IllegalStateException("no " + event.getName() + " from " + address
                        + " in tx " + receipt.getTransactionHash()));
    }

    /** The event's non-indexed values, in declaration order. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    List<Type<?>> data() {
        return (List) FunctionReturnDecoder.decode(log.getData(), (List) event.getNonIndexedParameters());
    }

    /** The n-th indexed value (1-based, topic 0 is the signature) read as an unsigned number. */
    BigInteger indexedUint(int n) {
        return Numeric.toBigInt(log.getTopics().get(n));
    }
}
