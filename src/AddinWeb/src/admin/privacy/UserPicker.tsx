import { Field, Select } from "@fluentui/react-components";
import { listPeople } from "../api/people";
import { useAdmin } from "../shell/AdminContext";
import { useLoad } from "../shared/useLoad";

/** One of the people who have signed in (the first page of them), or anyone. */
export function UserPicker({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  const { api } = useAdmin();
  const [people] = useLoad((signal) => listPeople(api, undefined, signal), "people-for-filter");
  const options = people.state === "done" ? people.data.items : [];
  return (
    <Field label="User">
      <Select value={value} onChange={(_, data) => onChange(data.value)}>
        <option value="">Anyone</option>
        {options.map((person) => (
          <option key={person.id} value={person.id}>
            {person.displayName}
          </option>
        ))}
      </Select>
    </Field>
  );
}
