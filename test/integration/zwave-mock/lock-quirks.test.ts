import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { UserIDStatus } from "@zwave-js/cc";
import { NotificationCCReport } from "@zwave-js/cc/NotificationCC";
import { BatteryCCReport } from "@zwave-js/cc/BatteryCC";
import {
  UserCodeCCExtendedUserCodeSet,
  UserCodeCCGet,
  UserCodeCCReport,
  UserCodeCCSet,
} from "@zwave-js/cc/UserCodeCC";
import {
  createMockZWaveRequestFrame,
  MockZWaveFrameType,
  type MockNode,
  type MockZWaveFrame,
} from "@zwave-js/testing";
import type { ControlClient } from "../../stack/zwave/control-client";
import type { MockNetwork } from "../../stack/zwave/mock-build";
import { startInProcessNetwork } from "./in-process-network";

/**
 * The simulated locks' quirks, in process (zwave-js's own mock controller and the back door lock,
 * no driver): switched on through the control endpoint, each changes what the lock answers, and
 * with none on the lock answers as before.
 */
let net: MockNetwork;
let control: ControlClient;
let close: () => Promise<void>;
let lock: MockNode;

beforeAll(async () => {
  ({ net, control, close } = await startInProcessNetwork([3]));
  const back = net.locks.get(3);
  if (!back) throw new Error("no node 3");
  lock = back.node;
});
afterAll(async () => {
  await close();
});
beforeEach(async () => {
  await control.quirks({ node: 3 });
  await control.resetCodes({ node: 3 });
});

function nextFrame<T>(kind: abstract new (...args: never[]) => T, timeout = 1_000): Promise<T | null> {
  return net.controller
    .expectNodeFrame(
      lock,
      (frame): frame is MockZWaveFrame =>
        frame.type === MockZWaveFrameType.Request && frame.payload instanceof kind,
      { timeout },
    )
    .then((frame) =>
      frame.type === MockZWaveFrameType.Request && frame.payload instanceof kind ? frame.payload : null,
    )
    .catch(() => null);
}

async function get(slot: number, timeout?: number): Promise<UserCodeCCReport | null> {
  const report = nextFrame(UserCodeCCReport, timeout);
  await net.controller.sendToNode(
    lock,
    createMockZWaveRequestFrame(new UserCodeCCGet({ nodeId: 3, userId: slot }), { ackRequested: true }),
  );
  return report;
}

async function set(slot: number, code: string): Promise<void> {
  const cc = new UserCodeCCSet({
    nodeId: 3,
    userId: slot,
    userIdStatus: UserIDStatus.Enabled,
    userCode: code,
  });
  await net.controller.sendToNode(lock, createMockZWaveRequestFrame(cc, { ackRequested: true }));
}

describe("quirky locks of the simulated network", () => {
  it("a lock that masks PINs reports its occupied slots as stars or zeros, an empty one as available, and keeps the real PIN", async () => {
    await control.keypadCode({ node: 3, slot: 2, code: "482913" });
    await control.quirks({ node: 3, maskPins: "stars" });
    expect((await get(2))?.userCode).toBe("******");
    expect((await get(2))?.userIdStatus).toBe(UserIDStatus.Enabled);
    expect((await get(3))?.userIdStatus).toBe(UserIDStatus.Available);
    await control.quirks({ node: 3, maskPins: "zeros" });
    expect((await get(2))?.userCode).toBe("000000");
    expect((await control.state()).nodes[0]?.slots["2"]?.code).toBe("482913");
    await control.quirks({ node: 3 });
    expect((await get(2))?.userCode).toBe("482913");
  });

  it("a lock that refuses duplicates keeps the slot as it was and sends Access Control 15; another PIN is stored", async () => {
    await control.keypadCode({ node: 3, slot: 1, code: "271845" });
    await control.quirks({ node: 3, refuseDuplicates: true });
    const notice = nextFrame(NotificationCCReport);
    await set(4, "271845");
    const heard = await notice;
    expect([heard?.notificationType, heard?.notificationEvent]).toEqual([6, 15]);
    expect((await control.state()).nodes[0]?.slots["4"]).toBeUndefined();
    await set(4, "590316");
    expect((await control.state()).nodes[0]?.slots["4"]?.code).toBe("590316");
  });

  it("a duplicate in an Extended User Code Set (what zwave-js sends a User Code v2 lock) is refused the same way", async () => {
    await control.keypadCode({ node: 3, slot: 1, code: "271845" });
    await control.quirks({ node: 3, refuseDuplicates: true });
    const notice = nextFrame(NotificationCCReport);
    const cc = new UserCodeCCExtendedUserCodeSet({
      nodeId: 3,
      userCodes: [{ userId: 4, userIdStatus: UserIDStatus.Enabled, userCode: "271845" }],
    });
    await net.controller.sendToNode(lock, createMockZWaveRequestFrame(cc, { ackRequested: true }));
    expect([(await notice)?.notificationType, (await notice)?.notificationEvent]).toEqual([6, 15]);
    expect((await control.state()).nodes[0]?.slots["4"]).toBeUndefined();
  });

  it("a silent lock stores what it is sent but answers no User Code Get", async () => {
    await control.quirks({ node: 3, silent: true });
    await set(5, "813402");
    expect(await get(5, 300)).toBeNull();
    expect((await control.state()).nodes[0]?.slots["5"]?.code).toBe("813402");
  });

  it("a lock that is away answers nothing; back, it says so with a battery report and answers again", async () => {
    await set(1, "813402");
    await control.away({ node: 3, away: true });
    const silence = nextFrame(UserCodeCCReport, 300);
    await net.controller
      .sendToNode(
        lock,
        createMockZWaveRequestFrame(new UserCodeCCGet({ nodeId: 3, userId: 1 }), { ackRequested: true }),
      )
      .catch(() => undefined);
    expect(await silence).toBeNull();
    const hello = nextFrame(BatteryCCReport);
    await control.away({ node: 3, away: false });
    expect(await hello).not.toBeNull();
    expect((await get(1))?.userCode).toBe("813402");
  });

  it("quirks are switched by node: an unknown node is refused", async () => {
    await expect(control.quirks({ node: 9 })).rejects.toThrow(/unknown node 9/);
  });
});
