import { useState } from "react";
import { Button, Field, Input, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from "@fluentui/react-components";
import { ApiError } from "../../api/client";
import { createTeam, listTeams } from "../api/teams";
import { useAdmin } from "../shell/AdminContext";
import { ErrorBar, LoadedView } from "../shared/Notices";
import { usePaged } from "../shared/Pager";
import { useLoad } from "../shared/useLoad";
import { MemberPicker } from "./MemberPicker";
import { adminFailure } from "../shared/failureText";

const useStyles = makeStyles({
  form: { display: "flex", gap: tokens.spacingHorizontalL, alignItems: "end", flexWrap: "wrap", marginTop: tokens.spacingVerticalM },
});

/** The account's teams and their members; an admin makes a team from people who have signed in. */
export function Teams() {
  const styles = useStyles();
  const { api, me } = useAdmin();
  const [loaded, reload] = useLoad((signal) => listTeams(api, signal), "teams");
  const { page, pager } = usePaged(loaded.state === "done" ? loaded.data.items : []);
  const [name, setName] = useState("");
  const [members, setMembers] = useState<string[]>([]);
  const [error, setError] = useState<{ message: string; fields: Record<string, string[]> } | null>(null);
  return (
    <section aria-labelledby="teams-title">
      <h2 id="teams-title">Teams</h2>
      <LoadedView loaded={loaded} label="The teams" onRetry={reload}>
        {(data) =>
          data.items.length === 0 ? (
            <p>No team yet.</p>
          ) : (
            <>
              <Table size="small" aria-labelledby="teams-title">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>Team</TableHeaderCell>
                    <TableHeaderCell>Members</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {page.map((team) => (
                    <TableRow key={team.id}>
                      <TableCell>{team.name}</TableCell>
                      <TableCell>{team.members.map((member) => member.name).join(", ")}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              {pager}
            </>
          )
        }
      </LoadedView>
      {me.isAdmin ? (
        <form
          className={styles.form}
          onSubmit={(event) => {
            event.preventDefault();
            createTeam(api, name.trim(), members).then(
              () => {
                setName("");
                setMembers([]);
                setError(null);
                reload();
              },
              (caught: unknown) => setError({ message: adminFailure(caught).message, fields: caught instanceof ApiError ? caught.errors : {} }),
            );
          }}
        >
          <Field label="New team's name" validationMessage={error?.fields.name?.[0] ?? null}>
            <Input value={name} onChange={(_, data) => setName(data.value)} />
          </Field>
          <MemberPicker selected={members} onChange={setMembers} />
          <Button type="submit" disabled={name.trim() === ""}>
            Create the team
          </Button>
        </form>
      ) : null}
      {error === null || Object.keys(error.fields).length > 0 ? null : <ErrorBar message={error.message} />}
    </section>
  );
}
