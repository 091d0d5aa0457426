import { useEffect, useState } from "react";
import { Combobox, Field, Option } from "@fluentui/react-components";
import { search, type RecordSummary } from "../../api/records";
import { useAdmin } from "../shell/AdminContext";

/** A contact found by name or address (the CRM's one record search); the pick is its id, or none. */
export function ContactPicker({ label, onPick }: { label: string; onPick: (contact: RecordSummary | null) => void }) {
  const { api } = useAdmin();
  const [text, setText] = useState("");
  const [found, setFound] = useState<RecordSummary[]>([]);
  useEffect(() => {
    if (text.trim().length < 2) {
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      search(api, text.trim(), controller.signal).then(
        (result) => setFound(result.items.filter((record) => record.type === "contact")),
        () => undefined,
      );
    }, 250);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [api, text]);
  return (
    <Field label={label}>
      <Combobox
        freeform
        value={text}
        placeholder="Name or address"
        onChange={(event) => {
          setText(event.target.value);
          if (event.target.value === "") {
            onPick(null);
          }
        }}
        onOptionSelect={(_, data) => {
          const contact = found.find((record) => record.id === data.optionValue) ?? null;
          setText(contact?.name ?? "");
          onPick(contact);
        }}
      >
        {found.map((record) => (
          <Option key={record.id} value={record.id}>
            {record.name}
          </Option>
        ))}
      </Combobox>
    </Field>
  );
}
