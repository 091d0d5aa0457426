-- Outlook allows an app 4 concurrent requests and 10,000 requests per 10 minutes per mailbox
-- (learn.microsoft.com/graph/throttling-limits, "Outlook service limits"), whatever the number of instances sending
-- them. Both limits are therefore kept in the database every instance shares.

-- The mailbox's concurrency slots: an instance holds a slot (holder, lease_until) while its Graph request runs and
-- renews the lease meanwhile; a dead instance's slot frees itself when the lease runs out.
IF OBJECT_ID('dbo.graph_mailbox_slots', 'U') IS NULL
    CREATE TABLE dbo.graph_mailbox_slots (
        mailbox_id UNIQUEIDENTIFIER NOT NULL,
        slot INT NOT NULL,
        holder UNIQUEIDENTIFIER NULL,
        lease_until DATETIMEOFFSET NULL,
        CONSTRAINT pk_graph_mailbox_slots PRIMARY KEY (mailbox_id, slot)
    );

-- The mailbox's request budget: requests granted per slice of the window (a tenth of it); a request is granted only
-- while the slices of the last window (and one more, for clock skew and time on the wire) hold fewer than the limit.
IF OBJECT_ID('dbo.graph_mailbox_budget', 'U') IS NULL
    CREATE TABLE dbo.graph_mailbox_budget (
        mailbox_id UNIQUEIDENTIFIER NOT NULL,
        slice BIGINT NOT NULL,
        requests INT NOT NULL,
        CONSTRAINT pk_graph_mailbox_budget PRIMARY KEY (mailbox_id, slice)
    );
