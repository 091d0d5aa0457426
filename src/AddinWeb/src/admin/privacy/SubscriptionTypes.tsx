import { useState } from "react";
import { Button, Field, Input, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from "@fluentui/react-components";
import { ApiError } from "../../api/client";
import { createSubscriptionType, listSubscriptionTypes } from "../api/settings";
import { useAdmin } from "../shell/AdminContext";
import { ErrorBar, LoadedView } from "../shared/Notices";
import { usePaged } from "../shared/Pager";
import { useLoad } from "../shared/useLoad";
import { adminFailure } from "../shared/failureText";

const useStyles = makeStyles({
  form: { display: "flex", gap: tokens.spacingHorizontalL, alignItems: "end", flexWrap: "wrap", marginTop: tokens.spacingVerticalM },
});

/** The subscription types a contact can be subscribed to (One to One is built in); an admin adds the account's own. */
export function SubscriptionTypes() {
  const styles = useStyles();
  const { api, me } = useAdmin();
  const [loaded, reload] = useLoad((signal) => listSubscriptionTypes(api, signal), "subscription-types");
  const { page, pager } = usePaged(loaded.state === "done" ? loaded.data.items : []);
  const [name, setName] = useState("");
  const [label, setLabel] = useState("");
  const [error, setError] = useState<{ message: string; fields: Record<string, string[]> } | null>(null);
  return (
    <section aria-labelledby="types-title">
      <h2 id="types-title">Subscription types</h2>
      <LoadedView loaded={loaded} label="The subscription types" onRetry={reload}>
        {() => (
          <>
            <Table size="small" aria-labelledby="types-title">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Label</TableHeaderCell>
                  <TableHeaderCell>Name</TableHeaderCell>
                  <TableHeaderCell>Origin</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {page.map((type) => (
                  <TableRow key={type.name}>
                    <TableCell>{type.label}</TableCell>
                    <TableCell>{type.name}</TableCell>
                    <TableCell>{type.builtin ? "Built in" : "This account's"}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            {pager}
          </>
        )}
      </LoadedView>
      {me.isAdmin ? (
        <form
          className={styles.form}
          onSubmit={(event) => {
            event.preventDefault();
            createSubscriptionType(api, name.trim(), label.trim()).then(
              () => {
                setName("");
                setLabel("");
                setError(null);
                reload();
              },
              (caught: unknown) => setError({ message: adminFailure(caught).message, fields: caught instanceof ApiError ? caught.errors : {} }),
            );
          }}
        >
          <Field label="Label" validationMessage={error?.fields.label?.[0] ?? null}>
            <Input value={label} onChange={(_, data) => setLabel(data.value)} placeholder="Product news" />
          </Field>
          <Field label="Name (lower-case, dashes)" validationMessage={error?.fields.name?.[0] ?? null}>
            <Input value={name} onChange={(_, data) => setName(data.value)} placeholder="product-news" />
          </Field>
          <Button type="submit" disabled={name.trim() === "" || label.trim() === ""}>
            Add the type
          </Button>
        </form>
      ) : null}
      {error === null || Object.keys(error.fields).length > 0 ? null : <ErrorBar message={error.message} />}
    </section>
  );
}
