-- A stand-in for a service's own state, to prove state and outbox commit or roll back together.
create table test_account (
    id       varchar(64) primary key,
    balance  numeric(78, 0) not null
);

-- The effect of the test consumer: one row per PriceObserved applied.
create table applied_price (
    id          bigserial primary key,
    event_id    uuid        not null,
    instrument  varchar(200) not null,
    price       numeric(38, 18) not null
);
alter table applied_price add column correlation_id varchar(300);

-- The effect of the test inbox handler: one row per message handled, with the order it was handled in.
create table handled_message (
    seq         bigserial    primary key,
    message_id  varchar(300) not null,
    body        text         not null,
    logged_message_id varchar(300)  -- the message id in the log context while it was handled
);
