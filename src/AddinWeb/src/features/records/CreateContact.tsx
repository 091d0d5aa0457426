import { useState } from "react";
import { Button, Caption1 } from "@fluentui/react-components";
import { PersonAddRegular } from "@fluentui/react-icons";
import { failure, type ApiClient } from "../../api/client";
import { createContact } from "../../api/records";

/** "Create contact" for an address the CRM does not know; the company comes from the domain on the server. */
export function CreateContact({ api, address, onCreated }: { api: ApiClient; address: string; onCreated: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  return (
    <div>
      <Button
        size="small"
        appearance="secondary"
        icon={<PersonAddRegular />}
        disabled={busy}
        aria-label={`Create a contact for ${address}`}
        onClick={() => {
          setBusy(true);
          setError(undefined);
          createContact(api, address).then(onCreated, (reason: unknown) => {
            setBusy(false);
            setError(failure(reason).message);
          });
        }}
      >
        Create contact
      </Button>
      {error === undefined ? null : <Caption1 role="alert">Could not create the contact: {error}</Caption1>}
    </div>
  );
}
