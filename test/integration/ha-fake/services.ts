// call_service as HA runs it: core.py ServiceRegistry.async_call (lookup, response checks,
// target merge, schema) and helpers/service.py entity_service_call (target resolution; missing
// or unavailable entities are skipped silently, not errors). Where 2026.11 differs (admin-only
// zwave_js actions, response checks as validation errors, probatio's wording) the profile says.
import type { Faults } from "./faults.js";
import type { HaProfile } from "./options.js";
import type { FakeLock, Home } from "./home.js";
import { HaError, type HaContext, type JsonObject } from "./protocol.js";
import { referencedIds, validateServiceData, type ServiceSchema } from "./service-schema.js";

export type SupportsResponse = "none" | "optional" | "only";

export interface ServiceCall {
  domain: string;
  service: string;
  data: JsonObject;
  userId: string | null;
  context: HaContext;
}

export interface ServiceDef {
  schema: ServiceSchema;
  supports: SupportsResponse;
  /** Refused to non-admins ("Unauthorized") in the newest profile, as 2026.11's zwave_js code actions are. */
  adminOnly?: boolean;
  /** Entity services of one integration run only on its locks (matter's on Matter locks). */
  integration?: "zwave_js" | "matter";
  /** Entity services run once per targeted available lock; others run once. */
  run: (call: ServiceCall, lock: FakeLock | null) => Promise<JsonObject | null>;
  /** The service's description for get_services. */
  description: JsonObject;
}

/** 2026.11: a response mismatch is a ServiceValidationError with a translation. */
function checkResponseRequest(supports: SupportsResponse, returnResponse: boolean): void {
  const placeholders = { return_response: "return_response=True" };
  if (returnResponse && supports === "none")
    throw new HaError(
      "service_validation_error",
      "Validation error: An action which does not return responses can't be called with return_response=True",
      { key: "service_does_not_support_response", domain: "homeassistant", placeholders },
    );
  if (!returnResponse && supports === "only")
    throw new HaError(
      "service_validation_error",
      "Validation error: The action requires responses and must be called with return_response=True",
      { key: "service_lacks_response_request", domain: "homeassistant", placeholders },
    );
}

export class ServiceRegistry {
  readonly defs = new Map<string, Map<string, ServiceDef>>();
  readonly calls: ServiceCall[] = [];

  constructor(
    private readonly home: Home,
    private readonly faults: Faults,
    private readonly profile: HaProfile,
  ) {}

  register(domain: string, service: string, def: ServiceDef): void {
    const services = this.defs.get(domain) ?? new Map<string, ServiceDef>();
    services.set(service, def);
    this.defs.set(domain, services);
  }

  async call(
    domainIn: string,
    serviceIn: string,
    serviceData: JsonObject,
    target: JsonObject | undefined,
    returnResponse: boolean,
    userId: string | null,
    context: HaContext,
    isAdmin = true,
  ): Promise<JsonObject | null> {
    let domain = domainIn;
    let service = serviceIn;
    let def = this.defs.get(domain)?.get(service);
    if (!def) {
      domain = domain.toLowerCase();
      service = service.toLowerCase();
      def = this.defs.get(domain)?.get(service);
    }
    if (!def) {
      // exceptions.py ServiceNotFound → commands.py ERR_NOT_FOUND with its translation.
      throw new HaError("not_found", `Service ${domain}.${service} not found.`, {
        key: "service_not_found",
        domain: "homeassistant",
        placeholders: { domain, service },
      });
    }
    const newest = this.profile === "newest";
    if (newest && def.adminOnly === true && !isAdmin)
      throw new HaError("home_assistant_error", "Unauthorized");
    if (newest) checkResponseRequest(def.supports, returnResponse);
    // core.py raises ValueError here, which call_service reports as unknown_error.
    if (returnResponse && def.supports === "none") {
      throw new HaError(
        "unknown_error",
        "Invalid argument return_response=True when handler does not support responses",
      );
    }
    if (!returnResponse && def.supports === "only") {
      throw new HaError(
        "unknown_error",
        "Service call requires responses but caller did not ask for responses",
      );
    }
    const data = validateServiceData(
      def.schema,
      { ...serviceData, ...(target ?? {}) },
      newest ? "probatio" : "voluptuous",
    );
    const call: ServiceCall = { domain, service, data, userId, context };
    this.calls.push(call);
    this.home.bus.fire(
      "call_service",
      { domain, service, service_data: { ...serviceData, ...targetAsLists(target) } },
      context,
    );

    const integration = def.integration ?? (domain === "zwave_js" ? "zwave_js" : undefined);
    // A dead node's lock is still available in HA (2026.11): an action that answers from the
    // driver's cache (get_lock_usercode) answers for it; one that must reach the lock is sent, and
    // the node answers nothing — modelled as going nowhere.
    const answersFromCache = def.supports !== "none";
    const locks = def.schema.entity
      ? this.targetLocks(data).filter(
          (l) =>
            (integration === undefined || (l.matter ? "matter" : "zwave_js") === integration) &&
            (answersFromCache || l.node.status !== "dead"),
        )
      : [];
    const full = `${domain}.${service}`;
    const entityIds = locks.map((l) => l.config.entityId);
    if (this.faults.takeHang(full, entityIds)) await new Promise<never>(() => undefined);
    const failure = this.faults.takeFailure(full, entityIds);
    if (failure !== undefined) throw new HaError("home_assistant_error", failure);

    if (!def.schema.entity) return await def.run(call, null);
    if (locks.length === 0) {
      if (returnResponse)
        throw new HaError(
          "home_assistant_error",
          "Service call requested response data but did not match any entities",
        );
      return null;
    }
    const responses: JsonObject = {};
    await Promise.all(
      locks.map(async (lock) => {
        responses[lock.config.entityId] = await def.run(call, lock);
      }),
    );
    return returnResponse ? responses : null;
  }

  /** The locks the call targets by entity, device or area. */
  private targetLocks(data: JsonObject): FakeLock[] {
    const entities = referencedIds(data, "entity_id");
    const devices = referencedIds(data, "device_id");
    const areas = referencedIds(data, "area_id");
    return [...this.home.locks.values()].filter((lock) => {
      const hit =
        entities === "all" ||
        entities.includes(lock.config.entityId) ||
        (devices !== "all" && devices.includes(lock.deviceId)) ||
        (areas !== "all" && lock.config.area !== undefined && areas.includes(lock.config.area));
      return hit;
    });
  }
}

/** The websocket's call_service schema (cv.ENTITY_SERVICE_FIELDS) turns each target id into a list. */
function targetAsLists(target: JsonObject | undefined): JsonObject {
  const lists: JsonObject = {};
  for (const [key, value] of Object.entries(target ?? {}))
    lists[key] = typeof value === "string" ? [value] : value;
  return lists;
}
