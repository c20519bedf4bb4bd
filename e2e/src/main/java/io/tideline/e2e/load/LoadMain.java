package io.tideline.e2e.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.tideline.e2e.Settings;
import io.tideline.e2e.chaos.KafkaView;
import io.tideline.e2e.scenario.Gateway;
import io.tideline.e2e.scenario.LocalPolymarket;
import io.tideline.e2e.scenario.Gateway.Role;
import io.tideline.testing.ChainDeployment;
import io.tideline.testing.TestChain;
import io.tideline.testing.alchemy.AlchemyPayloads;
import io.tideline.testing.uniswap.UniswapDriver;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./platform load}: a steady mix on the running platform for {@code TIDELINE_LOAD_MINUTES} (30) — chain blocks
 * (a swap every {@code TIDELINE_LOAD_BLOCK_SECONDS}, 2) over {@code TIDELINE_LOAD_POSITIONS} (1,000) open LP positions
 * that lp-tracker revalues at each, signed Polymarket webhooks through the gateway at
 * {@code TIDELINE_LOAD_ACTIVITIES_PER_SECOND} (500 activities, 10 to a delivery), a settlement fill and run every
 * {@code TIDELINE_LOAD_SETTLEMENT_SECONDS} (10), and {@code TIDELINE_LOAD_SSE_CLIENTS} (100) clients on the live
 * stream. Every minute: throughput, p99 latencies, each service's heap (and its old generation) and each consumer's
 * lag. At the end: whether heap and lag stopped growing after the first minutes; exit 1 if either kept growing.
 */
public final class LoadMain {

    private static final int ACTIVITIES_PER_DELIVERY = 10;
    private static final int WARM_UP_MINUTES = 3;

    private final Gateway gateway;
    private final UniswapDriver chain;
    private final ChainDeployment deployment;
    private final SecureRandom random = new SecureRandom();
    private final List<String> wallets = new ArrayList<>();
    private final List<BigInteger> tokens = new ArrayList<>();
    private final String run = String.valueOf(System.currentTimeMillis() / 1000);

    private final Latencies webhookLatency = new Latencies();
    private final Latencies blockLatency = new Latencies();
    private final Latencies settlementLatency = new Latencies();
    private final AtomicLong webhooksAccepted = new AtomicLong();
    private final AtomicLong webhooksRefused = new AtomicLong();
    private final AtomicLong fills = new AtomicLong();
    private boolean sellNext;

    private LoadMain(Gateway gateway, UniswapDriver chain) {
        this.gateway = gateway;
        this.chain = chain;
        this.deployment = chain.deployment();
        for (int i = 0; i < 500; i++) {
            byte[] address = new byte[20];
            random.nextBytes(address);
            wallets.add("0x" + HexFormat.of().formatHex(address));
        }
        for (int i = 0; i < 50; i++) {
            tokens.add(new BigInteger(128, random).add(BigInteger.TWO.pow(200)));
        }
    }

    public static void main(String[] args) throws Exception {
        Settings settings = new Settings("load", "./platform load");
        int minutes = settings.number("TIDELINE_LOAD_MINUTES", 30);
        int positions = settings.number("TIDELINE_LOAD_POSITIONS", 1000);
        int activitiesPerSecond = settings.number("TIDELINE_LOAD_ACTIVITIES_PER_SECOND", 500);
        int blockSeconds = settings.number("TIDELINE_LOAD_BLOCK_SECONDS", 2);
        int settlementSeconds = settings.number("TIDELINE_LOAD_SETTLEMENT_SECONDS", 10);
        int sseClients = settings.number("TIDELINE_LOAD_SSE_CLIENTS", 100);
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String entry : settings.text("TIDELINE_LOAD_SERVICES", "").split(",")) {
            if (entry.contains("=")) {
                ports.put(entry.substring(0, entry.indexOf('=')), Integer.parseInt(entry.substring(entry.indexOf('=') + 1)));
            }
        }
        Map<Role, String> tokens = settings.tokens();
        URI base = settings.gateway();
        settings.useLocalChain();
        LoadMain load = new LoadMain(new Gateway(base, tokens, Duration.ZERO), new UniswapDriver(TestChain.shared()));

