import { Combobox, Field, Option } from "@fluentui/react-components";
import { listPeople } from "../api/people";
import { useAdmin } from "../shell/AdminContext";
import { useLoad } from "../shared/useLoad";

/**
 * The mailbox's address: typed, or picked from the people who have signed in to OutlookCrm (the app reads mail only,
 * not the directory, so it knows no other names). A team or help-desk address is typed.
 */
export function AddressPicker({ value, onChange, error }: { value: string; onChange: (value: string) => void; error: string | undefined }) {
  const { api } = useAdmin();
  const [people] = useLoad((signal) => listPeople(api, undefined, signal), "people-for-picker");
  const known = people.state === "done" ? people.data.items.map((person) => person.email) : [];
  const matching = known.filter((email) => email.toLowerCase().includes(value.trim().toLowerCase())).slice(0, 20);
  return (
    <Field label="Mailbox address" required validationMessage={error ?? null}>
      <Combobox
        freeform
        value={value}
        placeholder="sales@contoso.com"
        onChange={(event) => onChange(event.target.value)}
        onOptionSelect={(_, data) => onChange(data.optionValue ?? "")}
      >
        {matching.map((email) => (
          <Option key={email} value={email}>
            {email}
          </Option>
        ))}
      </Combobox>
    </Field>
  );
}
