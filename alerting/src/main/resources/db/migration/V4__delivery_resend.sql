-- A FAILED delivery can be sent again by a person (POST /api/v1/deliveries/{id}/resend): it goes back to PENDING with
-- a fresh round of attempts. resent_after is the number of attempts made before the latest re-send (the retry policy
-- counts the attempts of the round from it); who asked and when are kept.
alter table delivery add column resent_after int not null default 0;
alter table delivery add column resent_by text;
alter table delivery add column resent_at timestamptz;
