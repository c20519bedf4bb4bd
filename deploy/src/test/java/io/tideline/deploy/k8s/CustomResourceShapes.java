package io.tideline.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A minimal structural check of the operators' custom resources (Strimzi, CloudNativePG, Prometheus Operator): no
 * registry package served here carries their CRD schemas, so each kind is held to its served apiVersion, the spec
 * fields it requires, and the top-level spec fields it knows (a misspelt or misplaced field fails). The field lists
 * come from the CRDs of Strimzi 0.47, CloudNativePG 1.26 and Prometheus Operator 0.83.
 */
final class CustomResourceShapes {

    record Shape(String apiVersion, List<String> required, Set<String> specFields) {
    }

    static final Map<String, Shape> SHAPES = Map.of(
            "Kafka", new Shape("kafka.strimzi.io/v1beta2",
                    List.of("/spec/kafka/listeners", "/spec/kafka/version"),
                    Set.of("kafka", "zookeeper", "entityOperator", "clusterCa", "clientsCa", "cruiseControl",
                            "jmxTrans", "kafkaExporter", "maintenanceTimeWindows")),
            "KafkaNodePool", new Shape("kafka.strimzi.io/v1beta2", List.of("/spec/replicas", "/spec/roles",
                    "/spec/storage"), Set.of("replicas", "roles", "storage", "resources", "jvmOptions", "template")),
            "KafkaTopic", new Shape("kafka.strimzi.io/v1beta2", List.of("/spec/partitions", "/spec/replicas",
                    "/metadata/labels/strimzi.io~1cluster"), Set.of("topicName", "partitions", "replicas", "config")),
            "KafkaUser", new Shape("kafka.strimzi.io/v1beta2", List.of("/spec/authentication/type",
                    "/spec/authorization/acls", "/metadata/labels/strimzi.io~1cluster"),
                    Set.of("authentication", "authorization", "quotas", "template")),
            "Cluster", new Shape("postgresql.cnpg.io/v1", List.of("/spec/instances", "/spec/storage/size",
                    "/spec/backup/barmanObjectStore/destinationPath"),
                    Set.of("instances", "imageName", "primaryUpdateStrategy", "storage", "walStorage", "resources",
                            "postgresql", "enableSuperuserAccess", "managed", "backup", "monitoring", "bootstrap",
                            "affinity", "externalClusters", "description")),
            "Database", new Shape("postgresql.cnpg.io/v1", List.of("/spec/cluster/name", "/spec/name", "/spec/owner"),
                    Set.of("cluster", "name", "owner", "ensure", "databaseReclaimPolicy", "encoding")),
            "ScheduledBackup", new Shape("postgresql.cnpg.io/v1", List.of("/spec/schedule", "/spec/cluster/name"),
                    Set.of("schedule", "cluster", "backupOwnerReference", "method", "immediate", "suspend",
                            "target")),
            "ServiceMonitor", new Shape("monitoring.coreos.com/v1", List.of("/spec/selector", "/spec/endpoints/0/port"),
                    Set.of("selector", "endpoints", "namespaceSelector", "jobLabel", "targetLabels")),
            "PrometheusRule", new Shape("monitoring.coreos.com/v1", List.of("/spec/groups/0/rules/0/expr"),
                    Set.of("groups")));

    private CustomResourceShapes() {
    }

    static boolean isKnown(String kind) {
        return SHAPES.containsKey(kind);
    }

    static List<String> problems(JsonNode object) {
        Shape shape = SHAPES.get(object.path("kind").asText());
        List<String> problems = new ArrayList<>();
        if (!shape.apiVersion().equals(object.path("apiVersion").asText())) {
            problems.add("apiVersion " + object.path("apiVersion").asText() + ", expected " + shape.apiVersion());
        }
        if (object.path("metadata").path("name").asText().isEmpty()) {
            problems.add("metadata.name is missing");
        }
        for (String pointer : shape.required()) {
            JsonNode value = object.at(pointer);
            if (value.isMissingNode() || value.isNull() || (value.isContainerNode() && value.isEmpty()
                    && !pointer.endsWith("acls"))) {
                problems.add(pointer + " is required");
            }
        }
        object.path("spec").fieldNames().forEachRemaining(field -> {
            if (!shape.specFields().contains(field)) {
                problems.add("spec." + field + " is not a field of " + object.path("kind").asText());
            }
        });
        return problems;
    }
}
