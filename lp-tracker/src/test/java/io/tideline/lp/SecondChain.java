package io.tideline.lp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tideline.testing.JsonRpcClient;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Another local chain beside the JVM's {@code TestChain}: a second Hardhat node started by
 * {@code deploy/chain/start-chain.sh} on a port and in a folder of its own, with Uniswap v3 deployed the same way (the
 * same contract addresses, the owner's first position again token id 1) but its own genesis block: what the launcher
 * gets when it restarts its local chain. Stopped by {@link #close()}.
 */
final class SecondChain implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path script;
    private final Path dir;
    private final int port;

    private SecondChain(Path script, Path dir, int port) {
        this.script = script;
        this.dir = dir;
        this.port = port;
    }

    static SecondChain start() {
        try {
            Path script = findScript();
            Path dir = Files.createTempDirectory("tideline-second-chain-");
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            SecondChain chain = new SecondChain(script, dir, port);
            chain.run("start", 180);
            return chain;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a second chain", e);
        }
    }

    String rpcUrl() {
        return "http://127.0.0.1:" + port;
    }

    String genesisHash() {
        return new JsonRpcClient(rpcUrl()).call("eth_getBlockByNumber", List.of("0x0", false)).get("hash").asText();
    }

    /** deployment.json, as deploy-uniswap.js wrote it. */
    JsonNode deployment() {
        try {
            return JSON.readTree(dir.resolve("state").resolve("deployment.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the second chain's deployment.json", e);
        }
    }

    @Override
    public void close() {
        try {
            run("stop", 30);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException e) {
                // a temporary folder left behind is harmless
            }
        }
    }

    private void run(String command, int timeoutSeconds) {
        Path output = dir.resolve(command + ".out");
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), command).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("TIDELINE_CHAIN_PORT", Integer.toString(port));
        builder.environment().put("TIDELINE_HOME", dir.resolve("home").toString());
        builder.environment().put("TIDELINE_CHAIN_STATE", dir.resolve("state").toString());
        try {
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(script + " " + command + " did not end in " + timeoutSeconds + " s:\n"
                        + Files.readString(output));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(script + " " + command + " failed (exit " + process.exitValue()
                        + "):\n" + Files.readString(output));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + script + " " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static Path findScript() {
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path script = dir.resolve("deploy/chain/start-chain.sh");
            if (Files.isRegularFile(script)) {
                return script;
            }
        }
        throw new IllegalStateException("cannot find deploy/chain/start-chain.sh above "
                + System.getProperty("user.dir"));
    }
}
