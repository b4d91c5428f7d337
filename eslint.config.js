// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import prettier from "eslint-config-prettier";

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "addon/dist/**",
      "node_modules/**",
      ".cache/**",
      "artifacts/**",
      "**/*.cjs",
      "eslint.config.js",
      "rollup.config.js",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/switch-exhaustiveness-check": "error",
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      "@typescript-eslint/consistent-type-assertions": ["error", { assertionStyle: "never" }],
      "@typescript-eslint/no-unused-vars": ["error", { ignoreRestSiblings: true, argsIgnorePattern: "^_" }],
    },
  },
  {
    // The shared model is imported by both sides, so it may import neither.
    files: ["src/model/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["**/card/**", "**/addon/**", "lit", "lit/*", "node:*", "ws"] },
      ],
    },
  },
  {
    // The ingress panel is browser code like the card: it reaches the add-on only over the wire.
    files: ["src/card/**", "src/panel/**"],
    rules: { "no-restricted-imports": ["error", { patterns: ["**/addon/**", "node:*", "ws"] }] },
  },
  {
    files: ["addon/src/**"],
    rules: { "no-restricted-imports": ["error", { patterns: ["**/src/card/**", "lit", "lit/*"] }] },
  },
  {
    // Tests may build frames and fixtures loosely typed; assertions still may not cast into domain types.
    files: ["test/**", "bench/**"],
    rules: {
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
  // Layout is prettier's job (npm run format); lint checks it with prettier --check.
  prettier,
);
