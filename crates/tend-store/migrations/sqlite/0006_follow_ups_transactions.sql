-- Follow-ups, purchases and the mail log (SQLite).
-- `follow_up_days`: how long after resolution a complaint of this category is followed up;
-- NULL takes the parent's, and at the root Tend's default.
ALTER TABLE categories ADD COLUMN follow_up_days INTEGER CHECK (follow_up_days BETWEEN 0 AND 365);

-- Purchases, for the retention contact a while after each one. Amounts in minor units.
CREATE TABLE transactions (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    occurred_at INTEGER NOT NULL,
    product_id INTEGER REFERENCES products (id),
    amount_minor INTEGER,
    currency TEXT,
    returned INTEGER NOT NULL DEFAULT 0,
    external_id TEXT UNIQUE,
    created_at INTEGER NOT NULL
);
CREATE INDEX transactions_customer ON transactions (customer_id, occurred_at, id);
CREATE INDEX transactions_occurred ON transactions (occurred_at, id);

-- One row per message handed to the SMTP server, keyed by the event it was about: the mail
-- worker's proof that an event's message went out, and its guard against sending it twice.
CREATE TABLE sent_mail (
    event_key TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    recipient TEXT NOT NULL,
    message_id TEXT NOT NULL,
    job_id INTEGER,
    sent_at INTEGER NOT NULL
);

-- Set when something the job depends on changed while it waited or ran (see `Store::nudge`):
-- a handler that defers the job then keeps the nudged, earlier run time.
ALTER TABLE jobs ADD COLUMN nudged INTEGER NOT NULL DEFAULT 0;

-- Per-installation secrets, such as the key that signs customers' status links.
CREATE TABLE app_secrets (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
