package io.tideline.evm;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.http.HttpService;

/**
 * The platform's one JSON-RPC client of an EVM node (HTTP, through web3j). Every method that takes a list sends it as
 * <b>one</b> JSON-RPC batch (one HTTP round trip), and counts it, so that callers can be held to a round-trip budget
 * ({@link #roundTrips()}, {@link #requests()}, {@link #waitNanos()}). Its exceptions ({@link RpcException}) read
 * {@code "<method> to <node> failed: ..."} or {@code "<method> to <node> answered error <code>: ..."} and name the node
 * by {@link NodeUrl#hostOnly(String) scheme, host and port} only: the URL may carry an API key.
 *
 * <p>Thread-safe (web3j's HTTP service and the counters are); blocking: each call waits for its answer, at most the
 * timeout given at construction per HTTP exchange.
 */
public class RpcClient implements AutoCloseable {

    private final String node;
    /** The parts of the configured URL beyond {@link #node} (path, query, user info): never put in a message. */
    private final List<String> secrets;
    private final Web3j web3j;
    private final AtomicLong roundTrips = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong waitNanos = new AtomicLong();

    public RpcClient(String url, Duration timeout) {
        this.node = NodeUrl.shown(url);
        this.secrets = NodeUrl.secretParts(url);
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .callTimeout(timeout)
                .build();
        this.web3j = Web3j.build(new HttpService(url, http));
    }

    /** The node as it may be shown: {@code scheme://host[:port]}. */
    public String node() {
        return node;
    }

    public long chainId() {
        return send(web3j.ethChainId()).getChainId().longValueExact();
    }

    public long blockNumber() {
        return send(web3j.ethBlockNumber()).getBlockNumber().longValueExact();
    }

