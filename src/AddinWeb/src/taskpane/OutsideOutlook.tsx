import { useEffect, useState } from "react";
import { Body1, Link } from "@fluentui/react-components";

/**
 * The pane opened in a browser tab rather than in Outlook: it has no email to work on, so it says where it runs and
 * leads on — to the simulated Outlook where this server has one (Development, beside the Graph emulator), else to the
 * landing page's deployment notes.
 */
export function OutsideOutlook() {
  const [harness, setHarness] = useState<boolean | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    fetch("/addin/harness.html", { method: "HEAD", signal: abort.signal }).then(
      (response) => setHarness(response.ok),
      () => !abort.signal.aborted && setHarness(false),
    );
    return () => abort.abort();
  }, []);
  return (
    <section aria-label="Outside Outlook">
      <Body1 as="p">
        This is the OutlookCrm task pane. It runs inside Outlook, beside an email: open an email in Outlook and choose OutlookCrm.
      </Body1>
      {harness === true ? (
        <Body1 as="p">
          To try it here, open it in the <Link href="/addin/harness.html?from=alex@contoso.com&to=megan.bowen@fabrikam.com">simulated Outlook</Link>.
        </Body1>
      ) : harness === false ? (
        <Body1 as="p">
          Not in Outlook yet? IT deploys the add-in from the Microsoft 365 admin center: see <Link href="/#deploy">how to deploy it</Link>.
        </Body1>
      ) : null}
    </section>
  );
}
