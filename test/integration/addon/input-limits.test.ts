// What a person can type or a client can send is bounded and readable: names that hide
// characters or pass for another's, more codes than the add-on holds, messages over the size.
import { afterEach, describe, expect, it } from "vitest";
import { MAX_CODES } from "../../../src/model/limits";
import { MAX_MESSAGE_BYTES } from "../../../src/model/requests";
import { startWorld, type World } from "../support/world";

let w: World | null = null;
afterEach(async () => {
  await w?.close();
  w = null;
});

describe("input limits", () => {
  it("refuses names with unseen characters and look-alikes of a name taken, keeps names in NFC", async () => {
    w = await startWorld();
    const create = (name: string, pin: string) =>
      w?.api.request("codes/create", { draft: { name, pin, lockIds: [] } });
    expect((await create("Mom", "4821"))?.ok).toBe(true);
    for (const [name, problem] of [
      ["Ｍｏｍ", "validation.name_taken"],
      [" MOM ", "validation.name_taken"],
      ["Cleaner\u200B", "validation.name_unseen_characters"],
      ["\u202Eretsis", "validation.name_unseen_characters"],
    ] as const) {
      const refused = await create(name, "739164");
      expect(refused).toMatchObject({
        ok: false,
        error: { code: "validation_failed", issues: [{ field: "name", problem }] },
      });
    }
    expect((await create("Ze\u0301", "739164"))?.ok).toBe(true);
    const snap = await w.api.waitForSnapshot((s) => s.codes.length === 2);
    expect(snap.codes.map((c) => c.name).sort()).toEqual(["Mom", "Zé"]);
  });

  it(`holds at most ${MAX_CODES} codes and says so; a message over the size gets a clear error`, async () => {
    w = await startWorld();
    const api = w.api;
    for (let i = 0; i < MAX_CODES; i++) {
      const made = await api.request("codes/create", {
        draft: { name: `Person ${i}`, pin: String(100_000 + i * 37), lockIds: [] },
      });
      expect(made.ok).toBe(true);
    }
    const one = await api.request("codes/create", {
      draft: { name: "One more", pin: "918273", lockIds: [] },
    });
    expect(one).toMatchObject({
      ok: false,
      error: {
        code: "conflict",
        message: `Latchkey holds at most ${MAX_CODES} codes; delete one you no longer need first.`,
      },
    });
    const big = await api.sendRaw(
      JSON.stringify({ id: 7, type: "activity/list", padding: "x".repeat(MAX_MESSAGE_BYTES) }),
    );
    expect(big).toMatchObject({
      id: 0,
      ok: false,
      error: { message: "The message is too large: the add-on takes at most 32 KB at once." },
    });
  }, 120_000);
});
