// Three bundles: the Lovelace card (browser, minified, committed to dist/ for HACS), the
// add-on service (Node, self-contained so the add-on image needs no npm install) and the
// add-on's ingress panel (browser, minified; the add-on serves it next to its own bundle).
import { readdirSync, rmSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { builtinModules } from "node:module";
import commonjs from "@rollup/plugin-commonjs";
import resolve from "@rollup/plugin-node-resolve";
import terser from "@rollup/plugin-terser";
import typescript from "@rollup/plugin-typescript";

const typescriptOptions = {
  tsconfig: "./tsconfig.json",
  noEmit: false,
  include: ["src/**/*.ts", "addon/src/**/*.ts"],
};
const browserPlugins = () => [
  resolve({ browser: true }),
  typescript(typescriptOptions),
  minifyLitCss(),
  terser({ module: true, ecma: 2020, compress: { passes: 3 }, format: { comments: false } }),
  collapseTemplateWhitespace(),
  reportSize(),
];

/**
 * Our css`` templates are plain CSS (no interpolations): comments and the spaces CSS does not
 * need go before the bundle is compressed. Spaces inside values stay (`calc(100% - 8px)` needs them).
 */
function minifyLitCss() {
  const minify = (css) =>
    css
      .replace(/\/\*[^]*?\*\//g, "")
      .replace(/\s+/g, " ")
      .replace(/ ?([{};,>]) ?/g, "$1")
      .replace(/: /g, ":")
      .replace(/;}/g, "}")
      .trim();
  return {
    name: "minify-lit-css",
    transform(code, id) {
      if (!id.includes("/src/")) return null;
      // TypeScript writes the tag as `css \``.
      return {
        code: code.replace(/\bcss ?`((?:[^`$\\]|\\.|\$(?!\{))*)`/g, (_, body) => `css\`${minify(body)}\``),
        map: null,
      };
    },
  };
}

/**
 * After terser, a raw line break can only sit inside a template literal, and ours are Lit's
 * html and css: the indentation after it means nothing to HTML or CSS, one space does the same.
 */
function collapseTemplateWhitespace() {
  return {
    name: "collapse-template-whitespace",
    renderChunk: (code) => ({ code: code.replace(/\n[ \t]*/g, " "), map: null }),
  };
}

/**
 * Prints the gzipped size of every chunk: the card has a size budget (issue 4). A bundle with
 * language chunks also gets what a person downloads to see it: the entry with the chunks it
 * imports, and one language's texts; the parts fetched only when someone opens them are listed apart.
 */
function reportSize() {
  return {
    name: "report-size",
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((chunk) => chunk.type === "chunk");
      const gzipped = (chunk) => gzipSync(chunk.code).length / 1024;
      for (const chunk of chunks)
        console.log(
          `${chunk.fileName}: ${(chunk.code.length / 1024).toFixed(1)} KB, ${gzipped(chunk).toFixed(1)} KB gzipped`,
        );
      const entry = chunks.find((chunk) => chunk.isEntry);
      const languages = chunks.filter(
        (chunk) => chunk.isDynamicEntry && (chunk.facadeModuleId ?? "").includes("/card/i18n/"),
      );
      if (!entry || languages.length === 0) return;
      const card = [entry, ...chunks.filter((chunk) => entry.imports.includes(chunk.fileName))];
      const cardSize = card.reduce((sum, chunk) => sum + gzipped(chunk), 0);
      const perLanguage = languages.map(
        (chunk) => `${chunk.name} ${(cardSize + gzipped(chunk)).toFixed(1)} KB`,
      );
      console.log(`${entry.fileName} with one language's texts, gzipped: ${perLanguage.join(", ")}`);
      const parts = chunks.filter((chunk) => !card.includes(chunk) && !languages.includes(chunk));
      if (parts.length > 0)
        console.log(
          `loaded only when opened, gzipped: ${parts.map((chunk) => `${chunk.name} ${gzipped(chunk).toFixed(1)} KB`).join(", ")}`,
        );
    },
  };
}

/**
 * HACS installs every .js file in dist/, and chunk names carry a content hash: once a build is
 * written, the card's chunks it did not write are removed, so no stale file is committed or
 * installed (and a failed build leaves the previous files as they were).
 */
function removeOldChunks(prefix) {
  return {
    name: "remove-old-chunks",
    writeBundle(options, bundle) {
      const dir = options.dir ?? ".";
      for (const name of readdirSync(dir))
        if (name.startsWith(prefix) && !(name in bundle)) rmSync(`${dir}/${name}`);
    },
  };
}

/** Third-party noise (zod's own circular imports and comment placement) is not ours to fix. */
function onwarn(warning, warn) {
  const inDependency = (warning.ids ?? [warning.id ?? ""]).every((id) => id.includes("node_modules"));
  if (
    inDependency &&
    (warning.code === "CIRCULAR_DEPENDENCY" ||
      warning.code === "INVALID_ANNOTATION" ||
      warning.code === "THIS_IS_UNDEFINED")
  )
    return;
  warn(warning);
}

export default [
  {
    input: "src/card/latchkey-card.ts",
    // HACS loads the card as latchkey-card.js?hacstag=…, a URL no chunk can name: a chunk importing
    // "./latchkey-card.js" would run a second copy of the card. So the entry stays a facade of one
    // import, and the parts fetched later (editors, share form) import the card's main chunk,
    // whose URL is the same from everywhere. The language chunks import nothing.
    preserveEntrySignatures: "strict",
    // Each language's texts are a chunk of their own (src/card/i18n/card-translations.ts), loaded next to the card's URL.
    output: {
      dir: "dist",
      format: "es",
      entryFileNames: "latchkey-card.js",
      chunkFileNames: (chunk) =>
        `latchkey-card-${chunk.name === "latchkey-card" ? "main" : chunk.name.replace(/^latchkey-/, "")}-[hash].js`,
    },
    onwarn,
    plugins: [...browserPlugins(), removeOldChunks("latchkey-card-")],
  },
  {
    input: "src/panel/latchkey-panel.ts",
    output: { file: "addon/dist/latchkey-panel.js", format: "es", inlineDynamicImports: true },
    onwarn,
    plugins: browserPlugins(),
  },
  {
    input: "addon/src/main.ts",
    output: { file: "addon/dist/latchkey-addon.mjs", format: "es", inlineDynamicImports: true },
    onwarn,
    external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
    plugins: [
      resolve({ preferBuiltins: true, exportConditions: ["node"] }),
      // ws loads these native speed-ups only if present; the bundle runs without them.
      commonjs({ ignore: ["bufferutil", "utf-8-validate"] }),
      typescript(typescriptOptions),
      reportSize(),
    ],
  },
];
