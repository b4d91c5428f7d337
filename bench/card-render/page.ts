// The in-page half of the card render benchmark. `installHarness` is serialized by Playwright and
// run inside Chromium, so it must be self-contained: no imports at runtime (types only), no
// closures over Node values. It puts `window.latchkeyBench` on the page for bench/card-render/index.ts.
import type { SocketFactory } from "../../src/card/data/addon-client";
import type { HomeAssistant } from "../../src/card/ha/types";
import type { LatchkeyCard } from "../../src/card/latchkey-card";
import type { CardFixture, HassData } from "./fixture";

/** One first render, in ms from `append` (performance.now(), 0.1 ms resolution in Chromium). */
export interface RenderSample {
  /** Every Lit update done and the shadow DOM holds all locks, codes and chips. */
  dom: number;
  /** The same plus Chromium's style and layout of it (forced by reading offsetHeight). */
  layout: number;
  /** Updates of <latchkey-card> itself until then. */
  cardRenders: number;
  height: number;
}

/** One `hass` replacement on a card already showing everything. */
export interface RerenderSample {
  ms: number;
  card: number;
  lockList: number;
  codeList: number;
}

export interface RerenderInput {
  fixture: CardFixture;
  runs: number;
  lockId: string;
  unrelatedId: string;
}

export interface Harness {
  firstRender(fixture: CardFixture): Promise<RenderSample>;
  rerenders(input: RerenderInput): Promise<{ lock: RerenderSample[]; unrelated: RerenderSample[] }>;
  /** Raw frames the fake add-on received on its latest connection, for Node to check. */
  received(): string[];
}

declare global {
  interface Window {
    latchkeyBench?: Harness;
    /** Present when Chromium runs with --js-flags=--expose-gc: collect between runs, not during them. */
    gc?: () => void;
  }
}

