-- The content library a rep inserts into emails (templates, snippets, documents, meeting links, quotes, knowledge-base
-- articles), shared privately, with a team or with everyone; teams and their members; files a document carries.
-- Kind-specific fields (a quote's lines, currency and expiry; a file's name and type) are JSON in details.

IF OBJECT_ID('dbo.teams') IS NULL
BEGIN
    CREATE TABLE dbo.teams (
        id UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_teams PRIMARY KEY,
        account_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_teams_accounts REFERENCES dbo.accounts (id),
        name NVARCHAR(200) NOT NULL,
        created_at DATETIMEOFFSET NOT NULL
    );
    CREATE UNIQUE INDEX ux_teams_account_name ON dbo.teams (account_id, name);
END;

IF OBJECT_ID('dbo.team_members') IS NULL
BEGIN
    CREATE TABLE dbo.team_members (
        team_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_team_members_teams REFERENCES dbo.teams (id),
        user_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_team_members_users REFERENCES dbo.users (id),
        account_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_team_members_accounts REFERENCES dbo.accounts (id),
        CONSTRAINT pk_team_members PRIMARY KEY (team_id, user_id)
    );
    CREATE INDEX ix_team_members_user ON dbo.team_members (account_id, user_id, team_id);
END;

IF OBJECT_ID('dbo.content_items') IS NULL
BEGIN
    CREATE TABLE dbo.content_items (
        id UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_content_items PRIMARY KEY,
        account_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_content_items_accounts REFERENCES dbo.accounts (id),
        kind NVARCHAR(16) NOT NULL,
        name NVARCHAR(200) NOT NULL,
        subject NVARCHAR(998) NULL,
        body_html NVARCHAR(MAX) NULL,
        url NVARCHAR(2048) NULL,
        details NVARCHAR(MAX) NOT NULL,
        deal_id UNIQUEIDENTIFIER NULL CONSTRAINT fk_content_items_deals REFERENCES dbo.records (id),
        public_token NVARCHAR(64) NULL,
        owner_user_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_content_items_owner REFERENCES dbo.users (id),
        sharing NVARCHAR(16) NOT NULL,
        team_id UNIQUEIDENTIFIER NULL CONSTRAINT fk_content_items_teams REFERENCES dbo.teams (id),
        created_by UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_content_items_created_by REFERENCES dbo.users (id),
        created_at DATETIMEOFFSET NOT NULL,
        updated_by UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_content_items_updated_by REFERENCES dbo.users (id),
        updated_at DATETIMEOFFSET NOT NULL
    );
    CREATE INDEX ix_content_items_account_kind_name ON dbo.content_items (account_id, kind, name, id);
    CREATE INDEX ix_content_items_owner ON dbo.content_items (account_id, owner_user_id);
    CREATE UNIQUE INDEX ux_content_items_public_token ON dbo.content_items (public_token) WHERE public_token IS NOT NULL;
END;

IF OBJECT_ID('dbo.content_files') IS NULL
BEGIN
    CREATE TABLE dbo.content_files (
        content_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_content_files PRIMARY KEY CONSTRAINT fk_content_files_items REFERENCES dbo.content_items (id),
        account_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_content_files_accounts REFERENCES dbo.accounts (id),
        file_name NVARCHAR(260) NOT NULL,
        content_type NVARCHAR(200) NOT NULL,
        bytes VARBINARY(MAX) NOT NULL,
        uploaded_at DATETIMEOFFSET NOT NULL
    );
END;
