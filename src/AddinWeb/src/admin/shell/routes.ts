/** The console's pages, each at its own path under /admin (the server answers every one with the console). */
export const pages = [
  { key: "overview", path: "/admin/", label: "Overview" },
  { key: "mailboxes", path: "/admin/mailboxes", label: "Mailboxes" },
  { key: "privacy", path: "/admin/privacy", label: "Privacy" },
  { key: "logging", path: "/admin/logging", label: "Logging" },
  { key: "people", path: "/admin/people", label: "People" },
] as const;

export type PageKey = (typeof pages)[number]["key"];

/** The page a path shows; an unknown path shows the overview. */
export function pageOf(pathname: string): PageKey {
  const path = pathname.replace(/\/+$/, "");
  return pages.find((page) => page.key !== "overview" && path === page.path)?.key ?? "overview";
}

export function pathOf(key: PageKey): string {
  return pages.find((page) => page.key === key)?.path ?? "/admin/";
}
