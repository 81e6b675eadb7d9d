// ESLint flat config: typescript-eslint recommended + React hooks rules for src/.
import js from "@eslint/js";
import globals from "globals";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist", "node_modules", "src/lib/ipc/bindings.ts"] },
  {
    files: ["**/*.{ts,tsx,js}"],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@tauri-apps/api/core",
              importNames: ["invoke"],
              message: "Only src/lib/ipc/call.ts may call invoke; use `api` from src/lib/ipc.",
            },
            // The window runs with Tauri's freezePrototype: dayjs (and antd's date pickers,
            // which load it) assign to frozen built-ins and leave the whole window blank.
            { name: "dayjs", message: "dayjs cannot start under freezePrototype; use <input type=date>." },
            {
              name: "antd",
              importNames: ["DatePicker", "TimePicker", "Calendar"],
              message: "antd's date pickers load dayjs, which cannot start under freezePrototype.",
            },
          ],
          patterns: [{ group: ["dayjs/*"], message: "dayjs cannot start under freezePrototype." }],
        },
      ],
    },
  },
  {
    files: ["src/lib/ipc/call.ts", "src/lib/ipc/call.test.ts"],
    rules: { "no-restricted-imports": "off" },
  },
);
