import { useState } from "react";
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from "@fluentui/react-components";
import { auditPage, type AuditLine } from "../api/audit";
import { useAdmin } from "../shell/AdminContext";
import { when } from "../shared/format";
import { ErrorBar, LoadedView } from "../shared/Notices";
import { MoreButton } from "../shared/Pager";
import { useLoad } from "../shared/useLoad";
import { describeAudit } from "./auditText";

/** The account audit of admin actions and refusals, newest first, a page at a time. */
export function AccountAudit({ version }: { version: number }) {
  const { api } = useAdmin();
  const [loaded, reload] = useLoad((signal) => auditPage(api, null, signal), `audit:${version}`);
  const [more, setMore] = useState<{ items: AuditLine[]; next: string | null; error?: string } | null>(null);
  const first = loaded.state === "done" ? loaded.data : null;
  const items = [...(first?.items ?? []), ...(more?.items ?? [])];
  const next = more === null ? (first?.nextCursor ?? null) : more.next;
  return (
    <section aria-labelledby="audit-title">
      <h2 id="audit-title">Account audit</h2>
      <LoadedView loaded={loaded} label="The account audit" onRetry={() => { setMore(null); reload(); }}>
        {() => (
          <>
            <Table size="small" aria-labelledby="audit-title">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>When</TableHeaderCell>
                  <TableHeaderCell>Who</TableHeaderCell>
                  <TableHeaderCell>What</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {items.map((line) => (
                  <TableRow key={line.id}>
                    <TableCell>{when(line.occurredAt)}</TableCell>
                    <TableCell>{line.actor}</TableCell>
                    <TableCell>{describeAudit(line)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            {more?.error === undefined ? null : <ErrorBar message={more.error} />}
            <MoreButton
              next={next}
              onMore={(cursor) =>
                void auditPage(api, cursor).then(
                  (page) => setMore({ items: [...(more?.items ?? []), ...page.items], next: page.nextCursor }),
                  (error: unknown) => setMore({ items: more?.items ?? [], next: cursor, error: error instanceof Error ? error.message : String(error) }),
                )
              }
            />
          </>
        )}
      </LoadedView>
    </section>
  );
}
