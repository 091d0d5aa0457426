-- The content library a rep inserts into emails (templates, snippets, documents, meeting links, quotes, knowledge-base
-- articles), shared privately, with a team or with everyone; teams and their members; files a document carries.
-- Kind-specific fields (a quote's lines, currency and expiry; a file's name and type) are JSON in details.

CREATE TABLE teams (
    id TEXT NOT NULL PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    name TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_teams_account_name ON teams (account_id, name);

CREATE TABLE team_members (
    team_id TEXT NOT NULL REFERENCES teams (id),
    user_id TEXT NOT NULL REFERENCES users (id),
    account_id TEXT NOT NULL REFERENCES accounts (id),
    PRIMARY KEY (team_id, user_id)
);
CREATE INDEX ix_team_members_user ON team_members (account_id, user_id, team_id);

CREATE TABLE content_items (
    id TEXT NOT NULL PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    subject TEXT NULL,
    body_html TEXT NULL,
    url TEXT NULL,
    details TEXT NOT NULL,
    deal_id TEXT NULL REFERENCES records (id),
    public_token TEXT NULL,
    owner_user_id TEXT NOT NULL REFERENCES users (id),
    sharing TEXT NOT NULL,
    team_id TEXT NULL REFERENCES teams (id),
    created_by TEXT NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    updated_by TEXT NOT NULL REFERENCES users (id),
    updated_at TEXT NOT NULL
);
CREATE INDEX ix_content_items_account_kind_name ON content_items (account_id, kind, name, id);
CREATE INDEX ix_content_items_owner ON content_items (account_id, owner_user_id);
CREATE UNIQUE INDEX ux_content_items_public_token ON content_items (public_token) WHERE public_token IS NOT NULL;

CREATE TABLE content_files (
    content_id TEXT NOT NULL PRIMARY KEY REFERENCES content_items (id),
    account_id TEXT NOT NULL REFERENCES accounts (id),
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    bytes BLOB NOT NULL,
    uploaded_at TEXT NOT NULL
);
