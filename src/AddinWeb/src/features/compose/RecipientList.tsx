import { useState, type ReactNode } from "react";
import { Badge, Body1, Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { Fix } from "../../api/compose";
import type { RecipientBadge } from "./badges";
import { fixLabel } from "./badges";
import { BasisFix, type BasisChoice } from "./BasisFix";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: "none" },
  row: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS, minWidth: 0 },
  line: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  fixes: { display: "flex", columnGap: tokens.spacingHorizontalXS, flexWrap: "wrap" },
});

/** Which contact's fix is open: one at a time, so the pane stays short. */
interface OpenFix {
  contactId: string;
  fix: Fix;
}

/**
 * Every recipient with its badge and each matching contact with the fixes on offer. Fixes apply to a contact, never to
 * an address: an address shared by two contacts is fixed contact by contact.
 */
export function RecipientList({
  shown,
  onFix,
  createContact,
}: {
  shown: RecipientBadge[];
  onFix: (contactId: string, fix: Fix, choice: BasisChoice) => Promise<void>;
  /** The "create contact" control for an address without a record. */
  createContact: (address: string) => ReactNode;
}) {
  const styles = useStyles();
  const [open, setOpen] = useState<OpenFix | undefined>(undefined);
  return (
    <ul className={styles.list}>
      {shown.map((badge) => (
        <li key={`${badge.field}:${badge.address}`} className={styles.row} data-address={badge.address}>
          <div className={styles.line}>
            <Body1>{badge.address}</Body1>
            <Badge appearance="tint" color={badge.tone} aria-label={`Legal basis: ${badge.label}`}>
              {badge.label}
            </Badge>
          </div>
          {badge.fixes.includes("createContact") ? createContact(badge.address) : null}
          {badge.contacts.map((contact) => (
            <div key={contact.id} className={styles.row}>
              <Caption1>
                {contact.name}
                {contact.chosen ? " (your pick)" : ""}
                {badge.contacts.length > 1 ? ` · ${contact.label}` : ""}
              </Caption1>
              {open?.contactId === contact.id ? (
                <BasisFix
                  fix={open.fix}
                  contactName={contact.name}
                  onCancel={() => setOpen(undefined)}
                  onSubmit={async (choice) => {
                    await onFix(contact.id, open.fix, choice);
                    setOpen(undefined);
                  }}
                />
              ) : (
                <div className={styles.fixes}>
                  {contact.fixes
                    .filter((fix) => fix !== "createContact")
                    .map((fix) => (
                      <Button key={fix} size="small" appearance="secondary" onClick={() => setOpen({ contactId: contact.id, fix })}>
                        {fixLabel(fix)}
                      </Button>
                    ))}
                </div>
              )}
            </div>
          ))}
        </li>
      ))}
    </ul>
  );
}
