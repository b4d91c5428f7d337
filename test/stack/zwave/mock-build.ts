// Builds zwave-js's own MockController and one MockNode per lock, wired to an in-memory
// serial port. Mirrors what zwave-js's bin/mock-server does internally (controller defaults,
// default node behaviours), with our lock definitions and extra behaviours on top.
import { createAndOpenMockedZWaveSerialPort, type MockPort } from "@zwave-js/serial/mock";
import type { ZWaveSerialStream } from "@zwave-js/serial";
import { MockController, MockNode } from "@zwave-js/testing";
import { DoorLockMode } from "@zwave-js/cc";
import { createDefaultMockControllerBehaviors, createDefaultMockNodeBehaviors } from "zwave-js/Testing";
import { LOCKS, type LockSpec, lockCommandClasses, lockPlainCommandClasses } from "./mock-locks.js";
import { lockBehaviors } from "./mock-behaviors.js";
import { quirkBehavior } from "./mock-quirks.js";
import { awayBehavior } from "./mock-away.js";
import { writeDoorLockMode } from "./mock-state.js";
import { countFrames, type FrameCounter } from "./mock-frames.js";

export interface MockTiming {
  /** Per-frame radio delay of a normal lock (zwave-js mock default is 10 ms). */
  normalTxDelayMs: number;
  /** Per-frame radio delay of the slow lock. Keep < ~450: the mock's ACK timeout is 1000 ms per round trip. */
  slowTxDelayMs: number;
  /** Extra delay before the slow lock answers a command (after its ACK). */
  slowResponseDelayMs: number;
}

export interface MockLock {
  spec: LockSpec;
  node: MockNode;
}

export interface MockNetwork {
  controller: MockController;
  locks: ReadonlyMap<number, MockLock>;
  /** Driver-side end of the in-memory serial port: write host bytes here, read controller frames. */
  serial: ZWaveSerialStream;
  port: MockPort;
  /** Radio frames between the controller and each lock since start or the last reset. */
  frames: FrameCounter;
}

/** `nodeIds`: which of LOCKS to simulate (default: all). */
export async function buildMockNetwork(
  timing: MockTiming,
  nodeIds?: readonly number[],
): Promise<MockNetwork> {
  const { serial, port } = await createAndOpenMockedZWaveSerialPort();
  const controller = await MockController.create({
    homeId: 0x4c4b0001,
    ownNodeId: 1,
    mockPort: port,
    serial,
  });
  controller.defineBehavior(...createDefaultMockControllerBehaviors());

  const locks = new Map<number, MockLock>();
  for (const spec of LOCKS.filter((l) => nodeIds?.includes(l.nodeId) ?? true)) {
    const node = await MockNode.create({
      id: spec.nodeId,
      controller,
      capabilities: {
        // Generic "Entry Control" (0x40), specific "Secure Keypad Door Lock" (0x03).
        genericDeviceClass: 0x40,
        specificDeviceClass: 0x03,
        isListening: true,
        isFrequentListening: false,
        manufacturerId: 0xffff, // "not a real vendor": no device-config quirks get applied
        productType: 0x4c4b,
        productId: spec.nodeId,
        firmwareVersion: "1.0",
        txDelay: spec.slow ? timing.slowTxDelayMs : timing.normalTxDelayMs,
        commandClasses: lockCommandClasses(spec),
      },
    });
    for (const { ccId, version } of lockPlainCommandClasses(spec))
      node.addCC(ccId, { isSupported: true, version });
    controller.addNode(node);
    node.defineBehavior(...createDefaultMockNodeBehaviors());
    // defineBehavior prepends, so ours are consulted before the defaults.
    node.defineBehavior(...lockBehaviors(spec.slow ? timing.slowResponseDelayMs : 0));
    // Off until a test switches a quirk on (POST /quirks); ahead of the stock User Code behaviour.
    node.defineBehavior(quirkBehavior(spec));
    // Last defined, first consulted: a lock that is away answers nothing at all.
    node.defineBehavior(awayBehavior);
    // A lock fresh out of the box is locked.
    writeDoorLockMode(node, DoorLockMode.Secured);
    locks.set(spec.nodeId, { spec, node });
  }
  const frames = countFrames(
    controller,
    [...locks.values()].map((lock) => lock.node),
  );
  return { controller, locks, serial, port, frames };
}

export async function destroyMockNetwork(network: MockNetwork): Promise<void> {
  network.controller.destroy();
  await network.serial.close();
  network.port.destroy();
}
