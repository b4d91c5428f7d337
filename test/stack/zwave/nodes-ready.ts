// Waits until zwave-server accepts websocket clients and every given node is interviewed
// ("ready"), using the server's own protocol: set_api_schema, start_listening, then the
// state dump and "ready" node events.
import { z } from "zod";
import { ZwaveWsClient } from "./zwave-ws-client.js";

/** Schema 33 is what Home Assistant 2023.12's zwave-js-server-python speaks. */
export const API_SCHEMA = 33;

const ListeningState = z.object({
  state: z.object({ nodes: z.array(z.looseObject({ nodeId: z.number(), ready: z.boolean().optional() })) }),
});

async function connectWithRetry(url: string, deadline: number): Promise<ZwaveWsClient> {
  for (;;) {
    try {
      return await ZwaveWsClient.connect(url);
    } catch (e) {
      // The server only listens once the driver is ready; until then connections are refused.
      if (Date.now() > deadline)
        throw new Error(`zwave-server at ${url} did not accept a client: ${String(e)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

export interface ReadyTimes {
  serverAcceptedAt: number;
  nodesReadyAt: number;
}

export async function waitForNodesReady(
  wsUrl: string,
  nodeIds: readonly number[],
  timeoutMs: number,
): Promise<ReadyTimes> {
  const deadline = Date.now() + timeoutMs;
  const client = await connectWithRetry(wsUrl, deadline);
  const serverAcceptedAt = Date.now();
  try {
    const pending = new Set(nodeIds);
    const allReady = new Promise<void>((resolve, reject) => {
      const check = (): void => {
        if (pending.size > 0) return;
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(
        () => {
          reject(new Error(`nodes not ready within ${timeoutMs} ms: ${[...pending].join(", ")}`));
        },
        Math.max(0, deadline - Date.now()),
      );
      client.onEvent((e) => {
        if (e.source === "node" && e.event === "ready" && e.nodeId !== undefined) pending.delete(e.nodeId);
        check();
      });
      void (async () => {
        await client.command("set_api_schema", { schemaVersion: API_SCHEMA });
        const { state } = ListeningState.parse(await client.command("start_listening"));
        for (const node of state.nodes) if (node.ready === true) pending.delete(node.nodeId);
        check();
      })().catch((e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      });
    });
    await allReady;
    return { serverAcceptedAt, nodesReadyAt: Date.now() };
  } finally {
    await client.close();
  }
}
