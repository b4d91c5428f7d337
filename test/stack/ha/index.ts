// Real Home Assistant test harness: public API.
export { startHomeAssistant, type HaInstance, type StartOptions } from "./ha-instance.js";
export { onboard, type OnboardOptions } from "./onboard.js";
export { type HaCredentials, credentialsPath } from "./tokens-file.js";
export {
  addServerUrlEntry,
  addZwaveJsEntry,
  waitForEntryLoaded,
  waitForZwaveJsLoaded,
} from "./zwave-entry.js";
export { configEntries, type ConfigEntry } from "./config-entries.js";
export { addCardResourceAndDashboard, type DashboardOptions, type DashboardResult } from "./dashboard.js";
export { haWs, type HaWs } from "./ha-ws.js";
export { HaWsError, HaEvent } from "./ws-frames.js";
export { HaHttpError } from "./http.js";
export { freePort } from "./free-port.js";
export { loginWithPassword, refreshAccessToken } from "./login.js";
