-- API keys for machines. Only the SHA-256 of a key is stored (hex) (a key is 256 random bits, so no salt or slow hash is
-- needed); the key itself is shown once, when it is made. key_prefix is its first characters, to recognise it in a list.
create table api_key (
    key_id       text primary key,
    name         text not null,
    role         text not null check (role in ('viewer', 'trader', 'admin')),
    key_hash     text not null unique,
    key_prefix   text not null,
    created_at   timestamptz not null default now(),
    created_by   text not null,
    revoked_at   timestamptz,
    revoked_by   text,
    last_used_at timestamptz
);
