import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { TaskPane } from "./taskpane/TaskPane";

const root = document.getElementById("root");
if (root === null) {
  throw new Error("index.html has no #root element");
}

createRoot(root).render(
  <StrictMode>
    <FluentProvider theme={webLightTheme}>
      <TaskPane />
    </FluentProvider>
  </StrictMode>,
);
