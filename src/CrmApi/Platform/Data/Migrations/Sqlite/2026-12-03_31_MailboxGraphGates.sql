-- Outlook allows an app 4 concurrent requests and 10,000 requests per 10 minutes per mailbox
-- (learn.microsoft.com/graph/throttling-limits, "Outlook service limits"), whatever the number of instances sending
-- them. Both limits are therefore kept in the database every instance shares.

-- The mailbox's concurrency slots: an instance holds a slot (holder, lease_until) while its Graph request runs and
-- renews the lease meanwhile; a dead instance's slot frees itself when the lease runs out.
CREATE TABLE graph_mailbox_slots (
    mailbox_id TEXT NOT NULL,
    slot INTEGER NOT NULL,
    holder TEXT NULL,
    lease_until TEXT NULL,
    PRIMARY KEY (mailbox_id, slot)
);

-- The mailbox's request budget: requests granted per slice of the window (a tenth of it); a request is granted only
-- while the slices of the last window (and one more, for clock skew and time on the wire) hold fewer than the limit.
CREATE TABLE graph_mailbox_budget (
    mailbox_id TEXT NOT NULL,
    slice INTEGER NOT NULL,
    requests INTEGER NOT NULL,
    PRIMARY KEY (mailbox_id, slice)
);
