import { useState } from "react";
import { Button, Field, Input, makeStyles, Select, tokens } from "@fluentui/react-components";
import { auditEvents, legalBasisAuditCsv, legalBasisAuditPage, type AuditFilters, type LegalBasisAuditLine } from "../api/legalBasisAudit";
import { useAdmin } from "../shell/AdminContext";
import { ErrorBar, LoadedView } from "../shared/Notices";
import { MoreButton } from "../shared/Pager";
import { useLoad } from "../shared/useLoad";
import { AuditTable } from "./AuditTable";
import { ContactPicker } from "./ContactPicker";
import { UserPicker } from "./UserPicker";
import { adminFailure } from "../shared/failureText";

const useStyles = makeStyles({
  filters: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(11rem, 1fr))", gap: tokens.spacingHorizontalM, alignItems: "end" },
  actions: { display: "flex", gap: tokens.spacingHorizontalM, margin: `${tokens.spacingVerticalM} 0` },
});

/** Every legal-basis decision of the account, filtered by contact, event, user and period; exported as CSV. */
export function LegalBasisAudit() {
  const styles = useStyles();
  const { api } = useAdmin();
  const [draft, setDraft] = useState<AuditFilters>({});
  const [filters, setFilters] = useState<AuditFilters>({});
  const [loaded, reload] = useLoad((signal) => legalBasisAuditPage(api, filters, undefined, signal), JSON.stringify(filters));
  const [more, setMore] = useState<{ key: string; items: LegalBasisAuditLine[]; next: string | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify(filters);
  const extra = more?.key === key ? more : null;
  const first = loaded.state === "done" ? loaded.data : null;
  const items = [...(first?.items ?? []), ...(extra?.items ?? [])];
  const next = extra === null ? (first?.nextCursor ?? null) : extra.next;
  const set = (change: AuditFilters) => setDraft((current) => ({ ...current, ...change }));

  const exportCsv = async () => {
    try {
      const blob = await legalBasisAuditCsv(api, filters);
      const link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = `legal-basis-audit-${new Date().toISOString().slice(0, 10)}.csv`;
      link.click();
      URL.revokeObjectURL(link.href);
    } catch (caught) {
      setError(adminFailure(caught).message);
    }
  };

  return (
    <section aria-labelledby="lb-audit-title">
      <h2 id="lb-audit-title">Legal-basis audit</h2>
      <form className={styles.filters} aria-label="Filter the legal-basis audit" onSubmit={(event) => { event.preventDefault(); setError(null); setFilters(draft); }}>
        <ContactPicker label="Contact" onPick={(contact) => set({ contact: contact?.id ?? "" })} />
        <Field label="Event">
          <Select value={draft.event ?? ""} onChange={(_, data) => set({ event: data.value })}>
            <option value="">Any event</option>
            {auditEvents.map((each) => (
              <option key={each} value={each}>
                {each}
              </option>
            ))}
          </Select>
        </Field>
        <UserPicker value={draft.user ?? ""} onChange={(user) => set({ user })} />
        <Field label="From (date)">
          <Input type="date" value={draft.from ?? ""} onChange={(_, data) => set({ from: data.value })} />
        </Field>
        <Field label="To (date)">
          <Input type="date" value={draft.to ?? ""} onChange={(_, data) => set({ to: data.value })} />
        </Field>
        <Button type="submit">Apply the filters</Button>
      </form>
      <div className={styles.actions}>
        <Button onClick={() => void exportCsv()}>Export as CSV</Button>
      </div>
      {error === null ? null : <ErrorBar message={error} />}
      <LoadedView loaded={loaded} label="The legal-basis audit" onRetry={reload}>
        {() => (
          <>
            <AuditTable lines={items} />
            <MoreButton
              next={next}
              onMore={(cursor) =>
                void legalBasisAuditPage(api, filters, cursor).then(
                  (page) => setMore({ key, items: [...(extra?.items ?? []), ...page.items], next: page.nextCursor }),
                  (caught: unknown) => setError(adminFailure(caught).message),
                )
              }
            />
          </>
        )}
      </LoadedView>
    </section>
  );
}
