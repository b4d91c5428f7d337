// Injectable faults. A matching rule is consumed by the service call it affects.

export interface FailRule {
  service: string;
  entityId?: string;
  times?: number;
  message?: string;
}

export interface HangRule {
  service: string;
  entityId?: string;
}

/** "domain.service" or just "service" both match. */
function matches(
  rule: { service: string; entityId?: string },
  fullService: string,
  entityIds: string[],
): boolean {
  const serviceOk = rule.service === fullService || fullService.endsWith(`.${rule.service}`);
  return serviceOk && (rule.entityId === undefined || entityIds.includes(rule.entityId));
}

export class Faults {
  private readonly fails: FailRule[] = [];
  private readonly hangs: HangRule[] = [];
  private readonly slow = new Map<string, number>();
  /** How long the fake takes to answer an auth message (a busy or distant HA). */
  authDelayMs = 0;

  /** The service raises HomeAssistantError → home_assistant_error frame. */
  failNext(rule: FailRule): void {
    this.fails.push({ ...rule, times: rule.times ?? 1 });
  }

  /** The service never returns (e.g. a driver command stuck in the queue). */
  hangNext(rule: HangRule): void {
    this.hangs.push(rule);
  }

  /** Extra latency for every operation on one lock. */
  slowLock(entityId: string, ms: number): void {
    this.slow.set(entityId, ms);
  }

  latency(entityId: string): number {
    return this.slow.get(entityId) ?? 0;
  }

  takeFailure(fullService: string, entityIds: string[]): string | undefined {
    const rule = this.fails.find((r) => matches(r, fullService, entityIds));
    if (!rule) return undefined;
    rule.times = (rule.times ?? 1) - 1;
    if (rule.times <= 0) this.fails.splice(this.fails.indexOf(rule), 1);
    return rule.message ?? `Fault injected into ${fullService}`;
  }

  takeHang(fullService: string, entityIds: string[]): boolean {
    const idx = this.hangs.findIndex((r) => matches(r, fullService, entityIds));
    if (idx < 0) return false;
    this.hangs.splice(idx, 1);
    return true;
  }
}
