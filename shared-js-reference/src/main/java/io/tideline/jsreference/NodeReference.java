package io.tideline.jsreference;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The JavaScript reference of a differential test: an npm project whose packages are pinned by its package-lock.json
 * ({@code ./platform test} installs them: deploy/launcher/reference-packages.sh), and a node script in it that reads
 * cases on stdin, one a line, and prints its answers on stdout, one a line. The test is skipped (never passed) when
 * node or one of the packages is missing; a script that fails or hangs fails it.
 */
public final class NodeReference {

    private final Path dir;

    private NodeReference(Path dir) {
        this.dir = dir;
    }

    /** The npm project in {@code dir}, once node and each of {@code packages} (under its node_modules) are there. */
    public static NodeReference installedIn(Path dir, String... packages) {
        assumeTrue(nodeAvailable(), "node is not installed: the differential test against " + dir + " cannot run");
        for (String name : packages) {
            assumeTrue(Files.isDirectory(dir.resolve("node_modules").resolve(name)), name + " is not installed in "
                    + dir + " (./platform test runs npm ci there: deploy/launcher/reference-packages.sh)");
        }
        return new NodeReference(dir);
    }

    /**
     * Runs {@code node script arguments...} in the project with {@code input} on stdin, one a line, and returns what it
     * prints on stdout, one element a line (its stderr goes to the test's).
     */
    public List<String> run(List<String> input, Duration timeout, String script, String... arguments)
            throws IOException, InterruptedException {
        Path stdin = Files.createTempFile("node-reference", ".txt");
        try {
            Files.write(stdin, input, StandardCharsets.UTF_8);
            List<String> command = new ArrayList<>(List.of("node", script));
            command.addAll(Arrays.asList(arguments));
            Process node = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectInput(stdin.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            byte[] out = node.getInputStream().readAllBytes();
            if (!node.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                node.destroyForcibly();
                throw new AssertionError(script + " in " + dir + " did not finish within " + timeout);
            }
            if (node.exitValue() != 0) {
                throw new AssertionError(script + " in " + dir + " exited with status " + node.exitValue()
                        + " (its stderr is above)");
            }
            return new String(out, StandardCharsets.UTF_8).lines().toList();
        } finally {
            Files.deleteIfExists(stdin);
        }
    }

    private static boolean nodeAvailable() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
