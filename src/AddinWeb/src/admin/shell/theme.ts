import { useEffect, useState } from "react";

const themeKey = "outlookcrm.admin.theme";

/** Light or dark: the admin's choice for this browser, else the system's. A display preference only. */
export function useDarkTheme(): [boolean, (dark: boolean) => void] {
  const [dark, setDark] = useState(() => {
    const chosen = localStorage.getItem(themeKey);
    return chosen === null ? window.matchMedia("(prefers-color-scheme: dark)").matches : chosen === "dark";
  });
  useEffect(() => {
    document.documentElement.style.colorScheme = dark ? "dark" : "light";
  }, [dark]);
  return [
    dark,
    (value) => {
      localStorage.setItem(themeKey, value ? "dark" : "light");
      setDark(value);
    },
  ];
}
