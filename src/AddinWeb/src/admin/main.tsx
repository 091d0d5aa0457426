import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createDOMRenderer, RendererProvider } from "@fluentui/react-components";
import { AdminApp } from "./shell/AdminApp";

const root = document.getElementById("root");
if (root === null) {
  throw new Error("admin.html has no #root element");
}

// The console's CSP allows a style element only with this response's nonce (admin.html carries it, the server makes
// it), as the pane's does: Griffel and FluentProvider put it on every style element they add.
const nonce = document.querySelector<HTMLMetaElement>("meta[property=csp-nonce]")?.nonce ?? "";
const renderer = createDOMRenderer(document, { styleElementAttributes: nonce === "" ? {} : { nonce } });

createRoot(root).render(
  <StrictMode>
    <RendererProvider renderer={renderer} targetDocument={document}>
      <AdminApp />
    </RendererProvider>
  </StrictMode>,
);