        System.out.printf("Load: %d min; %d LP positions, a block every %d s; %d webhook activities/s; a settlement run"
                + " every %d s; %d SSE clients%n", minutes, positions, blockSeconds, activitiesPerSecond,
                settlementSeconds, sseClients);
        load.ensurePositions(positions);
        load.prepareTrading();
        String streamTokenFile = settings.text("TIDELINE_LOAD_STREAM_TOKENS", null);
        List<String> streamTokens = streamTokenFile == null ? List.of(tokens.get(Role.VIEWER))
                : java.nio.file.Files.readAllLines(java.nio.file.Path.of(streamTokenFile))
                        .stream().filter(l -> !l.isBlank()).toList();
        SseClients sse = new SseClients(base.resolve("/api/v1/stream"), streamTokens, sseClients);

        ScheduledExecutorService clock = Executors.newScheduledThreadPool(4);
        // open loop: enough senders that a slow answer does not lower the offered rate
        ExecutorService senders = Executors.newFixedThreadPool(64);
        long deliveryEveryMicros = 1_000_000L * ACTIVITIES_PER_DELIVERY / Math.max(1, activitiesPerSecond);
        clock.scheduleAtFixedRate(() -> senders.submit(load::webhook), 0, deliveryEveryMicros, TimeUnit.MICROSECONDS);
        clock.scheduleWithFixedDelay(load::block, 0, blockSeconds, TimeUnit.SECONDS);
        clock.scheduleWithFixedDelay(load::settle, 0, settlementSeconds, TimeUnit.SECONDS);

