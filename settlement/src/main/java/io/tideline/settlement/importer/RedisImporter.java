package io.tideline.settlement.importer;

import io.tideline.messaging.tx.Transactions;
import io.tideline.settlement.config.SettlementConfig;
import io.tideline.settlement.fill.FillRecorder;
import io.tideline.settlement.fill.FillSubmission;
import io.tideline.settlement.importer.LegacySessionReader.LegacySession;
import io.tideline.settlement.session.SessionStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jboss.logging.Logger;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.SetParams;

/**
 * Imports the previous system's sessions and fills from Redis ({@link LegacyRedisLayout}): each session not marked
 * imported yet is read, its fills deduplicated, and written to PostgreSQL in batches (each a transaction that also
 * publishes the new fills as FillRecorded through the outbox; a fill already recorded is skipped by its unique key, so
 * an interrupted import can simply run again); then the session is marked imported in Redis with a TTL. A dry run
 * reads and counts without writing anywhere; stats only counts the sessions and their list lengths.
 */
@ApplicationScoped
public class RedisImporter {

    private static final Logger LOG = Logger.getLogger(RedisImporter.class);
    private static final int MAX_PROBLEMS = 50;

    /** What to import. */
    public record Options(boolean dryRun, boolean statsOnly, String sessionId, Integer limit, String keyPrefix) {
    }

    private final Transactions transactions;
    private final SessionStore sessions;
    private final FillRecorder fills;
    private final URI redis;
    private final int batchSize;
    private final Duration markerTtl;
    private final String defaultKeyPrefix;
    private final LegacySessionReader reader = new LegacySessionReader();

    public RedisImporter(Transactions transactions, SessionStore sessions, FillRecorder fills,
            SettlementConfig config) {
        this.transactions = transactions;
        this.sessions = sessions;
        this.fills = fills;
        this.redis = URI.create(config.redis().url());
        this.batchSize = config.redis().batchSize();
        this.markerTtl = config.redis().markerTtl();
        this.defaultKeyPrefix = config.redis().keyPrefix().orElse("");
    }

    /** The key prefix of the layout unless a request names another ({@code tideline.settlement.redis.key-prefix}). */
    public String defaultKeyPrefix() {
        return defaultKeyPrefix;
    }

    /** Where the legacy Redis is, {@code host:port}, for messages. */
    public String address() {
        return redis.getHost() + ":" + redis.getPort();
    }

    public ImportReport run(Options options) {
        long started = System.nanoTime();
        LegacyRedisLayout keys = new LegacyRedisLayout(options.keyPrefix());
        try (Jedis jedis = new Jedis(redis, 10_000)) {
            List<String> all = new ArrayList<>(new TreeSet<>(jedis.smembers(keys.sessions())));
            List<String> wanted = options.sessionId() == null ? all
                    : all.contains(options.sessionId()) ? List.of(options.sessionId()) : List.of();
            Counts counts = new Counts();
            counts.inRedis = all.size();
            List<String> pending = new ArrayList<>();
            for (String id : wanted) {
                if (jedis.exists(keys.importedMarker(id))) {
                    counts.alreadyImported++;
                    counts.sessions.add(new ImportReport.SessionImport(id, "already imported", List.of(), 0, 0, 0, 0,
                            0, 0));
                } else {
                    pending.add(id);
                }
            }
            counts.pending = pending.size();
            if (options.limit() != null && pending.size() > options.limit()) {
                pending = pending.subList(0, options.limit());
            }
            if (options.sessionId() != null && wanted.isEmpty()) {
                counts.problems.add("session " + options.sessionId() + " is not in " + keys.sessions());
            }
            for (String id : pending) {
                if (options.statsOnly()) {
                    int o = (int) jedis.llen(keys.orders(id));
                    int f = (int) jedis.llen(keys.fills(id));
                    counts.orders += o;
                    counts.fillsRead += f;
                    counts.sessions.add(new ImportReport.SessionImport(id, "pending", List.of(), o, f, 0, 0, 0, 0));
                    continue;
                }
                importOne(jedis, keys, id, options.dryRun(), counts);
            }
            return new ImportReport(options.dryRun(), options.statsOnly(), keys.prefix(), counts.inRedis,
                    counts.alreadyImported, counts.pending, counts.imported, counts.failed, counts.orders,
                    counts.fillsRead, counts.duplicatesInRedis, counts.invalid, counts.inserted, counts.alreadyRecorded,
                    List.copyOf(counts.pairs), counts.sessions, counts.problems,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    private void importOne(Jedis jedis, LegacyRedisLayout keys, String id, boolean dryRun, Counts counts) {
        LegacySession legacy;
        List<String> fillValues;
        try {
            Map<String, String> hash = jedis.hgetAll(keys.session(id));
            List<String> orderValues = jedis.lrange(keys.orders(id), 0, -1);
            fillValues = jedis.lrange(keys.fills(id), 0, -1);
            legacy = reader.read(id, hash, orderValues, fillValues);
        } catch (IllegalArgumentException e) {
            counts.failed++;
            counts.problem(e.getMessage());
            counts.sessions.add(new ImportReport.SessionImport(id, "failed: " + e.getMessage(), List.of(), 0, 0, 0, 0,
                    0, 0));
            return;
        }
        counts.orders += legacy.orders();
        counts.fillsRead += fillValues.size();
        counts.duplicatesInRedis += legacy.duplicatesInRedis();
        counts.invalid += legacy.invalid().size();
        legacy.invalid().forEach(counts::problem);
        counts.pairs.addAll(legacy.session().pairs());
        int inserted = 0;
        int known = 0;
        if (!dryRun) {
            transactions.run(uow -> sessions.upsert(uow, legacy.session(), "redis"));
            List<FillSubmission> all = legacy.fills();
            for (int from = 0; from < all.size(); from += batchSize) {
                List<FillSubmission> batch = all.subList(from, Math.min(all.size(), from + batchSize));
                List<Boolean> created = transactions.run(uow -> fills.record(uow, batch, "redis"));
                int n = (int) created.stream().filter(Boolean::booleanValue).count();
                inserted += n;
                known += batch.size() - n;
            }
            jedis.set(keys.importedMarker(id), Instant.now() + " fills=" + all.size() + " inserted=" + inserted,
                    SetParams.setParams().ex(markerTtl.toSeconds()));
            counts.imported++;
            LOG.infof("imported legacy session %s: %d fills (%d new), %d pairs", id, all.size(), inserted,
                    legacy.session().pairs().size());
        }
        counts.inserted += inserted;
        counts.alreadyRecorded += known;
        counts.sessions.add(new ImportReport.SessionImport(id, dryRun ? "would import" : "imported",
                legacy.session().pairs(), legacy.orders(), legacy.fills().size(), legacy.duplicatesInRedis(),
                legacy.invalid().size(), inserted, known));
    }

    private static final class Counts {
        int inRedis;
        int alreadyImported;
        int pending;
        int imported;
        int failed;
        int orders;
        int fillsRead;
        int duplicatesInRedis;
        int invalid;
        int inserted;
        int alreadyRecorded;
        final TreeSet<String> pairs = new TreeSet<>();
        final List<ImportReport.SessionImport> sessions = new ArrayList<>();
        final List<String> problems = new ArrayList<>();

        void problem(String p) {
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(p);
            }
        }
    }
}
