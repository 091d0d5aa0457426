import { useEffect, useState } from "react";
import { itemMode, onItemChanged } from "../office/mailbox";
import { TaskPane } from "./TaskPane";

/**
 * Follows the selected item: a pinned pane stays open while the rep moves through the inbox, and Office tells it with
 * ItemChanged. Each item gets a fresh email view (its own lookups and picks); the Records view stays as it was.
 */
export function App() {
  const [item, setItem] = useState(() => ({ mode: itemMode(), seen: 0 }));

  useEffect(() => {
    void onItemChanged(() => setItem((current) => ({ mode: itemMode(), seen: current.seen + 1 })));
  }, []);

  return <TaskPane mode={item.mode} itemKey={item.seen} />;
}
