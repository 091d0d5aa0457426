import { useEffect, useState } from "react";
import { Button, Caption1, Field, Input, Radio, RadioGroup, Select, makeStyles, tokens } from "@fluentui/react-components";
import { failure, type ApiClient } from "../../api/client";
import { createContent, me, teams, type Team } from "../../api/content";
import { getSubject, selectedOrWholeBody } from "../../office/editor";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  actions: { display: "flex", columnGap: tokens.spacingHorizontalXS },
});

/** Saves the selected text (or the whole body) as a template (with the subject) or a snippet of one's own. */
export function SaveContent({ api, onSaved }: { api: ApiClient; onSaved: () => void }) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<"template" | "snippet">("snippet");
  const [name, setName] = useState("");
  // "private", "everyone" or "team:<id>" for a team the rep is in.
  const [sharing, setSharing] = useState("private");
  const [myTeams, setMyTeams] = useState<Team[]>([]);

  useEffect(() => {
    if (!open) {
      return;
    }
    // Teams are optional: without them the rep shares with nobody or everybody.
    void Promise.all([me(api), teams(api)]).then(
      ([self, all]) => setMyTeams(all.items.filter((team) => team.members.some((member) => member.id === self.userId))),
      () => setMyTeams([]),
    );
  }, [api, open]);
  const [result, setResult] = useState<{ text: string; error: boolean } | undefined>(undefined);

  if (!open) {
    return (
      <>
        <Button size="small" appearance="secondary" onClick={() => setOpen(true)}>
          Save the selection as a template or snippet
        </Button>
        {result === undefined ? null : <Caption1 role={result.error ? "alert" : "status"}>{result.text}</Caption1>}
      </>
    );
  }
  const save = async () => {
    try {
      const body = await selectedOrWholeBody();
      const subject = kind === "template" ? await getSubject() : "";
      const team = sharing.startsWith("team:") ? sharing.slice("team:".length) : undefined;
      await createContent(api, {
        kind,
        name: name.trim(),
        bodyHtml: body.html,
        ...(team === undefined ? { sharing: sharing === "everyone" ? "everyone" : "private" } : { sharing: "team", teamId: team }),
        ...(subject.trim() === "" ? {} : { subject }),
      });
      setResult({ text: `Saved “${name.trim()}” from ${body.whole ? "the whole email" : "the selection"}.`, error: false });
      setOpen(false);
      setName("");
      onSaved();
    } catch (error) {
      setResult({ text: `Not saved: ${failure(error).message}`, error: true });
    }
  };
  return (
    <form
      className={styles.form}
      aria-label="Save as template or snippet"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <RadioGroup value={kind} onChange={(_, data) => setKind(data.value as "template" | "snippet")} layout="horizontal" aria-label="Save as">
        <Radio value="snippet" label="Snippet" />
        <Radio value="template" label="Template (with the subject)" />
      </RadioGroup>
      <Field label="Name" required>
        <Input value={name} onChange={(_, data) => setName(data.value)} />
      </Field>
      <Field label="Shared with">
        <Select value={sharing} onChange={(_, data) => setSharing(data.value)}>
          <option value="private">Only me</option>
          {myTeams.map((team) => (
            <option key={team.id} value={`team:${team.id}`}>
              Team {team.name}
            </option>
          ))}
          <option value="everyone">Everyone in the company</option>
        </Select>
      </Field>
      {result?.error === true ? <Caption1 role="alert">{result.text}</Caption1> : null}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" size="small" disabled={name.trim() === ""}>
          Save
        </Button>
        <Button size="small" appearance="subtle" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