export function installHarness(subscribed: unknown): void {
  let received: string[] = [];
  const macrotask = () =>
    new Promise<void>((resolve) => {
      setTimeout(resolve, 0);
    });

  // Answers like the add-on: hello → welcome, state/subscribe → result + snapshot. Microtasks, not
  // timers, so the timing is the card's own work (parse, render, layout) and not socket latency.
  const fakeAddon =
    (frames: CardFixture["frames"]): SocketFactory =>
    (_url, handlers) => {
      received = [];
      queueMicrotask(() => {
        handlers.open();
      });
      return {
        send: (data) => {
          received.push(data);
          const message: unknown = JSON.parse(data);
          const id =
            typeof message === "object" &&
            message !== null &&
            "id" in message &&
            typeof message.id === "number"
              ? message.id
              : null;
          queueMicrotask(() => {
            if (id === null) {
              handlers.message(frames.welcome);
              return;
            }
            handlers.message(JSON.stringify({ type: "result", id, ok: true, result: subscribed }));
            handlers.message(frames.snapshot);
          });
        },
        close: () => {
          queueMicrotask(() => {
            handlers.close();
          });
        },
      };
    };

  const hassOf = (data: HassData): HomeAssistant => ({ ...data, callService: () => Promise.resolve({}) });

  const parts = (card: LatchkeyCard) => {
    const root = card.shadowRoot;
    return {
      locks: root?.querySelector("latchkey-lock-list") ?? null,
      codes: root?.querySelector("latchkey-code-list") ?? null,
    };
  };

  /** "Rendered": both lists finished updating and show every lock, code and per-lock chip. */
  const showsAll = async (card: LatchkeyCard, fixture: CardFixture): Promise<boolean> => {
    const { locks, codes } = parts(card);
    if (!locks || !codes) return false;
    await Promise.all([locks.updateComplete, codes.updateComplete]);
    const count = (root: ShadowRoot | null, selector: string) =>
      root?.querySelectorAll(selector).length ?? -1;
    return (
      count(locks.shadowRoot, "li[data-entity]") === fixture.lockIds.length &&
      count(codes.shadowRoot, "li.code") === fixture.codeCount &&
      count(codes.shadowRoot, "li.code .chip") === fixture.chipCount
    );
  };

  /** Appends a fresh card; resolves with the append time and the moment it shows everything. */
  const mount = async (fixture: CardFixture) => {
    const card = document.createElement("latchkey-card");
    card.setConfig({ type: "custom:latchkey-card", addon_url: "ws://latchkey.bench/api/ws" });
    card.hass = hassOf(fixture.hass);
    card.socketFactory = fakeAddon(fixture.frames);
    let renders = 0;
    const shown = new Promise<number>((resolve) => {
      let done = false;
      // Checked after each card update: the lists only change as a result of one.
      card.addController({
        hostUpdate: () => {
          renders++;
        },
        hostUpdated: () => {
          void showsAll(card, fixture).then((all) => {
            if (all && !done) {
              done = true;
              resolve(performance.now());
            }
          });
        },
      });
    });
    const start = performance.now();
    document.body.append(card);
    const shownAt = await shown;
    return { card, start, shownAt, renders: () => renders };
  };

  const unmount = async (card: LatchkeyCard) => {
    card.remove();
    await macrotask();
    window.gc?.();
  };

  const firstRender = async (fixture: CardFixture): Promise<RenderSample> => {
    const { card, start, shownAt, renders } = await mount(fixture);
    const height = card.offsetHeight;
    const laidOutAt = performance.now();
    const sample = { dom: shownAt - start, layout: laidOutAt - start, cardRenders: renders(), height };
    await unmount(card);
    return sample;
  };

  /** The same hass with one entity's state replaced by a new object, as HA does. */
  const withState = (hass: HomeAssistant, entityId: string, state: string): HomeAssistant => {
    const old = hass.states[entityId];
    if (!old) throw new Error(`bench: no entity ${entityId}`);
    return {
      ...hass,
      states: { ...hass.states, [entityId]: { ...old, state, last_changed: new Date().toISOString() } },
    };
  };

  const rerenders = async ({ fixture, runs, lockId, unrelatedId }: RerenderInput) => {
    const { card } = await mount(fixture);
    const { locks, codes } = parts(card);
    if (!locks || !codes) throw new Error("bench: the card did not render its lists");
    const counts = { card: 0, lockList: 0, codeList: 0 };
    card.addController({
      hostUpdate: () => {
        counts.card++;
      },
    });
    locks.addController({
      hostUpdate: () => {
        counts.lockList++;
      },
    });
    codes.addController({
      hostUpdate: () => {
        counts.codeList++;
      },
    });

    const replace = async (
      entityId: string,
      states: readonly [string, string],
      check: (state: string) => boolean,
    ) => {
      const samples: RerenderSample[] = [];
      for (let i = 0; i < runs; i++) {
        const state = states[i % 2] ?? states[0];
        // Built before the clock starts: HA hands the card a ready `hass` object.
        const next = withState(card.hass ?? hassOf(fixture.hass), entityId, state);
        counts.card = counts.lockList = counts.codeList = 0;
        const start = performance.now();
        card.hass = next;
        await card.updateComplete;
        await Promise.all([locks.updateComplete, codes.updateComplete]);
        const height = card.offsetHeight;
        const ms = performance.now() - start;
        if (height <= 0 || !check(state))
          throw new Error(`bench: ${entityId} → ${state} not shown as expected`);
        samples.push({ ms, ...counts });
        await macrotask();
      }
      return samples;
    };

    const lockShows = (state: string) =>
      locks.shadowRoot?.querySelector(`li[data-entity="${lockId}"] .state`)?.classList.contains(state) ??
      false;
    const lock = await replace(lockId, ["unlocked", "locked"], lockShows);
    const unrelated = await replace(unrelatedId, ["on", "off"], () => true);
    await unmount(card);
    return { lock, unrelated };
  };

  window.latchkeyBench = { firstRender, rerenders, received: () => [...received] };
}
