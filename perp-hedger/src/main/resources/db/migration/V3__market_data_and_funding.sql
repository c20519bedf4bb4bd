-- The venue prices this service published on market.prices (marketdata): the latest per instrument. A poll that
-- finds the price it last published publishes nothing, so a re-poll never doubles an observation. The paper venue
-- fills at these prices when the feed is on.
create table perp_published_price (
    instrument    text primary key,           -- the PriceObserved instrument and key (a market symbol or a pair)
    market        text        not null,       -- the venue's market read
    source        text        not null,       -- extended
    price         numeric     not null,       -- the mark, collateral per base unit
    observed_at   timestamptz not null,
    event_id      uuid        not null
);

-- Funding payments read from the venue (funding): one row per venue payment, claimed once, so a re-read publishes
-- nothing new; its shares per hedge are what FundingPaid reported.
create table perp_funding_payment (
    venue             text        not null,
    payment_id        text        not null,   -- the venue's id (decimal text, up to 2^63)
    market            text        not null,
    venue_position_id text        not null,
    position_side     text        not null,   -- SHORT, LONG
    size              numeric     not null,
    rate              numeric     not null,
    mark_price        numeric,
    venue_fee         numeric     not null,   -- fundingFee as the venue wrote it
    amount            numeric     not null,   -- signed for the desk: positive received, negative paid
    paid_at           timestamptz not null,
    read_at           timestamptz not null default now(),
    primary key (venue, payment_id)
);

create table perp_funding_share (
    venue         text        not null,
    payment_id    text        not null,
    hedge_id      uuid        not null references perp_hedge,
    position_key  text        not null,
    quantity      numeric     not null,
    amount        numeric     not null,
    event_id      uuid        not null unique,
    primary key (venue, payment_id, hedge_id),
    foreign key (venue, payment_id) references perp_funding_payment
);

-- Per market: payments are read from here on (the latest paidTime seen; the first read starts at the oldest live
-- hedge's creation).
create table perp_funding_checkpoint (
    venue         text        not null,
    market        text        not null,
    read_from     timestamptz not null,
    updated_at    timestamptz not null default now(),
    primary key (venue, market)
);
