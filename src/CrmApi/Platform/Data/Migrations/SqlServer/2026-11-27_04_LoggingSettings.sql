-- Whether logging creates contacts for unknown external addresses: off, for sent mail, or for sent and received mail.

IF OBJECT_ID('dbo.logging_settings') IS NULL
BEGIN
    CREATE TABLE dbo.logging_settings (
        account_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_logging_settings PRIMARY KEY
            CONSTRAINT fk_logging_settings_accounts REFERENCES dbo.accounts (id),
        create_contacts NVARCHAR(32) NOT NULL,
        updated_at DATETIMEOFFSET NOT NULL
    );
END;
