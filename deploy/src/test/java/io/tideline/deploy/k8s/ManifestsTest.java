package io.tideline.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tideline.events.Topics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * deploy/k8s validated offline: every overlay rendered by {@code kubectl kustomize} (skipped, never passed, where
 * kubectl is absent), every object checked against its schema, and the properties a platform team relies on.
 */
class ManifestsTest {

    /** Secrets go by reference only: an environment variable with one of these in its name takes a secretKeyRef. */
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|SIGNING_KEY|API_KEY|JAAS|TOKEN|"
            + "RPC_URL|PRIVATE).*");

    private static final Map<String, RenderedOverlay> RENDERED = new LinkedHashMap<>();

    @BeforeAll
    static void render() throws Exception {
        Optional<Path> kubectl = RenderedOverlay.kubectl();
        if (kubectl.isEmpty()) {
            return;
        }
        for (String overlay : RenderedOverlay.OVERLAYS) {
            RENDERED.put(overlay, RenderedOverlay.render(kubectl.get(), RenderedOverlay.K8S.resolve("overlays")
                    .resolve(overlay)));
        }
    }

    /** Each test reports itself skipped, never passed, where there is no kubectl to render with. */
    @BeforeEach
    void requireRendered() {
        assumeTrue(!RENDERED.isEmpty(), "kubectl is not on the PATH: deploy/k8s was not rendered nor checked");
    }

    @Test
    void every_overlay_renders_every_service() {
        for (RenderedOverlay overlay : RENDERED.values()) {
            for (ServiceTopics service : ServiceTopics.ALL) {
                assertThat(overlay.find("Deployment", service.service())).as(overlay.name() + " " + service.service())
                        .isPresent();
            }
        }
    }

    @Test
    void every_object_of_a_core_kind_binds_strictly_to_its_model() {
        List<String> problems = new ArrayList<>();
        for (RenderedOverlay overlay : RENDERED.values()) {
            for (ObjectNode object : overlay.objects()) {
                String kind = object.path("kind").asText();
                List<String> found;
                if (StrictModel.isCore(kind)) {
                    found = StrictModel.problems(object);
                } else if (CrdSchemas.isCustomResource(object)) {
                    continue; // the next test
                } else {
                    found = List.of("kind " + kind + " is checked by no schema");
                }
                found.forEach(p -> problems.add(overlay.name() + " " + RenderedOverlay.describe(object) + ": " + p));
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void every_custom_resource_is_valid_against_its_operators_crd_schema() throws Exception {
        CrdSchemas schemas = requireCrdSchemas();
        List<ObjectNode> resources = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (RenderedOverlay overlay : RENDERED.values()) {
            for (ObjectNode object : overlay.objects()) {
                if (CrdSchemas.isCustomResource(object)) {
                    resources.add(object);
                    names.add(overlay.name() + " " + RenderedOverlay.describe(object));
                }
            }
        }
        assertThat(resources).extracting(o -> o.path("kind").asText()).contains("Kafka", "KafkaNodePool",
                "KafkaTopic", "KafkaUser", "Cluster", "Database", "ScheduledBackup", "ServiceMonitor",
                "PrometheusRule");
        List<List<String>> found = schemas.problems(resources);
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < resources.size(); i++) {
            int at = i;
            found.get(i).forEach(p -> problems.add(names.get(at) + ": " + p));
        }
        assertThat(problems).isEmpty();
    }

    /** The schema check is not vacuous: a misspelt field, a wrong type and a wrong enum value each fail it. */
    @Test
    void the_crd_schema_check_catches_unknown_fields_wrong_types_and_values() throws Exception {
        CrdSchemas schemas = requireCrdSchemas();
        RenderedOverlay production = RENDERED.get("production");
        ObjectNode cluster = production.ofKind("Cluster").get(0).deepCopy();
        ((ObjectNode) cluster.path("spec").path("storage")).put("sise", "10Gi");
        ObjectNode topic = production.ofKind("KafkaTopic").get(0).deepCopy();
        ((ObjectNode) topic.path("spec")).put("partitions", "3");
        ObjectNode user = production.ofKind("KafkaUser").get(0).deepCopy();
        ((ObjectNode) user.path("spec").path("authorization").path("acls").get(0)).putArray("operations").add("Wrte");
        ObjectNode monitor = production.ofKind("ServiceMonitor").get(0).deepCopy();
        ((ObjectNode) monitor.path("spec").path("endpoints").get(0)).put("intervall", "30s");
        ObjectNode unknownKind = production.ofKind("Kafka").get(0).deepCopy().put("kind", "KafkaCluster");

        List<List<String>> found = schemas.problems(List.of(cluster, topic, user, monitor, unknownKind,
                production.ofKind("Cluster").get(0)));

        assertThat(found.get(0)).anySatisfy(p -> assertThat(p).contains("sise"));
        assertThat(found.get(1)).anySatisfy(p -> assertThat(p).contains("partitions must be integer"));
        assertThat(found.get(2)).anySatisfy(p -> assertThat(p).contains("operations/0 must be equal to one of"));
        assertThat(found.get(3)).anySatisfy(p -> assertThat(p).contains("intervall"));
        assertThat(found.get(4)).containsExactly("no CRD schema known for kafka.strimzi.io/v1beta2 KafkaCluster");
        assertThat(found.get(5)).isEmpty();
    }

    private static CrdSchemas requireCrdSchemas() throws Exception {
        Optional<CrdSchemas> schemas = CrdSchemas.installed();
        assumeTrue(schemas.isPresent(), "Node.js/npm are not on the PATH: the custom resources were not checked "
                + "against their CRD schemas");
        return schemas.get();
    }

    @Test
    void every_catalogue_topic_and_its_dead_letter_topic_has_a_kafka_topic() {
        for (RenderedOverlay overlay : RENDERED.values()) {
            Map<String, JsonNode> byTopic = new LinkedHashMap<>();
            overlay.ofKind("KafkaTopic").forEach(t -> byTopic.put(t.path("spec").path("topicName").asText(), t));
            for (Topics.TopicSpec topic : Topics.all()) {
                JsonNode manifest = byTopic.get(topic.name());
                assertThat(manifest).as(overlay.name() + ": KafkaTopic for " + topic.name()).isNotNull();
                assertThat(manifest.path("spec").path("partitions").asInt()).as(topic.name() + " partitions")
                        .isEqualTo(topic.partitions());
                assertThat(manifest.path("spec").path("config").path("retention.ms").asText())
                        .as(topic.name() + " retention.ms").matches("[1-9][0-9]*");
                assertThat(manifest.path("metadata").path("labels").path("strimzi.io/cluster").asText())
                        .isEqualTo("tideline");
            }
            assertThat(byTopic.keySet()).as(overlay.name() + ": topics outside the catalogue")
                    .allMatch(name -> Topics.byName(name).isPresent());
        }
    }

    @Test
    void every_service_has_probes_resources_a_network_policy_and_runs_as_non_root_read_only() {
        for (RenderedOverlay overlay : RENDERED.values()) {
            for (ServiceTopics service : ServiceTopics.ALL) {
                String name = service.service();
                String where = overlay.name() + " " + name;
                JsonNode pod = overlay.find("Deployment", name).orElseThrow().at("/spec/template/spec");
                JsonNode container = pod.path("containers").get(0);
                assertThat(container.at("/startupProbe/httpGet/path").asText()).as(where).isEqualTo("/q/health/started");
                assertThat(container.at("/readinessProbe/httpGet/path").asText()).as(where).isEqualTo("/q/health/ready");
                assertThat(container.at("/livenessProbe/httpGet/path").asText()).as(where).isEqualTo("/q/health/live");
                assertThat(container.at("/resources/requests/cpu").asText()).as(where + " cpu request").isNotEmpty();
                assertThat(container.at("/resources/requests/memory").asText()).as(where + " memory").isNotEmpty();
                assertThat(container.at("/resources/limits/memory").asText()).as(where + " memory limit").isNotEmpty();
                assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).as(where + " runAsNonRoot").isTrue();
                assertThat(pod.at("/securityContext/runAsUser").asInt()).as(where + " runAsUser").isPositive();
                assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean())
                        .as(where + " readOnlyRootFilesystem").isTrue();
                assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true))
                        .as(where + " allowPrivilegeEscalation").isFalse();
                assertThat(hasWritableTmp(pod, container)).as(where + " emptyDir on /tmp").isTrue();
                assertThat(overlay.ofKind("NetworkPolicy")).as(where + " NetworkPolicy")
                        .anyMatch(p -> name.equals(p.at("/spec/podSelector/matchLabels/app.kubernetes.io~1name")
                                .asText()));
                assertThat(overlay.find("PodDisruptionBudget", name)).as(where + " PDB").isPresent();
                assertThat(overlay.find("ServiceMonitor", name)).as(where + " ServiceMonitor").isPresent();
            }
            assertThat(overlay.find("NetworkPolicy", "default-deny").orElseThrow().at("/spec/podSelector").isEmpty())
                    .as(overlay.name() + " default deny selects every pod").isTrue();
        }
    }

    @Test
    void only_the_gateway_takes_traffic_from_the_ingress_controller_and_rolls_without_unavailability() {
        for (RenderedOverlay overlay : RENDERED.values()) {
            Set<String> admitting = new TreeSet<>();
            for (ObjectNode policy : overlay.ofKind("NetworkPolicy")) {
                if (policy.toString().contains("ingress-nginx")) {
                    admitting.add(policy.at("/spec/podSelector/matchLabels/app.kubernetes.io~1name").asText());
                }
            }
            assertThat(admitting).as(overlay.name()).containsExactly("gateway");
            assertThat(overlay.find("Deployment", "gateway").orElseThrow()
                    .at("/spec/strategy/rollingUpdate/maxUnavailable").asInt(-1)).isZero();
            assertThat(overlay.find("Ingress", "gateway").orElseThrow().at("/spec/tls/0/secretName").asText())
                    .isNotEmpty();
        }
    }

    @Test
    void no_secret_value_is_committed() {
        for (RenderedOverlay overlay : RENDERED.values()) {
            for (ObjectNode secret : overlay.ofKind("Secret")) {
                assertThat(secret.path("data").isEmpty() && secret.path("stringData").isEmpty())
                        .as(overlay.name() + " " + RenderedOverlay.describe(secret) + " holds literal values").isTrue();
            }
            for (ObjectNode configMap : overlay.ofKind("ConfigMap")) {
                configMap.path("data").fields().forEachRemaining(entry -> {
                    assertThat(SECRET_NAME.matcher(entry.getKey()).matches())
                            .as(overlay.name() + " ConfigMap " + configMap.at("/metadata/name").asText() + " holds "
                                    + entry.getKey()).isFalse();
                    assertThat(entry.getValue().asText()).as("a key in a ConfigMap")
                            .doesNotContain("BEGIN PRIVATE KEY", "BEGIN RSA PRIVATE KEY", "password=");
                });
            }
            for (ObjectNode deployment : overlay.ofKind("Deployment")) {
                for (JsonNode container : deployment.at("/spec/template/spec/containers")) {
                    for (JsonNode env : container.path("env")) {
                        if (SECRET_NAME.matcher(env.path("name").asText()).matches()) {
                            assertThat(env.has("value")).as(overlay.name() + " " + RenderedOverlay.describe(deployment)
                                    + " env " + env.path("name").asText() + " is a literal").isFalse();
                            assertThat(env.at("/valueFrom/secretKeyRef/name").asText())
                                    .as(env.path("name").asText() + " from a Secret").isNotEmpty();
                        }
                    }
                }
            }
        }
    }

    @Test
    void each_kafka_user_may_write_only_its_topics_and_read_only_what_it_consumes() {
        for (RenderedOverlay overlay : RENDERED.values()) {
            for (ServiceTopics service : ServiceTopics.ALL) {
                JsonNode user = overlay.find("KafkaUser", service.service()).orElseThrow(
                        () -> new AssertionError(overlay.name() + ": no KafkaUser " + service.service()));
                Set<String> acls = new TreeSet<>();
                for (JsonNode acl : user.at("/spec/authorization/acls")) {
                    JsonNode resource = acl.path("resource");
                    for (JsonNode op : acl.path("operations")) {
                        acls.add(resource.path("type").asText() + ":" + resource.path("name").asText() + ":"
                                + resource.path("patternType").asText() + ":" + op.asText());
                    }
                }
                assertThat(acls).as(overlay.name() + " KafkaUser " + service.service())
                        .isEqualTo(service.expectedAcls());
                assertThat(user.at("/spec/authentication/type").asText()).isEqualTo("scram-sha-512");
            }
        }
    }

    @Test
    void the_publishers_agree_with_the_catalogue() {
        for (Topics.TopicSpec topic : Topics.eventTopics()) {
            Set<String> owners = Topics.producers(topic.name());
            if (owners.isEmpty()) {
                continue;
            }
            Set<String> writers = new TreeSet<>();
            ServiceTopics.ALL.stream().filter(s -> s.produces().contains(topic.name()))
                    .forEach(s -> writers.add(s.service()));
            assertThat(writers).as(topic.name()).isEqualTo(new TreeSet<>(owners));
        }
    }

    @Test
    void only_the_stateless_services_scale_horizontally() {
        for (RenderedOverlay overlay : RENDERED.values()) {
            Set<String> scaled = new TreeSet<>();
            overlay.ofKind("HorizontalPodAutoscaler").forEach(h -> scaled.add(h.at("/spec/scaleTargetRef/name")
                    .asText()));
            assertThat(scaled).as(overlay.name()).containsExactly("analytics", "gateway");
        }
    }

    private static boolean hasWritableTmp(JsonNode pod, JsonNode container) {
        for (JsonNode mount : container.path("volumeMounts")) {
            if ("/tmp".equals(mount.path("mountPath").asText())) {
                for (JsonNode volume : pod.path("volumes")) {
                    if (volume.path("name").asText().equals(mount.path("name").asText()) && volume.has("emptyDir")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
