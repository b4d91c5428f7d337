import { describe, expect, it } from "vitest";
import { DoorCommands } from "../../../addon/src/service/door-commands";

describe("who moved a door", () => {
  it("is the user of the state change of the same move, near enough in time", () => {
    const doors = new DoorCommands(10_000);
    doors.stateMoved("lock.back_door", "unlocked", "u-alex", 100_000);
    expect(doors.commander("lock.back_door", "unlocked", 104_000)).toBe("u-alex");
    expect(doors.commander("lock.back_door", "unlocked", 95_000)).toBe("u-alex"); // the notification came first
    expect(doors.commander("lock.back_door", "locked", 104_000)).toBeNull();
    expect(doors.commander("lock.back_door", "unlocked", 111_000)).toBeNull();
    expect(doors.commander("lock.front_door", "unlocked", 104_000)).toBeNull();
    doors.stateMoved("lock.back_door", "locked", null, 120_000); // an automation or the lock itself
    expect(doors.commander("lock.back_door", "locked", 121_000)).toBeNull();
  });

  it("a notification waiting for its state change keeps that change from being entered again", () => {
    const doors = new DoorCommands(10_000);
    doors.notificationWaiting("lock.back_door", "unlocked");
    expect(doors.isWaiting("lock.back_door", "unlocked")).toBe(true);
    expect(doors.isWaiting("lock.back_door", "locked")).toBe(false);
    expect(doors.isWaiting("lock.front_door", "unlocked")).toBe(false);
    doors.notificationEntered("lock.back_door");
    expect(doors.isWaiting("lock.back_door", "unlocked")).toBe(false);
  });
});
