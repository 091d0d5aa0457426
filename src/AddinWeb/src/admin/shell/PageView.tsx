import { LoggingPage } from "../logging/LoggingPage";
import { MailboxesPage } from "../mailboxes/MailboxesPage";
import { OverviewPage } from "../overview/OverviewPage";
import { PeoplePage } from "../people/PeoplePage";
import { PrivacyPage } from "../privacy/PrivacyPage";
import type { PageKey } from "./routes";

/** Each page is its own folder; the key says which one shows. */
export function PageView({ page }: { page: PageKey }) {
  switch (page) {
    case "overview":
      return <OverviewPage />;
    case "mailboxes":
      return <MailboxesPage />;
    case "privacy":
      return <PrivacyPage />;
    case "logging":
      return <LoggingPage />;
    case "people":
      return <PeoplePage />;
  }
}
