package io.tideline.e2e.scenario;

import io.tideline.e2e.scenario.Gateway.Role;
import io.tideline.testing.TestChain;
import io.tideline.testing.uniswap.UniswapDriver;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./platform e2e}: the whole desk from outside, through the gateway with a token, on the running local
 * platform. Three strands (LP with its hedge and alert, prediction markets, settlement) and the screen; prints each
 * step with its time and exits 1 on any mismatch. Settings (the launcher sets them): {@code TIDELINE_E2E_GATEWAY},
 * {@code TIDELINE_E2E_RECEIVERS}, {@code TIDELINE_E2E_TOKEN_VIEWER|TRADER|ADMIN}, {@code TIDELINE_E2E_CHAIN_RPC},
 * {@code TIDELINE_E2E_CHAIN_DEPLOYMENT}, {@code TIDELINE_E2E_DASHBOARD_DIR}, {@code TIDELINE_E2E_PATIENCE} (seconds
 * to wait for each asynchronous outcome, 60), {@code TIDELINE_E2E_LEDGER} (a file to append what the chaos run's
 * accounting needs to).
 */
public final class E2eMain {

    private E2eMain() {
    }

    public static void main(String[] args) {
        Instant started = Instant.now();
        String run = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(started);
        Map<Role, String> tokens = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            tokens.put(role, required("TIDELINE_E2E_TOKEN_" + role.name()));
        }
        Duration patience = Duration.ofSeconds(Long.parseLong(setting("TIDELINE_E2E_PATIENCE", "60")));
        Gateway gateway = new Gateway(URI.create(setting("TIDELINE_E2E_GATEWAY", "http://127.0.0.1:8080/")), tokens,
                patience);
        Receivers receivers = new Receivers(URI.create(setting("TIDELINE_E2E_RECEIVERS", "http://127.0.0.1:8089/")));
        Path deployment = Path.of(required("TIDELINE_E2E_CHAIN_DEPLOYMENT"));
        if (!Files.isRegularFile(deployment)) {
            fail("the local chain's deployment record " + deployment + " is missing: is the chain up (./platform up)?");
        }
        System.setProperty("tideline.test.chain.rpc", setting("TIDELINE_E2E_CHAIN_RPC", "http://127.0.0.1:8545"));
        System.setProperty("tideline.test.chain.deployment", deployment.toString());

        System.out.printf("Tideline end to end, run %s, through %s%n", run, gateway.base());
        Steps steps = new Steps(System.out);
        try (LiveStream stream = new LiveStream(gateway)) {
            Desk desk = new Desk(gateway, receivers, stream, new UniswapDriver(TestChain.shared()), run, patience,
                    System.getenv("TIDELINE_E2E_LEDGER") == null ? Ledger.none()
                            : new Ledger(Path.of(System.getenv("TIDELINE_E2E_LEDGER"))));
            steps.strand("LP: chain → tracker → hedge → alert → close → P&L", () -> new LpStrand(desk, steps).run());
            PredictionMarketStrand pm = new PredictionMarketStrand(desk, steps);
            steps.strand("Prediction markets: signed webhooks → match → P&L → leaderboard", pm::run);
            steps.strand("Settlement: fill → take-profit → filled", () -> new SettlementStrand(desk, steps).run());
            steps.strand("The desk's screen", () -> new ScreenStrand(desk, steps,
                    Path.of(setting("TIDELINE_E2E_DASHBOARD_DIR", "gateway/ui")), pm.wallet()).run());
        }
        long passed = steps.results().stream().filter(Steps.Result::passed).count();
        long failed = steps.results().size() - passed;
        System.out.printf(Locale.ROOT, "%n%d steps passed, %d failed in %.1f s%n", passed, failed,
                Duration.between(started, Instant.now()).toMillis() / 1000.0);
        System.exit(steps.allPassed() ? 0 : 1);
    }

    private static String setting(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            fail(name + " is not set (./platform e2e sets it)");
        }
        return value;
    }

    private static void fail(String message) {
        System.err.println("e2e: " + message);
        System.exit(2);
    }
}
