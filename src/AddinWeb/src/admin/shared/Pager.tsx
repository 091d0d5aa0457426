import { useState } from "react";
import { Button, makeStyles, Text, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  pager: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM, marginTop: tokens.spacingVerticalS },
});

/** A list the API gives whole, shown a page at a time: every list in the console is paged. */
export function usePaged<T>(items: readonly T[], size = 20): { page: readonly T[]; pager: React.ReactNode } {
  const [index, setIndex] = useState(0);
  const pages = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(index, pages - 1);
  return { page: items.slice(current * size, (current + 1) * size), pager: pages > 1 ? <Pager index={current} pages={pages} onChange={setIndex} /> : null };
}

function Pager({ index, pages, onChange }: { index: number; pages: number; onChange: (index: number) => void }) {
  const styles = useStyles();
  return (
    <nav aria-label="Pages" className={styles.pager}>
      <Button size="small" disabled={index === 0} onClick={() => onChange(index - 1)}>
        Previous
      </Button>
      <Text>
        Page {index + 1} of {pages}
      </Text>
      <Button size="small" disabled={index === pages - 1} onClick={() => onChange(index + 1)}>
        Next
      </Button>
    </nav>
  );
}

/** A list the API pages with a cursor: "Show more" asks for the next page and appends it. */
export function MoreButton({ next, onMore }: { next: string | null; onMore: (cursor: string) => void }) {
  const styles = useStyles();
  return next === null ? null : (
    <div className={styles.pager}>
      <Button size="small" onClick={() => onMore(next)}>
        Show more
      </Button>
    </div>
  );
}
