package io.tideline.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The operators' custom resources (Strimzi, CloudNativePG, Prometheus Operator) checked against their CRD schemas by
 * {@code deploy/k8s/tools/crd-schemas/check.mjs}, which uses the schemas kubernetes-models publishes on npm: the
 * compiled OpenAPI validators (required fields, types, enums) and the same schemas as TypeScript types (an unknown
 * field anywhere is an error). Needs Node.js; the packages are installed with {@code npm ci} on first use.
 */
final class CrdSchemas {

    static final Set<String> GROUPS = Set.of("kafka.strimzi.io", "postgresql.cnpg.io", "monitoring.coreos.com");
    private static final Path TOOL = RenderedOverlay.K8S.resolve("tools").resolve("crd-schemas");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path node;

    private CrdSchemas(Path node) {
        this.node = node;
    }

    /** The checker, with its npm packages installed, or empty where Node.js is not on the PATH. */
    static Optional<CrdSchemas> installed() throws IOException, InterruptedException {
        Optional<Path> node = RenderedOverlay.onPath("node");
        Optional<Path> npm = RenderedOverlay.onPath("npm");
        if (node.isEmpty() || npm.isEmpty()) {
            return Optional.empty();
        }
        if (!Files.isDirectory(TOOL.resolve("node_modules").resolve("typescript"))) {
            run(List.of(npm.get().toString(), "ci", "--no-audit", "--no-fund", "--loglevel=error"), 300);
        }
        return Optional.of(new CrdSchemas(node.get()));
    }

    static boolean isCustomResource(JsonNode object) {
        return GROUPS.contains(object.path("apiVersion").asText().split("/")[0]);
    }

    /** Each object's problems, in the order given; an empty list is a valid object. */
    List<List<String>> problems(List<ObjectNode> objects) throws IOException, InterruptedException {
        Path input = Files.createTempFile("crds-", ".json");
        try {
            JSON.writeValue(input.toFile(), objects);
            JsonNode results = JSON.readTree(run(List.of(node.toString(), "check.mjs", input.toString()), 180));
            List<List<String>> problems = new ArrayList<>();
            for (JsonNode result : results) {
                List<String> found = new ArrayList<>();
                result.path("problems").forEach(p -> found.add(p.asText()));
                problems.add(found);
            }
            if (problems.size() != objects.size()) {
                throw new IllegalStateException("check.mjs answered for " + problems.size() + " of " + objects.size()
                        + " objects");
            }
            return problems;
        } finally {
            Files.deleteIfExists(input);
        }
    }

    private static String run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Path out = Files.createTempFile("crd-schemas-", ".out");
        Path err = Files.createTempFile("crd-schemas-", ".err");
        try {
            Process process = new ProcessBuilder(command).directory(TOOL.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeoutSeconds
                        + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (exit " + process.exitValue()
                        + "): " + Files.readString(err, StandardCharsets.UTF_8));
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
