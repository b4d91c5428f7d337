// Public surface of the HA websocket fake for integration tests.
export { startHaFake, type HaFake, type RecordedServiceCall, type SlotView } from "./fake.js";
export type { FakeLockConfig, FakeUser, HaFakeOptions, HaProfile } from "./options.js";
export type { FailRule, HangRule } from "./faults.js";
export { HA_VERSION_PINNED } from "./protocol.js";
