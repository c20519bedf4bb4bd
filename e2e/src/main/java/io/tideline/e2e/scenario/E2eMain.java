package io.tideline.e2e.scenario;

import io.tideline.e2e.Settings;
import io.tideline.testing.TestChain;
import io.tideline.testing.uniswap.UniswapDriver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * {@code ./platform e2e}: the whole desk from outside, through the gateway with a token, on the running local
 * platform. Three strands (LP with its hedge and alert, prediction markets, settlement) and the screen; prints each
 * step with its time and exits 1 on any mismatch. Settings (the launcher sets them): {@code TIDELINE_E2E_GATEWAY},
 * {@code TIDELINE_E2E_RECEIVERS}, {@code TIDELINE_E2E_TOKEN_VIEWER|TRADER|ADMIN}, {@code TIDELINE_E2E_CHAIN_RPC},
 * {@code TIDELINE_E2E_CHAIN_DEPLOYMENT}, {@code TIDELINE_E2E_DASHBOARD_DIR}, {@code TIDELINE_E2E_SCREENSHOTS} (where each run's
 * screenshots of the dashboard go, in a folder named for the run), {@code TIDELINE_E2E_PATIENCE} (seconds
 * to wait for each asynchronous outcome, 60), {@code TIDELINE_E2E_LEDGER} (a file to append what the chaos run's
 * accounting needs to).
 */
public final class E2eMain {

    private E2eMain() {
    }

    public static void main(String[] args) {
        Instant started = Instant.now();
        String run = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(started);
        Settings settings = new Settings("e2e", "./platform e2e");
        Duration patience = Duration.ofSeconds(settings.number("TIDELINE_E2E_PATIENCE", 60));
        Gateway gateway = new Gateway(settings.gateway(), settings.tokens(), patience);
        Receivers receivers = new Receivers(settings.receivers());
        Path deployment = Path.of(settings.required("TIDELINE_E2E_CHAIN_DEPLOYMENT"));
        if (!Files.isRegularFile(deployment)) {
            settings.stop("the local chain's deployment record " + deployment + " is missing: is the chain up"
                    + " (./platform up)?");
        }
        settings.useLocalChain();

        System.out.printf("Tideline end to end, run %s, through %s%n", run, gateway.base());
        Steps steps = new Steps(System.out);
        try (LiveStream stream = new LiveStream(gateway)) {
            Desk desk = new Desk(gateway, receivers, stream, new UniswapDriver(TestChain.shared()), run, patience,
                    settings.text("TIDELINE_E2E_LEDGER", null) == null ? Ledger.none()
                            : new Ledger(Path.of(settings.text("TIDELINE_E2E_LEDGER", null))));
            LpStrand lp = new LpStrand(desk, steps);
            steps.strand("LP: chain → tracker → hedge → alert → close → P&L", lp::run);
            PredictionMarketStrand pm = new PredictionMarketStrand(desk, steps);
            steps.strand("Prediction markets: signed webhooks → match → P&L → leaderboard", pm::run);
            SettlementStrand settlement = new SettlementStrand(desk, steps);
            steps.strand("Settlement: fill → take-profit → filled", settlement::run);
            steps.strand("The desk's screen", () -> new ScreenStrand(desk, steps,
                    Path.of(settings.text("TIDELINE_E2E_DASHBOARD_DIR", "gateway/ui")),
                    Path.of(settings.text("TIDELINE_E2E_SCREENSHOTS", "e2e/target/screenshots")).resolve(run),
                    lp, pm, settlement).run());
        }
        long passed = steps.results().stream().filter(Steps.Result::passed).count();
        long failed = steps.results().size() - passed;
        System.out.printf(Locale.ROOT, "%n%d steps passed, %d failed in %.1f s%n", passed, failed,
                Duration.between(started, Instant.now()).toMillis() / 1000.0);
        System.exit(steps.allPassed() ? 0 : 1);
    }

}
