import { useCallback, useEffect, useState } from "react";
import { Body1, Button, Caption1, Spinner, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { failure, type ApiClient } from "../../api/client";
import { chooseContact, lookup } from "../../api/lookup";
import { getFrom, getRecipients, userEmail } from "../../office/mailbox";
import { addressesOf, people, type Person } from "./people";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: "none" },
  row: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  contact: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
});

type State = { kind: "loading" } | { kind: "ready"; people: Person[] } | { kind: "failed"; message: string; unreachable: boolean };

const roleLabels: Record<Person["role"], string> = { from: "From", to: "To", cc: "Cc" };

/** Read mode: the sender and every recipient with the contacts they match; a shared address asks the rep to pick. */
export function ReadPane({ api }: { api: ApiClient }) {
  const styles = useStyles();
  const [state, setState] = useState<State>({ kind: "loading" });

  const refresh = useCallback(async () => {
    try {
      const [recipients, from] = await Promise.all([getRecipients(), getFrom()]);
      const me = userEmail();
      const addresses = addressesOf(from, recipients, me);
      const results = addresses.length === 0 ? [] : (await lookup(api, addresses)).results;
      setState({ kind: "ready", people: people(from, recipients, me, results) });
    } catch (error) {
      setState({ kind: "failed", ...failure(error) });
    }
  }, [api]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  if (state.kind === "loading") {
    return <Spinner size="tiny" label="Finding the CRM records…" />;
  }
  if (state.kind === "failed") {
    return (
      <div role="alert">
        <Body1>{state.unreachable ? "OutlookCrm cannot be reached." : state.message}</Body1>
        <Button onClick={() => void refresh()}>Retry</Button>
      </div>
    );
  }
  return (
    <section aria-label="People">
      <Subtitle2 as="h2">People</Subtitle2>
      <ul className={styles.list}>
        {state.people.map((person) => (
          <li key={person.address} className={styles.row} data-address={person.address}>
            <Body1>
              {roleLabels[person.role]}: {person.address}
            </Body1>
            {person.contacts.length === 0 ? <Caption1>No CRM record</Caption1> : null}
            {person.needsPick ? <Caption1>{person.contacts.length} contacts share this address: pick the one it is.</Caption1> : null}
            {person.contacts.map((contact) => (
              <div key={contact.id} className={styles.contact}>
                <Caption1>
                  {contact.name}
                  {contact.companies === "" ? "" : ` · ${contact.companies}`}
                  {contact.chosen ? " (your pick)" : ""}
                </Caption1>
                {person.contacts.length > 1 && !contact.chosen ? (
                  <Button
                    size="small"
                    appearance="secondary"
                    aria-label={`Use ${contact.name} for ${person.address}`}
                    onClick={() => void chooseContact(api, person.address, contact.id).then(refresh, (error: unknown) => setState({ kind: "failed", ...failure(error) }))}
                  >
                    Use this contact
                  </Button>
                ) : null}
              </div>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
