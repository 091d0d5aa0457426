import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { itemMode, officeReady, prefersDarkTheme } from "./office/mailbox";
import { TaskPane } from "./taskpane/TaskPane";

const root = document.getElementById("root");
if (root === null) {
  throw new Error("index.html has no #root element");
}

// Office.onReady first: the item, its mode and Office's theme are only known once Office has initialised.
void officeReady().then(() =>
  createRoot(root).render(
    <StrictMode>
      <FluentProvider theme={prefersDarkTheme() ? webDarkTheme : webLightTheme}>
        <TaskPane mode={itemMode()} />
      </FluentProvider>
    </StrictMode>,
  ),
);
