package io.tideline.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Strict parsing of the core kinds with fabric8's Kubernetes model: the object is bound to its model class and every
 * field the schema does not know (fabric8 keeps those in {@code additionalProperties}, anywhere in the tree) is an
 * error, as is an apiVersion other than the one the kind is served under.
 */
final class StrictModel {

    record Kind(String apiVersion, Class<?> type) {
    }

    static final Map<String, Kind> CORE = Map.of(
            "Namespace", new Kind("v1", Namespace.class),
            "ConfigMap", new Kind("v1", ConfigMap.class),
            "Secret", new Kind("v1", Secret.class),
            "Service", new Kind("v1", Service.class),
            "ServiceAccount", new Kind("v1", ServiceAccount.class),
            "Deployment", new Kind("apps/v1", Deployment.class),
            "PodDisruptionBudget", new Kind("policy/v1", PodDisruptionBudget.class),
            "HorizontalPodAutoscaler", new Kind("autoscaling/v2", HorizontalPodAutoscaler.class),
            "NetworkPolicy", new Kind("networking.k8s.io/v1", NetworkPolicy.class),
            "Ingress", new Kind("networking.k8s.io/v1", Ingress.class));

    private StrictModel() {
    }

    static boolean isCore(String kind) {
        return CORE.containsKey(kind);
    }

    /** The problems of one core object: empty when it binds to its model with no unknown field. */
    static List<String> problems(JsonNode object) {
        String kind = object.path("kind").asText();
        Kind expected = CORE.get(kind);
        List<String> problems = new ArrayList<>();
        if (!expected.apiVersion().equals(object.path("apiVersion").asText())) {
            problems.add("apiVersion " + object.path("apiVersion").asText() + ", expected " + expected.apiVersion());
        }
        Object model;
        try {
            model = RenderedOverlay.YAML.treeToValue(object, expected.type());
        } catch (Exception e) {
            problems.add("does not bind to " + expected.type().getSimpleName() + ": " + e.getMessage());
            return problems;
        }
        unknownFields(model, kind, problems, new IdentityHashMap<>());
        return problems;
    }

    private static void unknownFields(Object node, String path, List<String> problems, Map<Object, Boolean> seen) {
        if (node == null || seen.put(node, Boolean.TRUE) != null) {
            return;
        }
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", problems, seen);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, problems, seen));
            return;
        }
        if (!node.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get")
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (ReflectiveOperationException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                Map<?, ?> extra = (Map<?, ?>) value;
                if (extra != null && !extra.isEmpty()) {
                    problems.add(path + ": unknown field(s) " + extra.keySet());
                }
                continue;
            }
            String child = getter.getName().substring(3);
            unknownFields(value instanceof Optional<?> o ? o.orElse(null) : value,
                    path + "." + Character.toLowerCase(child.charAt(0)) + child.substring(1), problems, seen);
        }
    }
}
