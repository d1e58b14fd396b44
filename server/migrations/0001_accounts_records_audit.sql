-- Partner Console's reference server: accounts and sessions, every record the app stores,
-- files, and the audit log. Never edit an applied migration: add the next one.

-- A partner company. `manager_id`: the channel manager it is assigned to (专属渠道经理).
CREATE TABLE partners (
    id           text PRIMARY KEY,
    company_name text NOT NULL DEFAULT '',
    manager_id   text,
    created_at   timestamptz NOT NULL DEFAULT now()
);

-- Who signs in. `role`: the domain's role key (visitor, main, sub, manager); `partner_id`
-- for a partner's accounts. Passwords are argon2id PHC strings.
CREATE TABLE accounts (
    id              text PRIMARY KEY,
    email           text NOT NULL UNIQUE,
    password_hash   text NOT NULL,
    role            text NOT NULL CHECK (role IN ('visitor', 'main', 'sub', 'manager')),
    partner_id      text REFERENCES partners (id),
    display_name    text NOT NULL DEFAULT '',
    failed_sign_ins integer NOT NULL DEFAULT 0,
    locked_until    timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE partners ADD FOREIGN KEY (manager_id) REFERENCES accounts (id);

-- Sessions: only the SHA-256 of the random token is kept, so a copy of the table signs
-- nobody in.
CREATE TABLE sessions (
    token_hash bytea PRIMARY KEY,
    account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    expires_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sessions_account ON sessions (account_id);

-- Every record, keyed by its scope first: a partner's id for the partner's records (so a
-- provider can distribute the table by partner, e.g. Citus, without a schema change),
-- `~applicant/<account>` for an application, `~user/<account>` for a self-check, `~global`
-- for announcements.
CREATE TABLE records (
    scope      text NOT NULL,
    collection text NOT NULL,
    id         text NOT NULL,
    rev        bigint NOT NULL CHECK (rev > 0),
    data       jsonb NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by text NOT NULL,
    PRIMARY KEY (scope, collection, id)
);

-- Uploaded files (bank proofs, licences), by scope like records.
CREATE TABLE blobs (
    scope text NOT NULL,
    id    text NOT NULL,
    mime  text NOT NULL,
    bytes bytea NOT NULL,
    PRIMARY KEY (scope, id)
);

-- Every write: who, when, which event, the revision before and after. Only grows.
CREATE TABLE audit (
    scope      text NOT NULL,
    seq        bigserial,
    collection text NOT NULL,
    record_id  text NOT NULL,
    actor      text NOT NULL,
    role       text NOT NULL,
    event      text NOT NULL,
    rev_before bigint NOT NULL,
    rev_after  bigint NOT NULL,
    at         timestamptz NOT NULL,
    PRIMARY KEY (scope, seq)
);

-- Messages the server sends (an email code, a decision); the development server prints
-- them. Never readable by a client.
CREATE TABLE outbox (
    id         bigserial PRIMARY KEY,
    recipient  text NOT NULL,
    subject    text NOT NULL,
    body       text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
