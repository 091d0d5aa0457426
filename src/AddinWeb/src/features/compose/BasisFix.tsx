import { useState } from "react";
import { Button, Checkbox, Dropdown, Field, Option, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import type { Fix } from "../../api/compose";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, paddingBlock: tokens.spacingVerticalXS },
});

export const legalBases: { value: string; label: string }[] = [
  { value: "legitimateInterestProspect", label: "Legitimate interest – prospect" },
  { value: "legitimateInterestCustomer", label: "Legitimate interest – existing customer" },
  { value: "contract", label: "Performance of a contract" },
  { value: "consent", label: "Freely given consent" },
  { value: "consentWithNotice", label: "Consent with notice" },
  { value: "notApplicable", label: "Not applicable (outside GDPR)" },
];

export interface BasisChoice {
  legalBasis: string;
  explanation: string;
  transactional: boolean;
}

/**
 * The fix in place for one contact: a legal basis (and, for a one-time basis, the required explanation). For an
 * opted-out contact only the transactional one-time basis exists, and the rep must confirm the email is one.
 */
export function BasisFix({ fix, contactName, onSubmit, onCancel }: { fix: Fix; contactName: string; onSubmit: (choice: BasisChoice) => Promise<void>; onCancel: () => void }) {
  const styles = useStyles();
  const [legalBasis, setLegalBasis] = useState(fix === "addOneToOneSubscription" ? "legitimateInterestCustomer" : "legitimateInterestProspect");
  const [explanation, setExplanation] = useState("");
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const transactional = fix === "transactionalOneTimeBasis";
  const needsExplanation = fix !== "addOneToOneSubscription";
  const ready = (!needsExplanation || explanation.trim().length > 0) && (!transactional || confirmed);
  return (
    <form
      className={styles.form}
      aria-label={`Legal basis for ${contactName}`}
      onSubmit={(event) => {
        event.preventDefault();
        setBusy(true);
        void onSubmit({ legalBasis, explanation: explanation.trim(), transactional }).finally(() => setBusy(false));
      }}
    >
      <Field label="Legal basis">
        <Dropdown
          aria-label="Legal basis"
          value={legalBases.find((basis) => basis.value === legalBasis)?.label ?? ""}
          selectedOptions={[legalBasis]}
          onOptionSelect={(_, data) => setLegalBasis(data.optionValue ?? legalBasis)}
        >
          {legalBases.map((basis) => (
            <Option key={basis.value} value={basis.value}>
              {basis.label}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {needsExplanation ? (
        <Field label="Explanation (kept as proof)" required>
          <Textarea aria-label="Explanation" value={explanation} onChange={(_, data) => setExplanation(data.value)} />
        </Field>
      ) : null}
      {transactional ? (
        <Checkbox
          checked={confirmed}
          onChange={(_, data) => setConfirmed(data.checked === true)}
          label="This email is transactional and non-commercial"
        />
      ) : null}
      <div>
        <Button type="submit" appearance="primary" size="small" disabled={!ready || busy}>
          Save
        </Button>{" "}
        <Button size="small" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
