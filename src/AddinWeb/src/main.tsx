import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { prefersDarkTheme } from "./office/host";
import { officeReady } from "./office/mailbox";
import { App } from "./taskpane/App";

const root = document.getElementById("root");
if (root === null) {
  throw new Error("index.html has no #root element");
}

// Office.onReady first: the item, its mode and Office's theme are only known once Office has initialised.
void officeReady().then(() => {
  // The benchmark measures from here to the records on screen (performance marks cost nothing when unread).
  performance.mark("outlookcrm:office-ready");
  createRoot(root).render(
    <StrictMode>
      <FluentProvider theme={prefersDarkTheme() ? webDarkTheme : webLightTheme}>
        <App />
      </FluentProvider>
    </StrictMode>,
  );
});
