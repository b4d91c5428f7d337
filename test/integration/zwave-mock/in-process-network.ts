import type { AddressInfo } from "node:net";
import { createControlClient, type ControlClient } from "../../stack/zwave/control-client";
import { createControlServer } from "../../stack/zwave/control-server";
import { buildMockNetwork, destroyMockNetwork, type MockNetwork } from "../../stack/zwave/mock-build";

export interface InProcessNetwork {
  net: MockNetwork;
  control: ControlClient;
  close: () => Promise<void>;
}

/**
 * zwave-js's own mock controller with the given lock nodes, no driver, and the stack's control
 * endpoint in front of it on a free port — with radio delays of 1 ms, so tests run at once.
 */
export async function startInProcessNetwork(nodeIds: number[]): Promise<InProcessNetwork> {
  const net = await buildMockNetwork(
    { normalTxDelayMs: 1, slowTxDelayMs: 1, slowResponseDelayMs: 0 },
    nodeIds,
  );
  const server = createControlServer(net);
  await new Promise<void>((resolve) => server.listen({ host: "127.0.0.1", port: 0 }, resolve));
  const address: AddressInfo | string | null = server.address();
  if (typeof address !== "object" || !address) throw new Error("control server has no port");
  return {
    net,
    control: createControlClient(`http://127.0.0.1:${address.port}`),
    close: async () => {
      server.close();
      server.closeAllConnections();
      await destroyMockNetwork(net);
    },
  };
}
