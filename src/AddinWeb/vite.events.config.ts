import { defineConfig } from "vite";

// The event runtime's script: one classic script with everything inlined (classic Outlook on Windows loads it in a
// JavaScript-only runtime that has no modules). Built after the pane, into its events/ folder.
export default defineConfig({
  // The pane's build copies public/ already; this one adds only the script.
  publicDir: false,
  build: {
    outDir: "../CrmApi/wwwroot/addin/events",
    emptyOutDir: false,
    sourcemap: false,
    lib: {
      entry: "src/events/launchevent.ts",
      formats: ["iife"],
      name: "OutlookCrmEvents",
      fileName: () => "launchevent.template.js",
    },
    rolldownOptions: { output: { inlineDynamicImports: true } },
  },
});
