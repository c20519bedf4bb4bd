-- alerting: the durable delivery of notifications to outside channels (email, signed webhooks). A row is written in
-- the unit of work that changes the alert; lane workers deliver it at least once with its idempotency key.

-- One notification of an alert to one channel. PENDING until delivered (DELIVERED), given up (FAILED: attempts used
-- up, a final refusal, or a channel no longer configured) or held back by the channel's rate limit (SUPPRESSED).
-- A worker leases the row while it sends (lease_until, lease_token); a lease that runs out without an answer being
-- recorded (the worker died) makes the row due again, and it is sent again with the same key.
create table delivery (
    id               bigint generated always as identity primary key,
    idempotency_key  text        not null unique, -- alertId:kind:level:channel (Notification.idempotencyKey)
    alert_id         text        not null,
    rule_id          text        not null,
    channel          text        not null,        -- email:<name>, webhook:<name>
    kind             text        not null,        -- RAISED, ESCALATED, RESOLVED
    level            int         not null,
    notification     jsonb       not null,        -- the Notification as it was when the alert changed
    state            text        not null,        -- PENDING, DELIVERED, FAILED, SUPPRESSED
    attempts         int         not null default 0,
    next_attempt_at  timestamptz not null,
    lease_until      timestamptz,
    lease_token      uuid,
    last_status      int,                         -- the receiver's last HTTP status or SMTP reply code
    last_error       text,
    created_at       timestamptz not null,
    finished_at      timestamptz,                 -- delivered, failed or suppressed
    updated_at       timestamptz not null
);
create index delivery_due on delivery (channel, next_attempt_at) where state = 'PENDING';
create index delivery_by_alert on delivery (alert_id, id);
create index delivery_by_channel_state on delivery (channel, state);
create index delivery_retention on delivery (finished_at) where state in ('DELIVERED', 'SUPPRESSED');

-- Every attempt to deliver: what the receiver answered (status) or what went wrong (error), and how long it took.
-- ABANDONED: a worker's lease ran out before it recorded an answer (it died mid-send).
create table delivery_attempt (
    id           bigint generated always as identity primary key,
    delivery_id  bigint      not null references delivery (id) on delete cascade,
    attempt      int         not null,
    started_at   timestamptz not null,
    duration_ms  bigint      not null,
    outcome      text        not null,            -- DELIVERED, RETRY, REJECTED, ABANDONED
    status       int,
    error        text
);
create index delivery_attempt_by_delivery on delivery_attempt (delivery_id, id);

-- Each outside channel's token bucket (its rate limit), taken in the unit of work that stores a delivery, and the
-- deliveries it held back.
create table channel_rate (
    channel      text primary key,
    tokens       numeric     not null,
    refilled_at  timestamptz not null,
    suppressed   bigint      not null default 0
);
