import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

// CrmApi serves the built pane under /addin (one deployable, same origin), so the build goes straight into its
// wwwroot. The folder is git-ignored: it is made again by every build of the solution.
export default defineConfig({
  base: "/addin/",
  plugins: [react()],
  build: {
    outDir: "../CrmApi/wwwroot/addin",
    emptyOutDir: true,
    sourcemap: true,
  },
  test: {
    environment: "node",
  },
});
