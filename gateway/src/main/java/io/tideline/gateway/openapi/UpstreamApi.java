package io.tideline.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tideline.routes.RoutePattern;
import io.tideline.routes.RoutePermissions;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The part of one service's OpenAPI document that the gateway serves, made fit to stand beside the others in one
 * document: only the paths the gateway routes to that service (less those it never forwards), each operation with its
 * role from the permission table as {@value #ROLE}, its own security requirements dropped (the gateway's schemes
 * replace them), tagged with the service's name, and every component renamed {@code <service>.<name>} with each
 * {@code $ref} rewritten, so that two services' {@code Page} or {@code Problem} never collide. Components no kept path
 * reaches are left out. Plain JSON in, plain JSON out.
 *
 * @param document an OpenAPI document holding just that part ({@code paths} and {@code components})
 * @param uncovered operations the gateway routes to the service but no permission rule covers, as {@code "GET /path"}:
 *                  they stay in the document without a role (the gateway answers them 404), which the gateway's
 *                  test of the merged document fails on
 */
public record UpstreamApi(String service, ObjectNode document, List<String> uncovered) {

    /** The extension naming an operation's least role: viewer, trader, admin, or {@value #PUBLIC}. */
    public static final String ROLE = "x-tideline-role";
    /** The role of a route anyone may call (it authenticates the caller another way, e.g. a signature). */
    public static final String PUBLIC = "public";

    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final String COMPONENTS = "#/components/";

    /**
     * @param owned whether the gateway routes a request path to this service ({@code RouteTable.owner})
     */
    public static UpstreamApi of(String service, JsonNode upstreamDocument, Predicate<String> owned,
            RoutePermissions permissions) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode paths = nodes.objectNode();
        List<String> uncovered = new ArrayList<>();
        JsonNode upstreamPaths = upstreamDocument.path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = upstreamPaths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String template = entry.getKey();
            String path = RoutePattern.pathOf(template);
            if (!owned.test(path) || !(entry.getValue() instanceof ObjectNode item)) {
                continue;
            }
            ObjectNode kept = item.deepCopy();
            for (Iterator<Map.Entry<String, JsonNode>> ops = kept.fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase(Locale.ROOT);
                if (!METHODS.contains(op.getKey()) || !(op.getValue() instanceof ObjectNode operation)) {
                    continue;
                }
                if (RoutePermissions.notForwarded(method, path)) {
                    ops.remove();
                    continue;
                }
                operation.remove("security");
                operation.remove(ROLE);
                operation.putArray("tags").add(service);
                JsonNode id = operation.get("operationId");
                if (id != null && id.isTextual()) {
                    operation.put("operationId", service + "." + id.asText());
                }
                permissions.requiredRole(method, path).ifPresentOrElse(role -> operation.put(ROLE, role),
                        () -> uncovered.add(method + " " + template));
            }
            if (kept.properties().stream().anyMatch(e -> METHODS.contains(e.getKey()))) {
                kept.remove("servers");
                paths.set(template, kept);
            }
        }
        ObjectNode document = nodes.objectNode();
        document.put("openapi", upstreamDocument.path("openapi").asText("3.1.0"));
        document.putObject("info").put("title", service).put("version", upstreamDocument.path("info")
                .path("version").asText("0"));
        document.set("paths", paths);
        ObjectNode components = reachableComponents(service, paths, upstreamDocument.path("components"));
        if (!components.isEmpty()) {
            document.set("components", components);
        }
        renameReferences(service, document);
        return new UpstreamApi(service, document, List.copyOf(uncovered));
    }

    /** The components the paths reach, directly or through other components, under their new names. */
    private static ObjectNode reachableComponents(String service, ObjectNode paths, JsonNode upstreamComponents) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        Deque<JsonNode> toVisit = new ArrayDeque<>();
        toVisit.push(paths);
        Set<String> seen = new LinkedHashSet<>();
        while (!toVisit.isEmpty()) {
            for (String ref : references(toVisit.pop())) {
                if (!ref.startsWith(COMPONENTS) || !seen.add(ref)) {
                    continue;
                }
                String[] kindAndName = ref.substring(COMPONENTS.length()).split("/", 2);
                if (kindAndName.length != 2 || kindAndName[0].equals("securitySchemes")) {
                    continue;
                }
                JsonNode component = upstreamComponents.path(kindAndName[0]).get(unescape(kindAndName[1]));
                if (component != null) {
                    JsonNode copy = component.deepCopy();
                    ObjectNode kind = out.get(kindAndName[0]) instanceof ObjectNode existing ? existing
                            : out.putObject(kindAndName[0]);
                    kind.set(service + "." + unescape(kindAndName[1]), copy);
                    toVisit.push(copy);
                }
            }
        }
        return out;
    }

    private static List<String> references(JsonNode node) {
        List<String> refs = new ArrayList<>();
        Deque<JsonNode> stack = new ArrayDeque<>();
        stack.push(node);
        while (!stack.isEmpty()) {
            JsonNode current = stack.pop();
            if (current.isObject()) {
                JsonNode ref = current.get("$ref");
                if (ref != null && ref.isTextual()) {
                    refs.add(ref.asText());
                }
            }
            current.forEach(stack::push);
        }
        return refs;
    }

    /** Points every local component reference at the component's new name. */
    private static void renameReferences(String service, JsonNode node) {
        Deque<JsonNode> stack = new ArrayDeque<>();
        stack.push(node);
        while (!stack.isEmpty()) {
            JsonNode current = stack.pop();
            JsonNode ref = current.get("$ref");
            if (current instanceof ObjectNode object && ref != null && ref.isTextual()
                    && ref.asText().startsWith(COMPONENTS)) {
                String[] kindAndName = ref.asText().substring(COMPONENTS.length()).split("/", 2);
                if (kindAndName.length == 2) {
                    object.put("$ref", COMPONENTS + kindAndName[0] + "/" + service + "." + kindAndName[1]);
                }
            }
            current.forEach(stack::push);
        }
    }

    /** A JSON Pointer segment's text ({@code ~1} is {@code /}, {@code ~0} is {@code ~}). */
    private static String unescape(String segment) {
        return segment.replace("~1", "/").replace("~0", "~");
    }
}
