import { describe, expect, it } from "vitest";
import { codeActionOf } from "../../../addon/src/core/code-actions";

const call = (service: string, data: Record<string, unknown>, domain = "zwave_js") => ({
  domain,
  service,
  service_data: data,
});

describe("HA's echo of a zwave_js code action", () => {
  it.each([
    ["set_lock_usercode", { entity_id: ["lock.front_door"], code_slot: 4, usercode: "1234" }, 4, "set"],
    ["clear_lock_usercode", { entity_id: "lock.front_door", code_slot: "4" }, 4, "removed"],
    ["set_credential", { entity_id: ["lock.front_door"], user_id: 2, credential_data: "1234" }, 2, "set"],
    ["set_user", { entity_id: ["lock.front_door"], user_id: 2, active: false }, 2, "set"],
    [
      "set_user",
      { entity_id: ["lock.front_door"], credential_type: "pin_code", credential_data: "1" },
      null,
      "set",
    ],
    ["delete_user", { entity_id: ["lock.front_door"], user_id: 3 }, 3, "removed"],
    ["delete_credential", { entity_id: ["lock.front_door"], user_id: 3, credential_slot: 7 }, 3, "removed"],
    ["delete_all_users", { entity_id: ["lock.front_door"] }, "all", "removed"],
  ])("%s %j → slot %s, %s", (service, data, slot, change) => {
    expect(codeActionOf(call(service, data))).toMatchObject({
      service,
      slot,
      change,
      entityIds: ["lock.front_door"],
    });
  });

  it("is nothing for a rename, a read, another domain or a foreign shape", () => {
    expect(codeActionOf(call("set_user", { entity_id: "lock.x", user_id: 2, user_name: "Mom" }))).toBeNull();
    expect(codeActionOf(call("get_users", { entity_id: "lock.x" }))).toBeNull();
    expect(codeActionOf(call("set_lock_usercode", { code_slot: 1 }, "lock"))).toBeNull();
    expect(codeActionOf({ domain: "zwave_js", service: "delete_user" })).toBeNull();
    expect(codeActionOf(null)).toBeNull();
  });

  it("reads targets by entity and by device, and never keeps the PIN", () => {
    const action = codeActionOf(
      call("set_credential", { device_id: "dev1", user_id: 1, credential_data: "4821" }),
    );
    expect(action).toEqual({
      domain: "zwave_js",
      service: "set_credential",
      entityIds: [],
      deviceIds: ["dev1"],
      slot: 1,
      matterUser: null,
      change: "set",
    });
    expect(JSON.stringify(action)).not.toContain("4821");
  });
});

describe("HA's echo of a matter lock action", () => {
  const lock = { entity_id: ["lock.patio_door"] };
  it.each([
    [
      "set_lock_credential",
      { credential_type: "pin", credential_data: "4821", credential_index: 3 },
      3,
      "set",
    ],
    ["set_lock_credential", { credential_type: "pin", credential_data: "4821" }, null, "set"],
    ["clear_lock_credential", { credential_type: "pin", credential_index: "3" }, 3, "removed"],
  ])("%s %j → slot %s, %s", (service, data, slot, change) => {
    const action = codeActionOf(call(service, { ...lock, ...data }, "matter"));
    expect(action).toMatchObject({ domain: "matter", service, slot, change, matterUser: null });
    expect(JSON.stringify(action)).not.toContain("4821");
  });

  it("a user cleared names the user, not a slot: its PINs are found by listing the lock again", () => {
    expect(codeActionOf(call("clear_lock_user", { ...lock, user_index: 2 }, "matter"))).toMatchObject({
      domain: "matter",
      slot: null,
      matterUser: 2,
      change: "removed",
    });
  });

  it("is nothing for other credentials, reads, renames or a user without an index", () => {
    expect(
      codeActionOf(
        call("set_lock_credential", { ...lock, credential_type: "rfid", credential_data: "ab" }, "matter"),
      ),
    ).toBeNull();
    expect(codeActionOf(call("get_lock_users", lock, "matter"))).toBeNull();
    expect(
      codeActionOf(call("set_lock_user", { ...lock, user_index: 1, user_name: "Gran" }, "matter")),
    ).toBeNull();
    expect(codeActionOf(call("clear_lock_user", lock, "matter"))).toBeNull();
  });
});
