import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { officeReady, itemMode } from "./office/mailbox";
import { TaskPane } from "./taskpane/TaskPane";

const root = document.getElementById("root");
if (root === null) {
  throw new Error("index.html has no #root element");
}

// Office.onReady first: the item and its mode are only known once Office has initialised.
void officeReady().then(() =>
  createRoot(root).render(
    <StrictMode>
      <FluentProvider theme={webLightTheme}>
        <TaskPane mode={itemMode()} />
      </FluentProvider>
    </StrictMode>,
  ),
);
