-- Email confirmation codes (a learner joining by enterprise email): the server's own,
-- never readable by a client. `data` is the domain's EmailCode (code, issued, wrong tries);
-- `confirmed_at` once the right code was typed.
CREATE TABLE email_codes (
    partner_id   text NOT NULL REFERENCES partners (id),
    email        text NOT NULL,
    data         jsonb NOT NULL,
    confirmed_at timestamptz,
    PRIMARY KEY (partner_id, email)
);
