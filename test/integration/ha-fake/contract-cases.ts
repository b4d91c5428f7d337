// Protocol cases that hold the fake to real Home Assistant: the fake's own test runs them
// against the fake (both profiles), the real-stack suite runs the very same cases against real HA.
import { authContractCases } from "./contract-cases-auth.js";
import { protocolCases } from "./contract-core.js";
import { credentialCases } from "./contract-credentials.js";
import { keypadCodeCases } from "./contract-keypad.js";
import { matterCases } from "./contract-matter.js";
import { lockStateCases } from "./contract-lock-states.js";
import { quirkCases } from "./contract-quirks.js";
import type { ContractTarget } from "./contract-support.js";
import { zwaveCases } from "./contract-zwave.js";

export type { ContractTarget } from "./contract-support.js";

export function protocolContractCases(getTarget: () => ContractTarget): void {
  authContractCases(getTarget);
  protocolCases(getTarget);
  zwaveCases(getTarget);
  credentialCases(getTarget);
  keypadCodeCases(getTarget);
  matterCases(getTarget);
  lockStateCases(getTarget);
  quirkCases(getTarget);
}
