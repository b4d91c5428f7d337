// The radio's own pace, measured beside Latchkey in the same run: one User Code Set and the Get
// that reads it back, sent straight to the Z-Wave JS server (no Home Assistant, no Latchkey) on
// a spare slot of one lock. That is the floor a confirmed change cannot go below.
import type { FullStack } from "../../test/stack/full-stack";
import { API_SCHEMA } from "../../test/stack/zwave/nodes-ready";
import { ZwaveWsClient } from "../../test/stack/zwave/zwave-ws-client";
import { framesOf, settledFrames, type Frames } from "../../test/stack/zwave/frame-counts";
import { summarize, type Timing } from "../stats";

export interface RoundTrip {
  node: number;
  slot: number;
  timing: Timing;
  /** Frames of one Set + Get round trip (the last run). */
  frames: Frames;
}

const USER_CODE_CC = 99;
const ENABLED = 1;

export async function setAndGetRoundTrip(
  stack: FullStack,
  node: number,
  slot: number,
  runs: number,
): Promise<RoundTrip> {
  const client = await ZwaveWsClient.connect(stack.zwave.wsUrl);
  const invoke = (methodName: string, args: unknown[]) =>
    client.command("endpoint.invoke_cc_api", {
      nodeId: node,
      endpoint: 0,
      commandClass: USER_CODE_CC,
      methodName,
      args,
    });
  try {
    await client.command("set_api_schema", { schemaVersion: API_SCHEMA });
    const samples: number[] = [];
    let frames: Frames = { rows: [], total: 0 };
    for (let run = 0; run < runs; run++) {
      await settledFrames(stack.zwave.control);
      await stack.zwave.control.resetFrames();
      const started = performance.now();
      await invoke("set", [slot, ENABLED, String(581_300 + run)]);
      await invoke("get", [slot]);
      samples.push(performance.now() - started);
      frames = framesOf(await settledFrames(stack.zwave.control), [node]);
    }
    await invoke("clear", [slot]);
    await settledFrames(stack.zwave.control);
    return { node, slot, timing: summarize(samples), frames };
  } finally {
    await client.close();
  }
}
