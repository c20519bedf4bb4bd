package io.tideline.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * {@code deploy/chain/start-chain.sh} run for one test chain: a Hardhat node on its own port, with its PID file, log
 * and deployment record in a temporary folder of its own, so that it never meets the chain {@code ./platform up}
 * runs.
 */
public final class ChainStartScript {

    private static final String SCRIPT = "deploy/chain/start-chain.sh";
    /** Covers {@code npm ci} on a machine whose packages are missing (≈20 s) plus start (≈2 s) and deploy (≈4 s). */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    /** start-chain.sh's exit code for "Node.js or npm missing or too old". */
    private static final int NODE_MISSING = 3;
    private static final String INSTALL_NODE = "Install Node.js 18 or newer and npm (e.g. 'apt-get install -y nodejs"
            + " npm', or https://nodejs.org): tests on the local chain run a Hardhat node.";

    private final Path script;
    private final Path dir;
    private final int port;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private ChainStartScript(Path script, Path dir, int port) {
        this.script = script;
        this.dir = dir;
        this.port = port;
    }

    /** A script run on the given port with its state in a new temporary folder. */
    static ChainStartScript inTempDir(int port) {
        Path script = findScript();
        requireOnPath("node");
        requireOnPath("npm");
        try {
            return new ChainStartScript(script, Files.createTempDirectory("tideline-test-chain-"), port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for the test chain", e);
        }
    }

    String rpcUrl() {
        return "http://127.0.0.1:" + port;
    }

    Path deploymentFile() {
        return dir.resolve("state").resolve("deployment.json");
    }

    /** Starts the node and deploys Uniswap v3 to it; on any failure the message carries the script's output. */
    void start() {
        Path output = dir.resolve("start-chain.out");
        Process process = run("start", output);
        boolean exited = waitFor(process, START_TIMEOUT);
        if (!exited) {
            // What the script started so far (npm ci, the node); stop() below also stops the node by its PID file.
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        if (exited && process.exitValue() == 0) {
            return;
        }
        String said = read(output);
        stop();
        if (!exited) {
            throw new IllegalStateException("the test chain did not start within " + START_TIMEOUT.toSeconds()
                    + " s (" + script + " start). Its output:\n" + said);
        }
        if (process.exitValue() == NODE_MISSING) {
            throw new IllegalStateException(INSTALL_NODE + " " + script + " says:\n" + said);
        }
        throw new IllegalStateException(script + " start failed (exit " + process.exitValue() + ", port " + port
                + "). Its output:\n" + said);
    }

    /** Stops the node if it runs and deletes the temporary folder; best effort, for a shutdown hook. Once only. */
    void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        Process process = run("stop", dir.resolve("stop-chain.out"));
        if (!waitFor(process, STOP_TIMEOUT)) {
            process.destroyForcibly();
        }
        deleteDir();
    }

    private Process run(String command, Path output) {
        ProcessBuilder builder = new ProcessBuilder(List.of("bash", script.toString(), command))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("TIDELINE_CHAIN_PORT", Integer.toString(port));
        builder.environment().put("TIDELINE_HOME", dir.resolve("home").toString());
        builder.environment().put("TIDELINE_CHAIN_STATE", dir.resolve("state").toString());
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run bash " + script + " " + command, e);
        }
    }

    private static boolean waitFor(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The tests run in a module folder; the script is in the repository root above it. */
    private static Path findScript() {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path script = dir.resolve(SCRIPT);
            if (Files.isRegularFile(script)) {
                return script;
            }
        }
        throw new IllegalStateException("cannot find " + SCRIPT + " in " + start + " or any folder above it: run the"
                + " tests from inside the Tideline repository");
    }

    private static void requireOnPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        boolean found = Stream.of(path.split(File.pathSeparator))
                .filter(p -> !p.isBlank())
                .anyMatch(p -> Files.isExecutable(Path.of(p, command)));
        if (!found) {
            throw new IllegalStateException("'" + command + "' is not on the PATH. " + INSTALL_NODE);
        }
    }

    private static String read(Path output) {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    private void deleteDir() {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
