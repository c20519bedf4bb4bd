package io.tideline.gateway.dashboard;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in headless Chromium (Debian's, driven by playwright-core: ui/browser/dashboard.browser.mjs) against
 * this gateway, with its own auth and routing, in front of {@link DashboardStandIn} for the services. The script logs
 * in through the dev login, checks each view's numbers, the live alert and its acknowledgement, runs axe-core on each
 * view in both themes and saves screenshots under target/dashboard-screenshots. The script answers
 * {@code /api/v1/stream} in the browser with the events it announces (the stand-in changes its data, then the script
 * announces the event that says so), so each view's live update is seen without Kafka.
 */
@QuarkusTest
@WithTestResource(value = DashboardTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DashboardBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TestHTTPResource("/")
    URL gateway;

    @Test
    void theDeskSeesItsNumbersAndAcknowledgesALiveAlertInARealBrowser() throws Exception {
        assertThat(CHROMIUM).as("Debian's chromium (apt-get install -y chromium; ./platform test installs it)")
                .exists();
        assertThat(Path.of("ui/node_modules/playwright-core")).as("the dashboard's npm packages (the build's npm ci)")
                .exists();
        Path screenshots = Path.of("target/dashboard-screenshots").toAbsolutePath();
        Files.createDirectories(screenshots);
        try (var old = Files.list(screenshots)) {
            for (Path file : old.toList()) {
                Files.delete(file); // a screenshot left by an earlier run must not pass for this one's
            }
        }
        Path log = screenshots.resolve("browser-test.log");
        ProcessBuilder builder = new ProcessBuilder("node", "browser/dashboard.browser.mjs")
                .directory(Path.of("ui").toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("DASHBOARD_URL", gateway.toString().replaceAll("/$", ""));
        builder.environment().put("STAND_IN_URL",
                ConfigProvider.getConfig().getValue(DashboardTestResources.STAND_IN_URL, String.class));
        builder.environment().put("SCREENSHOT_DIR", screenshots.toString());
        builder.environment().put("CHROMIUM", CHROMIUM.toString());
        Process browser = builder.start();
        boolean finished = browser.waitFor(300, TimeUnit.SECONDS);
        if (!finished) {
            browser.destroyForcibly();
        }
        String output = read(log);
        System.out.println(output);
        assertThat(finished).as("the browser test finished in 300 s:\n%s", output).isTrue();
        assertThat(browser.exitValue()).as("the browser test's exit code:\n%s", output).isZero();
        for (String view : new String[] {"login", "portfolio-dark", "portfolio-light", "lp-positions", "lp-position", "hedges",
                "pm-leaderboard", "pm-trader-modal", "arbitrage", "settlement", "reports", "backtests", "alerts"}) {
            assertThat(screenshots.resolve(view + ".png")).as("screenshot of " + view).exists();
        }
    }

    private static String read(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no output)";
    }
}
