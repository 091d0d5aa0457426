import { useCallback, useEffect, useState } from "react";
import { Body1, Button, Caption1, Skeleton, SkeletonItem, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { failure, type ApiClient } from "../../api/client";
import { chooseContact, lookup } from "../../api/lookup";
import { cards, type Card } from "../../api/records";
import { myMailboxes } from "../../api/mailboxes";
import { getFrom, getRecipients, readItemIds, sharedMailbox, userEmail } from "../../office/mailbox";
import { CreateContact } from "../records/CreateContact";
import { RecordCard } from "../records/RecordCard";
import { Timeline } from "../records/Timeline";
import { EmailLogging } from "./EmailLogging";
import { addressesOf, certainContacts, focusContact, people, type Person } from "./people";
import { FailedWithRetry } from "../shared/FailedWithRetry";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  list: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, margin: 0, padding: 0, listStyleType: "none" },
  row: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, minWidth: 0, overflowWrap: "anywhere" },
  pick: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
});

type State =
  | { kind: "loading" }
  | { kind: "ready"; people: Person[]; cards: ReadonlyMap<string, Card>; shared: Shared | undefined }
  | { kind: "failed"; message: string; unreachable: boolean };

/** A team or shared mailbox's item: whose it is, and whether the rep acts for that mailbox in the CRM. */
interface Shared {
  address: string;
  member: boolean;
}

const roleLabels: Record<Person["role"], string> = { from: "From", to: "To", cc: "Cc" };

/**
 * Read mode: the sender and every recipient with the CRM records they match (a card each); an unknown address can
 * become a contact; a shared address asks the rep to pick; the timeline of the first known person.
 */
export function ReadPane({ api }: { api: ApiClient }) {
  const styles = useStyles();
  const [state, setState] = useState<State>({ kind: "loading" });
  // Bumped when the rep logs the email, so the timeline below shows it.
  const [logged, setLogged] = useState(0);

  const refresh = useCallback(async () => {
    try {
      const [recipients, from, inShared] = await Promise.all([getRecipients(), getFrom(), sharedMailbox()]);
      // In a team mailbox's item, the team's address is "us", not a person to look up.
      const me = inShared ?? userEmail();
      const shared = inShared === undefined ? undefined : { address: inShared, member: (await myMailboxes(api)).items.some((box) => box.address.toLowerCase() === inShared.toLowerCase()) };
      const addresses = addressesOf(from, recipients, me);
      const results = addresses.length === 0 ? [] : (await lookup(api, addresses)).results;
      const shown = people(from, recipients, me, results);
      const ids = [...new Set(shown.flatMap((person) => person.contacts.map((contact) => contact.id)))].slice(0, 50);
      const found = ids.length === 0 ? [] : (await cards(api, ids)).items;
      setState({ kind: "ready", people: shown, cards: new Map(found.map((card) => [card.id, card])), shared });
    } catch (error) {
      setState({ kind: "failed", ...failure(error) });
    }
  }, [api]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    if (state.kind === "ready") {
      performance.mark("outlookcrm:records-shown");
    }
  }, [state.kind]);

  if (state.kind === "loading") {
    return (
      <Skeleton aria-label="Finding the CRM records…">
        <SkeletonItem size={16} />
        <SkeletonItem size={48} />
        <SkeletonItem size={16} />
      </Skeleton>
    );
  }
  if (state.kind === "failed") {
    return (
      <FailedWithRetry failed={state} onRetry={() => void refresh()} />
    );
  }
  const focus = focusContact(state.people);
  const ids = readItemIds();
  return (
    <div className={styles.root}>
      <section aria-label="People">
        <Subtitle2 as="h2">People</Subtitle2>
        {state.people.length === 0 ? <Caption1>Only you are on this email.</Caption1> : null}
        <ul className={styles.list}>
          {state.people.map((person) => (
            <li key={person.address} className={styles.row} data-address={person.address}>
              <Body1>
                {roleLabels[person.role]}: {person.address}
              </Body1>
              {person.contacts.length === 0 ? (
                <>
                  <Caption1>No CRM record</Caption1>
                  <CreateContact api={api} address={person.address} onCreated={() => void refresh()} />
                </>
              ) : null}
              {person.needsPick ? <Caption1>{person.contacts.length} contacts share this address: pick the one it is.</Caption1> : null}
              {person.contacts.map((contact) => {
                const card = state.cards.get(contact.id);
                return (
                  <div key={contact.id} className={styles.row}>
                    {person.contacts.length > 1 ? (
                      <div className={styles.pick}>
                        <Caption1>
                          {contact.name}
                          {contact.chosen ? " (your pick)" : ""}
                        </Caption1>
                        {contact.chosen ? null : (
                          <Button
                            size="small"
                            appearance="secondary"
                            aria-label={`Use ${contact.name} for ${person.address}`}
                            onClick={() => void chooseContact(api, person.address, contact.id).then(refresh, (error: unknown) => setState({ kind: "failed", ...failure(error) }))}
                          >
                            Use this contact
                          </Button>
                        )}
                      </div>
                    ) : null}
                    {card === undefined ? <Caption1>{contact.name}</Caption1> : <RecordCard card={card} />}
                  </div>
                );
              })}
            </li>
          ))}
        </ul>
      </section>
      {state.shared?.member === false ? (
        <Caption1 role="note">You are not a member of {state.shared.address} in OutlookCrm, so its email cannot be logged from here: ask your admin to add you.</Caption1>
      ) : ids === undefined ? null : (
        <EmailLogging api={api} ids={ids} mailbox={state.shared?.address} contacts={certainContacts(state.people)} cards={state.cards} onLogged={() => setLogged((count) => count + 1)} />
      )}
      {focus === undefined ? null : <Timeline key={logged} api={api} record={{ id: focus.id, type: "contact", name: focus.name }} />}
    </div>
  );
}
