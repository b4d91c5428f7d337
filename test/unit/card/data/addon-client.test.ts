// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { AddonClient } from "../../../../src/card/data/addon-client";
import { AddonRequestError } from "../../../../src/card/data/addon-error";
import "../../../../src/card/latchkey-card";
import { FakeAddon } from "../fake-addon";
import { fakeHass } from "../fake-hass";
import { settle, shadow, textOf } from "../mount";

async function flush(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = "";
});

describe("AddonClient", () => {
  it("numbers requests, parses results with the protocol's schemas and rejects bad ones", async () => {
    const addon = new FakeAddon();
    addon.respond = (request) =>
      request.type === "codes/reveal"
        ? { ok: true, result: { codeId: "code-ada", pin: "482913" } }
        : { ok: true, result: { nonsense: true } };
    const client = new AddonClient(
      "ws://x/api/ws",
      () => ({ accessToken: "t" }),
      () => undefined,
      addon.factory,
    );
    await flush();
    expect(client.status).toEqual({ state: "ready", user: { name: "Ada", isAdmin: true } });
    expect(client.snapshot?.codes).toHaveLength(2);
    await expect(client.reveal("code-ada")).resolves.toBe("482913");
    expect(client.knownPins.get("code-ada")).toBe("482913");
    await expect(client.request("codes/delete", { codeId: "code-ada" })).rejects.toMatchObject({
      code: "bad_response",
    });
    expect(addon.requests().map((r) => r.id)).toEqual([1, 2, 3]);
    client.close();
  });

  it("turns a wire error into an AddonRequestError with field issues", async () => {
    const addon = new FakeAddon();
    addon.respond = () => ({
      ok: false,
      error: {
        code: "validation_failed",
        message: "Bad draft",
        issues: [{ field: "pin", message: "Too short" }],
      },
    });
    const client = new AddonClient(
      "ws://x/api/ws",
      () => ({ accessToken: "t" }),
      () => undefined,
      addon.factory,
    );
    await flush();
    const error: unknown = await client
      .request("codes/create", { draft: { name: "A", pin: "1", lockIds: [] } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AddonRequestError);
    expect(error).toMatchObject({
      code: "validation_failed",
      issues: [{ field: "pin", message: "Too short" }],
    });
    client.close();
  });

  it("reconnects with growing delays while the add-on is unreachable", async () => {
    vi.useFakeTimers();
    const addon = new FakeAddon();
    addon.reachable = false;
    const client = new AddonClient(
      "ws://x/api/ws",
      () => ({ accessToken: "t" }),
      () => undefined,
      addon.factory,
    );
    await flush();
    expect(client.status.state).toBe("unreachable");
    expect(addon.urls).toHaveLength(1);
    vi.advanceTimersByTime(999);
    expect(addon.urls).toHaveLength(1);
    vi.advanceTimersByTime(1);
    await flush();
    expect(addon.urls).toHaveLength(2);
    vi.advanceTimersByTime(1999);
    expect(addon.urls).toHaveLength(2);
    addon.reachable = true;
    vi.advanceTimersByTime(1);
    await flush();
    expect(client.status.state).toBe("ready");
    client.close();
  });

  it("stops after a fatal refusal", async () => {
    vi.useFakeTimers();
    const addon = new FakeAddon();
    const client = new AddonClient(
      "ws://x/api/ws",
      () => ({}),
      () => undefined,
      addon.factory,
    );
    await flush();
    addon.push({
      type: "fatal",
      error: {
        code: "unauthenticated",
        message: "The access token was not accepted.",
        problem: "error.login_refused",
        values: {},
      },
    });
    await flush();
    vi.advanceTimersByTime(60_000);
    expect(client.status).toMatchObject({
      state: "refused",
      error: {
        code: "unauthenticated",
        message: "The access token was not accepted.",
        problem: "error.login_refused",
      },
    });
    expect(addon.urls).toHaveLength(1);
  });
});

describe("latchkey-card without its add-on", () => {
  it("shows plain guidance when the add-on is unreachable, and keeps the locks", async () => {
    const addon = new FakeAddon();
    addon.reachable = false;
    const card = document.createElement("latchkey-card");
    card.setConfig({ type: "custom:latchkey-card", addon_url: "ws://127.0.0.1:8099/api/ws" });
    card.socketFactory = addon.factory;
    card.hass = fakeHass();
    document.body.append(card);
    await settle(card);
    expect(textOf(shadow(card).querySelector(".addon-guidance"))).toBe(
      "The Latchkey add-on is not reachable at ws://127.0.0.1:8099/api/ws. Check that it is running; the card keeps trying.",
    );
    expect(
      shadow(shadow(card).querySelector("latchkey-lock-list")).querySelectorAll("li[data-entity]"),
    ).toHaveLength(3);
    card.remove();
  });
});
