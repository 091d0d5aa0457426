// The pane's linter: typescript-eslint's type-aware strict rules and React's hooks rules. Part of the README's test
// command (test.sh), with warnings failing the run as they do in the C# build.
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", "public/", "dist/"] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  reactHooks.configs.flat["recommended-latest"],
  {
    languageOptions: {
      globals: globals.browser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Numbers in template strings (counts, limits) read naturally and cannot be undefined under strict types.
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      // `onClick={() => setOpen(false)}` is the React idiom; a void result is still refused where it would be used.
      "@typescript-eslint/no-confusing-void-expression": ["error", { ignoreArrowShorthand: true }],
      // The rule cannot see through async loaders: theirs set state after an await, the fetch-on-mount pattern React
      // documents. State set synchronously in an effect is still avoided by hand (see RecordSearch).
      "react-hooks/set-state-in-effect": "off",
    },
  },
  {
    files: ["*.config.js", "*.config.ts"],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
