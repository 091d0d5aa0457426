import { useState } from "react";
import { Button, Caption1, Checkbox, Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import { failure, type ApiClient } from "../../api/client";
import { changeContent, type ContentItem, type Sharing } from "../../api/content";
import { selectedOrWholeBody } from "../../office/editor";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  actions: { display: "flex", columnGap: tokens.spacingHorizontalXS },
});

/** Changes an item of one's own: its name, who it is shared with, and (templates, snippets) its body from the selection. */
export function EditContent({ api, item, onDone }: { api: ApiClient; item: ContentItem; onDone: (changed: boolean) => void }) {
  const styles = useStyles();
  const [name, setName] = useState(item.name);
  const [sharing, setSharing] = useState<Sharing>(item.sharing);
  const [replaceBody, setReplaceBody] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const hasBody = item.kind === "template" || item.kind === "snippet";

  const save = async () => {
    try {
      const body = replaceBody ? (await selectedOrWholeBody()).html : undefined;
      await changeContent(api, item.id, { name: name.trim(), ...(sharing === item.sharing ? {} : { sharing }), ...(body === undefined ? {} : { bodyHtml: body }) });
      onDone(true);
    } catch (reason) {
      setError(failure(reason).message);
    }
  };

  return (
    <form
      className={styles.form}
      aria-label={`Edit ${item.name}`}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Field label="Name" required>
        <Input value={name} onChange={(_, data) => setName(data.value)} />
      </Field>
      <Field label="Shared with">
        <Select value={sharing} onChange={(_, data) => setSharing(data.value as Sharing)}>
          <option value="private">Only me</option>
          {item.sharing === "team" ? <option value="team">My team</option> : null}
          <option value="everyone">Everyone in the company</option>
        </Select>
      </Field>
      {hasBody ? (
        <Checkbox checked={replaceBody} onChange={(_, data) => setReplaceBody(data.checked === true)} label="Replace its text with the selection (or the whole email)" />
      ) : null}
      {error === undefined ? null : <Caption1 role="alert">Not saved: {error}</Caption1>}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" size="small" disabled={name.trim() === ""}>
          Save changes
        </Button>
        <Button size="small" appearance="subtle" onClick={() => onDone(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
