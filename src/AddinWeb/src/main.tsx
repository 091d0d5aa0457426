import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createDOMRenderer, FluentProvider, RendererProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { prefersDarkTheme } from "./office/host";
import { officeReady } from "./office/mailbox";
import { App } from "./taskpane/App";

const root = document.getElementById("root");
if (root === null) {
  throw new Error("index.html has no #root element");
}

// The pane's CSP allows a style element only with this response's nonce (index.html carries it, the server makes it):
// Griffel and FluentProvider put it on every style element they add. The nonce attribute reads back empty once the
// page has loaded (browsers hide it from CSS and markup); the nonce property keeps it.
const nonce = document.querySelector<HTMLMetaElement>("meta[property=csp-nonce]")?.nonce ?? "";
const renderer = createDOMRenderer(document, { styleElementAttributes: nonce === "" ? {} : { nonce } });

// Office.onReady first: the item, its mode and Office's theme are only known once Office has initialised.
void officeReady().then(() => {
  // The benchmark measures from here to the records on screen (performance marks cost nothing when unread).
  performance.mark("outlookcrm:office-ready");
  createRoot(root).render(
    <StrictMode>
      <RendererProvider renderer={renderer} targetDocument={document}>
        <FluentProvider theme={prefersDarkTheme() ? webDarkTheme : webLightTheme}>
          <App />
        </FluentProvider>
      </RendererProvider>
    </StrictMode>,
  );
});
