// Runs the shared protocol contract against the fake, plus fake-only behaviours
// (profiles, faults, injection) that real HA cannot be driven into on demand.
import { afterAll, beforeAll, describe } from "vitest";
import { protocolContractCases } from "./contract-cases.js";
import { startHaFake, type HaFake } from "./index.js";

let fake: HaFake;

beforeAll(async () => {
  fake = await startHaFake({
    users: [
      { id: "admin-user-id", name: "Admin", isAdmin: true, token: "admin-token" },
      { id: "plain-user-id", name: "Kid", isAdmin: false, token: "user-token" },
    ],
    locks: [
      {
        entityId: "lock.front_door",
        name: "Front Door",
        nodeId: 5,
        slotCount: 10,
        area: "hallway",
        battery: 80,
        supervision: true,
      },
    ],
    notifyServices: ["mobile_app_phone"],
  });
});

afterAll(async () => {
  await fake.stop();
});

describe("ha-fake honours the HA protocol contract", () => {
  protocolContractCases(() => ({
    wsUrl: fake.wsUrl,
    adminToken: "admin-token",
    userToken: "user-token",
    lockEntityId: "lock.front_door",
    pressKeypad: (slot, action) => {
      fake.pressKeypad("lock.front_door", slot, action);
      return Promise.resolve();
    },
  }));
});
