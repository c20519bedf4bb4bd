package io.tideline.events;

import io.tideline.events.Topics.TopicSpec;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the topics of the {@link Topics} catalogue on a Kafka cluster, and grows the partition count of any that has
 * fewer than the catalogue says; run by {@code ./platform} after the broker is up and by the test support, safe to run
 * any number of times.
 *
 * <p>Usage: {@code TopicProvisioner [bootstrap-servers] [--timeout=SECONDS]} (defaults {@code localhost:9092}, 30 s).
 * Prints one line per topic on stdout. Exit status 0 when every topic is in place, 2 when the cluster cannot be
 * reached within the timeout (or is not a Kafka broker), 1 on any other failure, 64 on bad arguments.
 */
public final class TopicProvisioner {

    static final String DEFAULT_BOOTSTRAP = "localhost:9092";
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** A single local broker: no replicas to place. */
    static final short REPLICATION_FACTOR = 1;

    static final int EXIT_OK = 0;
    static final int EXIT_FAILED = 1;
    static final int EXIT_UNREACHABLE = 2;
    static final int EXIT_USAGE = 64;

    /** What happened to one topic. */
    enum Outcome { CREATED, EXISTS, PARTITIONS_INCREASED }

    private final Admin admin;
    private final Duration timeout;

    TopicProvisioner(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String bootstrap = DEFAULT_BOOTSTRAP;
        Duration timeout = DEFAULT_TIMEOUT;
        for (String arg : args) {
            if (arg.startsWith("--timeout=")) {
                try {
                    timeout = Duration.ofSeconds(Long.parseLong(arg.substring("--timeout=".length())));
                } catch (NumberFormatException e) {
                    err.println("TopicProvisioner: --timeout must be a number of seconds, was '" + arg + "'");
                    return EXIT_USAGE;
                }
            } else if (arg.equals("-h") || arg.equals("--help")) {
                out.println("usage: TopicProvisioner [bootstrap-servers] [--timeout=SECONDS]   (default "
                        + DEFAULT_BOOTSTRAP + ", " + DEFAULT_TIMEOUT.toSeconds() + " s)");
                return EXIT_OK;
            } else if (arg.startsWith("-")) {
                err.println("TopicProvisioner: unknown option '" + arg + "'");
                return EXIT_USAGE;
            } else {
                bootstrap = arg;
            }
        }

        try (Admin admin = Admin.create(adminConfig(bootstrap, timeout))) {
            TopicProvisioner provisioner = new TopicProvisioner(admin, timeout);
            try {
                provisioner.awaitCluster();
            } catch (TimeoutException | ExecutionException e) {
                err.println("TopicProvisioner: no Kafka broker answered at " + bootstrap + " within "
                        + timeout.toSeconds() + " s" + (e instanceof TimeoutException ? "" : " (" + rootMessage(e) + ")"));
                return EXIT_UNREACHABLE;
            }
            provisioner.provision(Topics.all(), out);
            return EXIT_OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("TopicProvisioner: interrupted");
            return EXIT_FAILED;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            err.println("TopicProvisioner: provisioning topics on " + bootstrap + " failed: " + rootMessage(e));
            return EXIT_FAILED;
        }
    }

    /**
     * Provisions every catalogue topic on the cluster, printing one line per topic to {@code out}.
     *
     * @throws IllegalStateException when the cluster does not answer within the timeout or provisioning fails
     */
    public static void provisionAll(String bootstrap, Duration timeout, PrintStream out) {
        try (Admin admin = Admin.create(adminConfig(bootstrap, timeout))) {
            TopicProvisioner provisioner = new TopicProvisioner(admin, timeout);
            provisioner.awaitCluster();
            provisioner.provision(Topics.all(), out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while provisioning topics on " + bootstrap, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("provisioning topics on " + bootstrap + " failed: " + rootMessage(e), e);
        }
    }

    static Properties adminConfig(String bootstrap, Duration timeout) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "tideline-topic-provisioner");
        int timeoutMs = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(timeoutMs, 15_000));
        // Fail fast on a closed port instead of backing off for up to a second between attempts.
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        return config;
    }

    /** Waits until the cluster answers a metadata request, so an absent broker is told apart from a failing one. */
    void awaitCluster() throws InterruptedException, ExecutionException, TimeoutException {
        admin.describeCluster().clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Brings every topic of {@code wanted} to at least its catalogue partition count; prints one line per topic. */
    List<Outcome> provision(List<TopicSpec> wanted, PrintStream out)
            throws InterruptedException, ExecutionException, TimeoutException {
        Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        List<Outcome> outcomes = new ArrayList<>();
        for (TopicSpec spec : wanted) {
            Outcome outcome = existing.contains(spec.name()) ? reconcile(spec, out) : create(spec, out);
            outcomes.add(outcome);
        }
        return outcomes;
    }

    private Outcome create(TopicSpec spec, PrintStream out)
            throws InterruptedException, ExecutionException, TimeoutException {
        try {
            admin.createTopics(List.of(newTopic(spec))).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            // Auto-creation (a service that started first) can win the race: then it is an existing topic.
            if (e.getCause() instanceof TopicExistsException) {
                return reconcile(spec, out);
            }
            throw e;
        }
        out.printf("%-22s created (%d partitions)%n", spec.name(), spec.partitions());
        return Outcome.CREATED;
    }

    static NewTopic newTopic(TopicSpec spec) {
        NewTopic topic = new NewTopic(spec.name(), spec.partitions(), REPLICATION_FACTOR);
        return spec.compacted() ? topic.configs(Map.of("cleanup.policy", "compact")) : topic;
    }

    private Outcome reconcile(TopicSpec spec, PrintStream out)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<String, TopicDescription> descriptions = admin.describeTopics(List.of(spec.name())).allTopicNames()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        int actual = descriptions.get(spec.name()).partitions().size();
        if (actual >= spec.partitions()) {
            // Partitions are never removed: more than the catalogue says is someone's deliberate scale-out.
            String note = actual > spec.partitions() ? ", catalogue says " + spec.partitions() : "";
            out.printf("%-22s exists (%d partitions%s)%n", spec.name(), actual, note);
            return Outcome.EXISTS;
        }
        admin.createPartitions(Map.of(spec.name(), NewPartitions.increaseTo(spec.partitions())))
                .all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        out.printf("%-22s partitions increased %d -> %d%n", spec.name(), actual, spec.partitions());
        return Outcome.PARTITIONS_INCREASED;
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while ((cause instanceof ExecutionException || cause.getCause() != null && cause.getMessage() == null)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
