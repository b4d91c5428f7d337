// Driver options for `zwave-server ... --config test/stack/zwave/server-config.cjs`.
// Paths come from the environment so each test run gets its own throw-away cache and log.
// Why CommonJS: zwave-server loads its config with require().
const path = require("node:path");
const os = require("node:os");

const workDir = process.env.LATCHKEY_ZWAVE_WORK_DIR || path.join(os.tmpdir(), "latchkey-zwave");

module.exports = {
  // Throw-away keys for the simulated network only; never use these for real devices.
  securityKeys: {
    S0_Legacy: "0102030405060708090A0B0C0D0E0F10",
    S2_Unauthenticated: "1112131415161718191A1B1C1D1E1F20",
    S2_Authenticated: "2122232425262728292A2B2C2D2E2F30",
    S2_AccessControl: "3132333435363738393A3B3C3D3E3F40",
  },
  storage: { cacheDir: path.join(workDir, "cache") },
  logConfig: {
    enabled: true,
    level: process.env.LATCHKEY_ZWAVE_LOG_LEVEL || "debug",
    logToFile: true,
    filename: path.join(workDir, "zwave-driver_%DATE%.log"),
    forceConsole: false,
  },
  // Multi-client setups (HA + our probes) must see values set by another client.
  emitValueUpdateAfterSetValue: true,
  // zwave-js 15 otherwise clears every user code on a lock's first interview. A real lock
  // joining a home keeps the codes it already holds, and Latchkey must discover and adopt
  // them, so the simulation queries them instead (this costs one Get per slot on interview).
  interview: { queryAllUserCodes: true },
  features: { softReset: true },
};
