import { useEffect, useState } from "react";
import { Button, makeStyles, mergeClasses, Switch, Text, tokens } from "@fluentui/react-components";
import { useAdmin } from "./AdminContext";
import { PageView } from "./PageView";
import { pageOf, pages, pathOf, type PageKey } from "./routes";

const useStyles = makeStyles({
  root: { display: "grid", gridTemplateRows: "auto 1fr", minHeight: "100vh" },
  banner: {
    display: "flex", alignItems: "center", gap: tokens.spacingHorizontalL, flexWrap: "wrap",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  product: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400, marginRight: "auto" },
  body: { display: "grid", gridTemplateColumns: "12rem minmax(0, 1fr)" },
  nav: { backgroundColor: tokens.colorNeutralBackground1, borderRight: `1px solid ${tokens.colorNeutralStroke2}`, padding: tokens.spacingVerticalM },
  navList: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  navLink: {
    display: "block", padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground1, textDecoration: "none",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  current: { backgroundColor: tokens.colorNeutralBackground1Selected, fontWeight: tokens.fontWeightSemibold },
  main: { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXXL}`, minWidth: 0 },
});

/** The page the address bar names, following the browser's back and forward. */
function usePage(): [PageKey, (page: PageKey) => void] {
  const [page, setPage] = useState(() => pageOf(window.location.pathname));
  useEffect(() => {
    const onPop = () => setPage(pageOf(window.location.pathname));
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, []);
  return [
    page,
    (next) => {
      window.history.pushState(null, "", pathOf(next));
      setPage(next);
    },
  ];
}

/** The banner (who is signed in, theme, sign out), the navigation and the page: named regions a screen reader lists. */
export function Layout({ dark, onDarkChange, onSignOut }: { dark: boolean; onDarkChange: (dark: boolean) => void; onSignOut: () => void }) {
  const styles = useStyles();
  const { me } = useAdmin();
  const [page, setPage] = usePage();
  const label = pages.find((each) => each.key === page)?.label ?? "Overview";

  useEffect(() => {
    document.title = `${label} · OutlookCrm admin console`;
  }, [label]);

  return (
    <div className={styles.root}>
      <header className={styles.banner}>
        <Text className={styles.product}>OutlookCrm admin console</Text>
        <Text>
          {me.displayName} ({me.email}) · {me.isAdmin ? "Admin" : "User"}
        </Text>
        <Switch label="Dark theme" checked={dark} onChange={(_, data) => onDarkChange(data.checked)} />
        <Button onClick={onSignOut}>Sign out</Button>
      </header>
      <div className={styles.body}>
        <nav aria-label="Admin console" className={styles.nav}>
          <ul className={styles.navList}>
            {pages.map((each) => (
              <li key={each.key}>
                <a
                  href={each.path}
                  className={mergeClasses(styles.navLink, each.key === page && styles.current)}
                  aria-current={each.key === page ? "page" : undefined}
                  onClick={(event) => {
                    if (!event.ctrlKey && !event.metaKey && !event.shiftKey && event.button === 0) {
                      event.preventDefault();
                      setPage(each.key);
                    }
                  }}
                >
                  {each.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main className={styles.main} aria-labelledby="page-title">
          <h1 id="page-title">{label}</h1>
          <PageView page={page} />
        </main>
      </div>
    </div>
  );
}
