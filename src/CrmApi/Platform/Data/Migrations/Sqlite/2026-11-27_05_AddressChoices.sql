-- The contact a rep picked for an address that several contacts share: remembered per user, never guessed.

CREATE TABLE address_choices (
    account_id TEXT NOT NULL REFERENCES accounts (id),
    user_id TEXT NOT NULL REFERENCES users (id),
    address_normalized TEXT NOT NULL,
    contact_id TEXT NOT NULL REFERENCES records (id),
    updated_at TEXT NOT NULL,
    PRIMARY KEY (account_id, user_id, address_normalized)
);
CREATE INDEX ix_address_choices_contact ON address_choices (account_id, contact_id);
