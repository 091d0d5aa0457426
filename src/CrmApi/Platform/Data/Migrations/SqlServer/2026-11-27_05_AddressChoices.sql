-- The contact a rep picked for an address that several contacts share: remembered per user, never guessed.

IF OBJECT_ID('dbo.address_choices') IS NULL
BEGIN
    CREATE TABLE dbo.address_choices (
        account_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_address_choices_accounts REFERENCES dbo.accounts (id),
        user_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_address_choices_users REFERENCES dbo.users (id),
        address_normalized NVARCHAR(320) NOT NULL,
        contact_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_address_choices_records REFERENCES dbo.records (id),
        updated_at DATETIMEOFFSET NOT NULL,
        CONSTRAINT pk_address_choices PRIMARY KEY (account_id, user_id, address_normalized)
    );
    CREATE INDEX ix_address_choices_contact ON dbo.address_choices (account_id, contact_id);
END;
