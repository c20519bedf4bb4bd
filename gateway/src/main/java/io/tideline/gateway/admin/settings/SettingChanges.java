package io.tideline.gateway.admin.settings;

import io.tideline.events.EventEnvelope;
import io.tideline.events.config.SettingChanged;
import io.tideline.messaging.MessagingConfig;
import io.tideline.messaging.settings.KnownSettings;
import io.tideline.messaging.settings.Setting;
import io.tideline.messaging.tx.Transactions;
import io.tideline.service.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Feature flags and runtime settings: the values operators set, each change written with its audit entry and its
 * {@link SettingChanged} event in one unit of work (the outbox puts the event on the {@code config} topic, which the
 * services follow). Only the keys of {@link KnownSettings}, only values within their bounds.
 */
@ApplicationScoped
public class SettingChanges {

    private final Transactions transactions;
    private final SettingStore store;
    private final String service;

    public SettingChanges(Transactions transactions, SettingStore store, MessagingConfig messaging) {
        this.transactions = transactions;
        this.store = store;
        this.service = messaging.service();
    }

    public List<SettingView> list() {
        Map<String, SettingStore.StoredValue> stored = store.values(transactions.reads()).stream()
                .collect(Collectors.toMap(SettingStore.StoredValue::key, Function.identity()));
        return KnownSettings.all().stream().map(s -> SettingView.of(s, stored.get(s.key()))).toList();
    }

    /**
     * Sets a value ({@code null}: back to the default). Setting the value in force changes nothing and writes nothing.
     *
     * @throws ProblemException 400 naming {@code key} or {@code value} when either is not acceptable
     */
    public SettingView change(String key, String value, String by) {
        Setting setting = KnownSettings.byKey(key).orElseThrow(() -> ProblemException.badField("key",
                "is not a known setting (known: " + KnownSettings.all().stream().map(Setting::key).toList() + ")"));
        String canonical;
        try {
            canonical = value == null ? null : setting.canonical(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("value", e.getMessage());
        }
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return transactions.run(uow -> {
            SettingStore.StoredValue before = store.lockAndRead(uow, key).orElse(null);
            String old = before == null ? null : before.value();
            if (Objects.equals(old, canonical)) {
                return SettingView.of(setting, before);
            }
            if (canonical == null) {
                store.remove(uow, key);
            } else {
                store.put(uow, key, canonical, at, by);
            }
            store.audit(uow, key, old, canonical, by, at);
            uow.publish(EventEnvelope.of(service, key, null, new SettingChanged(key, canonical, old, by, at)));
            return SettingView.of(setting, canonical == null ? null
                    : new SettingStore.StoredValue(key, canonical, at, by));
        });
    }

    /** A page of the audit, newest first; the next page is asked for with {@code before} = the last entry's id. */
    public List<SettingStore.AuditEntry> audit(String key, Long before, int limit) {
        return store.auditPage(transactions.reads(), key, before, limit);
    }
}
