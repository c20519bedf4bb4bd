-- Operations (/api/v1/admin): runtime settings with their audit, and the dead letters replayed.

-- The value of every setting an operator set (a key without a row has its default, see KnownSettings). The change and
-- its SettingChanged event on the config topic commit together (outbox).
create table setting (
    setting_key text primary key,
    value       text not null,
    changed_at  timestamptz not null,
    changed_by  text not null
);

-- Who changed which setting from what to what, and when; never updated or deleted. A null value is the default.
create table setting_audit (
    id          bigserial primary key,
    setting_key text not null,
    old_value   text,
    new_value   text,
    changed_by  text not null,
    changed_at  timestamptz not null
);
create index setting_audit_by_key on setting_audit (setting_key, id);

-- Every dead letter replayed to its source topic, by its place in the dead-letter topic: a letter is replayed once.
create table dlq_replay (
    dlq_topic    text not null,
    dlq_partition int not null,
    dlq_offset   bigint not null,
    target_topic text not null,
    record_key   text,
    event_id     text,
    replayed_at  timestamptz not null,
    replayed_by  text not null,
    primary key (dlq_topic, dlq_partition, dlq_offset)
);
create index dlq_replay_by_time on dlq_replay (replayed_at desc);
