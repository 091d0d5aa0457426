import { useState } from "react";
import { Button } from "@fluentui/react-components";
import { ArrowLeftRegular } from "@fluentui/react-icons";
import type { ApiClient } from "../../api/client";
import type { RecordSummary } from "../../api/records";
import { RecordSearch } from "./RecordSearch";
import { RecordView } from "./RecordView";

/** Start from a record: search any record, then see it and email it. */
export function FindRecord({ api }: { api: ApiClient }) {
  const [record, setRecord] = useState<RecordSummary | undefined>(undefined);
  if (record === undefined) {
    return <RecordSearch api={api} label="Find a record" onPick={setRecord} />;
  }
  return (
    <>
      <Button appearance="subtle" icon={<ArrowLeftRegular />} onClick={() => setRecord(undefined)}>
        Back to search
      </Button>
      <RecordView api={api} record={record} />
    </>
  );
}