        String pidDir = settings.text("TIDELINE_LOAD_PID_DIR", null);
        ServiceMemory memory = new ServiceMemory(tokens.get(Role.VIEWER), pidDir == null ? null
                : java.nio.file.Path.of(pidDir), settings.text("TIDELINE_LOAD_JCMD", null));
        Map<String, List<Long>> heapHistory = new TreeMap<>();
        Map<String, List<Long>> lagHistory = new TreeMap<>();
        try (KafkaView kafka = new KafkaView(settings.kafkaBootstrap())) {
            for (int minute = 1; minute <= minutes; minute++) {
                Thread.sleep(60_000);
                load.report(minute, sse, memory, ports, kafka, heapHistory, lagHistory);
            }
        }
        clock.shutdownNow();
        senders.shutdownNow();
        sse.close();
        boolean growing = verdict(heapHistory, lagHistory);
        System.exit(growing ? 1 : 0);
    }

    /** Opens positions for the desk's wallet until it holds {@code wanted} open ones, small and of varied widths. */
    private void ensurePositions(int wanted) {
        int open = 0;
        for (JsonNode p : gateway.get(Role.VIEWER, "/api/v1/lp/positions")) {
            String status = p.path("status").asText();
            if (status.equals("ACTIVE") || status.equals("INACTIVE")) {
                open++;
            }
        }
        String owner = deployment.accounts().owner().address();
        int missing = Math.max(0, wanted - open);
        System.out.printf("positions: %d open, minting %d%n", open, missing);
        if (missing > 0) {
            chain.fund(owner, chain.weth("0.05").multiply(BigInteger.valueOf(missing + 10)),
                    chain.usdc("150").multiply(BigInteger.valueOf(missing + 10)));
        }
        int spacing = deployment.pool().tickSpacing();
        long started = System.nanoTime();
        for (int i = 0; i < missing; i++) {
            int tick = chain.slot0().tick();
            int base = Math.floorDiv(tick, spacing) * spacing;
            int half = (2 + random.nextInt(40)) * spacing;
            chain.mint(owner, base - half, base + half, chain.weth("0.05"), chain.usdc("150"));
            if ((i + 1) % 100 == 0 || i + 1 == missing) {
                System.out.printf(Locale.ROOT, "  minted %d/%d (%.0f s)%n", i + 1, missing,
                        (System.nanoTime() - started) / 1e9);
            }
        }
    }

    private void prepareTrading() {
        String trader = deployment.accounts().trader().address();
        chain.fund(trader, chain.weth("1000"), chain.usdc("3000000"));
        gateway.post(Role.TRADER, "/api/v1/sessions", Map.of("sessionId", "load-" + run, "venue", "binance",
                "pairs", List.of("ETH-USDC"), "startedAt", Instant.now().minus(1, ChronoUnit.MINUTES).toString()));
        gateway.post(Role.TRADER, "/api/v1/paper/prices", Map.of("pair", "ETH-USDC", "bid", "1995"));
    }

    /** One signed delivery of five Polymarket buys (ten activities) by wallets of the pool. */
    private void webhook() {
        try {
            List<com.fasterxml.jackson.databind.node.ObjectNode> activities = new ArrayList<>();
            for (int i = 0; i < ACTIVITIES_PER_DELIVERY / 2; i++) {
                String tx = AlchemyPayloads.txHash();
                String wallet = wallets.get(random.nextInt(wallets.size()));
                BigInteger token = tokens.get(random.nextInt(tokens.size()));
                long shares = (10 + random.nextInt(90)) * 1_000_000L;
                activities.add(AlchemyPayloads.usdc(tx, 10, wallet, LocalPolymarket.EXCHANGE, LocalPolymarket.USDC, shares * (30 + random.nextInt(40)) / 100));
                activities.add(AlchemyPayloads.shares(tx, 11, LocalPolymarket.EXCHANGE, wallet,
                        LocalPolymarket.CONDITIONAL_TOKENS, token, shares));
            }
            byte[] body = AlchemyPayloads.delivery(LocalPolymarket.WEBHOOK_ID, AlchemyPayloads.deliveryId() + "-load", Instant.now(),
                    activities.toArray(new com.fasterxml.jackson.databind.node.ObjectNode[0]));
            long t0 = System.nanoTime();
            HttpResponse<byte[]> answer = gateway.postSigned("/webhooks/alchemy", body,
                    Map.of("X-Alchemy-Signature", AlchemyPayloads.sign(body, LocalPolymarket.SIGNING_KEY)));
            webhookLatency.add((System.nanoTime() - t0) / 1_000_000);
            (answer.statusCode() == 200 ? webhooksAccepted : webhooksRefused).incrementAndGet();
        } catch (RuntimeException e) {
            webhooksRefused.incrementAndGet();
        }
    }

    /** A block: the trader sells a little TWETH, then buys it back at the next, so the price swings and comes back. */
    private void block() {
        try {
            String trader = deployment.accounts().trader().address();
            boolean zeroForOne = chain.deployment().wethIsToken0() == sellNext;
            BigInteger amount = sellNext == chain.deployment().wethIsToken0() ? chain.weth("0.5") : chain.usdc("1200");
            long t0 = System.nanoTime();
            chain.swapExactInput(trader, zeroForOne, amount);
            blockLatency.add((System.nanoTime() - t0) / 1_000_000);
            sellNext = !sellNext;
        } catch (RuntimeException e) {
            System.out.println("  a swap failed: " + e.getMessage());
        }
    }

    /** A market maker's buy fill, then a settlement run; every sixth the bid reaches the take-profits and back. */
    private void settle() {
        try {
            long n = fills.incrementAndGet();
            gateway.post(Role.TRADER, "/api/v1/fills", Map.of("sessionId", "load-" + run, "pair", "ETH-USDC",
                    "venue", "binance", "orderId", "load-" + run + "-" + n, "tradeId", "load-" + run + "-" + n,
                    "side", "BUY", "quantity", "0.1", "price", "2000", "fee", "0.02",
                    "filledAt", Instant.now().minusSeconds(1).toString()));
            if (n % 6 == 0) {
                gateway.post(Role.TRADER, "/api/v1/paper/prices", Map.of("pair", "ETH-USDC", "bid", "2010"));
            } else if (n % 6 == 1) {
                gateway.post(Role.TRADER, "/api/v1/paper/prices", Map.of("pair", "ETH-USDC", "bid", "1995"));
            }
            long t0 = System.nanoTime();
            gateway.post(Role.TRADER, "/api/v1/settlement/run", Map.of("sessionId", "load-" + run));
            settlementLatency.add((System.nanoTime() - t0) / 1_000_000);
        } catch (RuntimeException e) {
            System.out.println("  a settlement call failed: " + e.getMessage());
        }
    }

    private void report(int minute, SseClients sse, ServiceMemory memory, Map<String, Integer> ports, KafkaView kafka,
                        Map<String, List<Long>> heapHistory, Map<String, List<Long>> lagHistory) throws Exception {
        Latencies.Window hooks = webhookLatency.take();
        Latencies.Window blocks = blockLatency.take();
        Latencies.Window runs = settlementLatency.take();
        Latencies.Window delay = sse.delay.take();
        long accepted = webhooksAccepted.getAndSet(0);
        long refused = webhooksRefused.getAndSet(0);
        System.out.printf(Locale.ROOT, "[%2d min] webhooks %.1f/s accepted (%d act/s), %d refused, p99 %d ms | blocks %d,"
                        + " p99 %d ms | settlement runs %d, p99 %d ms | SSE %d clients, %.0f events/s, delay p99 %d ms%n",
                minute, accepted / 60.0, accepted * ACTIVITIES_PER_DELIVERY / 60, refused, hooks.p99(), blocks.count(),
                blocks.p99(), runs.count(), runs.p99(), sse.connected(), sse.takeEvents() / 60.0, delay.p99());
        StringBuilder heap = new StringBuilder("         heap MB in use (old generation) live:");
        for (var e : ports.entrySet()) {
            long[] m = memory.read(e.getValue());
            long live = memory.live(e.getKey());
            heap.append(' ').append(e.getKey()).append(' ').append(m[0]).append(m[1] >= 0 ? " (" + m[1] + ")" : "")
                    .append(live >= 0 ? " " + live : "");
            // judged on what is live when it can be read: the old generation also holds garbage until G1 collects it
            heapHistory.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(live >= 0 ? live : m[1] >= 0 ? m[1]
                    : m[0]);
        }
        System.out.println(heap);
        StringBuilder lag = new StringBuilder("         consumer lag:");
        for (KafkaView.Group g : new TreeMap<>(kafka.groups(Set.copyOf(ports.keySet()))).values()) {
            if (g.topics().isEmpty() || g.topics().equals(Set.of("config"))) {
                continue;
            }
            lag.append(' ').append(g.id()).append(' ').append(g.lag());
            lagHistory.computeIfAbsent(g.id(), k -> new ArrayList<>()).add(g.lag());
        }
        System.out.println(lag);
    }

    private static boolean verdict(Map<String, List<Long>> heap, Map<String, List<Long>> lag) {
        boolean growing = false;
        System.out.printf("%nAfter the first %d minutes (growing = every value of the last third above every value of"
                + " the middle third):%n", WARM_UP_MINUTES);
        for (var e : heap.entrySet()) {
            Trend.Verdict v = Trend.of(e.getValue(), WARM_UP_MINUTES);
            growing |= v == Trend.Verdict.GROWING;
            System.out.printf("  heap %-14s %s %s%n", e.getKey(), v, e.getValue());
        }
        for (var e : lag.entrySet()) {
            Trend.Verdict v = Trend.of(e.getValue(), WARM_UP_MINUTES);
            growing |= v == Trend.Verdict.GROWING;
            System.out.printf("  lag  %-30s %s %s%n", e.getKey(), v, e.getValue());
        }
        System.out.println(growing ? "heap or lag kept growing" : "heap and lag steady");
        return growing;
    }
}
