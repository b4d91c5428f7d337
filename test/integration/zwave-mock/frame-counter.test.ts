import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserCodeCCGet, UserCodeCCReport } from "@zwave-js/cc/UserCodeCC";
import { createMockZWaveRequestFrame, MockZWaveFrameType, type MockZWaveFrame } from "@zwave-js/testing";
import type { ControlClient } from "../../stack/zwave/control-client";
import type { MockNetwork } from "../../stack/zwave/mock-build";
import { startInProcessNetwork } from "./in-process-network";
import type { FrameCount } from "../../stack/zwave/control-schema";

/**
 * The simulated network's frame counter, in process (zwave-js's own mock controller and lock
 * nodes, no driver): frames are counted as they cross the mock's air, per lock, per direction
 * and per command class, and the control endpoint hands the counts out and resets them.
 */
let net: MockNetwork;
let control: ControlClient;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ net, control, close } = await startInProcessNetwork([2, 3]));
});
afterAll(async () => {
  await close();
});

const framesOf = (rows: FrameCount[], node: number) =>
  Object.fromEntries(
    rows.filter((r) => r.node === node).map((r) => [`${r.direction} ${r.commandClass}`, r.frames]),
  );

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("frame counter of the simulated network", () => {
  it("counts a User Code Get round trip on one lock: the Get, the lock's ACK and Report, the controller's ACK", async () => {
    await control.resetFrames();
    const lock = net.locks.get(3);
    if (!lock) throw new Error("no node 3");
    const report = net.controller.expectNodeFrame(
      lock.node,
      (frame): frame is MockZWaveFrame =>
        frame.type === MockZWaveFrameType.Request && frame.payload instanceof UserCodeCCReport,
      { timeout: 5_000 },
    );
    await net.controller.sendToNode(
      lock.node,
      createMockZWaveRequestFrame(new UserCodeCCGet({ nodeId: 3, userId: 1 }), { ackRequested: true }),
    );
    await report;
    await until(async () => framesOf((await control.frames()).frames, 3)["to_node ACK"] === 1, "the ACK");
    const { frames } = await control.frames();
    expect(framesOf(frames, 3)).toEqual({
      "to_node User Code": 1,
      "from_node ACK": 1,
      "from_node User Code": 1,
      "to_node ACK": 1,
    });
    expect(framesOf(frames, 2)).toEqual({});
  });

  it("counts what a lock sends by itself (a keypad unlock: Notification, then Door Lock), and a reset starts from zero", async () => {
    await control.resetFrames();
    expect((await control.frames()).frames).toEqual([]);
    await control.keypad({ node: 2, slot: 4, action: "unlock" });
    await until(async () => framesOf((await control.frames()).frames, 2)["to_node ACK"] === 2, "two ACKs");
    const { frames } = await control.frames();
    expect(framesOf(frames, 2)).toEqual({
      "from_node Notification": 1,
      "from_node Door Lock": 1,
      "to_node ACK": 2,
    });
    expect(framesOf(frames, 3)).toEqual({});
  });

  it("refuses a GET on the reset endpoint and a POST on the counts", async () => {
    const get = await fetch(`${control.url}/frames/reset`);
    expect(get.status).toBe(405);
    const post = await fetch(`${control.url}/frames`, { method: "POST" });
    expect(post.status).toBe(405);
  });
});
