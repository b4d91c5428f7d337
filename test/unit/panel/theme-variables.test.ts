import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { THEME_VARIABLES } from "../../../src/panel/theme";

const CARD = resolve(import.meta.dirname, "../../../src/card");
/** Variables the card sets itself: not HA's. */
const OWN = new Set(["--dot-color"]);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(dir, entry.name))
      : entry.name.endsWith(".ts")
        ? [readFileSync(join(dir, entry.name), "utf8")]
        : [],
  );
}

describe("the card's colours, fonts and shapes come from Home Assistant's theme", () => {
  it("every theme variable the card's styles read is one the panel copies from HA's page", () => {
    const used = new Set(
      sources(CARD).flatMap((text) => [...text.matchAll(/var\((--[a-z0-9-]+)/g)].map((m) => m[1] ?? "")),
    );
    const missing = [...used].filter((name) => !OWN.has(name) && !THEME_VARIABLES.includes(name));
    expect(missing).toEqual([]);
    // The core of HA's theme, so a rename above cannot empty this check.
    expect([...used]).toEqual(
      expect.arrayContaining(["--primary-color", "--primary-text-color", "--divider-color"]),
    );
  });
});
