// Runs the shared protocol contract against the fake in both of its profiles: "pinned" (the
// oldest HA Latchkey supports, 2024.3) and "newest" (2026.11). The same cases run against the
// real releases in the end-to-end tier.
import { afterAll, beforeAll, describe } from "vitest";
import { protocolContractCases } from "./contract-cases.js";
import { startHaFake, type HaFake } from "./index.js";
import type { HaProfile } from "./options.js";

for (const profile of ["pinned", "newest"] satisfies HaProfile[]) {
  describe(`ha-fake honours the HA protocol contract (${profile})`, () => {
    let fake: HaFake;
    beforeAll(async () => {
      fake = await startHaFake({
        profile,
        users: [
          { id: "admin-user-id", name: "Admin", isAdmin: true, token: "admin-token" },
          { id: "plain-user-id", name: "Kid", isAdmin: false, token: "user-token" },
          { id: "spare-user-id", name: "Spare", isAdmin: false, token: "spare-token" },
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
          ...(profile === "newest"
            ? [
                {
                  entityId: "lock.back_door",
                  name: "Back Door",
                  nodeId: 7,
                  slotCount: 10,
                  supervision: false,
                },
                {
                  entityId: "lock.shed_door",
                  name: "Shed Door",
                  nodeId: 6,
                  slotCount: 10,
                  commandClass: "user_credential" as const,
                },
                {
                  entityId: "lock.patio_door",
                  name: "Patio Door",
                  nodeId: 1,
                  slotCount: 10,
                  protocol: "matter" as const,
                },
              ]
            : []),
        ],
        notifyServices: ["mobile_app_phone"],
      });
    });
    afterAll(async () => {
      await fake.stop();
    });

    protocolContractCases(() => ({
      wsUrl: fake.wsUrl,
      adminToken: "admin-token",
      userToken: "user-token",
      spareUserToken: "spare-token",
      profile,
      lockEntityId: "lock.front_door",
      ...(profile === "newest"
        ? {
            userCodeLocks: [
              { entityId: "lock.front_door", supervised: true },
              { entityId: "lock.back_door", supervised: false },
            ],
            credentialLockEntityId: "lock.shed_door",
            matterLockEntityId: "lock.patio_door",
            matterKeypad: ({ credentialIndex, action }) => {
              if (credentialIndex === null) fake.manual("lock.patio_door", action);
              else fake.pressKeypad("lock.patio_door", credentialIndex, action);
              return Promise.resolve();
            },
          }
        : {}),
      pressKeypad: (slot, action) => {
        fake.pressKeypad("lock.front_door", slot, action);
        return Promise.resolve();
      },
      keypadCode: (slot, code) => {
        fake.keypadChangeCode("lock.front_door", slot, code);
        return Promise.resolve();
      },
      jam: () => {
        fake.jam("lock.front_door");
        return Promise.resolve();
      },
      accessEvent: (event) => {
        fake.accessEvent("lock.front_door", event);
        return Promise.resolve();
      },
      quirks: (quirks) => {
        fake.setLockQuirks("lock.front_door", quirks);
        return Promise.resolve();
      },
      away: (away) => {
        fake.setNodeStatus("lock.front_door", away ? "dead" : "alive");
        return Promise.resolve();
      },
    }));
  });
}
