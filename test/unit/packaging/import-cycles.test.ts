import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../../", import.meta.url));

function sources(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

/**
 * Every module's static relative imports, type-only ones too (a circle of types is still two
 * modules that cannot be read apart). A dynamic `import()` loads a chunk later and is left out.
 */
function importGraph(folders: string[]): Map<string, string[]> {
  const files = folders.flatMap((folder) => sources(join(root, folder)));
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    const targets = [...text.matchAll(/(?:from|^import)\s+"(\.{1,2}\/[^"]+)"/gm)].flatMap(([, spec]) => {
      const base = normalize(join(dirname(file), spec ?? ""));
      const target = [`${base}.ts`, join(base, "index.ts")].find((candidate) => known.has(candidate));
      return target ? [target] : [];
    });
    graph.set(file, targets);
  }
  return graph;
}

/** The first circle found, as a list of paths from the repository root; null when there is none. */
function findCircle(graph: Map<string, string[]>): string[] | null {
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (file: string): string[] | null => {
    if (state.get(file) === "done") return null;
    if (state.get(file) === "open") return [...stack.slice(stack.indexOf(file)), file];
    state.set(file, "open");
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      const circle = visit(next);
      if (circle) return circle;
    }
    stack.pop();
    state.set(file, "done");
    return null;
  };
  for (const file of graph.keys()) {
    const circle = visit(file);
    if (circle) return circle.map((path) => relative(root, path));
  }
  return null;
}

describe("the sources' imports", () => {
  it("form no circle, in the add-on or in the card and the shared model", () => {
    expect(findCircle(importGraph(["addon/src", "src"]))).toBeNull();
  });

  it("form no circle between the add-on's folders (core, sync, service, ha, zwave, …)", () => {
    // A file at the top (main.ts, config.ts) stands for itself.
    const folderOf = (file: string) => {
      const path = relative(join(root, "addon/src"), file);
      return dirname(path) === "." ? path : dirname(path);
    };
    const folders = new Map<string, string[]>();
    for (const [file, targets] of importGraph(["addon/src"])) {
      const from = folderOf(file);
      const to = targets.map(folderOf).filter((folder) => folder !== from);
      folders.set(from, [...new Set([...(folders.get(from) ?? []), ...to])]);
    }
    expect(findCircle(folders)).toBeNull();
  });

  it("the circle finder finds a circle", () => {
    const graph = new Map([
      ["/a.ts", ["/b.ts"]],
      ["/b.ts", ["/c.ts"]],
      ["/c.ts", ["/a.ts"]],
    ]);
    expect(findCircle(graph)).toEqual(
      ["../../../a.ts", "../../../b.ts", "../../../c.ts", "../../../a.ts"].map((p) =>
        relative(root, join(root, p)),
      ),
    );
  });
});
