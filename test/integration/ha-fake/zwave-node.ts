// The driver-side view of one Z-Wave lock node: its value DB and the "value updated" /
// status events that HA's zwave_js integration listens to (zwave_js_server model/node).

export type NodeStatusName = "alive" | "dead" | "asleep";

/** zwave_js_server const NodeStatus (IntEnum, sent as a number by zwave_js/node_status). */
export const NODE_STATUS_CODE: Record<NodeStatusName, number> = { asleep: 1, dead: 3, alive: 4 };

/** zwave-js UserIDStatus as metadata states (enumValuesToMetadataStates). */
export const USER_ID_STATUS_STATES: Record<string, string> = {
  "0": "Available",
  "1": "Enabled",
  "2": "Disabled",
  "3": "Messaging",
  "4": "PassageMode",
  "254": "StatusNotAvailable",
};

/** Door Lock CC currentMode states (zwave-js DoorLockMode). */
export const DOOR_LOCK_MODE_STATES: Record<string, string> = {
  "0": "Unsecured",
  "1": "UnsecuredWithTimeout",
  "16": "InsideUnsecured",
  "17": "InsideUnsecuredWithTimeout",
  "32": "OutsideUnsecured",
  "33": "OutsideUnsecuredWithTimeout",
  "254": "Unknown",
  "255": "Secured",
};

export interface ZValue {
  commandClass: number;
  commandClassName: string;
  endpoint: number;
  property: string;
  propertyName: string;
  propertyKey: number | null;
  propertyKeyName: string | null;
  value: string | number | null;
  states: Record<string, string>;
}

export interface ValueUpdate {
  value: ZValue;
  prevValue: string | number | null;
  newValue: string | number | null;
}

/** zwave_js_server util.node get_value_id_str: "<node>-<cc>-<endpoint>-<property>[-<key>]". */
export function valueIdStr(
  nodeId: number,
  cc: number,
  endpoint: number,
  property: string,
  key: number | null,
): string {
  const base = `${nodeId}-${cc}-${endpoint}-${property}`;
  return key === null ? base : `${base}-${key}`;
}

export class ZNode {
  status: NodeStatusName = "alive";
  readonly values = new Map<string, ZValue>();
  private readonly valueListeners = new Set<(u: ValueUpdate) => void>();
  private readonly statusListeners = new Set<(event: string) => void>();

  constructor(readonly nodeId: number) {}

  add(
    v: Omit<ZValue, "propertyName" | "propertyKeyName" | "states"> & { states?: Record<string, string> },
  ): void {
    const full: ZValue = {
      ...v,
      propertyName: v.property,
      // CommandClass.translatePropertyKey default: the key as a string.
      propertyKeyName: v.propertyKey === null ? null : String(v.propertyKey),
      states: v.states ?? {},
    };
    this.values.set(this.idOf(full), full);
  }

  idOf(v: Pick<ZValue, "commandClass" | "endpoint" | "property" | "propertyKey">): string {
    return valueIdStr(this.nodeId, v.commandClass, v.endpoint, v.property, v.propertyKey);
  }

  get(cc: number, property: string, key: number | null, endpoint = 0): ZValue | undefined {
    return this.values.get(valueIdStr(this.nodeId, cc, endpoint, property, key));
  }

  /**
   * zwave-js emits "value updated" on every report, even when the value did not change — but
   * the first report of a value the driver never had is "value added", which HA's
   * value_updated trigger does not hear. Empty slots of a lock whose codes the driver did not
   * read at interview (the real stack: queryAllUserCodes with a zero checksum) start that way.
   */
  update(cc: number, property: string, key: number | null, newValue: string | number | null): void {
    const v = this.get(cc, property, key);
    if (!v) return;
    const prevValue = v.value;
    v.value = newValue;
    if (prevValue === null) return;
    for (const l of [...this.valueListeners]) l({ value: v, prevValue, newValue });
  }

  onValueUpdated(fn: (u: ValueUpdate) => void): () => void {
    this.valueListeners.add(fn);
    return () => this.valueListeners.delete(fn);
  }

  /** Events the zwave_js/subscribe_node_status command forwards: alive, dead, sleep, wake up, ready. */
  /** How many node-status subscriptions follow this node. */
  get statusWatchers(): number {
    return this.statusListeners.size;
  }

  onStatusEvent(fn: (event: string) => void): () => void {
    this.statusListeners.add(fn);
    return () => this.statusListeners.delete(fn);
  }

  setStatus(status: NodeStatusName): void {
    if (status === this.status) return;
    const wasAsleep = this.status === "asleep";
    this.status = status;
    const event =
      status === "asleep" ? "sleep" : status === "dead" ? "dead" : wasAsleep ? "wake up" : "alive";
    for (const l of [...this.statusListeners]) l(event);
  }
}
