-- Whether logging creates contacts for unknown external addresses: off, for sent mail, or for sent and received mail.

CREATE TABLE logging_settings (
    account_id TEXT NOT NULL PRIMARY KEY REFERENCES accounts (id),
    create_contacts TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
