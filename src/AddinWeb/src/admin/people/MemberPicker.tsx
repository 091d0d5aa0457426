import { Combobox, Field, Option } from "@fluentui/react-components";
import { listPeople } from "../api/people";
import { useAdmin } from "../shell/AdminContext";
import { useLoad } from "../shared/useLoad";

/** A team's members, picked among the people who have signed in (the first page of them; you are added anyway). */
export function MemberPicker({ selected, onChange }: { selected: string[]; onChange: (ids: string[]) => void }) {
  const { api } = useAdmin();
  const [people] = useLoad((signal) => listPeople(api, undefined, signal), "people-for-members");
  const options = people.state === "done" ? people.data.items : [];
  const names = options.filter((person) => selected.includes(person.id)).map((person) => person.displayName);
  return (
    <Field label="Members">
      <Combobox multiselect selectedOptions={selected} value={names.join(", ")} placeholder="Pick people" onOptionSelect={(_, data) => onChange(data.selectedOptions)}>
        {options.map((person) => (
          <Option key={person.id} value={person.id} text={person.displayName}>
            {`${person.displayName} (${person.email})`}
          </Option>
        ))}
      </Combobox>
    </Field>
  );
}
