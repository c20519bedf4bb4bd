package io.tideline.deploy.k8s;

import io.tideline.events.Topics;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each service publishes and consumes: docs/architecture.md "Topics and events" and the services' EventHandlers
 * (their {@code topics()}). Publishers are checked against {@link Topics#producers} where the catalogue names them.
 */
record ServiceTopics(String service, Set<String> produces, Set<String> consumes, boolean readsDeadLetters,
                     boolean replaysDeadLetters) {

    ServiceTopics(String service, Set<String> produces, Set<String> consumes, boolean readsDeadLetters) {
        this(service, produces, consumes, readsDeadLetters, false);
    }

    static final List<ServiceTopics> ALL = List.of(
            new ServiceTopics("lp-tracker", Set.of(Topics.LP_POSITIONS.name(), Topics.MARKET_PRICES.name()), Set.of(),
                    false),
            new ServiceTopics("perp-hedger", Set.of(Topics.PERP_HEDGES.name(), Topics.MARKET_PRICES.name()),
                    Set.of(Topics.LP_POSITIONS.name(), Topics.MARKET_PRICES.name()), false),
            new ServiceTopics("pnl-ingest", Set.of(Topics.PNL_EXECUTIONS.name()), Set.of(), false),
            new ServiceTopics("settlement", Set.of(Topics.MM_SETTLEMENT.name(), Topics.ALERTS.name()),
                    Set.of(Topics.MM_FILLS.name(), Topics.MARKET_PRICES.name()), false),
            new ServiceTopics("analytics", Set.of(), Set.of(Topics.LP_POSITIONS.name(), Topics.PERP_HEDGES.name(),
                    Topics.PNL_EXECUTIONS.name(), Topics.MM_SETTLEMENT.name(), Topics.MARKET_PRICES.name()), false),
            new ServiceTopics("alerting", Set.of(Topics.ALERTS.name()), Set.of(Topics.LP_POSITIONS.name(),
                    Topics.PERP_HEDGES.name(), Topics.PNL_EXECUTIONS.name(), Topics.MM_SETTLEMENT.name(),
                    Topics.MARKET_PRICES.name(), Topics.ALERTS.name()), true),
            // the live stream reads the business topics; the operations API writes config, browses every dead-letter
            // topic and replays chosen letters to their source topics
            new ServiceTopics("gateway", Set.of(Topics.CONFIG.name()), Set.of(Topics.LP_POSITIONS.name(),
                    Topics.PERP_HEDGES.name(), Topics.PNL_EXECUTIONS.name(), Topics.MM_SETTLEMENT.name(),
                    Topics.MARKET_PRICES.name(), Topics.ALERTS.name()), true, true));


    /**
     * The ACLs the service's KafkaUser must hold, as {@code type:name:pattern:operation}: write its topics and the
     * dead-letter topics of what it consumes, read what it consumes (every dead-letter topic for the one that
     * watches them), in consumer groups named {@code <service>.*}; read {@code config} (every service follows the
     * runtime settings); write every event topic for the one that replays dead letters.
     */
    Set<String> expectedAcls() {
        java.util.TreeSet<String> acls = new java.util.TreeSet<>();
        for (String topic : produces) {
            acls.add("topic:" + topic + ":literal:Write");
            acls.add("topic:" + topic + ":literal:Describe");
        }
        for (String topic : consumes) {
            acls.add("topic:" + topic + ":literal:Read");
            acls.add("topic:" + topic + ":literal:Describe");
            acls.add("topic:" + Topics.deadLetterOf(topic) + ":literal:Write");
            acls.add("topic:" + Topics.deadLetterOf(topic) + ":literal:Describe");
        }
        if (readsDeadLetters) {
            for (Topics.TopicSpec topic : Topics.all()) {
                if (topic.isDeadLetter()) {
                    acls.add("topic:" + topic.name() + ":literal:Read");
                    acls.add("topic:" + topic.name() + ":literal:Describe");
                }
            }
        }
        if (replaysDeadLetters) {
            for (Topics.TopicSpec topic : Topics.eventTopics()) {
                acls.add("topic:" + topic.name() + ":literal:Write");
                acls.add("topic:" + topic.name() + ":literal:Describe");
            }
        }
        acls.add("topic:" + Topics.CONFIG.name() + ":literal:Read");
        acls.add("topic:" + Topics.CONFIG.name() + ":literal:Describe");
        if (!consumes.isEmpty() || readsDeadLetters) {
            acls.add("group:" + service + ".:prefix:Read");
            acls.add("group:" + service + ".:prefix:Describe");
        }
        return acls;
    }
}
