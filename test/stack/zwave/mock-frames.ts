// Counts the radio frames of the simulated network, per lock, per direction and per command
// class, so a benchmark can say how many frames a code change costs (the radio is the scarce
// resource on a battery lock, not the CPU). Every frame that crosses the mock's "air" counts:
// requests and the ACK frames that answer them.
import { CommandClass } from "@zwave-js/cc";
import { CommandClasses } from "@zwave-js/core";
import {
  MockZWaveFrameType,
  type MockController,
  type MockNode,
  type MockZWaveFrame,
} from "@zwave-js/testing";
import type { FrameCount, FrameDirection } from "./control-schema.js";

/** What an ACK frame is counted under: it carries no command class. */
export const ACK = "ACK";

export interface FrameCounter {
  /** Every (node, direction, command class) seen since the start or the last reset, sorted. */
  counts(): FrameCount[];
  reset(): void;
}

/**
 * The command class a frame is about: the innermost one, so a User Code Set wrapped in a
 * Supervision Get counts as User Code (the Supervision Report that answers it counts as Supervision).
 */
export function frameCommandClass(frame: MockZWaveFrame): string {
  if (frame.type === MockZWaveFrameType.ACK) return ACK;
  let cc: CommandClass = frame.payload;
  while ("encapsulated" in cc && cc.encapsulated instanceof CommandClass) cc = cc.encapsulated;
  // The enum maps every id zwave-js knows to its name; an id it does not know has none.
  const name: unknown = CommandClasses[cc.ccId];
  return typeof name === "string" ? name : `0x${cc.ccId.toString(16)}`;
}

/**
 * Hooks the two public receive methods of zwave-js's mock: the controller's `onNodeFrame` (a
 * lock's frame reached the controller) and each node's `onControllerFrame` (a controller frame
 * reached the lock). Both run once per frame that crossed the air, after its transmit delay.
 */
export function countFrames(controller: MockController, nodes: readonly MockNode[]): FrameCounter {
  const table = new Map<string, FrameCount>();
  const count = (node: number, direction: FrameDirection, frame: MockZWaveFrame) => {
    const commandClass = frameCommandClass(frame);
    const key = `${node}|${direction}|${commandClass}`;
    const row = table.get(key);
    if (row) row.frames += 1;
    else table.set(key, { node, direction, commandClass, frames: 1 });
  };
  const fromNode = controller.onNodeFrame.bind(controller);
  controller.onNodeFrame = (node, frame) => {
    count(node.id, "from_node", frame);
    return fromNode(node, frame);
  };
  for (const node of nodes) {
    const toNode = node.onControllerFrame.bind(node);
    node.onControllerFrame = (frame) => {
      count(node.id, "to_node", frame);
      return toNode(frame);
    };
  }
  return {
    counts: () =>
      [...table.values()]
        .map((row) => ({ ...row }))
        .sort(
          (a, b) =>
            a.node - b.node ||
            a.direction.localeCompare(b.direction) ||
            a.commandClass.localeCompare(b.commandClass),
        ),
    reset: () => {
      table.clear();
    },
  };
}
