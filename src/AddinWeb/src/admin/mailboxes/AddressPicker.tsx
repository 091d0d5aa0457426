import { Field, Input } from "@fluentui/react-components";
import { listPeople } from "../api/people";
import { useAdmin } from "../shell/AdminContext";
import { useLoad } from "../shared/useLoad";

/**
 * The mailbox's address: typed, with the people who have signed in to OutlookCrm offered as suggestions (the app reads
 * mail only, not the directory, so it knows no other names). A team or help-desk address is typed. The suggestions are
 * the browser's own list (a datalist): keyboard and screen-reader friendly, and nothing covers the form.
 */
export function AddressPicker({ value, onChange, error }: { value: string; onChange: (value: string) => void; error: string | undefined }) {
  const { api } = useAdmin();
  const [people] = useLoad((signal) => listPeople(api, undefined, signal), "people-for-picker");
  const known = people.state === "done" ? people.data.items.map((person) => person.email) : [];
  return (
    <Field label="Mailbox address" required validationMessage={error ?? null}>
      <Input type="email" list="known-addresses" value={value} placeholder="sales@contoso.com" onChange={(_, data) => onChange(data.value)} />
      <datalist id="known-addresses">
        {known.map((email) => (
          <option key={email} value={email} />
        ))}
      </datalist>
    </Field>
  );
}
