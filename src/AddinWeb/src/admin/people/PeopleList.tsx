import { useState } from "react";
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from "@fluentui/react-components";
import { listPeople, type Person } from "../api/people";
import { useAdmin } from "../shell/AdminContext";
import { ago } from "../shared/format";
import { ErrorBar, LoadedView } from "../shared/Notices";
import { MoreButton } from "../shared/Pager";
import { useLoad } from "../shared/useLoad";

const roleText = (roles: readonly string[]) => (roles.includes("Crm.Admin") ? "Admin" : roles.includes("Crm.User") ? "User" : "No role");

/** Everyone who has signed in: their role as their last token gave it, when last seen, their connected mailboxes. */
export function PeopleList() {
  const { api } = useAdmin();
  const [loaded, reload] = useLoad((signal) => listPeople(api, undefined, signal), "people");
  const [more, setMore] = useState<{ items: Person[]; next: string | null; error?: string } | null>(null);
  const first = loaded.state === "done" ? loaded.data : null;
  const items = [...(first?.items ?? []), ...(more?.items ?? [])];
  const next = more === null ? (first?.nextCursor ?? null) : more.next;
  return (
    <section aria-labelledby="people-title">
      <h2 id="people-title">People who have signed in</h2>
      <p>Roles come from Entra ID (the app's Crm.User and Crm.Admin roles): IT assigns them in Enterprise applications.</p>
      <LoadedView loaded={loaded} label="The people" onRetry={reload}>
        {() => (
          <>
            <Table size="small" aria-labelledby="people-title">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Name</TableHeaderCell>
                  <TableHeaderCell>Email</TableHeaderCell>
                  <TableHeaderCell>Role</TableHeaderCell>
                  <TableHeaderCell>Last seen</TableHeaderCell>
                  <TableHeaderCell>Connected mailbox</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {items.map((person) => (
                  <TableRow key={person.id}>
                    <TableCell>{person.displayName}</TableCell>
                    <TableCell>{person.email}</TableCell>
                    <TableCell>{roleText(person.roles)}</TableCell>
                    <TableCell>{ago(person.lastSeenAt)}</TableCell>
                    <TableCell>{person.mailboxes.length === 0 ? "None" : person.mailboxes.map((mailbox) => mailbox.address).join(", ")}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            {more?.error === undefined ? null : <ErrorBar message={more.error} />}
            <MoreButton
              next={next}
              onMore={(cursor) =>
                void listPeople(api, cursor).then(
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