    /** The headers of these blocks, in the order asked; fails if one does not exist (yet). */
    public List<BlockHeader> headers(List<Long> numbers) {
        List<Request<?, EthBlock>> batch = new ArrayList<>(numbers.size());
        for (long n : numbers) {
            batch.add(web3j.ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(n)), false));
        }
        List<EthBlock> answers = sendBatch(batch);
        List<BlockHeader> headers = new ArrayList<>(answers.size());
        for (int i = 0; i < answers.size(); i++) {
            EthBlock.Block block = answers.get(i).getBlock();
            if (block == null) {
                throw new RpcException("block " + numbers.get(i) + " is not known to the node at " + node);
            }
            headers.add(new BlockHeader(block.getNumber().longValueExact(), lower(block.getHash()),
                    lower(block.getParentHash()), Instant.ofEpochSecond(block.getTimestamp().longValueExact())));
        }
        return headers;
    }

    /**
     * The logs of each query over [fromBlock, toBlock], in one batch; the result lists match the queries, each in the
     * node's order (chain order). A query with no addresses matches logs of any contract.
     */
    public List<List<ChainLog>> logs(List<LogQuery> queries, long fromBlock, long toBlock) {
        List<Request<?, EthLog>> batch = new ArrayList<>(queries.size());
        for (LogQuery query : queries) {
            // No address at all, not an empty list: nodes differ on what [] means, none on an absent address.
            EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(BigInteger.valueOf(fromBlock)),
                    DefaultBlockParameter.valueOf(BigInteger.valueOf(toBlock)),
                    query.addresses().isEmpty() ? null : query.addresses());
            for (List<String> topic : query.topics()) {
                if (topic.isEmpty()) {
                    filter.addNullTopic();
                } else {
                    filter.addOptionalTopics(topic.toArray(String[]::new));
                }
            }
            batch.add(web3j.ethGetLogs(filter));
        }
        List<EthLog> answers = sendBatch(batch);
        List<List<ChainLog>> result = new ArrayList<>(answers.size());
        for (EthLog answer : answers) {
            List<ChainLog> logs = new ArrayList<>();
            for (EthLog.LogResult<?> item : answer.getLogs()) {
                Log log = (Log) item.get();
                if (log.isRemoved()) {
                    continue;
                }
                logs.add(new ChainLog(log.getBlockNumber().longValueExact(), lower(log.getBlockHash()),
                        lower(log.getTransactionHash()), log.getLogIndex().intValueExact(), lower(log.getAddress()),
                        log.getTopics().stream().map(RpcClient::lower).toList(), log.getData()));
            }
            result.add(logs);
        }
        return result;
    }

    /** eth_call of each call at its block, in one batch; returns the raw return data (0x-hex) of each. */
    public List<String> calls(List<ContractCall> calls, List<Long> blocks) {
        List<EthCall> answers = sendBatch(ethCalls(calls, blocks));
        List<String> values = new ArrayList<>(answers.size());
        for (int i = 0; i < answers.size(); i++) {
            EthCall answer = answers.get(i);
            if (answer.isReverted()) {
                throw new RpcException("eth_call to " + calls.get(i).target() + " at block " + blocks.get(i)
                        + " reverted: " + answer.getRevertReason());
            }
            values.add(answer.getValue());
        }
        return values;
    }

    /**
     * eth_call of each call at its block, in one batch, for reads that may fail one by one: the raw return data of
     * each, or null where the call reverted or the node answered an error for it.
     */
    public List<String> callsOrNull(List<ContractCall> calls, List<Long> blocks) {
        List<EthCall> answers = sendBatch(ethCalls(calls, blocks), false);
        List<String> values = new ArrayList<>(answers.size());
        for (EthCall answer : answers) {
            values.add(answer.hasError() || answer.isReverted() ? null : answer.getValue());
        }
        return values;
    }

    private List<Request<?, EthCall>> ethCalls(List<ContractCall> calls, List<Long> blocks) {
        List<Request<?, EthCall>> batch = new ArrayList<>(calls.size());
        for (int i = 0; i < calls.size(); i++) {
            ContractCall call = calls.get(i);
            batch.add(web3j.ethCall(Transaction.createEthCallTransaction(null, call.target(), call.callData()),
                    DefaultBlockParameter.valueOf(BigInteger.valueOf(blocks.get(i)))));
        }
        return batch;
    }

    /** HTTP round trips made so far (a batch counts once). */
    public long roundTrips() {
        return roundTrips.get();
    }

    /** Time spent waiting for the node so far (sending, the node's work, receiving and parsing the answer). */
    public long waitNanos() {
        return waitNanos.get();
    }

    /** JSON-RPC requests made so far (each member of a batch counts). */
    public long requests() {
        return requests.get();
    }

    @Override
    public void close() {
        web3j.shutdown();
    }

    private <T extends Response<?>> T send(Request<?, T> request) {
        roundTrips.incrementAndGet();
        requests.incrementAndGet();
        T response;
        long started = System.nanoTime();
        try {
            response = request.send();
        } catch (IOException | RuntimeException e) {
            throw unreachable(request.getMethod() + " to " + node, e);
        } finally {
            waitNanos.addAndGet(System.nanoTime() - started);
        }
        return checked(request.getMethod(), response);
    }

    private <T extends Response<?>> List<T> sendBatch(List<? extends Request<?, T>> batch) {
        return sendBatch(batch, true);
    }

    /** One HTTP round trip; {@code check}: a JSON-RPC error in any answer throws, else answers come back as they are. */
    @SuppressWarnings("unchecked")
    private <T extends Response<?>> List<T> sendBatch(List<? extends Request<?, T>> batch, boolean check) {
        if (batch.isEmpty()) {
            return List.of();
        }
        if (batch.size() == 1 && check) {
            return List.of(send(batch.get(0)));
        }
        BatchRequest request = web3j.newBatch();
        batch.forEach(request::add);
        roundTrips.incrementAndGet();
        requests.addAndGet(batch.size());
        BatchResponse response;
        long started = System.nanoTime();
        try {
            response = request.send();
        } catch (IOException | RuntimeException e) {
            throw unreachable("batch of " + batch.size() + " " + batch.get(0).getMethod() + " to " + node, e);
        } finally {
            waitNanos.addAndGet(System.nanoTime() - started);
        }
        Map<Long, Response<?>> byId = new HashMap<>();
        for (Response<?> answer : response.getResponses()) {
            byId.put(answer.getId(), answer);
        }
        List<T> ordered = new ArrayList<>(batch.size());
        for (Request<?, T> sent : batch) {
            Response<?> answer = byId.get(sent.getId());
            if (answer == null) {
                throw new RpcException("batch answer from " + node + " lacks request " + sent.getId() + " ("
                        + sent.getMethod() + ")");
            }
            ordered.add(check ? checked(sent.getMethod(), (T) answer) : (T) answer);
        }
        return ordered;
    }

    private <T extends Response<?>> T checked(String method, T response) {
        if (response.hasError()) {
            Response.Error error = response.getError();
            // A revert of eth_call arrives as an error with code 3 on some nodes; callers treat it as a failure too.
            throw new RpcException(method + " to " + node + " answered error " + error.getCode() + ": "
                    + error.getMessage());
        }
        return response;
    }

    /**
     * A transport failure. The cause is kept (and logged with its stack) unless some message in its chain repeats a
     * secret part of the URL; then only its type is told.
     */
    private RpcException unreachable(String what, Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String said = t.getMessage();
            if (said != null && secrets.stream().anyMatch(said::contains)) {
                return RpcException.unreachable(what + " failed: " + e.getClass().getName()
                        + " (its message is withheld: it repeats the node URL)", null);
            }
        }
        return RpcException.unreachable(what + " failed: " + e.getMessage(), e);
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }
}
