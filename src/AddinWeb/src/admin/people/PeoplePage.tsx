import { makeStyles, tokens } from "@fluentui/react-components";
import { useAdmin } from "../shell/AdminContext";
import { AskYourAdmin } from "../shared/Notices";
import { PeopleList } from "./PeopleList";
import { Teams } from "./Teams";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXL },
});

/** People: who has signed in (admins only) and the account's teams. */
export function PeoplePage() {
  const styles = useStyles();
  const { me } = useAdmin();
  return (
    <div className={styles.page}>
      {me.isAdmin ? <PeopleList /> : <AskYourAdmin what="see who has signed in, or make teams" />}
      <Teams />
    </div>
  );
}
