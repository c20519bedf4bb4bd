package io.tideline.e2e.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The desk's screen in headless Chromium, steered command by command: {@code gateway/ui/browser/desk-tour.mjs} run by
 * Node.js, one JSON command per line in, one JSON answer per line out. It only reads what the page shows (and saves a
 * screenshot of each view, with axe-core's findings); the scenario judges. Its other output is kept for the failure
 * message.
 */
final class Screen implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "TOUR ";
    private static final long ANSWER_SECONDS = 300; // a desk after a load run: a thousand rows to draw and check

    /** Put in the queue when node's output ends: no answer will come. */
    private static final JsonNode GONE = JSON.createObjectNode().put("gone", true);

    private final Process node;
    private final OutputStream commands;
    private final BlockingQueue<JsonNode> answers = new ArrayBlockingQueue<>(16);
    private final List<String> otherOutput = new ArrayList<>();
    private final List<String> axeFindings = new ArrayList<>();

    private Screen(Process node) {
        this.node = node;
        this.commands = node.getOutputStream();
        Thread reader = new Thread(this::readAnswers, "desk-tour-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the browser on the dashboard at {@code base}; screenshots go to {@code screenshots}. */
    static Screen open(Path dashboardDir, URI base, Path screenshots) {
        Mismatch.require(Files.isDirectory(dashboardDir.resolve("node_modules/playwright-core")),
                "the dashboard's npm packages are missing (" + dashboardDir + "/node_modules): build the gateway first");
        try {
            ProcessBuilder builder = new ProcessBuilder("node", "browser/desk-tour.mjs").directory(dashboardDir.toFile());
            builder.environment().put("DASHBOARD_URL", base.toString().replaceAll("/$", ""));
            builder.environment().put("SCREENSHOT_DIR", screenshots.toAbsolutePath().toString());
            builder.redirectErrorStream(true);
            return new Screen(builder.start());
        } catch (IOException e) {
            throw new Mismatch("cannot run node for the dashboard (is Node.js installed?): " + e.getMessage());
        }
    }

    /** Sends one command and waits for its answer; a failed one is a mismatch naming what the page did. */
    JsonNode ask(String command, Map<String, String> arguments) {
        Map<String, String> line = new java.util.LinkedHashMap<>();
        line.put("do", command);
        line.putAll(arguments);
        try {
            commands.write((JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8));
            commands.flush();
            JsonNode answer = answers.poll(ANSWER_SECONDS, TimeUnit.SECONDS);
            if (answer == GONE) {
                answers.offer(GONE); // for whoever asks next
                throw new Mismatch("the browser ended before answering '" + command + "'" + exit() + output());
            }
            if (answer == null) {
                throw new Mismatch("the browser gave no answer to '" + command + "' in " + ANSWER_SECONDS + " s"
                        + output());
            }
            if (!answer.path("ok").asBoolean()) {
                throw new Mismatch("the browser could not do '" + command + "': " + answer.path("error").asText()
                        + output());
            }
            for (JsonNode finding : answer.path("axe")) {
                axeFindings.add(command + ": " + finding.asText());
            }
            return answer;
        } catch (IOException e) {
            throw new Mismatch("the browser is gone (" + e.getMessage() + ")" + output());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Mismatch("interrupted while waiting for the browser");
        }
    }

    /** axe-core's WCAG 2 A/AA findings on every view read so far. */
    List<String> axeFindings() {
        return List.copyOf(axeFindings);
    }

    private void readAnswers() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(PREFIX)) {
                    answers.put(JSON.readTree(line.substring(PREFIX.length())));
                } else {
                    synchronized (otherOutput) {
                        otherOutput.add(line);
                    }
                }
            }
        } catch (IOException | InterruptedException e) {
            // the process ended
        }
        answers.offer(GONE); // ask() fails at once, not after its wait
    }

    private String exit() {
        try {
            return node.waitFor(5, TimeUnit.SECONDS) ? " (node exited with " + node.exitValue() + ")" : "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private String output() {
        synchronized (otherOutput) {
            return otherOutput.isEmpty() ? "" : " (node: " + String.join(" | ", otherOutput) + ")";
        }
    }

    @Override
    public void close() {
        try {
            commands.write("{\"do\":\"quit\"}\n".getBytes(StandardCharsets.UTF_8));
            commands.close();
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!node.waitFor(30, TimeUnit.SECONDS)) {
                node.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            node.destroyForcibly();
        }
    }
}
