import { fileURLToPath } from 'node:url';
import { createServer } from 'node:http';
import require$$0$4 from 'events';
import require$$1$1 from 'https';
import require$$0 from 'http';
import require$$3 from 'net';
import require$$4 from 'querystring';
import require$$5 from 'tls';
import require$$1 from 'crypto';
import require$$0$3 from 'stream';
import require$$8 from 'url';
import require$$0$1 from 'zlib';
import require$$0$2 from 'buffer';
import require$$2 from 'util';
import { readFile, readdir, unlink, open as open$1, rename, appendFile, mkdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { constants as constants$1 } from 'node:fs';
import { randomUUID } from 'node:crypto';

const ERR_CANNOT_CONNECT = 1;
const ERR_INVALID_AUTH = 2;
const ERR_CONNECTION_LOST$1 = 3;
const ERR_HASS_HOST_REQUIRED = 4;

function auth(accessToken) {
    return {
        type: "auth",
        access_token: accessToken,
    };
}
function supportedFeatures() {
    return {
        type: "supported_features",
        id: 1, // Always the first message after auth
        features: { coalesce_messages: 1 },
    };
}
function subscribeEvents(eventType) {
    const message = {
        type: "subscribe_events",
    };
    if (eventType) {
        message.event_type = eventType;
    }
    return message;
}
function unsubscribeEvents(subscription) {
    return {
        type: "unsubscribe_events",
        subscription,
    };
}
function ping() {
    return {
        type: "ping",
    };
}
function error$1(code, message) {
    return {
        type: "result",
        success: false,
        error: {
            code,
            message,
        },
    };
}

const atLeastHaVersion = (version, major, minor, patch) => {
    const [haMajor, haMinor, haPatch] = version.split(".", 3);
    return (Number(haMajor) > major ||
        (Number(haMajor) === major &&
            (Number(haMinor) >= minor
                )) ||
        (patch !== undefined));
};

/**
 * Create a web socket connection with a Home Assistant instance.
 */
// A stalled connection can emit neither open nor close, which leaves the
// retry below unreachable. Bound how long we wait for the open event.
const DEFAULT_CONNECT_TIMEOUT = 10000;
const MSG_TYPE_AUTH_INVALID = "auth_invalid";
const MSG_TYPE_AUTH_OK = "auth_ok";
function createSocket(options) {
    var _a;
    if (!options.auth) {
        throw ERR_HASS_HOST_REQUIRED;
    }
    const auth$1 = options.auth;
    // Start refreshing expired tokens even before the WS connection is open.
    // We know that we will need auth anyway.
    let authRefreshTask = auth$1.expired
        ? auth$1.refreshAccessToken().then(() => {
            authRefreshTask = undefined;
        }, () => {
            authRefreshTask = undefined;
        })
        : undefined;
    // Convert from http:// -> ws://, https:// -> wss://
    const url = auth$1.wsUrl;
    const connectTimeout = (_a = options.connectTimeout) !== null && _a !== void 0 ? _a : DEFAULT_CONNECT_TIMEOUT;
    function connect(triesLeft, promResolve, promReject) {
        const socket = new WebSocket(url);
        // If invalid auth, we will not try to reconnect.
        let invalidAuth = false;
        // Closing a socket that is still connecting fires close, so whatever
        // retry policy applies below takes it from here.
        const connectTimer = connectTimeout > 0
            ? setTimeout(() => {
                socket.close();
            }, connectTimeout)
            : undefined;
        const clearConnectTimer = () => {
            if (connectTimer !== undefined) {
                clearTimeout(connectTimer);
            }
        };
        const closeMessage = () => {
            clearConnectTimer();
            // If we are in error handler make sure close handler doesn't also fire.
            socket.removeEventListener("close", closeMessage);
            if (invalidAuth) {
                promReject(ERR_INVALID_AUTH);
                return;
            }
            // Reject if we no longer have to retry
            if (triesLeft === 0) {
                // We never were connected and will not retry
                promReject(ERR_CANNOT_CONNECT);
                return;
            }
            const newTries = triesLeft === -1 ? -1 : triesLeft - 1;
            // Try again in a second
            setTimeout(() => connect(newTries, promResolve, promReject), 1000);
        };
        // Auth is mandatory, so we can send the auth message right away.
        const handleOpen = async (event) => {
            clearConnectTimer();
            try {
                if (auth$1.expired) {
                    await (authRefreshTask ? authRefreshTask : auth$1.refreshAccessToken());
                }
                socket.send(JSON.stringify(auth(auth$1.accessToken)));
            }
            catch (err) {
                // Refresh token failed
                invalidAuth = err === ERR_INVALID_AUTH;
                socket.close();
            }
        };
        const handleMessage = async (event) => {
            const message = JSON.parse(event.data);
            switch (message.type) {
                case MSG_TYPE_AUTH_INVALID:
                    invalidAuth = true;
                    socket.close();
                    break;
                case MSG_TYPE_AUTH_OK:
                    socket.removeEventListener("open", handleOpen);
                    socket.removeEventListener("message", handleMessage);
                    socket.removeEventListener("close", closeMessage);
                    socket.removeEventListener("error", closeMessage);
                    socket.haVersion = message.ha_version;
                    if (atLeastHaVersion(socket.haVersion, 2022, 9)) {
                        socket.send(JSON.stringify(supportedFeatures()));
                    }
                    promResolve(socket);
                    break;
            }
        };
        socket.addEventListener("open", handleOpen);
        socket.addEventListener("message", handleMessage);
        socket.addEventListener("close", closeMessage);
        socket.addEventListener("error", closeMessage);
    }
    return new Promise((resolve, reject) => connect(options.setupRetry, resolve, reject));
}

/**
 * Connection that wraps a socket and provides an interface to interact with
 * the Home Assistant websocket API.
 */
class Connection {
    constructor(socket, options) {
        this._handleMessage = (event) => {
            let messageGroup = JSON.parse(event.data);
            if (!Array.isArray(messageGroup)) {
                messageGroup = [messageGroup];
            }
            messageGroup.forEach((message) => {
                const info = this.commands.get(message.id);
                switch (message.type) {
                    case "event":
                        if (info) {
                            info.callback(message.event);
                        }
                        else {
                            console.warn(`Received event for unknown subscription ${message.id}. Unsubscribing.`);
                            this.sendMessagePromise(unsubscribeEvents(message.id)).catch((err) => {
                            });
                        }
                        break;
                    case "result":
                        // No info is fine. If just sendMessage is used, we did not store promise for result
                        if (info) {
                            if (message.success) {
                                info.resolve(message.result);
                                // Don't remove subscriptions.
                                if (!("subscribe" in info)) {
                                    this.commands.delete(message.id);
                                }
                            }
                            else {
                                info.reject(message.error);
                                this.commands.delete(message.id);
                            }
                        }
                        break;
                    case "pong":
                        if (info) {
                            info.resolve();
                            this.commands.delete(message.id);
                        }
                        else {
                            console.warn(`Received unknown pong response ${message.id}`);
                        }
                        break;
                }
            });
        };
        this._handleClose = async () => {
            const oldCommands = this.commands;
            // reset to original state except haVersion
            this.commandId = 1;
            this.oldSubscriptions = this.commands;
            this.commands = new Map();
            this.socket = undefined;
            // Reject in-flight sendMessagePromise requests
            oldCommands.forEach((info) => {
                // We don't cancel subscribeEvents commands in flight
                // as we will be able to recover them.
                if (!("subscribe" in info)) {
                    info.reject(error$1(ERR_CONNECTION_LOST$1, "Connection lost"));
                }
            });
            if (this.closeRequested) {
                return;
            }
            this.fireEvent("disconnected");
            // Disable setupRetry, we control it here with auto-backoff
            const options = Object.assign(Object.assign({}, this.options), { setupRetry: 0 });
            const reconnect = (tries) => {
                setTimeout(async () => {
                    if (this.closeRequested) {
                        return;
                    }
                    try {
                        const socket = await options.createSocket(options);
                        this._setSocket(socket);
                    }
                    catch (err) {
                        if (this._queuedMessages) {
                            const queuedMessages = this._queuedMessages;
                            this._queuedMessages = undefined;
                            for (const msg of queuedMessages) {
                                if (msg.reject) {
                                    msg.reject(ERR_CONNECTION_LOST$1);
                                }
                            }
                        }
                        if (err === ERR_INVALID_AUTH) {
                            this.fireEvent("reconnect-error", err);
                        }
                        else {
                            reconnect(tries + 1);
                        }
                    }
                }, Math.min(tries, 5) * 1000);
            };
            if (this.suspendReconnectPromise) {
                await this.suspendReconnectPromise;
                this.suspendReconnectPromise = undefined;
                // For the first retry after suspend, we will queue up
                // all messages.
                this._queuedMessages = [];
            }
            reconnect(0);
        };
        // connection options
        //  - setupRetry: amount of ms to retry when unable to connect on initial setup
        //  - createSocket: create a new Socket connection
        this.options = options;
        // id if next command to send
        this.commandId = 2; // socket may send 1 at the start to enable features
        // info about active subscriptions and commands in flight
        this.commands = new Map();
        // map of event listeners
        this.eventListeners = new Map();
        // true if a close is requested by the user
        this.closeRequested = false;
        this._setSocket(socket);
    }
    get connected() {
        // Using conn.socket.OPEN instead of WebSocket for better node support
        return (this.socket !== undefined && this.socket.readyState == this.socket.OPEN);
    }
    _setSocket(socket) {
        this.socket = socket;
        this.haVersion = socket.haVersion;
        socket.addEventListener("message", this._handleMessage);
        socket.addEventListener("close", this._handleClose);
        const oldSubscriptions = this.oldSubscriptions;
        if (oldSubscriptions) {
            this.oldSubscriptions = undefined;
            oldSubscriptions.forEach((info) => {
                if ("subscribe" in info && info.subscribe) {
                    info.subscribe().then((unsub) => {
                        info.unsubscribe = unsub;
                        // We need to resolve this in case it wasn't resolved yet.
                        // This allows us to subscribe while we're disconnected
                        // and recover properly.
                        info.resolve();
                    });
                }
            });
        }
        const queuedMessages = this._queuedMessages;
        if (queuedMessages) {
            this._queuedMessages = undefined;
            for (const queuedMsg of queuedMessages) {
                queuedMsg.resolve();
            }
        }
        this.fireEvent("ready");
    }
    addEventListener(eventType, callback) {
        let listeners = this.eventListeners.get(eventType);
        if (!listeners) {
            listeners = [];
            this.eventListeners.set(eventType, listeners);
        }
        listeners.push(callback);
    }
    removeEventListener(eventType, callback) {
        const listeners = this.eventListeners.get(eventType);
        if (!listeners) {
            return;
        }
        const index = listeners.indexOf(callback);
        if (index !== -1) {
            listeners.splice(index, 1);
        }
    }
    fireEvent(eventType, eventData) {
        (this.eventListeners.get(eventType) || []).forEach((callback) => callback(this, eventData));
    }
    suspendReconnectUntil(suspendPromise) {
        this.suspendReconnectPromise = suspendPromise;
    }
    suspend() {
        if (!this.suspendReconnectPromise) {
            throw new Error("Suspend promise not set");
        }
        if (this.socket) {
            this.socket.close();
        }
    }
    /**
     * Reconnect the websocket connection.
     * @param force discard old socket instead of gracefully closing it.
     */
    reconnect(force = false) {
        if (!this.socket) {
            return;
        }
        if (!force) {
            this.socket.close();
            return;
        }
        this.socket.removeEventListener("message", this._handleMessage);
        this.socket.removeEventListener("close", this._handleClose);
        this.socket.close();
        this._handleClose();
    }
    close() {
        this.closeRequested = true;
        if (this.socket) {
            this.socket.close();
        }
    }
    /**
     * Subscribe to a specific or all events.
     *
     * @param callback Callback  to be called when a new event fires
     * @param eventType
     * @returns promise that resolves to an unsubscribe function
     */
    async subscribeEvents(callback, eventType) {
        return this.subscribeMessage(callback, subscribeEvents(eventType));
    }
    ping() {
        return this.sendMessagePromise(ping());
    }
    sendMessage(message, commandId) {
        if (!this.connected) {
            throw ERR_CONNECTION_LOST$1;
        }
        if (this._queuedMessages) {
            if (commandId) {
                throw new Error("Cannot queue with commandId");
            }
            this._queuedMessages.push({ resolve: () => this.sendMessage(message) });
            return;
        }
        if (!commandId) {
            commandId = this._genCmdId();
        }
        message.id = commandId;
        this.socket.send(JSON.stringify(message));
    }
    sendMessagePromise(message) {
        return new Promise((resolve, reject) => {
            if (this._queuedMessages) {
                this._queuedMessages.push({
                    reject,
                    resolve: async () => {
                        try {
                            resolve(await this.sendMessagePromise(message));
                        }
                        catch (err) {
                            reject(err);
                        }
                    },
                });
                return;
            }
            const commandId = this._genCmdId();
            this.commands.set(commandId, { resolve, reject });
            this.sendMessage(message, commandId);
        });
    }
    /**
     * Call a websocket command that starts a subscription on the backend.
     *
     * @param message the message to start the subscription
     * @param callback the callback to be called when a new item arrives
     * @param [options.resubscribe] re-established a subscription after a reconnect. Defaults to true.
     * @returns promise that resolves to an unsubscribe function
     */
    async subscribeMessage(callback, subscribeMessage, options) {
        if (this._queuedMessages) {
            await new Promise((resolve, reject) => {
                this._queuedMessages.push({ resolve, reject });
            });
        }
        if (options === null || options === void 0 ? void 0 : options.preCheck) {
            const precheck = await options.preCheck();
            if (!precheck) {
                throw new Error("Pre-check failed");
            }
        }
        let info;
        await new Promise((resolve, reject) => {
            // Command ID that will be used
            const commandId = this._genCmdId();
            // We store unsubscribe on info object. That way we can overwrite it in case
            // we get disconnected and we have to subscribe again.
            info = {
                resolve,
                reject,
                callback,
                subscribe: (options === null || options === void 0 ? void 0 : options.resubscribe) !== false
                    ? () => this.subscribeMessage(callback, subscribeMessage, options)
                    : undefined,
                unsubscribe: async () => {
                    // No need to unsubscribe if we're disconnected
                    if (this.connected) {
                        await this.sendMessagePromise(unsubscribeEvents(commandId));
                    }
                    this.commands.delete(commandId);
                },
            };
            this.commands.set(commandId, info);
            try {
                this.sendMessage(subscribeMessage, commandId);
            }
            catch (err) {
                // Happens when the websocket is already closing.
                // Don't have to handle the error, reconnect logic will pick it up.
            }
        });
        return () => info.unsubscribe();
    }
    _genCmdId() {
        return ++this.commandId;
    }
}

// JS extensions in imports allow tsc output to be consumed by browsers.
async function createConnection(options) {
    const connOptions = Object.assign({ setupRetry: 0, createSocket }, options);
    const socket = await connOptions.createSocket(connOptions);
    const conn = new Connection(socket, connOptions);
    return conn;
}

function getEnumValues(entries) {
    const numericValues = Object.values(entries).filter((v) => typeof v === "number");
    const values = Object.entries(entries)
        .filter(([k, _]) => numericValues.indexOf(+k) === -1)
        .map(([_, v]) => v);
    return values;
}
function joinValues(array, separator = "|") {
    return array.map((val) => stringifyPrimitive(val)).join(separator);
}
function jsonStringifyReplacer(_, value) {
    if (typeof value === "bigint")
        return value.toString();
    return value;
}
// the accessor lives on a shared prototype: an own accessor makes every box a dictionary-mode object (~360 B and a slow load per read against ~100 B and an inlined getter here)
class Cached {
    constructor(getter) {
        this._getter = getter;
        this._value = undefined;
    }
    get value() {
        const getter = this._getter;
        if (getter !== undefined) {
            this._value = getter();
            this._getter = undefined;
        }
        return this._value;
    }
}
function cached(getter) {
    return new Cached(getter);
}
function nullish(input) {
    return input === null || input === undefined;
}
function cleanRegex(source) {
    const start = source.startsWith("^") ? 1 : 0;
    const end = source.endsWith("$") ? source.length - 1 : source.length;
    return source.slice(start, end);
}
function floatSafeRemainder(val, step) {
    const ratio = val / step;
    const roundedRatio = Math.round(ratio);
    // `val` and `step` each round to a double before the division rounds again, so a true decimal multiple's quotient can sit up to 1.5 of these scaled epsilons from the integer. A 1x tolerance therefore rejected 2.03 as a multiple of 0.07; 4x covers the worst case with margin.
    const tolerance = 4 * Number.EPSILON * Math.max(Math.abs(ratio), 1);
    if (Math.abs(ratio - roundedRatio) < tolerance)
        return 0;
    return ratio - roundedRatio;
}
function assignProp(target, prop, value) {
    Object.defineProperty(target, prop, {
        value,
        writable: true,
        enumerable: true,
        configurable: true,
    });
}
/**
 * Whichever object a def's `shape` currently answers from: the one the caller passed until the first read, the frozen copy after it.
 *
 * Its keys and descriptors read without invoking anything, which is what lets a discriminated union check its discriminator, and the cycle walk read a shape, without resolving a getter that references the schema being constructed. A def that answers `shape` from an accessor of its own has none.
 */
function rawShape(def) {
    const desc = Object.getOwnPropertyDescriptor(def, "shape");
    return desc?.get ? desc.get.raw : desc?.value;
}
// where a builder reads its source's keys and descriptors, resolving only a shape a def answers for itself. A shape resolves by object spread, so only its enumerable keys are ever part of it.
function sourceShape(schema) {
    return rawShape(schema._zod.def) ?? schema._zod.def.shape;
}
// a key whose value is not settled yet, self-caching so every read after the first gets the same one
function deferProp(target, key, getter) {
    Object.defineProperty(target, key, {
        get() {
            const value = getter();
            assignProp(this, key, value);
            return value;
        },
        enumerable: true,
        configurable: true,
    });
}
// Writes a settled key. A plain assignment is much cheaper than `defineProperty` and produces the same descriptor, but it runs whatever setter already answers to the key — an accessor this shape deferred, or an inherited one, which `__proto__` has on every object and prototype pollution can add for any name.
function putProp(target, key, value) {
    if (key in target)
        assignProp(target, key, value);
    else
        target[key] = value;
}
/**
 * Copies `keys` of `source`'s shape onto `target`, each value passed through `wrap`.
 *
 * A key the source has resolved is copied through now, so the derived shape states it outright and nothing has to resolve it to learn what it holds. A key the source still defers stays deferred, and reads back through the source's own `shape`, so it resolves once and both shapes get that one schema.
 */
function mirrorShape(target, source, keys, wrap) {
    const raw = sourceShape(source);
    for (const key of keys) {
        const desc = Object.getOwnPropertyDescriptor(raw, key);
        if (!desc.enumerable)
            continue;
        if (desc.get) {
            deferProp(target, key, () => {
                const value = source._zod.def.shape[key];
                return wrap ? wrap(value, key) : value;
            });
        }
        else
            putProp(target, key, wrap ? wrap(desc.value, key) : desc.value);
    }
}
// same, for a plain shape a caller passed rather than a schema's
function mirrorProps(target, source) {
    for (const key of Reflect.ownKeys(source)) {
        const desc = Object.getOwnPropertyDescriptor(source, key);
        if (!desc.enumerable)
            continue;
        if (desc.get)
            deferProp(target, key, () => source[key]);
        else
            putProp(target, key, desc.value);
    }
}
function mergeDefs(...defs) {
    const mergedDescriptors = {};
    for (const def of defs) {
        const descriptors = Object.getOwnPropertyDescriptors(def);
        Object.assign(mergedDescriptors, descriptors);
    }
    return Object.defineProperties({}, mergedDescriptors);
}
function esc(str) {
    return JSON.stringify(str);
}
function slugify(input) {
    return input
        .toLowerCase()
        .trim()
        .replace(/[^\w\s-]/g, "")
        .replace(/[\s_-]+/g, "-")
        .replace(/^-+|-+$/g, "");
}
const captureStackTrace = ("captureStackTrace" in Error ? Error.captureStackTrace : (..._args) => { });
function isObject(data) {
    return typeof data === "object" && data !== null && !Array.isArray(data);
}
const allowsEval = /* @__PURE__*/ cached(() => {
    // Skip the probe under `jitless`: strict CSPs report the caught `new Function` as a `securitypolicyviolation` even though the throw is swallowed.
    if (globalConfig.jitless) {
        return false;
    }
    // @ts-ignore
    if (typeof navigator !== "undefined" && navigator?.userAgent?.includes("Cloudflare")) {
        return false;
    }
    try {
        const F = Function;
        new F("");
        return true;
    }
    catch (_) {
        return false;
    }
});
function isPlainObject(o) {
    if (isObject(o) === false)
        return false;
    // modified constructor
    const ctor = o.constructor;
    if (ctor === undefined)
        return true;
    if (typeof ctor !== "function")
        return true;
    // modified prototype
    const prot = ctor.prototype;
    if (isObject(prot) === false)
        return false;
    // ctor doesn't have static `isPrototypeOf`
    if (Object.prototype.hasOwnProperty.call(prot, "isPrototypeOf") === false) {
        return false;
    }
    return true;
}
function shallowClone(o) {
    if (isPlainObject(o))
        return { ...o };
    if (Array.isArray(o))
        return [...o];
    if (o instanceof Map)
        return new Map(o);
    if (o instanceof Set)
        return new Set(o);
    return o;
}
const propertyKeyTypes = /* @__PURE__*/ new Set(["string", "number", "symbol"]);
function escapeRegex(str) {
    return str.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
// zod-specific utils
function clone(inst, def, params) {
    const cl = new inst._zod.constr(def ?? inst._zod.def);
    if (!def || params?.parent)
        cl._zod.parent = inst;
    return cl;
}
function normalizeParams(_params) {
    const params = _params;
    if (!params)
        return {};
    if (typeof params === "string")
        return { error: () => params };
    if (params?.message !== undefined) {
        if (params?.error !== undefined)
            throw new Error("Cannot specify both `message` and `error` params");
        params.error = params.message;
    }
    delete params.message;
    if (typeof params.error === "string")
        return { ...params, error: () => params.error };
    return params;
}
function stringifyPrimitive(value) {
    if (typeof value === "bigint")
        return value.toString() + "n";
    if (typeof value === "string")
        return `"${value}"`;
    return `${value}`;
}
function optionalKeys(shape) {
    return Object.keys(shape).filter((k) => {
        return shape[k]._zod.optin !== undefined && shape[k]._zod.optout === "optional";
    });
}

const NUMBER_FORMAT_RANGES = /*@__PURE__*/ (() => ({
    safeint: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
    int32: [-2147483648, 2147483647],
    uint32: [0, 4294967295],
    float32: [-34028234663852886e22, 3.4028234663852886e38],
    float64: [-Number.MAX_VALUE, Number.MAX_VALUE],
}))();
const BIGINT_FORMAT_RANGES = {
    int64: [/* @__PURE__*/ BigInt("-9223372036854775808"), /* @__PURE__*/ BigInt("9223372036854775807")],
    uint64: [/* @__PURE__*/ BigInt(0), /* @__PURE__*/ BigInt("18446744073709551615")],
};
function pick(schema, mask) {
    const currDef = schema._zod.def;
    const checks = currDef.checks;
    const hasChecks = checks && checks.length > 0;
    if (hasChecks) {
        throw new Error(".pick() cannot be used on object schemas containing refinements");
    }
    const newShape = {};
    mirrorShape(newShape, schema, maskedKeys(schema, mask));
    return clone(schema, mergeDefs(currDef, { shape: newShape, checks: [] }));
}
// the mask keys that select something, checked against the source's shape without resolving it
function maskedKeys(schema, mask) {
    const raw = sourceShape(schema);
    const keys = [];
    // `for...in` skips symbols, so a symbol in the mask would select nothing
    for (const key of Reflect.ownKeys(mask)) {
        if (!Object.getOwnPropertyDescriptor(raw, key)?.enumerable) {
            throw new Error(`Unrecognized key: "${String(key)}"`);
        }
        if (mask[key])
            keys.push(key);
    }
    return keys;
}
function omit(schema, mask) {
    const currDef = schema._zod.def;
    const checks = currDef.checks;
    const hasChecks = checks && checks.length > 0;
    if (hasChecks) {
        throw new Error(".omit() cannot be used on object schemas containing refinements");
    }
    const omitted = new Set(maskedKeys(schema, mask));
    const newShape = {};
    mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)).filter((key) => !omitted.has(key)));
    return clone(schema, mergeDefs(currDef, { shape: newShape, checks: [] }));
}
function extend(schema, shape) {
    if (!isPlainObject(shape)) {
        throw new Error("Invalid input to extend: expected a plain object");
    }
    const checks = schema._zod.def.checks;
    const hasChecks = checks && checks.length > 0;
    if (hasChecks) {
        // Only throw if new shape overlaps with existing shape. Use getOwnPropertyDescriptor to check key existence without accessing values
        const existingShape = sourceShape(schema);
        for (const key of Reflect.ownKeys(shape)) {
            if (Object.getOwnPropertyDescriptor(existingShape, key) !== undefined) {
                throw new Error("Cannot overwrite keys on object schemas containing refinements. Use `.safeExtend()` instead.");
            }
        }
    }
    return clone(schema, mergeDefs(schema._zod.def, { shape: extended(schema, shape) }));
}
// the source's keys, then the caller's overlaid on top
function extended(schema, shape) {
    const newShape = {};
    mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)));
    mirrorProps(newShape, shape);
    return newShape;
}
function safeExtend(schema, shape) {
    if (!isPlainObject(shape)) {
        throw new Error("Invalid input to safeExtend: expected a plain object");
    }
    return clone(schema, mergeDefs(schema._zod.def, { shape: extended(schema, shape) }));
}
function merge(a, b) {
    if (!b?._zod?.def) {
        throw new Error("Invalid input to merge: expected an object schema. To merge a plain shape, use `.extend()`.");
    }
    if (a._zod.def.checks?.length) {
        throw new Error(".merge() cannot be used on object schemas containing refinements. Use .safeExtend() instead.");
    }
    const newShape = {};
    mirrorShape(newShape, a, Reflect.ownKeys(sourceShape(a)));
    mirrorShape(newShape, b, Reflect.ownKeys(sourceShape(b)));
    const def = mergeDefs(a._zod.def, {
        shape: newShape,
        get catchall() {
            return b._zod.def.catchall;
        },
        checks: b._zod.def.checks ?? [],
    });
    return clone(a, def);
}
function partial(Class, schema, mask, name = "partial") {
    const currDef = schema._zod.def;
    const checks = currDef.checks;
    const hasChecks = checks && checks.length > 0;
    if (hasChecks) {
        throw new Error(`.${name}() cannot be used on object schemas containing refinements`);
    }
    const selected = mask ? new Set(maskedKeys(schema, mask)) : undefined;
    const newShape = {};
    mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)), Class &&
        ((value, key) => (selected && !selected.has(key) ? value : new Class({ type: "optional", innerType: value }))));
    return clone(schema, mergeDefs(schema._zod.def, { shape: newShape, checks: [] }));
}
function required(Class, schema, mask) {
    const selected = mask ? new Set(maskedKeys(schema, mask)) : undefined;
    const newShape = {};
    mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)), (value, key) => 
    // overwrite with non-optional
    selected && !selected.has(key) ? value : new Class({ type: "nonoptional", innerType: value }));
    return clone(schema, mergeDefs(schema._zod.def, { shape: newShape }));
}
// invalid_type | too_big | too_small | invalid_format | not_multiple_of | unrecognized_keys | invalid_union | invalid_key | invalid_element | invalid_value | custom
function aborted(x, startIndex = 0) {
    if (x.aborted === true)
        return true;
    for (let i = startIndex; i < x.issues.length; i++) {
        if (x.issues[i]?.continue !== true) {
            return true;
        }
    }
    return false;
}
// Checks for explicit abort (continue === false), as opposed to implicit abort (continue === undefined). Used to respect `abort: true` in .refine() even for checks that have a `when` function.
function explicitlyAborted(x, startIndex = 0) {
    if (x.aborted === true)
        return true;
    for (let i = startIndex; i < x.issues.length; i++) {
        if (x.issues[i]?.continue === false) {
            return true;
        }
    }
    return false;
}
function prefixIssues(path, issues) {
    return issues.map((iss) => {
        var _a;
        (_a = iss).path ?? (_a.path = []);
        iss.path.unshift(path);
        return iss;
    });
}
function unwrapMessage(message) {
    return typeof message === "string" ? message : message?.message;
}
/* A check holds no link back to the schema it is attached to — the same check instance is shared by every clone of that schema — so the owner is stamped onto the issues a check just raised, at the only point where both are in scope. Runs on the failure path only; `start` is the issue count from before the check ran. */
/** The leading size checks of `defChecks` that set an upper bound, each paired with it. */
function sizeCaps(defChecks) {
    const caps = [];
    for (const ch of defChecks ?? []) {
        const d = ch._zod.def;
        // a later check may rewrite the value
        if (!/_(length|size)$|_equals$/.test(d.check))
            break;
        const max = d.maximum ?? d.length ?? d.size;
        if (max >= 0)
            caps.push([max, ch]);
    }
    return caps;
}
function attachSchema(issues, start, inst) {
    var _a;
    for (let i = start; i < issues.length; i++) {
        (_a = issues[i]).schema ?? (_a.schema = inst);
    }
}
function finalizeIssue(iss, ctx, config) {
    var _a;
    // A schema that raised an issue itself owns it outright, and outranks any stamp an enclosing check left in `attachSchema`. String formats and z.custom() are schema and check at once, so when they act as a check they defer to that stamp instead.
    const traits = iss.inst?._zod?.traits;
    if (traits?.has("$ZodType")) {
        if (traits.has("$ZodCheck"))
            (_a = iss).schema ?? (_a.schema = iss.inst);
        else
            iss.schema = iss.inst;
    }
    // Decreasing specificity, first map to return a message wins. `inst` is whatever raised the issue, so a check's own map outranks the owning schema's.
    const schemaError = iss.schema !== iss.inst ? iss.schema?._zod.def?.error : undefined;
    const message = iss.message
        ? iss.message
        : (unwrapMessage(iss.inst?._zod.def?.error?.(iss)) ??
            unwrapMessage(schemaError?.(iss)) ??
            unwrapMessage(ctx?.error?.(iss)) ??
            unwrapMessage(config.customError?.(iss)) ??
            unwrapMessage(config.localeError?.(iss)) ??
            "Invalid input");
    // an explicit own-key copy beats object rest with excluded keys, which v8 routes through a generic runtime call; Object.keys rather than for-in so an issue pushed with a prototype does not leak inherited keys, and an own __proto__ key is dropped rather than assigned through the setter
    const full = {};
    for (const k of Object.keys(iss)) {
        if (k === "inst" || k === "schema" || k === "continue" || k === "input" || k === "__proto__")
            continue;
        full[k] = iss[k];
    }
    full.path ?? (full.path = []);
    full.message = message;
    if (ctx?.reportInput) {
        full.input = iss.input;
    }
    return full;
}
const highSurrogate = /[\uD800-\uDBFF]/;
// Code points in `str`: a surrogate pair counts once, a lone surrogate as itself. Hand-rolled because the string iterator allocates and runs ~250x slower on this path; the regex probe exits ~50x quicker for a string with no astral characters.
function codePointLength(str) {
    const units = str.length;
    if (!highSurrogate.test(str))
        return units;
    let count = units;
    for (let i = 0; i < units - 1; i++) {
        if ((str.charCodeAt(i) & 0xfc00) === 0xd800 && (str.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
            count--;
            i++;
        }
    }
    return count;
}
function getLengthableOrigin(input) {
    if (Array.isArray(input))
        return "array";
    if (typeof input === "string")
        return "string";
    return "unknown";
}
function parsedType(data) {
    const t = typeof data;
    switch (t) {
        case "number": {
            return Number.isNaN(data) ? "nan" : "number";
        }
        case "object": {
            if (data === null) {
                return "null";
            }
            if (Array.isArray(data)) {
                return "array";
            }
            const obj = data;
            if (obj && Object.getPrototypeOf(obj) !== Object.prototype && "constructor" in obj && obj.constructor) {
                return obj.constructor.name;
            }
        }
    }
    return t;
}
function issue(...args) {
    const [iss, input, inst] = args;
    if (typeof iss === "string") {
        return {
            message: iss,
            code: "custom",
            input,
            inst,
        };
    }
    return { ...iss };
}
//////////    PROTOTYPE INSTALLERS     //////////
//
// Members live on the prototype and materialize per instance on first read, which keeps own-property count under the step where V8 stops using inline slots. Changing anything here means re-measuring runtime, memory and bundle size together — see "The three axes" in AGENTS.md.
/**
 * Installs a trait's members on its prototype. Each value builds that member for the instance on first read; the built value shadows the accessor as an own property, so a detached `const { parse } = schema` keeps working.
 *
 * Call this from a `proto` initializer, which runs once per prototype — never per instance.
 */
function members(proto, table) {
    for (const key in table) {
        const desc = Object.getOwnPropertyDescriptor(table, key);
        // a getter installs as written, so it stays live: `description` reads through to the registry on every access. not enumerable: an object literal's is, and a prototype member never was
        if (desc.get)
            Object.defineProperty(proto, key, { ...desc, enumerable: false });
        // a method materializes bound on first read, which is what keeps a detached member working: `const opt = schema.optional; opt()`
        else
            defineBound(proto, key, desc.value);
    }
}
/** Shadows a prototype member with an own value, so a getter that builds from the instance runs once. */
function own(inst, key, value, enumerable = true) {
    Object.defineProperty(inst, key, { configurable: true, writable: true, enumerable, value });
    return value;
}
/** Like {@link own}, for a member that was never an own data property and has to stay out of `Object.keys`. */
function hide(inst, key, value) {
    return own(inst, key, value, false);
}
/** Adds members a table derives from the instance: each builds on first read and shadows as own data, and assignment shadows the same way, as when these were own properties. */
function derived(computes, table) {
    for (const key in computes) {
        const compute = computes[key];
        // an object literal's accessor is configurable and enumerable, and `members` copies the descriptor as written
        Object.defineProperty(table, key, {
            configurable: true,
            enumerable: true,
            get() {
                return own(this, key, compute(this));
            },
            set(value) {
                own(this, key, value);
            },
        });
    }
    return table;
}
function defineBound(proto, key, fn) {
    Object.defineProperty(proto, key, {
        configurable: true,
        get() {
            // vitest's spyOn calls a prototype getter bare to find the function it wraps, so a nullish receiver answers the raw method
            return this == null ? fn : own(this, key, fn.bind(this));
        },
        set(value) {
            own(this, key, value);
        },
    });
}
/** Returns the prototype to install on, or `undefined` if this group is already installed on it. */
function claim(inst, sentinel) {
    const proto = Object.getPrototypeOf(inst);
    // Runs on every construction, so `in` rather than the costlier `hasOwnProperty.call`. Sentinels are keys the group itself defines.
    return sentinel in proto ? undefined : proto;
}
// The internals whose init chain is installing. A second call for the same one is a derived constructor overriding its base, so it must not construct another schema in between or the override is dropped.
let installing;
// Set while a getter is running, so a value that resolved through a recursion break is not memoized. One shared descriptor shadows the key for the duration, which costs no per-key allocation.
let broke = false;
const breaker = {
    configurable: true,
    get() {
        broke = true;
        return undefined;
    },
};
/**
 * Installs a lazily-derived internal on the `_zod` prototype of `inst`'s
 * constructor, computed from the internals object itself and cached there on
 * first read. One accessor per constructor rather than one per instance.
 */
function defineLazyInternal(inst, key, compute) {
    const proto = Object.getPrototypeOf(inst._zod);
    if (key in proto && installing !== inst._zod) {
        // A repeat construction: everything is installed already. Cleared here so the reference is not held past the first construction of every type.
        installing = undefined;
        return;
    }
    installing = inst._zod;
    Object.defineProperty(proto, key, {
        configurable: true,
        get() {
            // Shadowed before computing so a re-entrant read from a recursive schema resolves to undefined instead of running the getter again.
            Object.defineProperty(this, key, breaker);
            const outer = broke;
            broke = false;
            try {
                const value = compute(this);
                // A result that resolved through a recursion break is recomputed once the graph is complete; everything else memoizes, undefined included.
                if (broke)
                    delete this[key];
                else
                    Object.defineProperty(this, key, { configurable: true, writable: true, value });
                broke = broke || outer;
                return value;
            }
            catch (err) {
                // A compute that threw memoizes nothing, so a later read runs it again and fails the same way. The shadow goes with it, since leaving it installed would answer undefined for every later read.
                delete this[key];
                broke = broke || outer;
                throw err;
            }
        },
        set(value) {
            Object.defineProperty(this, key, { configurable: true, writable: true, value });
        },
    });
}
/**
 * Installs `key` on `inst`'s prototype, computed by `make` on first read and cached there as an own
 * data property. One accessor per constructor rather than one per instance, because an own accessor
 * puts every instance after the first into v8 dictionary mode. The key doubles as the sentinel.
 */
function installLazyProp(inst, key, make, enumerable) {
    const proto = claim(inst, key);
    if (!proto)
        return;
    Object.defineProperty(proto, key, {
        configurable: true,
        get() {
            // Shadowed before computing, so a re-entrant read from a self-referential shape resolves to undefined instead of running the getter again. A data property rather than an accessor: an own accessor is the dictionary-mode transition this exists to avoid.
            const desc = { configurable: true, writable: true, enumerable, value: undefined };
            Object.defineProperty(this, key, desc);
            // a compute that throws leaves the shadow behind, so later reads answer undefined instead of re-throwing; `defineLazy` did the same, and `defineLazyInternal`'s delete-on-catch would cost bytes in every bundle for a case only a throwing user getter reaches
            desc.value = make(this);
            Object.defineProperty(this, key, desc);
            return desc.value;
        },
        set(value) {
            Object.defineProperty(this, key, { configurable: true, writable: true, enumerable, value });
        },
    });
}
/** Marks the thunk `_catch` synthesises for a constant catch value. `Function.length` cannot tell that thunk from a user callback — rest and defaulted parameters both report arity 0 — and a user callback reads `ctx.error`, whose issues only finalize correctly against the caller's per-parse error map. Provenance can say what arity cannot. A plain string key rather than `Symbol.for`, whose call at module scope no bundler can prove pure — the same shape that anchored `urlCanParse` into every build. */
const CONSTANT_CATCH = "~constantCatch";
/** Wraps a constant catch value in a thunk tagged with {@link CONSTANT_CATCH}. */
function constantCatch(value) {
    const fn = () => value;
    fn[CONSTANT_CATCH] = true;
    return fn;
}

var _a$1;
/* Shared descriptor for installing `_zod`; defineProperty reads it
 * synchronously, so reusing one object avoids a per-instance allocation. */
const _zodDesc = { value: undefined, enumerable: false };
// null where suppressing the capture would be unrecoverable: `parse()` puts the frames back with `captureStackTrace`, so without it the throw would lose its stack. also latched to null once `stackTraceLimit` proves unassignable, which a realm can do at any point by hardening Error
let _E = "captureStackTrace" in Error ? Error : null;
// v8 captures a stack trace inside the Error constructor, which dominates a failed parse; costs only the frames, and parse() restores those. the constructor must RUN: Object.create is cheaper and passes instanceof, but Error.isError and util.types.isNativeError check an internal slot
function newError(Definition) {
    const E = _E;
    if (E) {
        const saved = E.stackTraceLimit;
        if (typeof saved === "number") {
            try {
                E.stackTraceLimit = 0;
            }
            catch {
                _E = null;
                return new Definition();
            }
            try {
                return new Definition();
            }
            finally {
                E.stackTraceLimit = saved;
            }
        }
    }
    return new Definition();
}
function $constructor(name, initializer, 
/** This trait's members, installed once on every prototype that composes it. They cannot be declared in the initializer above: that runs per instance, and the prototype is shared. */
proto, params) {
    // Prototype for this constructor's `_zod` internals. Lazily-derived fields (`values`, `pattern`, `optin`, …) install here once rather than as an accessor on every instance.
    const zodProto = {};
    // Assigning the fields in the constructor body is what gives instances in-object slots; building the object literally and reparenting it costs a second allocation and a generic property copy.
    function Internals(def) {
        this.def = def;
        this.constr = _;
        this.traits = new Set();
    }
    Internals.prototype = zodProto;
    const protoMembers = proto;
    // One trait's members land on every prototype whose chain composes it, so the answer is per prototype rather than per trait.
    const initialized = protoMembers && new WeakSet();
    function init(inst, def) {
        if (!inst._zod) {
            _zodDesc.value = new Internals(def);
            try {
                Object.defineProperty(inst, "_zod", _zodDesc);
            }
            finally {
                // Cleared even on throw, so the shared descriptor never leaks one instance's internals into the next.
                _zodDesc.value = undefined;
            }
        }
        else if (inst._zod.traits.has(name)) {
            return;
        }
        inst._zod.traits.add(name);
        initializer(inst, def);
        if (initialized) {
            // `super(def)` from a user subclass gives `this` a prototype the subclass owns, and installing there would overwrite whatever the subclass declared. `constr` built the instance, so its prototype is the one below the subclass's that should carry the members. A receiver whose chain never reaches that prototype installs on its own, which for a plain object handed straight to `init` means `Object.prototype` — unchanged from before.
            const own = Object.getPrototypeOf(inst);
            const ctorProto = inst._zod.constr.prototype;
            let up = own;
            while (up && up !== ctorProto)
                up = Object.getPrototypeOf(up);
            const target = up ?? own;
            if (!initialized.has(target)) {
                initialized.add(target);
                members(target, protoMembers);
            }
        }
        // support prototype modifications; for-in avoids the array allocation of Object.keys on the (usually empty) prototype
        const proto = _.prototype;
        for (const k in proto) {
            if (!Object.prototype.hasOwnProperty.call(proto, k))
                continue;
            if (!(k in inst)) {
                inst[k] = proto[k].bind(inst);
            }
        }
    }
    // doesn't work if Parent has a constructor with arguments
    const Parent = params?.Parent ?? Object;
    class Definition extends Parent {
    }
    Object.defineProperty(Definition, "name", { value: name });
    function _(def) {
        const inst = params?.Parent ? newError(Definition) : this;
        init(inst, def);
        const deferred = inst._zod.deferred;
        if (deferred) {
            for (const fn of deferred) {
                fn();
            }
            // Released: initializers run once, and the list would otherwise be retained for the schema's lifetime.
            inst._zod.deferred = undefined;
        }
        // Global post-processor hook. Internal: installed by `import "zod/compile"` to enable AOT compilation for every constructed schema. Runs last, once the instance is fully built, because it hands the instance to compile(). The post-processor is expected to be reentrancy-guarded by its own implementation.
        const pp = globalThis.__zod_globalConfig?.postProcessor;
        if (pp)
            pp(inst);
        return inst;
    }
    Object.defineProperty(_, "init", { value: init });
    Object.defineProperty(_, Symbol.hasInstance, {
        value: (inst) => {
            if (params?.Parent && inst instanceof params.Parent)
                return true;
            return inst?._zod?.traits?.has(name);
        },
    });
    Object.defineProperty(_, "name", { value: name });
    return _;
}
class $ZodAsyncError extends Error {
    constructor() {
        super(`Encountered Promise during synchronous parse. Use .parseAsync() instead.`);
    }
}
class $ZodEncodeError extends Error {
    constructor(name) {
        super(`Encountered unidirectional transform during encode: ${name}`);
        this.name = "ZodEncodeError";
    }
}
(_a$1 = globalThis).__zod_globalConfig ?? (_a$1.__zod_globalConfig = {});
const globalConfig = globalThis.__zod_globalConfig;
function config(newConfig) {
    if (newConfig)
        Object.assign(globalConfig, newConfig);
    return globalConfig;
}

/* Computing the message eagerly is expensive (pretty-printed JSON of all
 * issues), so defer it until first read. The accessor functions and
 * descriptors are shared across instances to keep error construction
 * cheap; the computed message is cached on the internals object. The
 * setter preserves plain assignment semantics for consumers that
 * overwrite `message`. */
function _getMessage() {
    const internals = this._zod;
    internals.message ?? (internals.message = JSON.stringify(internals.def, jsonStringifyReplacer, 2));
    return internals.message;
}
function _setMessage(value) {
    this._zod.message = value;
}
const _messageDesc = {
    get: _getMessage,
    set: _setMessage,
    enumerable: true,
    configurable: true,
};
const _issuesDesc = { value: undefined, enumerable: false };
/* Prototypes that already carry the lazy `toString`. Seeded with the
 * intrinsics so that `init` on a foreign object — it accepts any object —
 * can never install an accessor onto a prototype we do not own. */
const _installedToString = /* @__PURE__ */ new WeakSet([Object.prototype, Error.prototype]);
const initializer$1 = (inst, def) => {
    inst.name = "$ZodError";
    // `_zod` is already non-enumerable: $constructor's init defined it with this same descriptor
    _issuesDesc.value = def;
    Object.defineProperty(inst, "issues", _issuesDesc);
    // Clear the shared slot; a retained `value` pins the last error's issues.
    _issuesDesc.value = undefined;
    Object.defineProperty(inst, "message", _messageDesc);
    /* `toString` lives as a non-enumerable lazy getter on the shared
     * prototype; on first access it caches a per-instance closure so
     * detached usage still works. */
    const proto = Object.getPrototypeOf(inst);
    if (!_installedToString.has(proto)) {
        _installedToString.add(proto);
        Object.defineProperty(proto, "toString", {
            configurable: true,
            enumerable: false,
            get() {
                const value = () => this.message;
                Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
                return value;
            },
            set(value) {
                Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
            },
        });
    }
};
const $ZodError = $constructor("$ZodError", initializer$1);
const $ZodRealError = $constructor("$ZodError", initializer$1, undefined, {
    Parent: Error,
});
/** Get-or-create `obj[key]` as an own data property. A path segment naming an inherited member
 * ("toString", "constructor") would otherwise read through to the prototype, and assigning
 * "__proto__" would hit the setter instead of creating a key. */
function node(obj, key, make) {
    if (!Object.prototype.hasOwnProperty.call(obj, key)) {
        if (key === "__proto__") {
            Object.defineProperty(obj, key, { value: make(), writable: true, enumerable: true, configurable: true });
        }
        else {
            obj[key] = make();
        }
    }
    return obj[key];
}
function flattenError(error, mapper = (issue) => issue.message) {
    const fieldErrors = {};
    const formErrors = [];
    for (const sub of error.issues) {
        if (sub.path.length > 0) {
            node(fieldErrors, sub.path[0], () => []).push(mapper(sub));
        }
        else {
            formErrors.push(mapper(sub));
        }
    }
    return { formErrors, fieldErrors };
}
function formatError(error, mapper = (issue) => issue.message) {
    const fieldErrors = { _errors: [] };
    const processError = (error, path = []) => {
        for (const issue of error.issues) {
            if (issue.code === "invalid_union" && issue.errors.length) {
                issue.errors.map((issues) => processError({ issues }, [...path, ...issue.path]));
            }
            else if (issue.code === "invalid_key") {
                processError({ issues: issue.issues }, [...path, ...issue.path]);
            }
            else if (issue.code === "invalid_element") {
                processError({ issues: issue.issues }, [...path, ...issue.path]);
            }
            else {
                const fullpath = [...path, ...issue.path];
                if (fullpath.length === 0) {
                    fieldErrors._errors.push(mapper(issue));
                }
                else {
                    let curr = fieldErrors;
                    let i = 0;
                    while (i < fullpath.length) {
                        const el = fullpath[i];
                        const terminal = i === fullpath.length - 1;
                        // `_errors` is reserved by this legacy format, so merge a matching path segment into the current node instead of treating its array as a child.
                        if (el === "_errors") {
                            if (terminal)
                                curr._errors.push(mapper(issue));
                            i++;
                            continue;
                        }
                        // A path element may collide with an inherited property name such as
                        // "__proto__" or "constructor". Truthiness checks read the prototype
                        // (so no node is created, then ._errors.push throws), and bracket
                        // assignment of "__proto__" hits the setter instead of creating an
                        // own key. Guard the read with hasOwnProperty and create the node
                        // with defineProperty so any path element becomes a real own key.
                        if (!Object.prototype.hasOwnProperty.call(curr, el)) {
                            Object.defineProperty(curr, el, {
                                value: { _errors: [] },
                                enumerable: true,
                                writable: true,
                                configurable: true,
                            });
                        }
                        const node = curr[el];
                        if (terminal) {
                            node._errors.push(mapper(issue));
                        }
                        curr = node;
                        i++;
                    }
                }
            }
        }
    };
    processError(error);
    return fieldErrors;
}

// Always both keys, so the `_params` read site in `_parse` sees one object shape rather than two.
function finalizeParams(callee, params) {
    return { callee: params?.callee ?? callee, Err: params?.Err };
}
const _parse = (_Err) => {
    const fn = (schema, value, _ctx, _params) => {
        const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
        const result = schema._zod.run({ value, issues: [] }, ctx);
        if (result instanceof Promise) {
            throw new $ZodAsyncError();
        }
        if (result.issues.length) {
            const e = new (_params?.Err ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config())));
            captureStackTrace(e, _params?.callee ?? fn);
            throw e;
        }
        return result.value;
    };
    return fn;
};
const parse$1 = /* @__PURE__*/ _parse($ZodRealError);
const _parseAsync = (_Err) => {
    const fn = async (schema, value, _ctx, params) => {
        const ctx = _ctx ? { ..._ctx, async: true } : { async: true };
        let result = schema._zod.run({ value, issues: [] }, ctx);
        if (result instanceof Promise)
            result = await result;
        if (result.issues.length) {
            const e = new (params?.Err ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config())));
            captureStackTrace(e, params?.callee ?? fn);
            throw e;
        }
        return result.value;
    };
    return fn;
};
const parseAsync$1 = /* @__PURE__*/ _parseAsync($ZodRealError);
const _safeParse = (_Err) => (schema, value, _ctx) => {
    const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
    const result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise) {
        throw new $ZodAsyncError();
    }
    return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
};
const safeParse$1 = /* @__PURE__*/ _safeParse($ZodRealError);
// the error is built on the first read of `error`: finalizing the issues and constructing the instance is most of a failing parse, and a caller that only branches on `success` never pays it. a getter in the literal keeps this small; the alternative, one shared accessor descriptor plus a hidden state slot, reads ~15% faster but costs ~75 B gzipped in every bundle
function failure(Err, issues, ctx) {
    let error;
    return {
        success: false,
        get error() {
            if (!error) {
                error = new Err(issues.map((iss) => finalizeIssue(iss, ctx, config())));
                // finalizeIssue drops `input`, so the built error holds nothing; keeping the raw issues past this point pins the parsed value for the life of the result
                issues = undefined;
                ctx = undefined;
            }
            return error;
        },
        set error(e) {
            error = e;
            // a replacement makes the getter's branch unreachable, so the captures have to go here too
            issues = undefined;
            ctx = undefined;
        },
    };
}
const _safeParseAsync = (_Err) => async (schema, value, _ctx) => {
    const ctx = _ctx ? { ..._ctx, async: true } : { async: true };
    let result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise)
        result = await result;
    return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
};
const safeParseAsync$1 = /* @__PURE__*/ _safeParseAsync($ZodRealError);
// registry mirrors of the compiler's sentinels, so this module never imports the compiler
const COMPILE_INVALID = /* @__PURE__ */ Symbol.for("zod.compile.invalid");
const COMPILE_FALLBACK = /* @__PURE__ */ Symbol.for("zod.compile.fallback");
// Deliberately tiny, because v8 will not inline a body carrying the fallback's object literals and throw. Everything that is not the compiled happy path lives in validateFallback, and that split is worth ~35% on a compiled schema.
const validate = ((schema, value, _ctx) => {
    const validator = schema._zod.bag.validator;
    if (validator !== undefined) {
        if (validator(value) !== COMPILE_INVALID)
            return true;
        // a definite sentinel means the runtime would reject, so skip the re-parse; a ctx can still change the answer
        if (validator.definite === true && _ctx === undefined)
            return false;
    }
    return validateFallback(schema, value, _ctx);
});
function validateFallback(schema, value, _ctx) {
    const ctx = _ctx
        ? { ..._ctx, async: false, abortEarly: true }
        : { async: false, abortEarly: true };
    const fallbackRun = schema._zod.bag.fallbackRun;
    let result;
    if (fallbackRun) {
        // skip nested fast paths on the fallback, so user callbacks keep the at-most-twice bound
        ctx[COMPILE_FALLBACK] = true;
        result = fallbackRun({ value, issues: [] }, ctx);
    }
    else {
        result = schema._zod.run({ value, issues: [] }, ctx);
    }
    if (result instanceof Promise) {
        throw new $ZodAsyncError();
    }
    return result.issues.length === 0;
}
// no fast path: the compiler keeps async parses on the runtime, because a promise-returning callback that is not declared async compiles to a throw
const validateAsync$1 = async (schema, value, _ctx) => {
    const ctx = _ctx
        ? { ..._ctx, async: true, abortEarly: true }
        : { async: true, abortEarly: true };
    let result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise)
        result = await result;
    return result.issues.length === 0;
};
const _encode = (_Err) => {
    const parse = _parse(_Err);
    const fn = (schema, value, _ctx, _params) => {
        const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
        return parse(schema, value, ctx, finalizeParams(fn, _params));
    };
    return fn;
};
const _decode = (_Err) => {
    const parse = _parse(_Err);
    const fn = (schema, value, _ctx, _params) => {
        return parse(schema, value, _ctx, finalizeParams(fn, _params));
    };
    return fn;
};
const _encodeAsync = (_Err) => {
    const parseAsync = _parseAsync(_Err);
    const fn = async (schema, value, _ctx, _params) => {
        const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
        return (await parseAsync(schema, value, ctx, finalizeParams(fn, _params)));
    };
    return fn;
};
const _decodeAsync = (_Err) => {
    const parseAsync = _parseAsync(_Err);
    const fn = async (schema, value, _ctx, _params) => {
        return await parseAsync(schema, value, _ctx, finalizeParams(fn, _params));
    };
    return fn;
};
const _safeEncode = (_Err) => (schema, value, _ctx) => {
    const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
    return _safeParse(_Err)(schema, value, ctx);
};
const _safeDecode = (_Err) => (schema, value, _ctx) => {
    return _safeParse(_Err)(schema, value, _ctx);
};
const _safeEncodeAsync = (_Err) => async (schema, value, _ctx) => {
    const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
    return _safeParseAsync(_Err)(schema, value, ctx);
};
const _safeDecodeAsync = (_Err) => async (schema, value, _ctx) => {
    return _safeParseAsync(_Err)(schema, value, _ctx);
};

/**
 * @deprecated CUID v1 is deprecated by its authors due to information leakage
 * (timestamps embedded in the id). Use {@link cuid2} instead.
 * See https://github.com/paralleldrive/cuid.
 */
const cuid = /^[cC][0-9a-z]{6,}$/;
const cuid2 = /^[0-9a-z]+$/;
const ulid = /^[0-7][0-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{25}$/;
const xid = /^[0-9a-vA-V]{20}$/;
const ksuid = /^[A-Za-z0-9]{27}$/;
const nanoid = /^[a-zA-Z0-9_-]{21}$/;
function nanoidOfLength(length) {
    return new RegExp(`^[a-zA-Z0-9_-]{${length}}$`);
}
/** ISO 8601-1 duration regex. Does not support the 8601-2 extensions like negative durations or fractional/negative components. */
const duration = /^P(?:(\d+W)|(?!.*W)(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+([.,]\d+)?S)?)?)$/;
/** A regex for any UUID-like identifier: 8-4-4-4-12 hex pattern */
const guid = /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/;
/** Returns a regex for validating an RFC 9562/4122 UUID.
 *
 * @param version Optionally specify a version 1-8. If no version is specified, all versions are supported. */
const uuid = (version) => {
    if (!version)
        return /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;
    return new RegExp(`^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-${version}[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12})$`);
};
/** Practical email validation */
const email = /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;
// from https://thekevinscott.com/emojis-in-javascript/#writing-a-regular-expression
// Single character class, not an alternation: the two properties overlap (U+1F9B0-U+1F9B3), so `(A|B)+` backtracks exponentially on a failed match. The leading lookahead then demands one anchor — a pictograph, a regional indicator, or the enclosing keycap — because `\p{Emoji_Component}` on its own covers ASCII digits, `#`, `*`, ZWJ, variation selectors and skin tone modifiers, none of which is an emoji without a base.
const _emoji$1 = `^(?=[\\s\\S]*[\\p{Extended_Pictographic}\\p{Regional_Indicator}\\u20E3])[\\p{Extended_Pictographic}\\p{Emoji_Component}]+$`;
function emoji() {
    return new RegExp(_emoji$1, "u");
}
const ipv4 = /^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])$/;
const ipv6 = /^(([0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,7}:|([0-9a-fA-F]{1,4}:){1,6}:[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,5}(:[0-9a-fA-F]{1,4}){1,2}|([0-9a-fA-F]{1,4}:){1,4}(:[0-9a-fA-F]{1,4}){1,3}|([0-9a-fA-F]{1,4}:){1,3}(:[0-9a-fA-F]{1,4}){1,4}|([0-9a-fA-F]{1,4}:){1,2}(:[0-9a-fA-F]{1,4}){1,5}|[0-9a-fA-F]{1,4}:((:[0-9a-fA-F]{1,4}){1,6})|:((:[0-9a-fA-F]{1,4}){1,7}|:))$/;
const cidrv4 = /^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\/([0-9]|[1-2][0-9]|3[0-2])$/;
const cidrv6 = /^(([0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,7}:|([0-9a-fA-F]{1,4}:){1,6}:[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,5}(:[0-9a-fA-F]{1,4}){1,2}|([0-9a-fA-F]{1,4}:){1,4}(:[0-9a-fA-F]{1,4}){1,3}|([0-9a-fA-F]{1,4}:){1,3}(:[0-9a-fA-F]{1,4}){1,4}|([0-9a-fA-F]{1,4}:){1,2}(:[0-9a-fA-F]{1,4}){1,5}|[0-9a-fA-F]{1,4}:((:[0-9a-fA-F]{1,4}){1,6})|:((:[0-9a-fA-F]{1,4}){1,7}|:))\/(12[0-8]|1[01][0-9]|[1-9]?[0-9])$/;
// https://stackoverflow.com/questions/7860392/determine-if-string-is-in-base64-using-javascript
const base64 = /^$|^(?:[0-9a-zA-Z+/]{4})*(?:(?:[0-9a-zA-Z+/]{2}==)|(?:[0-9a-zA-Z+/]{3}=))?$/;
const base64url = /^(?:[A-Za-z0-9_-]{4})*(?:[A-Za-z0-9_-]{2,3})?$/;
const httpProtocol = /^https?$/;
// https://blog.stevenlevithan.com/archives/validate-phone-number#r4-3 (regex sans spaces) E.164: leading digit must be 1-9; total digits (excluding '+') between 7-15
const e164 = /^\+[1-9]\d{6,14}$/;
const dateSource = `(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))`;

function anchor(source) {
    return new RegExp(`^${source}$`);
}
const date = /*@__PURE__*/ anchor(dateSource);
function timeSource(args) {
    const hhmm = `(?:[01]\\d|2[0-3]):[0-5]\\d`;
    const regex = typeof args.precision === "number"
        ? args.precision === -1
            ? `${hhmm}`
            : args.precision === 0
                ? `${hhmm}:[0-5]\\d`
                : `${hhmm}:[0-5]\\d\\.\\d{${args.precision}}`
        : args.seconds
            ? `${hhmm}:[0-5]\\d(?:\\.\\d+)?`
            : `${hhmm}(?::[0-5]\\d(?:\\.\\d+)?)?`;
    return regex;
}
function time(args) {
    return new RegExp(`^${timeSource(args)}$`);
}
// Adapted from https://stackoverflow.com/a/3143231
function datetime(args) {
    const opts = ["Z"];
    // if (args.offset) opts.push(`([+-]\\d{2}:\\d{2})`);
    if (args.offset)
        opts.push(`([+-](?:[01]\\d|2[0-3]):[0-5]\\d)`);
    // RFC 3339 mandates seconds wherever the time carries a `Z` or an offset, so only the unqualified form `local` adds may omit them
    const qualified = `${timeSource({ precision: args.precision, seconds: true })}(?:${opts.join("|")})`;
    const timeRegex = args.local ? `${qualified}|${timeSource({ precision: args.precision })}` : qualified;
    return new RegExp(`^${dateSource}T(?:${timeRegex})$`);
}
// the unbounded form of `string()` as a literal, so every plain string shares one instance instead of building its own
const anyString = /^[\s\S]{0,}$/;
const integer = /^-?\d+$/;
const number$3 = /^-?\d+(?:\.\d+)?$/;
const boolean$2 = /^(?:true|false)$/i;
// regex for string with no uppercase letters
const lowercase = /^[^A-Z]*$/;
// regex for string with no lowercase letters
const uppercase = /^[^a-z]*$/;

// import { $ZodType } from "./schemas.js";
const $ZodCheck = /*@__PURE__*/ $constructor("$ZodCheck", (inst, def) => {
    var _a;
    inst._zod ?? (inst._zod = {});
    inst._zod.def = def;
    (_a = inst._zod).onattach ?? (_a.onattach = []);
});
/** Default `when` for length-based checks: run only on non-nullish values with a `length`. */
const _whenHasLength = (payload) => {
    const val = payload.value;
    return !nullish(val) && val.length !== undefined;
};
const numericOriginMap = {
    number: "number",
    bigint: "bigint",
    object: "date",
};
const $ZodCheckLessThan = /*@__PURE__*/ $constructor("$ZodCheckLessThan", (inst, def) => {
    $ZodCheck.init(inst, def);
    const origin = numericOriginMap[typeof def.value];
    inst._zod.check = (payload) => {
        if (def.inclusive ? payload.value <= def.value : payload.value < def.value) {
            return;
        }
        payload.issues.push({
            origin: numericOriginMap[typeof payload.value] ?? origin,
            code: "too_big",
            maximum: typeof def.value === "object" ? def.value.getTime() : def.value,
            input: payload.value,
            inclusive: def.inclusive,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckGreaterThan = /*@__PURE__*/ $constructor("$ZodCheckGreaterThan", (inst, def) => {
    $ZodCheck.init(inst, def);
    const origin = numericOriginMap[typeof def.value];
    inst._zod.check = (payload) => {
        if (def.inclusive ? payload.value >= def.value : payload.value > def.value) {
            return;
        }
        payload.issues.push({
            origin: numericOriginMap[typeof payload.value] ?? origin,
            code: "too_small",
            minimum: typeof def.value === "object" ? def.value.getTime() : def.value,
            input: payload.value,
            inclusive: def.inclusive,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckMultipleOf = 
/*@__PURE__*/ $constructor("$ZodCheckMultipleOf", (inst, def) => {
    $ZodCheck.init(inst, def);
    inst._zod.check = (payload) => {
        if (typeof payload.value !== typeof def.value)
            throw new Error("Cannot mix number and bigint in multiple_of check.");
        const isMultiple = typeof payload.value === "bigint"
            ? // `value % 0n` throws, and nothing is a multiple of zero — the number branch already fails this way via NaN
                def.value !== BigInt(0) && payload.value % def.value === BigInt(0)
            : floatSafeRemainder(payload.value, def.value) === 0;
        if (isMultiple)
            return;
        payload.issues.push({
            origin: typeof payload.value,
            code: "not_multiple_of",
            divisor: def.value,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckNumberFormat = /*@__PURE__*/ $constructor("$ZodCheckNumberFormat", (inst, def) => {
    $ZodCheck.init(inst, def); // no format checks
    def.format = def.format || "float64";
    const isInt = def.format?.includes("int");
    const origin = isInt ? "int" : "number";
    const [minimum, maximum] = NUMBER_FORMAT_RANGES[def.format];
    inst._zod.check = (payload) => {
        const input = payload.value;
        if (isInt) {
            if (!Number.isInteger(input)) {
                // invalid_format issue
                // payload.issues.push({
                //   expected: def.format,
                //   format: def.format,
                //   code: "invalid_format",
                //   input,
                //   inst,
                // });
                // invalid_type issue
                payload.issues.push({
                    expected: origin,
                    format: def.format,
                    code: "invalid_type",
                    continue: false,
                    input,
                    inst,
                });
                return;
                // not_multiple_of issue
                // payload.issues.push({
                //   code: "not_multiple_of",
                //   origin: "number",
                //   input,
                //   inst,
                //   divisor: 1,
                // });
            }
            if (!Number.isSafeInteger(input)) {
                if (input > 0) {
                    // too_big
                    payload.issues.push({
                        input,
                        code: "too_big",
                        maximum: Number.MAX_SAFE_INTEGER,
                        note: "Integers must be within the safe integer range.",
                        inst,
                        origin,
                        inclusive: true,
                        continue: !def.abort,
                    });
                }
                else {
                    // too_small
                    payload.issues.push({
                        input,
                        code: "too_small",
                        minimum: Number.MIN_SAFE_INTEGER,
                        note: "Integers must be within the safe integer range.",
                        inst,
                        origin,
                        inclusive: true,
                        continue: !def.abort,
                    });
                }
                return;
            }
        }
        if (input < minimum) {
            payload.issues.push({
                origin: "number",
                input,
                code: "too_small",
                minimum,
                inclusive: true,
                inst,
                continue: !def.abort,
            });
        }
        if (input > maximum) {
            payload.issues.push({
                origin: "number",
                input,
                code: "too_big",
                maximum,
                inclusive: true,
                inst,
                continue: !def.abort,
            });
        }
    };
});
const $ZodCheckMaxLength = /*@__PURE__*/ $constructor("$ZodCheckMaxLength", (inst, def) => {
    var _a;
    $ZodCheck.init(inst, def);
    (_a = inst._zod.def).when ?? (_a.when = _whenHasLength);
    inst._zod.check = (payload) => {
        const input = payload.value;
        const units = input.length;
        // Strings are measured in Unicode code points, not UTF-16 units. A code point is at most two units, so a string that already fits in units fits in code points; only an overflow has to be counted.
        const length = typeof input === "string" && units > def.maximum ? codePointLength(input) : units;
        if (length <= def.maximum)
            return;
        const origin = getLengthableOrigin(input);
        payload.issues.push({
            origin,
            code: "too_big",
            maximum: def.maximum,
            inclusive: true,
            input,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckMinLength = /*@__PURE__*/ $constructor("$ZodCheckMinLength", (inst, def) => {
    var _a;
    $ZodCheck.init(inst, def);
    (_a = inst._zod.def).when ?? (_a.when = _whenHasLength);
    inst._zod.check = (payload) => {
        const input = payload.value;
        const units = input.length;
        // A code point is one or two UTF-16 units, so fewer units than the floor can never reach it and twice the floor always clears it. Only in between is the exact count in doubt.
        const length = typeof input === "string" && units >= def.minimum && units < def.minimum * 2
            ? codePointLength(input)
            : units;
        if (length >= def.minimum)
            return;
        const origin = getLengthableOrigin(input);
        payload.issues.push({
            origin,
            code: "too_small",
            minimum: def.minimum,
            inclusive: true,
            input,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckLengthEquals = /*@__PURE__*/ $constructor("$ZodCheckLengthEquals", (inst, def) => {
    var _a;
    $ZodCheck.init(inst, def);
    (_a = inst._zod.def).when ?? (_a.when = _whenHasLength);
    inst._zod.check = (payload) => {
        const input = payload.value;
        const units = input.length;
        // A code point is one or two UTF-16 units, so outside `[length, length * 2]` units the target is missed either way — and missed in the same direction in both measures.
        const length = typeof input === "string" && units >= def.length && units <= def.length * 2
            ? codePointLength(input)
            : units;
        if (length === def.length)
            return;
        const origin = getLengthableOrigin(input);
        const tooBig = length > def.length;
        payload.issues.push({
            origin,
            ...(tooBig ? { code: "too_big", maximum: def.length } : { code: "too_small", minimum: def.length }),
            inclusive: true,
            exact: true,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckStringFormat = /*@__PURE__*/ $constructor("$ZodCheckStringFormat", (inst, def) => {
    var _a, _b;
    $ZodCheck.init(inst, def);
    if (def.pattern)
        (_a = inst._zod).check ?? (_a.check = (payload) => {
            def.pattern.lastIndex = 0;
            if (def.pattern.test(payload.value))
                return;
            payload.issues.push({
                origin: "string",
                code: "invalid_format",
                format: def.format,
                input: payload.value,
                ...(def.pattern ? { pattern: def.pattern.toString() } : {}),
                inst,
                continue: !def.abort,
            });
        });
    else
        (_b = inst._zod).check ?? (_b.check = () => { });
});
const $ZodCheckRegex = /*@__PURE__*/ $constructor("$ZodCheckRegex", (inst, def) => {
    $ZodCheckStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        def.pattern.lastIndex = 0;
        if (def.pattern.test(payload.value))
            return;
        payload.issues.push({
            origin: "string",
            code: "invalid_format",
            format: "regex",
            input: payload.value,
            pattern: def.pattern.toString(),
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckLowerCase = /*@__PURE__*/ $constructor("$ZodCheckLowerCase", (inst, def) => {
    def.pattern ?? (def.pattern = lowercase);
    $ZodCheckStringFormat.init(inst, def);
});
const $ZodCheckUpperCase = /*@__PURE__*/ $constructor("$ZodCheckUpperCase", (inst, def) => {
    def.pattern ?? (def.pattern = uppercase);
    $ZodCheckStringFormat.init(inst, def);
});
const $ZodCheckIncludes = /*@__PURE__*/ $constructor("$ZodCheckIncludes", (inst, def) => {
    $ZodCheck.init(inst, def);
    const escapedRegex = escapeRegex(def.includes);
    // `String.prototype.includes(sub, position)` matches `sub` at `position`
    // OR LATER, so the pattern must allow at least `position` leading chars
    // (`{N,}`), not exactly `position` chars (`{N}`).
    const pattern = new RegExp(typeof def.position === "number" ? `^.{${def.position},}${escapedRegex}` : escapedRegex);
    def.pattern = pattern;
    inst._zod.check = (payload) => {
        if (payload.value.includes(def.includes, def.position))
            return;
        payload.issues.push({
            origin: "string",
            code: "invalid_format",
            format: "includes",
            includes: def.includes,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckStartsWith = /*@__PURE__*/ $constructor("$ZodCheckStartsWith", (inst, def) => {
    $ZodCheck.init(inst, def);
    const pattern = new RegExp(`^${escapeRegex(def.prefix)}.*`);
    def.pattern ?? (def.pattern = pattern);
    inst._zod.check = (payload) => {
        if (payload.value.startsWith(def.prefix))
            return;
        payload.issues.push({
            origin: "string",
            code: "invalid_format",
            format: "starts_with",
            prefix: def.prefix,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckEndsWith = /*@__PURE__*/ $constructor("$ZodCheckEndsWith", (inst, def) => {
    $ZodCheck.init(inst, def);
    const pattern = new RegExp(`.*${escapeRegex(def.suffix)}$`);
    def.pattern ?? (def.pattern = pattern);
    inst._zod.check = (payload) => {
        if (payload.value.endsWith(def.suffix))
            return;
        payload.issues.push({
            origin: "string",
            code: "invalid_format",
            format: "ends_with",
            suffix: def.suffix,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckOverwrite = /*@__PURE__*/ $constructor("$ZodCheckOverwrite", (inst, def) => {
    $ZodCheck.init(inst, def);
    inst._zod.check = (payload) => {
        payload.value = def.tx(payload.value);
    };
});

class Doc {
    constructor(args = [], closed = {}) {
        this.content = [];
        this.indent = 0;
        this.args = args;
        this.closed = closed;
    }
    // the compiler catches a child's throw and keeps writing into this doc, so the indent has to unwind with it
    indented(fn) {
        this.indent += 1;
        try {
            fn(this);
        }
        finally {
            this.indent -= 1;
        }
    }
    write(arg) {
        if (typeof arg === "function") {
            arg(this, { execution: "sync" });
            arg(this, { execution: "async" });
            return;
        }
        const content = arg;
        const lines = content.split("\n").filter((x) => x);
        const minIndent = Math.min(...lines.map((x) => x.length - x.trimStart().length));
        const dedented = lines.map((x) => x.slice(minIndent)).map((x) => " ".repeat(this.indent * 2) + x);
        for (const line of dedented) {
            this.content.push(line);
        }
    }
    compile() {
        const F = Function;
        const content = this?.content ?? [``];
        const factory = new F(...Object.keys(this.closed), `return function (${this.args.join(", ")}) {\n${content.join("\n")}\n};`);
        return factory(...Object.values(this.closed));
    }
}

const version = {
    major: 4,
    minor: 6,
    patch: 7,
};

const $ZodType = /*@__PURE__*/ $constructor("$ZodType", (inst, def) => {
    var _a;
    inst ?? (inst = {});
    inst._zod.def = def; // set _def property
    inst._zod.bag = inst._zod.bag || {}; // initialize _bag object
    inst._zod.version = version;
    const defChecks = inst._zod.def.checks;
    // if inst is itself a checks.$ZodCheck, run it as a check
    const checks = inst._zod.traits.has("$ZodCheck")
        ? [inst, ...(defChecks ?? [])]
        : defChecks?.length
            ? [...defChecks]
            : [];
    for (const ch of checks) {
        for (const fn of ch._zod.onattach) {
            fn(inst);
        }
    }
    if (checks.length === 0) {
        // deferred initializer inst._zod.parse is not yet defined
        (_a = inst._zod).deferred ?? (_a.deferred = []);
        inst._zod.deferred?.push(() => {
            inst._zod.run = inst._zod.parse;
        });
    }
    else {
        const runChecks = (payload, checks, ctx) => {
            if (payload.memo)
                return payload;
            let isAborted = aborted(payload);
            let asyncResult;
            for (const ch of checks) {
                if (ch._zod.def.when) {
                    if (explicitlyAborted(payload))
                        continue;
                    const shouldRun = ch._zod.def.when(payload);
                    if (!shouldRun)
                        continue;
                }
                else if (isAborted) {
                    continue;
                }
                const currLen = payload.issues.length;
                const _ = ch._zod.check(payload);
                if (_ instanceof Promise && ctx?.async === false) {
                    throw new $ZodAsyncError();
                }
                if (asyncResult || _ instanceof Promise) {
                    asyncResult = (asyncResult ?? Promise.resolve()).then(async () => {
                        await _;
                        const nextLen = payload.issues.length;
                        if (nextLen === currLen)
                            return;
                        attachSchema(payload.issues, currLen, inst);
                        if (!isAborted)
                            isAborted = aborted(payload, currLen);
                    });
                }
                else {
                    const nextLen = payload.issues.length;
                    if (nextLen === currLen)
                        continue;
                    attachSchema(payload.issues, currLen, inst);
                    if (!isAborted)
                        isAborted = aborted(payload, currLen);
                }
            }
            if (asyncResult) {
                return asyncResult.then(() => {
                    return payload;
                });
            }
            return payload;
        };
        const handleCanaryResult = (canary, payload, ctx) => {
            // abort if the canary is aborted
            if (aborted(canary)) {
                canary.aborted = true;
                return canary;
            }
            // run checks first, then
            const checkResult = runChecks(payload, checks, ctx);
            if (checkResult instanceof Promise) {
                if (ctx.async === false)
                    throw new $ZodAsyncError();
                return checkResult.then((checkResult) => inst._zod.parse(checkResult, ctx));
            }
            return inst._zod.parse(checkResult, ctx);
        };
        inst._zod.run = (payload, ctx) => {
            if (ctx.skipChecks) {
                return inst._zod.parse(payload, ctx);
            }
            if (ctx.direction === "backward") {
                // run canary initial pass (no checks)
                const canary = inst._zod.parse({ value: payload.value, issues: [] }, { ...ctx, skipChecks: true });
                if (canary instanceof Promise) {
                    return canary.then((canary) => {
                        return handleCanaryResult(canary, payload, ctx);
                    });
                }
                return handleCanaryResult(canary, payload, ctx);
            }
            // forward
            const result = inst._zod.parse(payload, ctx);
            if (result instanceof Promise) {
                if (ctx.async === false)
                    throw new $ZodAsyncError();
                return result.then((result) => runChecks(result, checks, ctx));
            }
            return runChecks(result, checks, ctx);
        };
    }
}, {
    // Wrappers extend this by installing a richer factory over it; reading it eagerly would defeat the laziness.
    get "~standard"() {
        return hide(this, "~standard", standardProps(this));
    },
    set "~standard"(value) {
        own(this, "~standard", value);
    },
});
/** The Standard Schema surface for `inst`. Shared so wrappers can extend it without forcing it. */
// a Standard Schema result only reports issues, so a failure finalizes them straight off the raw payload: no ZodError, and no lazy result to read through
const toStandardResult = (r, ctx) => r.issues.length ? { issues: r.issues.map((iss) => finalizeIssue(iss, ctx, config())) } : { value: r.value };
async function validateAsync(inst, value) {
    const ctx = { async: true };
    return toStandardResult((await inst._zod.run({ value, issues: [] }, ctx)), ctx);
}
function standardProps(inst) {
    return {
        validate: (value) => {
            const ctx = { async: false };
            try {
                const r = inst._zod.run({ value, issues: [] }, ctx);
                if (!(r instanceof Promise))
                    return toStandardResult(r, ctx);
            }
            catch (_) { }
            // async function so a synchronously throwing check rejects instead of escaping validate
            return validateAsync(inst, value);
        },
        vendor: "zod",
        version: 1,
    };
}
const $ZodString = /*@__PURE__*/ $constructor("$ZodString", (inst, def) => {
    $ZodType.init(inst, def);
    // a format's own pattern, else unbounded; a template literal derives the check-aware form itself
    inst._zod.pattern = def.pattern ?? anyString;
    inst._zod.parse = (payload, _) => {
        if (def.coerce)
            try {
                payload.value = String(payload.value);
            }
            catch (_) { }
        if (typeof payload.value === "string")
            return payload;
        payload.issues.push({
            expected: "string",
            code: "invalid_type",
            input: payload.value,
            inst,
        });
        return payload;
    };
});
const $ZodStringFormat = /*@__PURE__*/ $constructor("$ZodStringFormat", (inst, def) => {
    // check initialization must come first
    $ZodCheckStringFormat.init(inst, def);
    $ZodString.init(inst, def);
});
const $ZodGUID = /*@__PURE__*/ $constructor("$ZodGUID", (inst, def) => {
    def.pattern ?? (def.pattern = guid);
    $ZodStringFormat.init(inst, def);
});
const $ZodUUID = /*@__PURE__*/ $constructor("$ZodUUID", (inst, def) => {
    if (def.version) {
        const versionMap = {
            v1: 1,
            v2: 2,
            v3: 3,
            v4: 4,
            v5: 5,
            v6: 6,
            v7: 7,
            v8: 8,
        };
        const v = versionMap[def.version];
        if (v === undefined)
            throw new Error(`Invalid UUID version: "${def.version}"`);
        def.pattern ?? (def.pattern = uuid(v));
    }
    else
        def.pattern ?? (def.pattern = uuid());
    $ZodStringFormat.init(inst, def);
});
const $ZodEmail = /*@__PURE__*/ $constructor("$ZodEmail", (inst, def) => {
    def.pattern ?? (def.pattern = email);
    $ZodStringFormat.init(inst, def);
});
/** The `://` guard rejected the input before the URL constructor saw it. */
const URL_BAD_FORMAT = 1;
/** The URL parser rejected the input. */
const URL_UNPARSEABLE = 2;
function canParseURL(input) {
    try {
        if (typeof URL !== "undefined" && typeof URL.canParse === "function")
            return URL.canParse(input);
        new URL(input);
        return true;
    }
    catch {
        return false;
    }
}
function validateURL(trimmed, def) {
    if (!("normalize" in def) && !("hostname" in def) && !("protocol" in def)) {
        return canParseURL(trimmed) || URL_UNPARSEABLE;
    }
    return parseURLObject(trimmed, def);
}
/** Parses a URL while preserving the non-normalizing HTTP guard. */
function parseURLObject(trimmed, def) {
    // When normalize is off, require :// for http/https URLs. This prevents strings like "http:example.com" or "https:/path" from being silently accepted
    if (!def.normalize && def.protocol?.source === httpProtocol.source && !/^https?:\/\//i.test(trimmed)) {
        return URL_BAD_FORMAT;
    }
    try {
        if (typeof URL !== "undefined") {
            const URLStatic = URL;
            if (typeof URLStatic.parse === "function")
                return URLStatic.parse(trimmed) ?? URL_UNPARSEABLE;
        }
        // @ts-ignore
        return new URL(trimmed);
    }
    catch {
        return URL_UNPARSEABLE;
    }
}
const asciiTabOrNewline = /[\t\n\r]/g;
/** The URL parser deletes every ASCII tab, LF and CR from its input before it parses, so `new URL("https://exa\nmple.com")` reports on `example.com`. Applying the same deletion to the returned value closes the half of that divergence which can move the host; the parser's other rewrite, stripping C0 controls at the edges, cannot. */
function stripTabAndNewline(value) {
    return value.replace(asciiTabOrNewline, "");
}
function urlHostnameOk(url, hostname) {
    hostname.lastIndex = 0;
    return hostname.test(url.hostname);
}
function urlProtocolOk(url, protocol) {
    protocol.lastIndex = 0;
    return protocol.test(url.protocol.endsWith(":") ? url.protocol.slice(0, -1) : url.protocol);
}
const $ZodURL = /*@__PURE__*/ $constructor("$ZodURL", (inst, def) => {
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        try {
            // Trim whitespace from input
            const trimmed = payload.value.trim();
            const url = validateURL(trimmed, def);
            if (url === URL_BAD_FORMAT) {
                payload.issues.push({
                    code: "invalid_format",
                    format: "url",
                    note: "Invalid URL format",
                    input: payload.value,
                    inst,
                    continue: !def.abort,
                });
                return;
            }
            if (url === URL_UNPARSEABLE) {
                payload.issues.push({
                    code: "invalid_format",
                    format: "url",
                    input: payload.value,
                    inst,
                    continue: !def.abort,
                });
                return;
            }
            if (url === true) {
                payload.value = stripTabAndNewline(trimmed);
                return;
            }
            if (def.hostname && !urlHostnameOk(url, def.hostname)) {
                payload.issues.push({
                    code: "invalid_format",
                    format: "url",
                    note: "Invalid hostname",
                    pattern: def.hostname.source,
                    input: payload.value,
                    inst,
                    continue: !def.abort,
                });
            }
            if (def.protocol && !urlProtocolOk(url, def.protocol)) {
                payload.issues.push({
                    code: "invalid_format",
                    format: "url",
                    note: "Invalid protocol",
                    pattern: def.protocol.source,
                    input: payload.value,
                    inst,
                    continue: !def.abort,
                });
            }
            // Set the output value based on normalize flag
            payload.value = def.normalize ? url.href : stripTabAndNewline(trimmed);
            return;
        }
        catch (_) {
            payload.issues.push({
                code: "invalid_format",
                format: "url",
                input: payload.value,
                inst,
                continue: !def.abort,
            });
        }
    };
});
const $ZodEmoji = /*@__PURE__*/ $constructor("$ZodEmoji", (inst, def) => {
    def.pattern ?? (def.pattern = emoji());
    $ZodStringFormat.init(inst, def);
});
const $ZodNanoID = /*@__PURE__*/ $constructor("$ZodNanoID", (inst, def) => {
    if (def.length !== undefined && (!Number.isInteger(def.length) || def.length < 1))
        throw new Error(`Invalid nanoid length: ${def.length}`);
    def.pattern ?? (def.pattern = def.length === undefined ? nanoid : nanoidOfLength(def.length));
    $ZodStringFormat.init(inst, def);
});
/**
 * @deprecated CUID v1 is deprecated by its authors due to information leakage
 * (timestamps embedded in the id). Use {@link $ZodCUID2} instead.
 * See https://github.com/paralleldrive/cuid.
 */
const $ZodCUID = /*@__PURE__*/ $constructor("$ZodCUID", (inst, def) => {
    def.pattern ?? (def.pattern = cuid);
    $ZodStringFormat.init(inst, def);
});
const $ZodCUID2 = /*@__PURE__*/ $constructor("$ZodCUID2", (inst, def) => {
    def.pattern ?? (def.pattern = cuid2);
    $ZodStringFormat.init(inst, def);
});
const $ZodULID = /*@__PURE__*/ $constructor("$ZodULID", (inst, def) => {
    def.pattern ?? (def.pattern = ulid);
    $ZodStringFormat.init(inst, def);
});
const $ZodXID = /*@__PURE__*/ $constructor("$ZodXID", (inst, def) => {
    def.pattern ?? (def.pattern = xid);
    $ZodStringFormat.init(inst, def);
});
const $ZodKSUID = /*@__PURE__*/ $constructor("$ZodKSUID", (inst, def) => {
    def.pattern ?? (def.pattern = ksuid);
    $ZodStringFormat.init(inst, def);
});
const $ZodISODateTime = /*@__PURE__*/ $constructor("$ZodISODateTime", (inst, def) => {
    def.pattern ?? (def.pattern = datetime(def));
    $ZodStringFormat.init(inst, def);
});
const $ZodISODate = /*@__PURE__*/ $constructor("$ZodISODate", (inst, def) => {
    def.pattern ?? (def.pattern = date);
    $ZodStringFormat.init(inst, def);
});
const $ZodISOTime = /*@__PURE__*/ $constructor("$ZodISOTime", (inst, def) => {
    def.pattern ?? (def.pattern = time(def));
    $ZodStringFormat.init(inst, def);
});
const $ZodISODuration = /*@__PURE__*/ $constructor("$ZodISODuration", (inst, def) => {
    def.pattern ?? (def.pattern = duration);
    $ZodStringFormat.init(inst, def);
});
const $ZodIPv4 = /*@__PURE__*/ $constructor("$ZodIPv4", (inst, def) => {
    def.pattern ?? (def.pattern = ipv4);
    $ZodStringFormat.init(inst, def);
});
/** An IPv6 address is written with hex digits, colons and dots, and nothing else. The guard is what makes the check below an IPv6 check: `new URL("http://[...]")` parses an authority, not an address, so `@` and `\` re-delimit it and `"::@1\\"` validates against the host `0.0.0.1`. The URL parser also deletes ASCII tab, LF and CR rather than failing, which is how `"::1\n"` validated as `::1`. */
const ipv6Alphabet = /^[0-9a-fA-F:.]+$/;
function isValidIPv6(value) {
    if (!ipv6Alphabet.test(value))
        return false;
    return canParseURL(`http://[${value}]`);
}
const $ZodIPv6 = /*@__PURE__*/ $constructor("$ZodIPv6", (inst, def) => {
    def.pattern ?? (def.pattern = ipv6);
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (!isValidIPv6(payload.value)) {
            payload.issues.push({
                code: "invalid_format",
                format: "ipv6",
                input: payload.value,
                inst,
                continue: !def.abort,
            });
        }
    };
});
const $ZodCIDRv4 = /*@__PURE__*/ $constructor("$ZodCIDRv4", (inst, def) => {
    def.pattern ?? (def.pattern = cidrv4);
    $ZodStringFormat.init(inst, def);
});
function isValidCIDRv6(value) {
    const parts = value.split("/");
    if (parts.length !== 2)
        return false;
    const [address, prefix] = parts;
    if (!prefix)
        return false;
    const prefixNum = Number(prefix);
    if (`${prefixNum}` !== prefix)
        return false;
    if (prefixNum < 0 || prefixNum > 128)
        return false;
    return isValidIPv6(address);
}
const $ZodCIDRv6 = /*@__PURE__*/ $constructor("$ZodCIDRv6", (inst, def) => {
    def.pattern ?? (def.pattern = cidrv6); // not used for validation
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (!isValidCIDRv6(payload.value)) {
            payload.issues.push({
                code: "invalid_format",
                format: "cidrv6",
                input: payload.value,
                inst,
                continue: !def.abort,
            });
        }
    };
});
//////////////////////////////   ZodBase64   //////////////////////////////
function isValidBase64(data) {
    if (data === "")
        return true;
    // atob ignores whitespace, so reject it up front.
    if (/\s/.test(data))
        return false;
    if (data.length % 4 !== 0)
        return false;
    try {
        // @ts-ignore
        atob(data);
        return true;
    }
    catch {
        return false;
    }
}
// lax on purpose: the quantified regexes.base64 overflows the regex stack on multi-MB input and its leading ^$| alternation leaks through template-literal composition; isValidBase64 enforces length and padding
const base64Charset = /^[0-9a-zA-Z+/]*={0,2}$/;
const $ZodBase64 = /*@__PURE__*/ $constructor("$ZodBase64", (inst, def) => {
    def.pattern ?? (def.pattern = base64Charset);
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (isValidBase64(payload.value))
            return;
        payload.issues.push({
            code: "invalid_format",
            format: "base64",
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
//////////////////////////////   ZodBase64URL   //////////////////////////////
// lax on purpose: the quantified regexes.base64url overflows the regex stack on multi-MB input; isValidBase64 enforces length on the padded string
const base64urlCharset = /^[A-Za-z0-9_-]*$/;
function isValidBase64URL(data) {
    if (!base64urlCharset.test(data))
        return false;
    const base64 = data.replace(/[-_]/g, (c) => (c === "-" ? "+" : "/"));
    const padded = base64.padEnd(Math.ceil(base64.length / 4) * 4, "=");
    return isValidBase64(padded);
}
const $ZodBase64URL = /*@__PURE__*/ $constructor("$ZodBase64URL", (inst, def) => {
    def.pattern ?? (def.pattern = base64urlCharset);
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (isValidBase64URL(payload.value))
            return;
        payload.issues.push({
            code: "invalid_format",
            format: "base64url",
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodE164 = /*@__PURE__*/ $constructor("$ZodE164", (inst, def) => {
    def.pattern ?? (def.pattern = e164);
    $ZodStringFormat.init(inst, def);
});
//////////////////////////////   ZodJWT   //////////////////////////////
function isValidJWT(token, algorithm = null) {
    try {
        const tokensParts = token.split(".");
        if (tokensParts.length !== 3)
            return false;
        const [header] = tokensParts;
        if (!header)
            return false;
        // @ts-ignore
        const parsedHeader = JSON.parse(atob(header));
        if ("typ" in parsedHeader && parsedHeader?.typ !== "JWT")
            return false;
        if (!parsedHeader.alg)
            return false;
        if (algorithm && (!("alg" in parsedHeader) || parsedHeader.alg !== algorithm))
            return false;
        return true;
    }
    catch {
        return false;
    }
}
const $ZodJWT = /*@__PURE__*/ $constructor("$ZodJWT", (inst, def) => {
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (isValidJWT(payload.value, def.alg))
            return;
        payload.issues.push({
            code: "invalid_format",
            format: "jwt",
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodNumber = /*@__PURE__*/ $constructor("$ZodNumber", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.pattern = number$3;
    inst._zod.parse = (payload, _ctx) => {
        if (def.coerce)
            try {
                payload.value = Number(payload.value);
            }
            catch (_) { }
        const input = payload.value;
        if (typeof input === "number" && !Number.isNaN(input) && Number.isFinite(input)) {
            return payload;
        }
        const received = typeof input === "number"
            ? Number.isNaN(input)
                ? "NaN"
                : !Number.isFinite(input)
                    ? String(input)
                    : undefined
            : undefined;
        payload.issues.push({
            expected: "number",
            code: "invalid_type",
            input,
            inst,
            ...(received ? { received } : {}),
        });
        return payload;
    };
});
const $ZodNumberFormat = /*@__PURE__*/ $constructor("$ZodNumberFormat", (inst, def) => {
    $ZodCheckNumberFormat.init(inst, def);
    $ZodNumber.init(inst, def); // no format checks
});
const $ZodBoolean = /*@__PURE__*/ $constructor("$ZodBoolean", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.pattern = boolean$2;
    inst._zod.parse = (payload, _ctx) => {
        if (def.coerce)
            try {
                payload.value = Boolean(payload.value);
            }
            catch (_) { }
        const input = payload.value;
        if (typeof input === "boolean")
            return payload;
        payload.issues.push({
            expected: "boolean",
            code: "invalid_type",
            input,
            inst,
        });
        return payload;
    };
});
const $ZodUnknown = /*@__PURE__*/ $constructor("$ZodUnknown", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload) => payload;
});
const $ZodNever = /*@__PURE__*/ $constructor("$ZodNever", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _ctx) => {
        payload.issues.push({
            expected: "never",
            code: "invalid_type",
            input: payload.value,
            inst,
        });
        return payload;
    };
});
// an oversized container fails its leading size checks before any element is parsed
function capSize(inst, size) {
    const caps = sizeCaps(inst._zod.def.checks);
    if (!caps.length)
        return;
    const cap = Math.min(...caps.map((c) => c[0]));
    const parse = inst._zod.parse;
    inst._zod.parse = (payload, ctx) => {
        const n = size(payload.value);
        if (n > cap && !ctx?.skipChecks && ctx?.direction !== "backward") {
            for (const [max, ch] of sizeCaps(inst._zod.def.checks)) {
                if (n > max && ch._zod.def.when(payload)) {
                    const start = payload.issues.length;
                    ch._zod.check(payload);
                    // the value is still the raw input, so no later check may read it
                    payload.issues[start].continue = false;
                    attachSchema(payload.issues, start, inst);
                    return payload;
                }
            }
        }
        return parse(payload, ctx);
    };
}
const arraySize = (input) => (Array.isArray(input) ? input.length : -1);
function handleArrayResult(result, final, index) {
    if (result.issues.length) {
        final.issues.push(...prefixIssues(index, result.issues));
    }
    final.value[index] = result.value;
}
const $ZodArray = /*@__PURE__*/ $constructor("$ZodArray", (inst, def) => {
    $ZodType.init(inst, def);
    const memo = globalConfig.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!Array.isArray(input)) {
            payload.issues.push({
                expected: "array",
                code: "invalid_type",
                input,
                inst,
            });
            return payload;
        }
        payload.value = memo ? memo.alloc(inst, payload, Array(input.length), ctx) : Array(input.length);
        const proms = [];
        const abortEarly = ctx?.abortEarly;
        for (let i = 0; i < input.length; i++) {
            const item = input[i];
            const result = def.element._zod.run({
                value: item,
                issues: [],
            }, ctx);
            if (result instanceof Promise) {
                proms.push(result.then((result) => handleArrayResult(result, payload, i)));
            }
            else {
                handleArrayResult(result, payload, i);
                // the element's payload is authoritative here, since handleArrayResult forwards every issue; an object's is not, because it drops a failed absent optional
                if (abortEarly && result.issues.length !== 0 && aborted(result))
                    break;
            }
        }
        if (proms.length) {
            return Promise.all(proms).then(() => payload);
        }
        return payload; //handleArrayResultsAsync(parseResults, final);
    };
    capSize(inst, arraySize);
});
function handlePropertyResult(result, final, key, input, optin, optout) {
    const isPresent = key in input;
    const isOptionalOut = optout === "optional";
    // The middle rung means "absence permitted, nothing supplied in its place", so an absent key contributes nothing — whatever the schema made of `undefined` is invented, not substituted. Only `optional` reaches this with a value: `defaulted` substitutes, and a schema that isn't optional-out has to keep the key.
    if (!isPresent && isOptionalOut && optin === "optional") {
        return;
    }
    if (result.issues.length) {
        // For optional-in/out schemas, ignore errors on absent keys.
        if (optin !== undefined && isOptionalOut && !isPresent) {
            return;
        }
        final.issues.push(...prefixIssues(key, result.issues));
    }
    if (!isPresent && optin === undefined) {
        if (!result.issues.length) {
            final.issues.push({
                code: "invalid_type",
                expected: "nonoptional",
                input: undefined,
                path: [key],
            });
        }
        return;
    }
    if (result.value === undefined) {
        if (isPresent || (optin === "defaulted" && !isOptionalOut)) {
            final.value[key] = undefined;
        }
    }
    else {
        final.value[key] = result.value;
    }
}
// one shared instance; a fresh [] per schema cost 56 bytes retained
const NO_SYMBOL_KEYS = [];
function normalizeDef(def) {
    const keys = Object.keys(def.shape);
    const ownSymbols = Object.getOwnPropertySymbols(def.shape);
    const symbolKeys = ownSymbols.length ? ownSymbols : NO_SYMBOL_KEYS;
    // aliases `keys` when there are no symbols, so a string-only shape keeps one array
    const allKeys = symbolKeys.length ? [...keys, ...symbolKeys] : keys;
    for (const k of allKeys) {
        if (!def.shape?.[k]?._zod?.traits?.has("$ZodType")) {
            throw new Error(`Invalid element at key "${String(k)}": expected a Zod schema`);
        }
    }
    const okeys = optionalKeys(def.shape);
    return {
        ...def,
        allKeys,
        symbolKeys,
        // string-only: handleCatchall matches it against `for...in`, which never yields a symbol
        keySet: new Set(keys),
        numKeys: keys.length,
        optionalKeys: new Set(okeys),
    };
}
function handleCatchall(proms, input, payload, ctx, def, inst, abortEarly) {
    const unrecognized = [];
    const keySet = def.keySet;
    const _catchall = def.catchall._zod;
    const t = _catchall.def.type;
    const optin = _catchall.optin;
    const optout = _catchall.optout;
    // starts at 0, not the current length: the shape phase already ran and may have aborted
    let seen = 0;
    for (const key in input) {
        if (abortEarly && payload.issues.length !== seen) {
            if (aborted(payload, seen))
                break;
            seen = payload.issues.length;
        }
        // Must precede the __proto__ branch: a declared key is not unrecognized, even though the shape loop deliberately strips __proto__ from the parsed output.
        if (keySet.has(key))
            continue;
        // Don't copy an undeclared __proto__ into the result; assignment to a plain {} would replace the result prototype. But in strict mode it is still an unknown key, so report it before skipping.
        if (key === "__proto__") {
            if (t === "never")
                unrecognized.push(key);
            continue;
        }
        if (t === "never") {
            unrecognized.push(key);
            continue;
        }
        const r = _catchall.run({ value: input[key], issues: [] }, ctx);
        if (r instanceof Promise) {
            proms.push(r.then((r) => handlePropertyResult(r, payload, key, input, optin, optout)));
        }
        else {
            handlePropertyResult(r, payload, key, input, optin, optout);
        }
    }
    if (unrecognized.length) {
        payload.issues.push({
            code: "unrecognized_keys",
            keys: unrecognized,
            input,
            inst,
            // Describes the shape of the input, not the validity of the parsed value, so it never aborts. The parse still fails; the schema's own checks just get to run first, and an enclosing intersection can reconcile the key against a sibling operand.
            continue: true,
        });
    }
    if (!proms.length)
        return payload;
    return Promise.all(proms).then(() => {
        return payload;
    });
}
const $ZodObject = /*@__PURE__*/ $constructor("$ZodObject", (inst, def) => {
    // requires cast because technically $ZodObject doesn't extend
    $ZodType.init(inst, def);
    const desc = Object.getOwnPropertyDescriptor(def, "shape");
    // a cloned def carries its source's accessor, which knows the shape it answers from; adopting that keeps the clone's keys readable without running it
    const sh = desc?.get ? desc.get.raw : (def.shape ?? {});
    if (sh) {
        // Freezes the shape on first read, so its getters resolve once and every later read sees the same schemas.
        const get = () => {
            const newSh = { ...sh };
            Object.defineProperty(def, "shape", { value: newSh });
            get.raw = newSh;
            return newSh;
        };
        get.raw = sh;
        Object.defineProperty(def, "shape", { get });
    }
    const _normalized = cached(() => normalizeDef(def));
    defineLazyInternal(inst, "propValues", (zod) => {
        const shape = zod.def.shape;
        const propValues = {};
        for (const key in shape) {
            const field = shape[key]._zod;
            if (field.values) {
                if (!Object.prototype.hasOwnProperty.call(propValues, key)) {
                    assignProp(propValues, key, new Set());
                }
                for (const v of field.values)
                    propValues[key].add(v);
                // An omittable slot reads back as undefined at a discriminator lookup, so it has to claim undefined: two options that can both omit the key are not discriminable on it.
                if (field.optin !== undefined)
                    propValues[key].add(undefined);
            }
        }
        return propValues;
    });
    const isObject$1 = isObject;
    const catchall = def.catchall;
    let value;
    const memo = globalConfig.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        value ?? (value = _normalized.value);
        const input = payload.value;
        if (!isObject$1(input)) {
            payload.issues.push({
                expected: "object",
                code: "invalid_type",
                input,
                inst,
            });
            return payload;
        }
        payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
        const proms = [];
        const shape = value.shape;
        const abortEarly = ctx?.abortEarly;
        let seen = payload.issues.length;
        for (const key of value.allKeys) {
            if (abortEarly && payload.issues.length !== seen) {
                if (aborted(payload, seen))
                    break;
                seen = payload.issues.length;
            }
            if (key === "__proto__")
                continue;
            const el = shape[key];
            const optin = el._zod.optin;
            const optout = el._zod.optout;
            const r = el._zod.run({ value: input[key], issues: [] }, ctx);
            if (r instanceof Promise) {
                proms.push(r.then((r) => handlePropertyResult(r, payload, key, input, optin, optout)));
            }
            else {
                handlePropertyResult(r, payload, key, input, optin, optout);
            }
        }
        if (!catchall) {
            return proms.length ? Promise.all(proms).then(() => payload) : payload;
        }
        return handleCatchall(proms, input, payload, ctx, _normalized.value, inst, abortEarly === true);
    };
});
const $ZodObjectJIT = /*@__PURE__*/ $constructor("$ZodObjectJIT", (inst, def) => {
    // requires cast because technically $ZodObject doesn't extend
    $ZodObject.init(inst, def);
    const superParse = inst._zod.parse;
    const _normalized = cached(() => normalizeDef(def));
    const memo = globalConfig.memoizer;
    const generateFastpass = (shape) => {
        const normalized = _normalized.value;
        const syms = normalized.symbolKeys;
        // a symbol has no source literal, so it is read as `syms[i]` off the closed-over scope
        const doc = new Doc(["payload", "ctx"], { shape, inst, memo, syms });
        const parseStr = (k) => `shape[${k}]._zod.run({ value: input[${k}], issues: [] }, ctx)`;
        // prefixes in place, like util.prefixIssues. newResult must land before the early return: a catchall runs after this and would otherwise write onto the caller's input
        const prefixStr = (id, k) => `
          let ${id}_ab = false;
          for (let i = 0; i < ${id}.issues.length; i++) {
            const iss = ${id}.issues[i];
            iss.path = iss.path ? [${k}, ...iss.path] : [${k}];
            payload.issues.push(iss);
            if (iss.continue !== true) ${id}_ab = true;
          }
          if (${id}_ab && ctx && ctx.abortEarly) {
            payload.value = newResult;
            return payload;
          }`;
        doc.write(`const input = payload.value;`);
        const ids = Object.create(null);
        let counter = 0;
        for (const key of normalized.allKeys) {
            ids[key] = `key_${counter++}`;
        }
        // A: preserve key order {
        doc.write(memo ? `const newResult = memo.alloc(inst, payload, {}, ctx);` : `const newResult = {};`);
        for (const key of normalized.allKeys) {
            if (key === "__proto__")
                continue;
            const id = ids[key];
            const k = typeof key === "symbol" ? `syms[${syms.indexOf(key)}]` : esc(key);
            const isPresent = `${k} in input`;
            const schema = shape[key];
            const optin = schema?._zod?.optin;
            const isOptionalIn = optin !== undefined;
            const isOptionalOut = schema?._zod?.optout === "optional";
            doc.write(`const ${id} = ${parseStr(k)};`);
            if (isOptionalIn && isOptionalOut) {
                // For optional-in/out schemas, ignore errors on absent keys — and, like the interpreted path, drop the value produced alongside them. The middle rung goes further: it permits absence without supplying anything in its place, so an absent key contributes nothing at all.
                const assign = optin === "optional" ? `${id}_present` : `${id}.value !== undefined || ${id}_present`;
                doc.write(`
        const ${id}_present = ${isPresent};
        if (!${id}.issues.length || ${id}_present) {
          if (${id}.issues.length) {${prefixStr(id, k)}
          }

          if (${assign}) {
            newResult[${k}] = ${id}.value;
          }
        }

      `);
            }
            else if (!isOptionalIn) {
                doc.write(`
        const ${id}_present = ${isPresent};
        if (${id}.issues.length) {${prefixStr(id, k)}
        }
        if (!${id}_present && !${id}.issues.length) {
          payload.issues.push({
            code: "invalid_type",
            expected: "nonoptional",
            input: undefined,
            path: [${k}]
          });
          if (ctx && ctx.abortEarly) {
            payload.value = newResult;
            return payload;
          }
        }

        if (${id}_present) {
          newResult[${k}] = ${id}.value;
        }

      `);
            }
            else {
                doc.write(`
        if (${id}.issues.length) {${prefixStr(id, k)}
        }
      `);
                if (optin === "defaulted") {
                    doc.write(`newResult[${k}] = ${id}.value;`);
                }
                else {
                    doc.write(`
        if (${id}.value !== undefined || ${isPresent}) {
          newResult[${k}] = ${id}.value;
        }
      `);
                }
            }
        }
        doc.write(`payload.value = newResult;`);
        doc.write(`return payload;`);
        // closing `shape` in is what pays: turbofan specializes the parser against that one shape object, so every `shape[k]._zod.run` folds to a known callee. as a parameter it stays a generic load and measures 13% slower even with the forwarding frame gone
        return doc.compile();
    };
    let fastpass;
    const isObject$1 = isObject;
    const jit = !globalConfig.jitless;
    const allowsEval$1 = allowsEval;
    const fastEnabled = jit && allowsEval$1.value; // && !def.catchall;
    const catchall = def.catchall;
    let value;
    inst._zod.parse = (payload, ctx) => {
        value ?? (value = _normalized.value);
        const input = payload.value;
        if (!isObject$1(input)) {
            payload.issues.push({
                expected: "object",
                code: "invalid_type",
                input,
                inst,
            });
            return payload;
        }
        if (jit && fastEnabled && ctx?.async === false && ctx.jitless !== true) {
            // always synchronous
            if (!fastpass)
                fastpass = generateFastpass(def.shape);
            payload = fastpass(payload, ctx);
            if (!catchall)
                return payload;
            return handleCatchall([], input, payload, ctx, value, inst, ctx?.abortEarly === true);
        }
        return superParse(payload, ctx);
    };
});
function handleUnionResults(results, final, inst, ctx) {
    for (const result of results) {
        if (result.issues.length === 0) {
            final.value = result.value;
            return final;
        }
    }
    const nonaborted = results.filter((r) => !aborted(r));
    if (nonaborted.length === 1) {
        final.value = nonaborted[0].value;
        return nonaborted[0];
    }
    final.issues.push({
        code: "invalid_union",
        input: final.value,
        inst,
        errors: results.map((result) => result.issues.map((iss) => finalizeIssue(iss, ctx, config()))),
    });
    return final;
}
const $ZodUnion = /*@__PURE__*/ $constructor("$ZodUnion", (inst, def) => {
    $ZodType.init(inst, def);
    defineLazyInternal(inst, "optin", (zod) => zod.def.options.some((o) => o._zod.optin === "defaulted")
        ? "defaulted"
        : zod.def.options.some((o) => o._zod.optin !== undefined)
            ? "optional"
            : undefined);
    defineLazyInternal(inst, "optout", (zod) => zod.def.options.some((o) => o._zod.optout === "optional") ? "optional" : undefined);
    defineLazyInternal(inst, "values", (zod) => {
        if (zod.def.options.every((o) => o._zod.values)) {
            return new Set(zod.def.options.flatMap((option) => Array.from(option._zod.values)));
        }
        return undefined;
    });
    defineLazyInternal(inst, "pattern", (zod) => {
        if (zod.def.options.every((o) => o._zod.pattern)) {
            const patterns = zod.def.options.map((o) => o._zod.pattern);
            return new RegExp(`^(${patterns.map((p) => cleanRegex(p.source)).join("|")})$`);
        }
        return undefined;
    });
    const first = def.options.length === 1 ? def.options[0]._zod.run : null;
    inst._zod.parse = (payload, ctx) => {
        if (first) {
            return first(payload, ctx);
        }
        let async = false;
        const results = [];
        for (const option of def.options) {
            const result = option._zod.run({
                value: payload.value,
                issues: [],
            }, ctx);
            if (result instanceof Promise) {
                results.push(result);
                async = true;
            }
            else {
                if (result.issues.length === 0)
                    return result;
                results.push(result);
            }
        }
        if (!async)
            return handleUnionResults(results, payload, inst, ctx);
        return Promise.all(results).then((results) => {
            return handleUnionResults(results, payload, inst, ctx);
        });
    };
});
function discriminatorMap(def) {
    const map = new Map();
    for (const option of def.options) {
        const values = option._zod.propValues?.[def.discriminator];
        if (!values || values.size === 0)
            throw new Error(`Invalid discriminated union option at index "${def.options.indexOf(option)}"`);
        for (const value of values) {
            if (map.has(value)) {
                if (value !== undefined)
                    throw new Error(`Duplicate discriminator value "${String(value)}"`);
                // keep the collision marked so a later member cannot reclaim it
                map.set(value, null);
            }
            else {
                map.set(value, option);
            }
        }
    }
    return map;
}
const $ZodDiscriminatedUnion = 
/*@__PURE__*/
$constructor("$ZodDiscriminatedUnion", (inst, def) => {
    def.inclusive = false;
    $ZodUnion.init(inst, def);
    const _super = inst._zod.parse;
    defineLazyInternal(inst, "propValues", (zod) => {
        const propValues = {};
        let undefinedCount = 0;
        for (const option of zod.def.options) {
            const pv = option._zod.propValues;
            if (!pv || Object.keys(pv).length === 0)
                throw new Error(`Invalid discriminated union option at index "${zod.def.options.indexOf(option)}"`);
            if (pv[zod.def.discriminator]?.has(undefined))
                undefinedCount++;
            for (const [k, v] of Object.entries(pv)) {
                if (!Object.prototype.hasOwnProperty.call(propValues, k)) {
                    assignProp(propValues, k, new Set());
                }
                for (const val of v) {
                    propValues[k].add(val);
                }
            }
        }
        if (!zod.def.unionFallback && undefinedCount > 1)
            propValues[zod.def.discriminator]?.delete(undefined);
        return propValues;
    });
    // Checked now rather than in the lookup map below, so an option that lacks the discriminator fails at the `discriminatedUnion` call instead of on the first object parsed. Options whose shape cannot be enumerated without resolving it — pipes and lazies — are left to the map.
    def.options.forEach((option, i) => {
        const propShape = rawShape(option._zod.def);
        if (propShape && !Object.prototype.hasOwnProperty.call(propShape, def.discriminator)) {
            throw new Error(`Invalid discriminated union option at index "${i}"`);
        }
    });
    const disc = cached(() => discriminatorMap(def));
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!isObject(input)) {
            payload.issues.push({
                code: "invalid_type",
                expected: "object",
                input,
                inst,
            });
            return payload;
        }
        const value = input?.[def.discriminator];
        const opt = disc.value.get(value);
        // forward metadata cannot choose an encoder for an absent tag
        if (opt && (value !== undefined || ctx.direction !== "backward")) {
            return opt._zod.run(payload, ctx);
        }
        // Fall back to union matching when the fast discriminator path fails:
        // - explicitly enabled via unionFallback, or
        // - during backward direction (encode), since codec-based discriminators have different values in forward vs backward directions
        if (def.unionFallback || ctx.direction === "backward") {
            return _super(payload, ctx);
        }
        // no matching discriminator
        payload.issues.push({
            code: "invalid_union",
            errors: [],
            note: "No matching discriminator",
            discriminator: def.discriminator,
            options: Array.from(disc.value.keys()).filter((value) => disc.value.get(value) !== null),
            input,
            path: [def.discriminator],
            inst,
        });
        return payload;
    };
});
const $ZodIntersection = /*@__PURE__*/ $constructor("$ZodIntersection", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        const left = def.left._zod.run({ value: input, issues: [] }, ctx);
        const right = def.right._zod.run({ value: input, issues: [] }, ctx);
        const async = left instanceof Promise || right instanceof Promise;
        if (async) {
            return Promise.all([left, right]).then(([left, right]) => {
                return handleIntersectionResults(payload, left, right);
            });
        }
        return handleIntersectionResults(payload, left, right);
    };
});
function mergeValues(a, b) {
    // const aType = parse.t(a);
    // const bType = parse.t(b);
    if (a === b) {
        return { valid: true, data: a };
    }
    if (a instanceof Date && b instanceof Date && +a === +b) {
        return { valid: true, data: a };
    }
    if (isPlainObject(a) && isPlainObject(b)) {
        const bKeys = Object.keys(b);
        const sharedKeys = Object.keys(a).filter((key) => bKeys.indexOf(key) !== -1);
        const newObj = { ...a, ...b };
        if (Object.prototype.hasOwnProperty.call(newObj, "__proto__"))
            delete newObj.__proto__;
        for (const key of sharedKeys) {
            if (key === "__proto__")
                continue;
            const sharedValue = mergeValues(a[key], b[key]);
            if (!sharedValue.valid) {
                return {
                    valid: false,
                    mergeErrorPath: [key, ...sharedValue.mergeErrorPath],
                };
            }
            newObj[key] = sharedValue.data;
        }
        return { valid: true, data: newObj };
    }
    if (Array.isArray(a) && Array.isArray(b)) {
        if (a.length !== b.length) {
            return { valid: false, mergeErrorPath: [] };
        }
        const newArray = [];
        for (let index = 0; index < a.length; index++) {
            const itemA = a[index];
            const itemB = b[index];
            const sharedValue = mergeValues(itemA, itemB);
            if (!sharedValue.valid) {
                return {
                    valid: false,
                    mergeErrorPath: [index, ...sharedValue.mergeErrorPath],
                };
            }
            newArray.push(sharedValue.data);
        }
        return { valid: true, data: newArray };
    }
    return { valid: false, mergeErrorPath: [] };
}
function handleIntersectionResults(result, left, right) {
    // Track which side(s) reject each key. A key rejection is reported only when BOTH sides reject it, so a key owned by one branch survives the other's key schema. strictObject reports these as unrecognized_keys; a record with an open key schema reports one invalid_key per key.
    const unrecKeys = new Map();
    let unrecIssue;
    const keyIssues = new Map();
    const collect = (iss, side) => {
        let keys;
        if (iss.code === "unrecognized_keys" && !iss.path?.length) {
            unrecIssue ?? (unrecIssue = iss);
            keys = iss.keys;
        }
        else if (iss.code === "invalid_key" && iss.origin === "record" && iss.path?.length === 1) {
            const k = String(iss.path[0]);
            if (!keyIssues.has(k))
                keyIssues.set(k, iss);
            keys = [k];
        }
        else {
            return false;
        }
        for (const k of keys) {
            if (!unrecKeys.has(k))
                unrecKeys.set(k, {});
            unrecKeys.get(k)[side] = true;
        }
        return true;
    };
    for (const iss of left.issues) {
        if (!collect(iss, "l"))
            result.issues.push(iss);
    }
    for (const iss of right.issues) {
        if (!collect(iss, "r"))
            result.issues.push(iss);
    }
    // Report only keys rejected by BOTH sides
    const bothKeys = [...unrecKeys].filter(([, f]) => f.l && f.r).map(([k]) => k);
    if (bothKeys.length) {
        const aggregated = unrecIssue ? bothKeys.filter((k) => unrecIssue.keys.includes(k)) : [];
        if (aggregated.length)
            result.issues.push({ ...unrecIssue, keys: aggregated });
        for (const k of bothKeys) {
            if (!aggregated.includes(k) && keyIssues.has(k))
                result.issues.push(keyIssues.get(k));
        }
    }
    const merged = mergeValues(left.value, right.value);
    if (!merged.valid) {
        if (aborted(result))
            return result;
        throw new Error(`Unmergable intersection. Error path: ` + `${JSON.stringify(merged.mergeErrorPath)}`);
    }
    result.value = merged.data;
    return result;
}
const $ZodTuple = /*@__PURE__*/ $constructor("$ZodTuple", (inst, def) => {
    $ZodType.init(inst, def);
    const items = def.items;
    const memo = globalConfig.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!Array.isArray(input)) {
            payload.issues.push({
                input,
                inst,
                expected: "tuple",
                code: "invalid_type",
            });
            return payload;
        }
        payload.value = memo ? memo.alloc(inst, payload, [], ctx) : [];
        const proms = [];
        const optinStart = getTupleOptStart(items, "optin");
        const optoutStart = getTupleOptStart(items, "optout");
        if (!def.rest) {
            if (input.length < optinStart) {
                payload.issues.push({
                    code: "too_small",
                    minimum: optinStart,
                    inclusive: true,
                    input,
                    inst,
                    origin: "array",
                });
                return payload;
            }
            if (input.length > items.length) {
                payload.issues.push({
                    code: "too_big",
                    maximum: items.length,
                    inclusive: true,
                    input,
                    inst,
                    origin: "array",
                });
            }
        }
        // Run every item in parallel, collecting results into an indexed array. The post-processing in `handleTupleResults` walks them in order so it can decide whether an absent optional-output error can truncate the tail or must be reported to preserve required output.
        const itemResults = new Array(items.length);
        // only tracked when there is a rest loop to skip
        const abortEarly = def.rest ? ctx?.abortEarly : undefined;
        let itemAborted = false;
        for (let i = 0; i < items.length; i++) {
            const r = items[i]._zod.run({ value: input[i], issues: [] }, ctx);
            if (r instanceof Promise) {
                proms.push(r.then((rr) => {
                    itemResults[i] = rr;
                }));
            }
            else {
                itemResults[i] = r;
                if (abortEarly && !itemAborted && r.issues.length)
                    itemAborted = aborted(r);
            }
        }
        // sound because rest is non-empty exactly when every fixed index is present, the one case handleTupleResults cannot discard an item's issues
        if (def.rest && !itemAborted) {
            let i = items.length - 1;
            const rest = input.slice(items.length);
            let seen = payload.issues.length;
            for (const el of rest) {
                if (abortEarly && payload.issues.length !== seen) {
                    if (aborted(payload, seen))
                        break;
                    seen = payload.issues.length;
                }
                i++;
                const result = def.rest._zod.run({ value: el, issues: [] }, ctx);
                if (result instanceof Promise) {
                    proms.push(result.then((r) => handleTupleResult(r, payload, i)));
                }
                else {
                    handleTupleResult(result, payload, i);
                }
            }
        }
        if (proms.length) {
            return Promise.all(proms).then(() => handleTupleResults(itemResults, payload, items, input, optoutStart));
        }
        return handleTupleResults(itemResults, payload, items, input, optoutStart);
    };
});
function getTupleOptStart(items, key) {
    for (let i = items.length - 1; i >= 0; i--) {
        // optin is a three-rung ladder so any rung above `undefined` permits an absent slot; optout stays two-valued.
        const omittable = key === "optin" ? items[i]._zod.optin !== undefined : items[i]._zod.optout === "optional";
        if (!omittable)
            return i + 1;
    }
    return 0;
}
function handleTupleResult(result, final, index) {
    if (result.issues.length) {
        final.issues.push(...prefixIssues(index, result.issues));
    }
    final.value[index] = result.value;
}
function handleTupleResults(itemResults, final, items, input, optoutStart) {
    // Walk results in order. Mirror $ZodObject's swallow-on-absent-optional rule, but only after `optoutStart`: the first index where the output tuple tail can be absent.
    for (let i = 0; i < items.length; i++) {
        const r = itemResults[i];
        const isPresent = i < input.length;
        // The array analog of `handlePropertyResult`'s absent-key early return: the middle rung permits absence without supplying anything in its place, so the tail truncates here instead of materializing whatever the item made of `undefined`.
        if (!isPresent && i >= optoutStart && items[i]._zod.optin === "optional") {
            final.value.length = i;
            break;
        }
        if (r.issues.length) {
            if (!isPresent && i >= optoutStart) {
                final.value.length = i;
                break;
            }
            final.issues.push(...prefixIssues(i, r.issues));
        }
        final.value[i] = r.value;
    }
    // Drop trailing slots that produced `undefined` for absent input
    // (the array analog of an absent optional key on an object). The
    // `i >= input.length` floor is critical: an explicit `undefined`
    // *inside* the input must be preserved even when the schema is
    // optional-out (e.g. `z.string().or(z.undefined())` accepting an
    // explicit undefined value).
    for (let i = final.value.length - 1; i >= input.length; i--) {
        if (items[i]._zod.optout === "optional" && final.value[i] === undefined) {
            final.value.length = i;
        }
        else {
            break;
        }
    }
    return final;
}
const $ZodRecord = /*@__PURE__*/ $constructor("$ZodRecord", (inst, def) => {
    $ZodType.init(inst, def);
    const memo = globalConfig.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!isPlainObject(input)) {
            payload.issues.push({
                expected: "record",
                code: "invalid_type",
                input,
                inst,
            });
            return payload;
        }
        // no guard in either loop below: a record's invalid_key aborts but an enclosing intersection can reconcile it, so a stopped loop hides keys the sibling does not own and the intersection then rejects nothing
        const proms = [];
        const values = def.keyType._zod.values;
        if (values && !def.partial) {
            payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
            const recordKeys = new Set();
            for (const key of values) {
                if (typeof key === "string" || typeof key === "number" || typeof key === "symbol") {
                    recordKeys.add(typeof key === "number" ? key.toString() : key);
                    // A declared __proto__ is stripped but is not an unrecognized key.
                    if (key === "__proto__")
                        continue;
                    const keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
                    if (keyResult instanceof Promise) {
                        throw new Error("Async schemas not supported in object keys currently");
                    }
                    if (keyResult.issues.length) {
                        payload.issues.push({
                            code: "invalid_key",
                            origin: "record",
                            issues: keyResult.issues.map((iss) => finalizeIssue(iss, ctx, config())),
                            input: key,
                            path: [key],
                            inst,
                        });
                        continue;
                    }
                    const outKey = keyResult.value;
                    if (outKey === "__proto__")
                        continue;
                    const result = def.valueType._zod.run({ value: input[key], issues: [] }, ctx);
                    if (result instanceof Promise) {
                        proms.push(result.then((result) => {
                            if (result.issues.length) {
                                payload.issues.push(...prefixIssues(key, result.issues));
                            }
                            payload.value[outKey] = result.value;
                        }));
                    }
                    else {
                        if (result.issues.length) {
                            payload.issues.push(...prefixIssues(key, result.issues));
                        }
                        payload.value[outKey] = result.value;
                    }
                }
            }
            let unrecognized;
            for (const key in input) {
                if (!recordKeys.has(key)) {
                    if (def.mode === "loose") {
                        // skip __proto__ so it can't replace the result prototype via the assignment setter on the plain {} we build into
                        if (key === "__proto__")
                            continue;
                        payload.value[key] = input[key];
                    }
                    else {
                        unrecognized = unrecognized ?? [];
                        unrecognized.push(key);
                    }
                }
            }
            if (unrecognized && unrecognized.length > 0) {
                payload.issues.push({
                    code: "unrecognized_keys",
                    input,
                    inst,
                    keys: unrecognized,
                    continue: true,
                });
            }
        }
        else {
            payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
            // An enumerable key schema declares which keys the record owns, so a key outside the set is unrecognized. A non-enumerable one (regex, refine) is a constraint every key must satisfy, so a failing key is invalid. Only the former is reconcilable against the other side of an intersection.
            let unrecognized;
            // Reflect.ownKeys for Symbol-key support; filter non-enumerable to match z.object()
            for (const key of Reflect.ownKeys(input)) {
                if (key === "__proto__")
                    continue;
                if (!Object.prototype.propertyIsEnumerable.call(input, key))
                    continue;
                let keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
                if (keyResult instanceof Promise) {
                    throw new Error("Async schemas not supported in object keys currently");
                }
                // Numeric string fallback: if key is a numeric string and failed, retry with Number(key). This handles z.number(), z.literal([1, 2, 3]), and unions containing numeric literals
                const checkNumericKey = typeof key === "string" && number$3.test(key) && keyResult.issues.length;
                if (checkNumericKey) {
                    const retryResult = def.keyType._zod.run({ value: Number(key), issues: [] }, ctx);
                    if (retryResult instanceof Promise) {
                        throw new Error("Async schemas not supported in object keys currently");
                    }
                    if (retryResult.issues.length === 0) {
                        keyResult = retryResult;
                    }
                }
                if (keyResult.issues.length) {
                    if (def.mode === "loose") {
                        // Pass through unchanged
                        payload.value[key] = input[key];
                    }
                    else if (values) {
                        unrecognized = unrecognized ?? [];
                        unrecognized.push(key);
                    }
                    else {
                        // Default "strict" behavior: error on invalid key
                        payload.issues.push({
                            code: "invalid_key",
                            origin: "record",
                            issues: keyResult.issues.map((iss) => finalizeIssue(iss, ctx, config())),
                            input: key,
                            path: [key],
                            inst,
                        });
                    }
                    continue;
                }
                // the guard above tests the raw input key, but the key schema can normalize an ordinary key into __proto__; re-check the key we actually write under
                const outKey = keyResult.value;
                if (outKey === "__proto__")
                    continue;
                const result = def.valueType._zod.run({ value: input[key], issues: [] }, ctx);
                if (result instanceof Promise) {
                    proms.push(result.then((result) => {
                        if (result.issues.length) {
                            payload.issues.push(...prefixIssues(key, result.issues));
                        }
                        payload.value[outKey] = result.value;
                    }));
                }
                else {
                    if (result.issues.length) {
                        payload.issues.push(...prefixIssues(key, result.issues));
                    }
                    payload.value[outKey] = result.value;
                }
            }
            if (unrecognized && unrecognized.length > 0) {
                payload.issues.push({
                    code: "unrecognized_keys",
                    input,
                    inst,
                    keys: unrecognized,
                    continue: true,
                });
            }
        }
        if (proms.length) {
            return Promise.all(proms).then(() => payload);
        }
        return payload;
    };
});
const $ZodEnum = /*@__PURE__*/ $constructor("$ZodEnum", (inst, def) => {
    $ZodType.init(inst, def);
    const values = getEnumValues(def.entries);
    const valuesSet = new Set(values);
    inst._zod.values = valuesSet;
    defineLazyInternal(inst, "pattern", (zod) => {
        const patternValues = getEnumValues(zod.def.entries).filter((k) => propertyKeyTypes.has(typeof k));
        // unmatchable fallback, RE2-safe: an empty alternation would compile to /^()$/, which matches ""
        return new RegExp(patternValues.length ? `^(${patternValues.map((o) => escapeRegex(o.toString())).join("|")})$` : "^[^\\s\\S]$");
    });
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (valuesSet.has(input)) {
            return payload;
        }
        payload.issues.push({
            code: "invalid_value",
            values,
            input,
            inst,
        });
        return payload;
    };
});
const $ZodLiteral = /*@__PURE__*/ $constructor("$ZodLiteral", (inst, def) => {
    $ZodType.init(inst, def);
    const values = new Set(def.values);
    inst._zod.values = values;
    defineLazyInternal(inst, "pattern", (zod) => {
        const vals = zod.def.values;
        // unmatchable fallback, RE2-safe: an empty alternation would compile to /^()$/, which matches ""
        return new RegExp(vals.length
            ? `^(${vals
                .map((o) => typeof o === "string" ? escapeRegex(o) : o ? escapeRegex(o.toString()) : String(o))
                .join("|")})$`
            : "^[^\\s\\S]$");
    });
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (values.has(input)) {
            return payload;
        }
        payload.issues.push({
            code: "invalid_value",
            values: def.values,
            input,
            inst,
        });
        return payload;
    };
});
const $ZodTransform = /*@__PURE__*/ $constructor("$ZodTransform", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.optin = "optional";
    globalConfig.memoizer?.guard(inst);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            throw new $ZodEncodeError(inst.constructor.name);
        }
        const _out = def.transform(payload.value, payload);
        if (ctx.async) {
            const output = _out instanceof Promise ? _out : Promise.resolve(_out);
            return output.then((output) => {
                payload.value = output;
                return payload;
            });
        }
        if (_out instanceof Promise) {
            throw new $ZodAsyncError();
        }
        payload.value = _out;
        return payload;
    };
});
function handleOptionalResult(payload, result) {
    // A substituting schema that still failed has no usable answer; yield undefined. Its issues are simply dropped: it ran on a payload of its own, so there is no shared array to truncate and nothing of the caller's to lose with it.
    payload.value = result.issues.length ? undefined : result.value;
    return payload;
}
const $ZodOptional = /*@__PURE__*/ $constructor("$ZodOptional", (inst, def) => {
    $ZodType.init(inst, def);
    // .optional() propagates absence rather than substituting for it, so a defaulted inner keeps its rung.
    defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin === "defaulted" ? "defaulted" : "optional");
    inst._zod.optout = "optional";
    defineLazyInternal(inst, "values", (zod) => {
        const values = zod.def.innerType._zod.values;
        return values ? new Set([...values, undefined]) : undefined;
    });
    defineLazyInternal(inst, "pattern", (zod) => {
        const pattern = zod.def.innerType._zod.pattern;
        return pattern ? new RegExp(`^(${cleanRegex(pattern.source)})?$`) : undefined;
    });
    inst._zod.parse = (payload, ctx) => {
        if (payload.value === undefined) {
            // Only the top rung substitutes a value for absence; everything else leaves it intact, which is what .optional() means.
            if (def.innerType._zod.optin !== "defaulted")
                return payload;
            // Its own payload, for the same reason $ZodCatch gets one: a pipe forwards an unrecognized key through the caller's issues array, and this must not read that as the substituting schema failing and drop it.
            const result = def.innerType._zod.run({ value: payload.value, issues: [] }, ctx);
            if (result instanceof Promise)
                return result.then((result) => handleOptionalResult(payload, result));
            return handleOptionalResult(payload, result);
        }
        return def.innerType._zod.run(payload, ctx);
    };
});
const $ZodExactOptional = /*@__PURE__*/ $constructor("$ZodExactOptional", (inst, def) => {
    // Call parent init - inherits optin/optout = "optional"
    $ZodOptional.init(inst, def);
    // Override values/pattern to NOT add undefined
    defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
    defineLazyInternal(inst, "pattern", (zod) => zod.def.innerType._zod.pattern);
    // Override parse to just delegate (no undefined handling)
    inst._zod.parse = (payload, ctx) => {
        return def.innerType._zod.run(payload, ctx);
    };
});
const $ZodNullable = /*@__PURE__*/ $constructor("$ZodNullable", (inst, def) => {
    $ZodType.init(inst, def);
    defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin);
    defineLazyInternal(inst, "optout", (zod) => zod.def.innerType._zod.optout);
    defineLazyInternal(inst, "pattern", (zod) => {
        const pattern = zod.def.innerType._zod.pattern;
        return pattern ? new RegExp(`^(${cleanRegex(pattern.source)}|null)$`) : undefined;
    });
    defineLazyInternal(inst, "values", (zod) => {
        return zod.def.innerType._zod.values ? new Set([...zod.def.innerType._zod.values, null]) : undefined;
    });
    inst._zod.parse = (payload, ctx) => {
        // Forward direction (decode): allow null to pass through
        if (payload.value === null)
            return payload;
        return def.innerType._zod.run(payload, ctx);
    };
});
const $ZodDefault = /*@__PURE__*/ $constructor("$ZodDefault", (inst, def) => {
    $ZodType.init(inst, def);
    // inst._zod.qin = "true";
    inst._zod.optin = "defaulted";
    defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            return def.innerType._zod.run(payload, ctx);
        }
        // Forward direction (decode): apply defaults for undefined input
        if (payload.value === undefined) {
            payload.value = def.defaultValue;
            /**
             * $ZodDefault returns the default value immediately in forward direction.
             * It doesn't pass the default value into the validator ("prefault"). There's no reason to pass the default value through validation. The validity of the default is enforced by TypeScript statically. Otherwise, it's the responsibility of the user to ensure the default is valid. In the case of pipes with divergent in/out types, you can specify the default on the `in` schema of your ZodPipe to set a "prefault" for the pipe.   */
            return payload;
        }
        // Forward direction: continue with default handling
        const result = def.innerType._zod.run(payload, ctx);
        if (result instanceof Promise) {
            return result.then((result) => handleDefaultResult(result, def));
        }
        return handleDefaultResult(result, def);
    };
});
function handleDefaultResult(payload, def) {
    if (payload.value === undefined) {
        payload.value = def.defaultValue;
    }
    return payload;
}
const $ZodPrefault = /*@__PURE__*/ $constructor("$ZodPrefault", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.optin = "defaulted";
    defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            return def.innerType._zod.run(payload, ctx);
        }
        // Forward direction (decode): apply prefault for undefined input
        if (payload.value === undefined) {
            payload.value = def.defaultValue;
        }
        return def.innerType._zod.run(payload, ctx);
    };
});
const $ZodNonOptional = /*@__PURE__*/ $constructor("$ZodNonOptional", (inst, def) => {
    $ZodType.init(inst, def);
    defineLazyInternal(inst, "values", (zod) => {
        const v = zod.def.innerType._zod.values;
        return v ? new Set([...v].filter((x) => x !== undefined)) : undefined;
    });
    inst._zod.parse = (payload, ctx) => {
        const result = def.innerType._zod.run(payload, ctx);
        if (result instanceof Promise) {
            return result.then((result) => handleNonOptionalResult(result, inst));
        }
        return handleNonOptionalResult(result, inst);
    };
});
function handleNonOptionalResult(payload, inst) {
    if (!payload.issues.length && payload.value === undefined) {
        payload.issues.push({
            code: "invalid_type",
            expected: "nonoptional",
            input: payload.value,
            inst,
        });
    }
    return payload;
}
function handleCatchResult(payload, result, def, ctx) {
    if (!result.issues.length) {
        payload.value = result.value;
        // The value carries up, so the flag describing it has to carry with it: a back-edge into a node still being parsed must not be frozen by an enclosing readonly, and its checks belong to the node itself. Guarded so the ordinary case adds no own property.
        if (result.memo)
            payload.memo = true;
        return payload;
    }
    // Spread the inner's own payload, not ours: `value` has to stay the input the catch was handed, and the inner ran on a payload of its own so its issues are already private to this call.
    payload.value = def.catchValue({
        ...result,
        value: payload.value,
        error: {
            issues: result.issues.map((iss) => finalizeIssue(iss, ctx, config())),
        },
        input: payload.value,
    });
    return payload;
}
const $ZodCatch = /*@__PURE__*/ $constructor("$ZodCatch", (inst, def) => {
    $ZodType.init(inst, def);
    defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin === "defaulted" ? "defaulted" : "optional");
    defineLazyInternal(inst, "optout", (zod) => zod.def.innerType._zod.optout);
    defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            return def.innerType._zod.run(payload, ctx);
        }
        // Forward direction (decode): apply catch logic
        const result = def.innerType._zod.run({ value: payload.value, issues: [] }, ctx);
        if (result instanceof Promise) {
            return result.then((result) => handleCatchResult(payload, result, def, ctx));
        }
        return handleCatchResult(payload, result, def, ctx);
    };
});
const $ZodPipe = /*@__PURE__*/ $constructor("$ZodPipe", (inst, def) => {
    $ZodType.init(inst, def);
    defineLazyInternal(inst, "values", (zod) => zod.def.in._zod.values);
    defineLazyInternal(inst, "optin", (zod) => zod.def.in._zod.optin);
    defineLazyInternal(inst, "optout", (zod) => zod.def.out._zod.optout);
    defineLazyInternal(inst, "propValues", (zod) => zod.def.in._zod.propValues);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            const right = def.out._zod.run(payload, ctx);
            if (right instanceof Promise) {
                return right.then((right) => handlePipeResult(right, def.in, ctx));
            }
            return handlePipeResult(right, def.in, ctx);
        }
        const left = def.in._zod.run(payload, ctx);
        if (left instanceof Promise) {
            return left.then((left) => handlePipeResult(left, def.out, ctx));
        }
        return handlePipeResult(left, def.out, ctx);
    };
});
function handlePipeResult(left, next, ctx) {
    // Any issue stops the pipe, so a failing refinement never feeds its transform. An unrecognized key is the exception: it describes the input's extra properties, not the value being piped, and an enclosing intersection may yet reconcile it.
    if (left.issues.some((iss) => iss.code !== "unrecognized_keys")) {
        // prevent further checks
        left.aborted = true;
        return left;
    }
    return next._zod.run({ value: left.value, issues: left.issues }, ctx);
}
const $ZodReadonly = /*@__PURE__*/ $constructor("$ZodReadonly", (inst, def) => {
    $ZodType.init(inst, def);
    defineLazyInternal(inst, "propValues", (zod) => zod.def.innerType._zod.propValues);
    defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
    defineLazyInternal(inst, "optin", (zod) => zod.def.innerType?._zod?.optin);
    defineLazyInternal(inst, "optout", (zod) => zod.def.innerType?._zod?.optout);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            return def.innerType._zod.run(payload, ctx);
        }
        const result = def.innerType._zod.run(payload, ctx);
        if (result instanceof Promise) {
            return result.then(handleReadonlyResult);
        }
        return handleReadonlyResult(result);
    };
});
function handleReadonlyResult(payload) {
    // A repeat visit hands back a node that is still being built; freezing it here would make the rest of its keys fail to assign.
    if (!payload.memo)
        payload.value = Object.freeze(payload.value);
    return payload;
}
const $ZodCustom = /*@__PURE__*/ $constructor("$ZodCustom", (inst, def) => {
    $ZodCheck.init(inst, def);
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _) => {
        return payload;
    };
    inst._zod.check = (payload) => {
        const input = payload.value;
        const r = def.fn(input);
        if (r instanceof Promise) {
            return r.then((r) => handleRefineResult(r, payload, input, inst));
        }
        handleRefineResult(r, payload, input, inst);
        return;
    };
});
function handleRefineResult(result, payload, input, inst) {
    if (!result) {
        const _iss = {
            code: "custom",
            input,
            inst, // incorporates params.error into issue reporting
            path: [...(inst._zod.def.path ?? [])], // incorporates params.error into issue reporting
            continue: !inst._zod.def.abort,
            // params: inst._zod.def.params,
        };
        if (inst._zod.def.params)
            _iss.params = inst._zod.def.params;
        payload.issues.push(issue(_iss));
    }
}

class $ZodCyclicError extends Error {
    constructor() {
        super(`Cannot parse a reference cycle that closes through a transform`);
        this.name = "ZodCyclicError";
    }
}
/** Keyed off the context object every schema in one parse call already shares. */
const STATE = "~memo";
const NO_ISSUES = [];
// a value a cycle can close through
function isRef(value) {
    return value !== null && typeof value === "object";
}
// Receivers prefix paths in place, so the cache and every hand-out need their own copies.
function cloneIssues(issues) {
    return issues.map((iss) => (iss.path ? { ...iss, path: iss.path.slice() } : { ...iss }));
}
const recursive = /*@__PURE__*/ new WeakMap();
/** What the walk established, in order of certainty: ordered so the strongest answer among children wins. */
const NONE = 0;
const ASSUMED = 1;
const PROVEN = 2;
/** Whether this schema's subtree contains a cycle, so one parse can re-enter it. */
function isRecursive(inst, stack, resolve) {
    const cached = recursive.get(inst);
    if (cached !== undefined)
        return cached ? PROVEN : NONE;
    // Relative to the walk in progress, so not cached.
    if (stack.has(inst))
        return PROVEN;
    stack.add(inst);
    let result = NONE;
    const check = (child) => {
        if (result !== PROVEN && child?._zod) {
            const answer = isRecursive(child, stack);
            if (answer > result)
                result = answer;
        }
    };
    // `Reflect.ownKeys` rather than `Object.keys`, so a cycle through a declared symbol key is still seen
    const shape = (sh, spread) => {
        let answer = NONE;
        for (const key of Reflect.ownKeys(sh)) {
            const desc = Object.getOwnPropertyDescriptor(sh, key);
            // an object resolves its shape by spread, so a key it does not enumerate is never parsed; `z.properties` reads every own key and so keeps them all
            if (!desc.enumerable)
                continue;
            // resolving runs user code, and a factory mints a fresh subtree per read, so an edge the walk can't follow counts as a cycle
            const child = desc.get ? ASSUMED : desc.value?._zod ? isRecursive(desc.value, stack) : NONE;
            if (child > answer)
                answer = child;
        }
        return answer;
    };
    const merge = (answer) => {
        if (answer > result)
            result = answer;
    };
    const def = inst._zod.def;
    const kind = def.type;
    switch (kind) {
        case "object": {
            const raw = rawShape(def);
            // a def with no raw shape answers `shape` from an accessor of its own, and running that can mint a whole fresh subtree
            merge(raw ? shape(raw) : ASSUMED);
            check(def.catchall);
            break;
        }
        case "array":
            check(def.element);
            break;
        case "tuple":
            for (const el of def.items)
                check(el);
            check(def.rest);
            break;
        case "record":
        case "map":
            check(def.keyType);
            check(def.valueType);
            break;
        case "set":
            check(def.valueType);
            break;
        case "union":
            for (const el of def.options)
                check(el);
            break;
        case "intersection":
            check(def.left);
            check(def.right);
            break;
        case "optional":
        case "nullable":
        case "default":
        case "prefault":
        case "catch":
        case "readonly":
        case "nonoptional":
        case "promise":
        case "success":
            check(def.innerType);
            break;
        case "pipe":
            check(def.in);
            check(def.out);
            break;
        case "function":
            check(def.input);
            check(def.output);
            break;
        // `$ZodLazy` caches its inner on the def, so a resolved edge is followed exactly
        case "lazy": {
            const inner = def._cachedInner ?? (undefined);
            // walked with resolution off: one hop sees past the deferral, and a lazy that yields only another unresolved lazy is generative, so it stops there
            merge(inner ? isRecursive(inner, stack) : ASSUMED);
            break;
        }
        // a leaf by choice: `parts` are regex fragments, not data positions
        case "template_literal":
        // leaves
        case "string":
        case "number":
        case "int":
        case "boolean":
        case "bigint":
        case "symbol":
        case "undefined":
        case "null":
        case "void":
        case "never":
        case "any":
        case "unknown":
        case "date":
        case "nan":
        case "enum":
        case "literal":
        case "file":
        case "transform":
        case "custom":
            break;
        default: {
            // a user-defined kind can still hold children, and only its author knows where, so fall back to scanning the def — skipping accessors, since reading one can run user code
            for (const key in def) {
                const desc = Object.getOwnPropertyDescriptor(def, key);
                if (!desc || desc.get)
                    continue;
                const value = desc.value;
                if (!value || typeof value !== "object")
                    continue;
                if (value._zod)
                    check(value);
                else if (Array.isArray(value))
                    for (const el of value)
                        check(el);
            }
        }
    }
    stack.delete(inst);
    return settle(inst, result);
}
/** An assumed answer must not outlive the resolution that settles it, so only a certain one is cached. */
function settle(inst, answer) {
    if (answer !== ASSUMED)
        recursive.set(inst, answer === PROVEN);
    return answer;
}
function bucketFor(state, inst) {
    let bucket = state.buckets.get(inst);
    if (!bucket) {
        bucket = new WeakMap();
        state.buckets.set(inst, bucket);
    }
    return bucket;
}
// Set immediately before delegating to core and cleared immediately after, so `alloc` registers only for a visit this module is driving.
let handoff;
// Allocated but unfinished entries. `alloc` and the matching pop both happen in the synchronous part of a parse, so they nest even when children are async, and one stack serves every schema.
const open = [];
const memo = {
    alloc(_inst, payload, empty) {
        const bucket = handoff;
        if (!bucket)
            return empty;
        handoff = undefined;
        const entry = { value: empty, issues: null };
        bucket.set(payload.value, entry);
        open.push(entry);
        return empty;
    },
    guard(inst) {
        var _a;
        (_a = inst._zod).deferred ?? (_a.deferred = []);
        inst._zod.deferred.push(() => {
            const base = inst._zod.parse;
            const wrapped = (payload, ctx) => {
                // The value is a placeholder a back-edge is still waiting on, so the cycle closes through this transform. Its output can't exist in time to bind.
                if (ctx.direction !== "backward" && isBackEdge(ctx, payload.value))
                    throw new $ZodCyclicError();
                return base(payload, ctx);
            };
            inst._zod.parse = wrapped;
            if (inst._zod.run === base)
                inst._zod.run = wrapped;
        });
    },
    attach(inst) {
        var _a;
        let isRecursiveInst;
        let rechecked = false;
        // a recursive schema is re-entered many times per parse and its bucket never changes
        let lastCtx;
        let lastBucket;
        // Wraps `parse` in a deferred so it sees the container's final parse. Core's own deferred copies `parse` into `run` when there are no checks, and it ran first, so `run` is patched to match; with checks, `run` reads `parse` dynamically.
        (_a = inst._zod).deferred ?? (_a.deferred = []);
        inst._zod.deferred.push(() => {
            const base = inst._zod.parse;
            const wrapped = (payload, ctx) => {
                if (isRecursiveInst === undefined) {
                    const walked = isRecursive(inst, new Set());
                    if (walked === NONE) {
                        // Nothing here can ever fire, so take it back out.
                        inst._zod.parse = base;
                        if (inst._zod.run === wrapped)
                            inst._zod.run = base;
                        return base(payload, ctx);
                    }
                    // this parse resolves the deferred edges on its own path, so ask once more before latching
                    if (walked === PROVEN || rechecked)
                        isRecursiveInst = true;
                    else
                        rechecked = true;
                }
                const input = payload.value;
                if (!isRef(input))
                    return base(payload, ctx);
                let state = ctx[STATE];
                if (!state) {
                    state = { buckets: new WeakMap(), backEdges: undefined };
                    ctx[STATE] = state;
                }
                let bucket;
                if (lastCtx === ctx) {
                    bucket = lastBucket;
                }
                else {
                    bucket = bucketFor(state, inst);
                    lastCtx = ctx;
                    lastBucket = bucket;
                }
                const hit = bucket.get(input);
                if (hit) {
                    payload.value = hit.value;
                    if (hit.issues) {
                        if (hit.issues.length)
                            payload.issues.push(...cloneIssues(hit.issues));
                    }
                    else {
                        // Still being parsed: its own checks cover it, so skip them here.
                        payload.memo = true;
                        state.backEdges ?? (state.backEdges = new WeakSet());
                        state.backEdges.add(hit.value);
                    }
                    return payload;
                }
                handoff = bucket;
                const depth = open.length;
                const result = base(payload, ctx);
                handoff = undefined;
                // A container that rejected its input outright allocated nothing.
                const entry = open.length > depth ? open.pop() : undefined;
                // Both paths written out so the sync one allocates no closure. It runs once per node, and capturing here cost more than everything else combined.
                if (result instanceof Promise) {
                    return result.then((r) => {
                        if (entry)
                            entry.issues = r.issues.length ? cloneIssues(r.issues) : NO_ISSUES;
                        return r;
                    });
                }
                if (entry)
                    entry.issues = result.issues.length ? cloneIssues(result.issues) : NO_ISSUES;
                return result;
            };
            inst._zod.parse = wrapped;
            if (inst._zod.run === base)
                inst._zod.run = wrapped;
        });
    },
};
/** The memoizer that gives containers cycle support. `zod` installs it by default; `zod/mini` opts in with `config({ memoizer: memoizer() })`. */
function memoizer() {
    return memo;
}
/** Whether this value is a node a back-edge resolved to before it finished. */
function isBackEdge(ctx, value) {
    const backEdges = ctx[STATE]?.backEdges;
    return backEdges !== undefined && isRef(value) && backEdges.has(value);
}

const error = () => {
    const Sizable = {
        string: { unit: "characters", verb: "to have" },
        file: { unit: "bytes", verb: "to have" },
        array: { unit: "items", verb: "to have" },
        set: { unit: "items", verb: "to have" },
        map: { unit: "entries", verb: "to have" },
    };
    function getSizing(origin) {
        return Sizable[origin] ?? null;
    }
    const FormatDictionary = {
        regex: "input",
        email: "email address",
        url: "URL",
        emoji: "emoji",
        uuid: "UUID",
        uuidv4: "UUIDv4",
        uuidv6: "UUIDv6",
        nanoid: "nanoid",
        guid: "GUID",
        cuid: "cuid",
        cuid2: "cuid2",
        ulid: "ULID",
        xid: "XID",
        ksuid: "KSUID",
        datetime: "ISO datetime",
        date: "ISO date",
        time: "ISO time",
        duration: "ISO duration",
        ipv4: "IPv4 address",
        ipv6: "IPv6 address",
        mac: "MAC address",
        cidrv4: "IPv4 range",
        cidrv6: "IPv6 range",
        base64: "base64-encoded string",
        base64url: "base64url-encoded string",
        json_string: "JSON string",
        e164: "E.164 number",
        currency_code: "currency code",
        credit_card: "credit card number",
        iban: "IBAN",
        jwt: "JWT",
        template_literal: "input",
    };
    // type names: missing keys = do not translate (use raw value via ?? fallback)
    const TypeDictionary = {
        // Compatibility: "nan" -> "NaN" for display
        nan: "NaN",
        // All other type names omitted - they fall back to raw values via ?? operator
    };
    function getTypeName(type, input) {
        if (type === "number" && typeof input === "number" && !Number.isFinite(input)) {
            return String(input);
        }
        return TypeDictionary[type] ?? type;
    }
    return (issue) => {
        switch (issue.code) {
            case "invalid_type": {
                const expected = getTypeName(issue.expected);
                const receivedType = parsedType(issue.input);
                const received = getTypeName(receivedType, issue.input);
                return `Invalid input: expected ${expected}, received ${received}`;
            }
            case "invalid_value":
                if (issue.values.length === 1)
                    return `Invalid input: expected ${stringifyPrimitive(issue.values[0])}`;
                return `Invalid option: expected one of ${joinValues(issue.values, "|")}`;
            case "too_big": {
                const adj = issue.exact ? "exactly " : issue.inclusive ? "<=" : "<";
                const sizing = getSizing(issue.origin);
                if (sizing)
                    return `Too big: expected ${issue.origin ?? "value"} to have ${adj}${issue.maximum.toString()} ${sizing.unit ?? "elements"}`;
                return `Too big: expected ${issue.origin ?? "value"} to be ${adj}${issue.maximum.toString()}`;
            }
            case "too_small": {
                const adj = issue.exact ? "exactly " : issue.inclusive ? ">=" : ">";
                const sizing = getSizing(issue.origin);
                if (sizing) {
                    return `Too small: expected ${issue.origin} to have ${adj}${issue.minimum.toString()} ${sizing.unit}`;
                }
                return `Too small: expected ${issue.origin} to be ${adj}${issue.minimum.toString()}`;
            }
            case "invalid_format": {
                const _issue = issue;
                if (_issue.format === "starts_with") {
                    return `Invalid string: must start with "${_issue.prefix}"`;
                }
                if (_issue.format === "ends_with")
                    return `Invalid string: must end with "${_issue.suffix}"`;
                if (_issue.format === "includes")
                    return `Invalid string: must include "${_issue.includes}"`;
                if (_issue.format === "regex")
                    return `Invalid string: must match pattern ${_issue.pattern}`;
                return `Invalid ${FormatDictionary[_issue.format] ?? issue.format}`;
            }
            case "not_multiple_of":
                return `Invalid number: must be a multiple of ${issue.divisor}`;
            case "unrecognized_keys":
                return `Unrecognized key${issue.keys.length > 1 ? "s" : ""}: ${joinValues(issue.keys, ", ")}`;
            case "invalid_key":
                return `Invalid key in ${issue.origin}`;
            case "invalid_union":
                if (issue.options && Array.isArray(issue.options) && issue.options.length > 0) {
                    const opts = issue.options.map((o) => `'${o}'`).join(" | ");
                    return `Invalid discriminator value. Expected ${opts}`;
                }
                if (issue.inclusive === false) {
                    return "Invalid input: more than one option matched";
                }
                return "Invalid input";
            case "invalid_element":
                return `Invalid value in ${issue.origin}`;
            default:
                return `Invalid input`;
        }
    };
};
function en$1 () {
    return {
        localeError: error(),
    };
}

var _a;
class $ZodRegistry {
    constructor() {
        this._map = new WeakMap();
        this._idmap = new Map();
    }
    add(schema, ..._meta) {
        const meta = _meta[0];
        this._map.set(schema, meta);
        if (meta && typeof meta === "object" && "id" in meta) {
            this._idmap.set(meta.id, schema);
        }
        return this;
    }
    clear() {
        this._map = new WeakMap();
        this._idmap = new Map();
        return this;
    }
    remove(schema) {
        const meta = this._map.get(schema);
        if (meta && typeof meta === "object" && "id" in meta) {
            this._idmap.delete(meta.id);
        }
        this._map.delete(schema);
        return this;
    }
    get(schema) {
        // return this._map.get(schema) as any;
        // inherit metadata
        const p = schema._zod.parent;
        if (p) {
            const pm = { ...(this.get(p) ?? {}) };
            delete pm.id; // do not inherit id
            const f = { ...pm, ...this._map.get(schema) };
            return Object.keys(f).length ? f : undefined;
        }
        return this._map.get(schema);
    }
    has(schema) {
        return this._map.has(schema);
    }
}
// registries
function registry() {
    return new $ZodRegistry();
}
(_a = globalThis).__zod_globalRegistry ?? (_a.__zod_globalRegistry = registry());
const globalRegistry = globalThis.__zod_globalRegistry;

function snapshotChecks(def) {
    if (def.checks)
        def.checks = [...def.checks];
    return def;
}
// @__NO_SIDE_EFFECTS__
function _string(Class, params) {
    return new Class(snapshotChecks({ type: "string", ...normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _email(Class, params) {
    return new Class({
        type: "string",
        format: "email",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _guid(Class, params) {
    return new Class({
        type: "string",
        format: "guid",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uuid(Class, params) {
    return new Class({
        type: "string",
        format: "uuid",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uuidv4(Class, params) {
    return new Class({
        type: "string",
        format: "uuid",
        check: "string_format",
        abort: false,
        version: "v4",
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uuidv6(Class, params) {
    return new Class({
        type: "string",
        format: "uuid",
        check: "string_format",
        abort: false,
        version: "v6",
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uuidv7(Class, params) {
    return new Class({
        type: "string",
        format: "uuid",
        check: "string_format",
        abort: false,
        version: "v7",
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _url(Class, params) {
    return new Class({
        type: "string",
        format: "url",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _emoji(Class, params) {
    return new Class({
        type: "string",
        format: "emoji",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _nanoid(Class, params) {
    return new Class({
        type: "string",
        format: "nanoid",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
/**
 * @deprecated CUID v1 is deprecated by its authors due to information leakage
 * (timestamps embedded in the id). Use {@link _cuid2} instead.
 * See https://github.com/paralleldrive/cuid.
 */
// @__NO_SIDE_EFFECTS__
function _cuid(Class, params) {
    return new Class({
        type: "string",
        format: "cuid",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _cuid2(Class, params) {
    return new Class({
        type: "string",
        format: "cuid2",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _ulid(Class, params) {
    return new Class({
        type: "string",
        format: "ulid",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _xid(Class, params) {
    return new Class({
        type: "string",
        format: "xid",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _ksuid(Class, params) {
    return new Class({
        type: "string",
        format: "ksuid",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _ipv4(Class, params) {
    return new Class({
        type: "string",
        format: "ipv4",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _ipv6(Class, params) {
    return new Class({
        type: "string",
        format: "ipv6",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _cidrv4(Class, params) {
    return new Class({
        type: "string",
        format: "cidrv4",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _cidrv6(Class, params) {
    return new Class({
        type: "string",
        format: "cidrv6",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _base64(Class, params) {
    return new Class({
        type: "string",
        format: "base64",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _base64url(Class, params) {
    return new Class({
        type: "string",
        format: "base64url",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _e164(Class, params) {
    return new Class({
        type: "string",
        format: "e164",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _jwt(Class, params) {
    return new Class({
        type: "string",
        format: "jwt",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _isoDateTime(Class, params) {
    return new Class({
        type: "string",
        format: "datetime",
        check: "string_format",
        offset: false,
        local: false,
        precision: null,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _isoDate(Class, params) {
    return new Class({
        type: "string",
        format: "date",
        check: "string_format",
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _isoTime(Class, params) {
    return new Class({
        type: "string",
        format: "time",
        check: "string_format",
        precision: null,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _isoDuration(Class, params) {
    return new Class({
        type: "string",
        format: "duration",
        check: "string_format",
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _number(Class, params) {
    return new Class(snapshotChecks({ type: "number", checks: [], ...normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _coercedNumber(Class, params) {
    return new Class(snapshotChecks({ type: "number", coerce: true, checks: [], ...normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _int(Class, params) {
    return new Class({
        type: "number",
        check: "number_format",
        abort: false,
        format: "safeint",
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _boolean(Class, params) {
    return new Class({
        type: "boolean",
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _unknown(Class) {
    return new Class({
        type: "unknown",
    });
}
// @__NO_SIDE_EFFECTS__
function _never(Class, params) {
    return new Class({
        type: "never",
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _lt(value, params) {
    return new $ZodCheckLessThan({
        check: "less_than",
        ...normalizeParams(params),
        value,
        inclusive: false,
    });
}
// @__NO_SIDE_EFFECTS__
function _lte(value, params) {
    return new $ZodCheckLessThan({
        check: "less_than",
        ...normalizeParams(params),
        value,
        inclusive: true,
    });
}
// @__NO_SIDE_EFFECTS__
function _gt(value, params) {
    return new $ZodCheckGreaterThan({
        check: "greater_than",
        ...normalizeParams(params),
        value,
        inclusive: false,
    });
}
// @__NO_SIDE_EFFECTS__
function _gte(value, params) {
    return new $ZodCheckGreaterThan({
        check: "greater_than",
        ...normalizeParams(params),
        value,
        inclusive: true,
    });
}
// @__NO_SIDE_EFFECTS__
function _multipleOf(value, params) {
    return new $ZodCheckMultipleOf({
        check: "multiple_of",
        ...normalizeParams(params),
        value,
    });
}
// @__NO_SIDE_EFFECTS__
function _maxLength(maximum, params) {
    const ch = new $ZodCheckMaxLength({
        check: "max_length",
        ...normalizeParams(params),
        maximum,
    });
    return ch;
}
// @__NO_SIDE_EFFECTS__
function _minLength(minimum, params) {
    return new $ZodCheckMinLength({
        check: "min_length",
        ...normalizeParams(params),
        minimum,
    });
}
// @__NO_SIDE_EFFECTS__
function _length(length, params) {
    return new $ZodCheckLengthEquals({
        check: "length_equals",
        ...normalizeParams(params),
        length,
    });
}
// @__NO_SIDE_EFFECTS__
function _regex(pattern, params) {
    return new $ZodCheckRegex({
        check: "string_format",
        format: "regex",
        ...normalizeParams(params),
        pattern,
    });
}
// @__NO_SIDE_EFFECTS__
function _lowercase(params) {
    return new $ZodCheckLowerCase({
        check: "string_format",
        format: "lowercase",
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uppercase(params) {
    return new $ZodCheckUpperCase({
        check: "string_format",
        format: "uppercase",
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _includes(includes, params) {
    return new $ZodCheckIncludes({
        check: "string_format",
        format: "includes",
        ...normalizeParams(params),
        includes,
    });
}
// @__NO_SIDE_EFFECTS__
function _startsWith(prefix, params) {
    return new $ZodCheckStartsWith({
        check: "string_format",
        format: "starts_with",
        ...normalizeParams(params),
        prefix,
    });
}
// @__NO_SIDE_EFFECTS__
function _endsWith(suffix, params) {
    return new $ZodCheckEndsWith({
        check: "string_format",
        format: "ends_with",
        ...normalizeParams(params),
        suffix,
    });
}
// @__NO_SIDE_EFFECTS__
function _overwrite(tx) {
    return new $ZodCheckOverwrite({
        check: "overwrite",
        tx,
    });
}
// normalize
// @__NO_SIDE_EFFECTS__
function _normalize(form) {
    return _overwrite((input) => input.normalize(form));
}
// trim
// @__NO_SIDE_EFFECTS__
function _trim() {
    return _overwrite((input) => input.trim());
}
// toLowerCase
// @__NO_SIDE_EFFECTS__
function _toLowerCase() {
    return _overwrite((input) => input.toLowerCase());
}
// toUpperCase
// @__NO_SIDE_EFFECTS__
function _toUpperCase() {
    return _overwrite((input) => input.toUpperCase());
}
// slugify
// @__NO_SIDE_EFFECTS__
function _slugify() {
    return _overwrite((input) => slugify(input));
}
// @__NO_SIDE_EFFECTS__
function _array(Class, element, params) {
    return new Class({
        type: "array",
        element,
        // get element() {
        //   return element;
        // },
        ...normalizeParams(params),
    });
}
// same as _custom but defaults to abort:false
// @__NO_SIDE_EFFECTS__
function _refine(Class, fn, _params) {
    const schema = new Class({
        type: "custom",
        check: "custom",
        fn: fn,
        ...normalizeParams(_params),
    });
    return schema;
}
// @__NO_SIDE_EFFECTS__
function _superRefine(fn, params) {
    const ch = _check((payload) => {
        payload.addIssue = (issue$1) => {
            if (typeof issue$1 === "string") {
                payload.issues.push(issue(issue$1, payload.value, ch._zod.def));
            }
            else {
                // for Zod 3 backwards compatibility
                const _issue = issue$1;
                if (_issue.fatal)
                    _issue.continue = false;
                _issue.code ?? (_issue.code = "custom");
                if (!("input" in _issue))
                    _issue.input = payload.value;
                _issue.inst ?? (_issue.inst = ch);
                _issue.continue ?? (_issue.continue = !ch._zod.def.abort); // abort is always undefined, so this is always true...
                payload.issues.push(issue(_issue));
            }
        };
        return fn(payload.value, payload);
    }, params);
    return ch;
}
// @__NO_SIDE_EFFECTS__
function _check(fn, params) {
    const ch = new $ZodCheck({
        check: "custom",
        ...normalizeParams(params),
    });
    ch._zod.check = fn;
    return ch;
}

function assignProps(target, ...sources) {
    for (const source of sources) {
        for (const key of Reflect.ownKeys(source)) {
            if (Object.prototype.propertyIsEnumerable.call(source, key)) {
                assignProp(target, key, source[key]);
            }
        }
    }
    return target;
}
// function initializeContext<T extends schemas.$ZodType>(inputs: JSONSchemaGeneratorParams<T>): ToJSONSchemaContext<T> {
//   return {
//     processor: inputs.processor,
//     metadataRegistry: inputs.metadata ?? globalRegistry,
//     target: inputs.target ?? "draft-2020-12",
//     unrepresentable: inputs.unrepresentable ?? "throw",
//   };
// }
function initializeContext(params) {
    // Normalize target: convert old non-hyphenated versions to hyphenated versions
    let target = params?.target ?? "draft-2020-12";
    if (target === "draft-4")
        target = "draft-04";
    if (target === "draft-7")
        target = "draft-07";
    return {
        processors: params.processors ?? {},
        metadataRegistry: params?.metadata ?? globalRegistry,
        target,
        unrepresentable: params?.unrepresentable ?? "throw",
        override: params?.override ?? (() => { }),
        io: params?.io ?? "output",
        counter: 0,
        seen: new Map(),
        sharedDefsExtractedFor: undefined,
        sharedEmitDoneFor: undefined,
        cycles: params?.cycles ?? "ref",
        reused: params?.reused ?? "inline",
        intersections: [],
        deferred: [],
        external: params?.external ?? undefined,
    };
}
/**
 * Applies the `unrepresentable` setting at a site that has no JSON Schema equivalent. Throws
 * `message` unless the setting (or the handler's return value) says otherwise. Returns `true` if a
 * custom JSON Schema was written into `json`, in which case the caller must not write its own.
 */
function handleUnrepresentable(schema, ctx, json, params, message) {
    const result = typeof ctx.unrepresentable === "function"
        ? ctx.unrepresentable({ zodSchema: schema, path: params.path, message })
        : ctx.unrepresentable;
    if (result === "any")
        return false;
    if (result === undefined || result === "throw")
        throw new Error(message);
    Object.assign(json, result);
    return true;
}
// never rename this back to `process`: bundler polyfills inject a top-level `const process` that a lexical declaration of the same name collides with (#6397)
function processSchema(schema, ctx, _params = { path: [], schemaPath: [] }) {
    var _a;
    const def = schema._zod.def;
    // check for schema in seens
    const seen = ctx.seen.get(schema);
    if (seen) {
        seen.count++;
        // check if cycle
        const isCycle = _params.schemaPath.includes(schema);
        if (isCycle) {
            seen.cycle = _params.path;
        }
        return seen.schema;
    }
    // initialize
    const result = { schema: {}, count: 1, cycle: undefined, path: _params.path };
    ctx.seen.set(schema, result);
    ctx.sharedDefsExtractedFor = undefined;
    ctx.sharedEmitDoneFor = undefined;
    // custom method overrides default behavior
    const overrideSchema = schema._zod.toJSONSchema?.();
    if (overrideSchema) {
        result.schema = overrideSchema;
    }
    else {
        const params = {
            ..._params,
            schemaPath: [..._params.schemaPath, schema],
            path: _params.path,
        };
        if (schema._zod.processJSONSchema) {
            schema._zod.processJSONSchema(ctx, result.schema, params);
        }
        else {
            const _json = result.schema;
            const processor = ctx.processors[def.type];
            if (!processor) {
                throw new Error(`[toJSONSchema]: Non-representable type encountered: ${def.type}`);
            }
            processor(schema, ctx, _json, params);
        }
        const parent = schema._zod.parent;
        if (parent) {
            // Also set ref if processor didn't (for inheritance)
            if (!result.ref)
                result.ref = parent;
            processSchema(parent, ctx, params);
            ctx.seen.get(parent).isParent = true;
        }
    }
    // metadata
    const meta = ctx.metadataRegistry.get(schema);
    if (meta)
        assignProps(result.schema, meta);
    if (ctx.io === "input" && isTransforming(schema)) {
        // examples/defaults only apply to output type of pipe
        delete result.schema.examples;
        delete result.schema.default;
    }
    // set prefault as default
    if (ctx.io === "input" && "_prefault" in result.schema)
        (_a = result.schema).default ?? (_a.default = result.schema._prefault);
    delete result.schema._prefault;
    // pulling fresh from ctx.seen in case it was overwritten
    const _result = ctx.seen.get(schema);
    return _result.schema;
}
// Escape a reference token for use in a JSON Pointer fragment (RFC 6901): `~` becomes `~0` and `/` becomes `~1`. The `~` replacement must run first.
function encodeJSONPointerSegment(segment) {
    return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}
function extractDefs(ctx, schema
// params: EmitParams
) {
    // iterate over seen map;
    const root = ctx.seen.get(schema);
    if (!root)
        throw new Error("Unprocessed schema. This is a bug in Zod.");
    // With `external` set, every registered schema resolves through the external branch of `makeURI`, so the root branch below produces the same ref the external branch would — this pass is identical whichever schema it is called with, and only needs to run once.
    if (ctx.external && ctx.sharedDefsExtractedFor === ctx.external)
        return;
    // Track ids to detect duplicates across different schemas
    const idToSchema = new Map();
    for (const entry of ctx.seen.entries()) {
        const id = ctx.metadataRegistry.get(entry[0])?.id;
        if (id) {
            const existing = idToSchema.get(id);
            if (existing && existing !== entry[0]) {
                throw new Error(`Duplicate schema id "${id}" detected during JSON Schema conversion. Two different schemas cannot share the same id when converted together.`);
            }
            idToSchema.set(id, entry[0]);
        }
    }
    // returns a ref to the schema defId will be empty if the ref points to an external schema (or #)
    const makeURI = (entry) => {
        // comparing the seen objects because sometimes multiple schemas map to the same seen object. e.g. lazy
        // external is configured
        const defsSegment = ctx.target === "draft-2020-12" ? "$defs" : "definitions";
        if (ctx.external) {
            const externalId = ctx.external.registry.get(entry[0])?.id; // ?? "__shared";// `__schema${ctx.counter++}`;
            // check if schema is in the external registry
            const uriGenerator = ctx.external.uri ?? ((id) => id);
            if (externalId) {
                return { ref: uriGenerator(externalId) };
            }
            // otherwise, add to __shared
            const id = entry[1].defId ?? entry[1].schema.id ?? `schema${ctx.counter++}`;
            entry[1].defId = id; // set defId so it will be reused if needed
            return { defId: id, ref: `${uriGenerator("__shared")}#/${defsSegment}/${encodeJSONPointerSegment(id)}` };
        }
        const uriPrefix = `#`;
        const defUriPrefix = `${uriPrefix}/${defsSegment}/`;
        // an id-less root has nowhere to be extracted to, so it stays inline and self-references as `#`
        if (entry[1] === root && !entry[1].schema.id) {
            return { ref: uriPrefix };
        }
        // self-contained schema
        const defId = entry[1].schema.id ?? `__schema${ctx.counter++}`;
        return { defId, ref: defUriPrefix + encodeJSONPointerSegment(defId) };
    };
    // stored cached version in `def` property remove all properties, set $ref
    const extractToDef = (entry) => {
        // if the schema is already a reference, do not extract it
        if (entry[1].schema.$ref) {
            return;
        }
        const seen = entry[1];
        const { ref, defId } = makeURI(entry);
        seen.def = { ...seen.schema };
        // defId won't be set if the schema is a reference to an external schema or if the schema is the root schema
        if (defId)
            seen.defId = defId;
        // wipe away all properties except $ref
        const schema = seen.schema;
        for (const key in schema) {
            delete schema[key];
        }
        schema.$ref = ref;
    };
    // throw on cycles
    // break cycles
    if (ctx.cycles === "throw") {
        for (const entry of ctx.seen.entries()) {
            const seen = entry[1];
            if (seen.cycle) {
                throw new Error("Cycle detected: " +
                    `#/${seen.cycle?.join("/")}/<root>` +
                    '\n\nSet the `cycles` parameter to `"ref"` to resolve cyclical schemas with defs.');
            }
        }
    }
    // extract schemas into $defs
    for (const entry of ctx.seen.entries()) {
        const seen = entry[1];
        // convert root schema to # $ref
        if (schema === entry[0]) {
            extractToDef(entry); // this has special handling for the root schema
            continue;
        }
        // extract schemas that are in the external registry
        if (ctx.external) {
            const ext = ctx.external.registry.get(entry[0])?.id;
            if (schema !== entry[0] && ext) {
                extractToDef(entry);
                continue;
            }
        }
        // extract schemas with `id` meta
        const id = ctx.metadataRegistry.get(entry[0])?.id;
        if (id) {
            extractToDef(entry);
            continue;
        }
        // break cycles
        if (seen.cycle) {
            // any
            extractToDef(entry);
            continue;
        }
        // extract reused schemas
        if (seen.count > 1) {
            if (ctx.reused === "ref") {
                extractToDef(entry);
            }
        }
    }
    if (ctx.external)
        ctx.sharedDefsExtractedFor = ctx.external;
}
/** Rewrites `anyOf: [{type: "a"}, {type: "b"}]` to `type: ["a", "b"]`, which every JSON Schema draft treats as equivalent and most consumers render far better for the nullable case. Only branches that are a bare type assertion qualify — anything carrying a constraint, `$ref`, `const` or metadata is left alone. Runs after `flattenRef`, so a branch an override decorated or `$defs` extraction turned into a `$ref` is no longer bare and correctly stays in `anyOf`. `oneOf` is excluded: `integer` and `number` overlap, so "exactly one" and "at least one" are not the same there. OpenAPI 3.0 is excluded: its `type` must be a single string. */
function compactTypeUnion(schema) {
    const options = schema.anyOf;
    if (!Array.isArray(options) || options.length === 0 || schema.type !== undefined)
        return;
    const types = [];
    for (const option of options) {
        if (!option || typeof option !== "object")
            return;
        // A branch that is itself a compactible union folds into this one — nested `anyOf` and a flat `type` array say the same thing. Compacting it first also makes the result independent of the order this pass walks the seen map in.
        compactTypeUnion(option);
        const keys = Object.keys(option);
        if (keys.length !== 1 || keys[0] !== "type")
            return;
        const type = option.type;
        for (const member of Array.isArray(type) ? type : [type]) {
            if (typeof member !== "string")
                return;
            if (!types.includes(member))
                types.push(member);
        }
    }
    delete schema.anyOf;
    // A `type` array must be non-empty and unique (metaschema); a single member is spelled as a bare string.
    schema.type = types.length === 1 ? types[0] : types;
}
/** Keywords `foldIntersection` knows how to combine. Anything else — `$ref`, `patternProperties`,
 * an annotation like `description` — makes a member unfoldable, so a constraint this does not
 * understand leaves the `allOf` alone instead of being silently dropped or misattributed. */
const FOLDABLE_KEYS = new Set(["type", "properties", "required", "additionalProperties"]);
const UNION_KEYS = ["oneOf", "anyOf"];
/** A member's constraint on a key it does not declare itself. A `catchall` states one; `false`, an absent `additionalProperties`, and the empty schema a loose object emits state nothing. */
function undeclaredConstraint(member) {
    const extra = member.additionalProperties;
    if (extra === undefined || extra === false || typeof extra !== "object" || extra === null)
        return null;
    return Object.keys(extra).length ? extra : null;
}
/** Combines object members into the single object they describe together, or returns `null` if any of them carries a keyword outside {@link FOLDABLE_KEYS}. */
function foldObjects(members) {
    const objects = [];
    for (const member of members) {
        // A boolean subschema is legal JSON Schema and carries no keywords to fold.
        if (typeof member !== "object" || member.type !== "object")
            return null;
        for (const key in member) {
            if (!FOLDABLE_KEYS.has(key))
                return null;
        }
        objects.push(member);
    }
    const properties = {};
    const required = new Set();
    for (const object of objects) {
        for (const key in object.properties) {
            // `in` would report a `__proto__` key as already present via the prototype chain and skip it.
            if (Object.prototype.hasOwnProperty.call(properties, key))
                continue;
            // Every member constrains this key: the ones that declare it say how, and a `catchall` member constrains it too even though it does not name it. The key has to satisfy all of them, which is the same intersection one level down.
            const parts = [];
            for (const other of objects) {
                const part = other.properties?.[key] ?? undeclaredConstraint(other);
                if (part === null || part === undefined)
                    continue;
                if (!parts.some((seen) => JSON.stringify(seen) === JSON.stringify(part)))
                    parts.push(part);
            }
            const merged = parts.length === 1
                ? parts[0]
                : (foldObjects(parts) ?? { allOf: parts });
            assignProp(properties, key, merged);
        }
        for (const key of object.required ?? [])
            required.add(key);
    }
    const folded = { type: "object", properties };
    if (required.size)
        folded.required = [...required];
    // A key no member declares is rejected only when every member rejects it, so the fold is closed only when every member is. Otherwise it carries whatever the `catchall` members demand of such a key.
    if (objects.every((object) => object.additionalProperties === false)) {
        folded.additionalProperties = false;
    }
    else {
        const constraints = [];
        for (const object of objects) {
            const constraint = undeclaredConstraint(object);
            if (constraint && !constraints.some((seen) => JSON.stringify(seen) === JSON.stringify(constraint)))
                constraints.push(constraint);
        }
        if (constraints.length === 1)
            folded.additionalProperties = constraints[0];
        else if (constraints.length > 1)
            folded.additionalProperties = { allOf: constraints };
    }
    return folded;
}
/** `additionalProperties` in an `allOf` member sees only that member's own `properties`, so two
 * closed object members reject each other's keys and the schema validates nothing. Zod's parser
 * pools the key sets instead — `handleIntersectionResults` reports a key as unrecognized only when
 * *every* side rejects it — so the emitted schema has to pool them too, and folding the members
 * into one object is the encoding that says so on every target.
 *
 * This runs from `finalize`, after `extractDefs`, which is what keeps it clear of the `$ref`
 * machinery: a member extracted into `$defs` is already a `$ref` by now and declines to fold, so it
 * keeps its reference and its own closedness rather than being inlined as a stale copy. */
function foldIntersection(json) {
    const allOf = json.allOf;
    if (!Array.isArray(allOf) || allOf.length < 2)
        return;
    // An `override` runs before this pass and may have written object keywords onto the intersection itself. Those are deliberate, so decline rather than overwrite them.
    for (const key of FOLDABLE_KEYS)
        if (key in json)
            return;
    // An intersection distributes over a union: `A & (X | Y)` is `(A & X) | (A & Y)`. Only the first union is distributed over; a second one stays among the members every branch folds against, where it fails the object check and declines the whole intersection rather than multiplying out.
    const unions = allOf.filter((m) => UNION_KEYS.some((k) => Array.isArray(m[k])));
    let folded = null;
    if (!unions.length) {
        folded = foldObjects(allOf);
    }
    else {
        const union = unions[0];
        const keyword = UNION_KEYS.find((k) => Array.isArray(union[k]));
        if (Object.keys(union).length !== 1)
            return;
        const rest = allOf.filter((m) => m !== union);
        const branches = union[keyword].map((branch) => foldObjects([...rest, branch]));
        if (branches.some((b) => !b))
            return;
        folded = { [keyword]: branches };
    }
    if (!folded)
        return;
    delete json.allOf;
    assignProps(json, folded);
}
function finalize(ctx, schema) {
    const root = ctx.seen.get(schema);
    if (!root)
        throw new Error("Unprocessed schema. This is a bug in Zod.");
    // flatten refs - inherit properties from parent schemas
    const flattenRef = (zodSchema) => {
        const seen = ctx.seen.get(zodSchema);
        // already processed
        if (seen.ref === null)
            return;
        const schema = seen.def ?? seen.schema;
        const _cached = { ...schema };
        const ref = seen.ref;
        seen.ref = null; // prevent infinite recursion
        if (ref) {
            flattenRef(ref);
            const refSeen = ctx.seen.get(ref);
            const refSchema = refSeen.schema;
            // merge referenced schema into current
            if (refSchema.$ref && (ctx.target === "draft-07" || ctx.target === "draft-04" || ctx.target === "openapi-3.0")) {
                // older drafts can't combine $ref with other properties
                schema.allOf = schema.allOf ?? [];
                schema.allOf.push(refSchema);
            }
            else {
                assignProps(schema, refSchema);
            }
            // restore child's own properties (child wins)
            assignProps(schema, _cached);
            const isParentRef = zodSchema._zod.parent === ref;
            // For parent chain, child is a refinement - remove parent-only properties
            if (isParentRef) {
                for (const key in schema) {
                    if (key === "$ref" || key === "allOf")
                        continue;
                    if (!(key in _cached)) {
                        delete schema[key];
                    }
                }
            }
            // When ref was extracted to $defs, remove properties that match the definition
            if (refSchema.$ref && refSeen.def) {
                for (const key in schema) {
                    if (key === "$ref" || key === "allOf")
                        continue;
                    if (key in refSeen.def && JSON.stringify(schema[key]) === JSON.stringify(refSeen.def[key])) {
                        delete schema[key];
                    }
                }
            }
        }
        // If parent was extracted (has $ref), propagate $ref to this schema. This handles cases like: readonly().meta({id}).describe() where processor sets ref to innerType but parent should be referenced
        const parent = zodSchema._zod.parent;
        if (parent && parent !== ref) {
            // Ensure parent is processed first so its def has inherited properties
            flattenRef(parent);
            const parentSeen = ctx.seen.get(parent);
            if (parentSeen?.schema.$ref) {
                schema.$ref = parentSeen.schema.$ref;
                // De-duplicate with parent's definition
                if (parentSeen.def) {
                    for (const key in schema) {
                        if (key === "$ref" || key === "allOf")
                            continue;
                        if (key in parentSeen.def && JSON.stringify(schema[key]) === JSON.stringify(parentSeen.def[key])) {
                            delete schema[key];
                        }
                    }
                }
            }
        }
        // execute overrides
        ctx.override({
            zodSchema: zodSchema,
            jsonSchema: schema,
            path: seen.path ?? [],
        });
    };
    // Flattening walks the whole map and clears each `ref` as it goes, so a second call over the same map is a no-op scan. Skip it outright once it has run for a registry conversion.
    if (!ctx.external || ctx.sharedEmitDoneFor !== ctx.external) {
        for (const entry of [...ctx.seen.entries()].reverse()) {
            flattenRef(entry[0]);
        }
        if (ctx.target !== "openapi-3.0") {
            for (const entry of ctx.seen.entries()) {
                compactTypeUnion(entry[1].def ?? entry[1].schema);
            }
        }
        for (const rewrite of ctx.deferred)
            rewrite();
        // After flattening, every member that was extracted is a `$ref`, so the fold sees the final shape. A schema that inherits an intersection — through `z.lazy`, or any `ref` chain — holds the same `allOf` array, so fold by array identity to catch every copy.
        if (ctx.intersections.length) {
            const carriers = new Map();
            for (const seen of ctx.seen.values()) {
                for (const json of [seen.schema, seen.def]) {
                    const allOf = json?.allOf;
                    if (!Array.isArray(allOf))
                        continue;
                    const existing = carriers.get(allOf);
                    if (existing)
                        existing.push(json);
                    else
                        carriers.set(allOf, [json]);
                }
            }
            for (const allOf of ctx.intersections) {
                for (const json of carriers.get(allOf) ?? [])
                    foldIntersection(json);
            }
        }
    }
    const result = {};
    if (ctx.target === "draft-2020-12") {
        result.$schema = "https://json-schema.org/draft/2020-12/schema";
    }
    else if (ctx.target === "draft-07") {
        result.$schema = "http://json-schema.org/draft-07/schema#";
    }
    else if (ctx.target === "draft-04") {
        result.$schema = "http://json-schema.org/draft-04/schema#";
    }
    else if (ctx.target === "openapi-3.0") ;
    else ;
    if (ctx.external?.uri) {
        const id = ctx.external.registry.get(schema)?.id;
        if (!id)
            throw new Error("Schema is missing an `id` property");
        result.$id = ctx.external.uri(id);
    }
    // when the root was extracted into $defs, `root.schema` is the `$ref` wrapper and `root.def` is the body that now lives under $defs
    assignProps(result, root.defId ? root.schema : (root.def ?? root.schema));
    // The `id` in `.meta()` is a Zod-specific registration tag used to extract schemas into $defs — it is not user-facing JSON Schema metadata. Strip it from the output body where it would otherwise leak. The id is preserved implicitly via the $defs key (and via $ref paths).
    const rootMetaId = ctx.metadataRegistry.get(schema)?.id;
    if (rootMetaId !== undefined && result.id === rootMetaId)
        delete result.id;
    // build defs object. With `external`, `defs` is the shared object every schema writes into, so the same entries are reassigned on every call. Without it, `defs` is fresh per call and must be rebuilt.
    const defs = ctx.external?.defs ?? {};
    if (!ctx.external || ctx.sharedEmitDoneFor !== ctx.external) {
        for (const entry of ctx.seen.entries()) {
            const seen = entry[1];
            if (seen.def && seen.defId) {
                if (seen.def.id === seen.defId)
                    delete seen.def.id;
                assignProp(defs, seen.defId, seen.def);
            }
        }
    }
    if (ctx.external)
        ctx.sharedEmitDoneFor = ctx.external;
    // set definitions in result
    if (ctx.external) ;
    else {
        if (Object.keys(defs).length > 0) {
            if (ctx.target === "draft-2020-12") {
                result.$defs = defs;
            }
            else {
                result.definitions = defs;
            }
        }
    }
    try {
        // this "finalizes" this schema and ensures all cycles are removed each call to finalize() is functionally independent though the seen map is shared
        const finalized = JSON.parse(JSON.stringify(result));
        Object.defineProperty(finalized, "~standard", {
            value: {
                ...schema["~standard"],
                jsonSchema: {
                    input: createStandardJSONSchemaMethod(schema, "input", ctx.processors),
                    output: createStandardJSONSchemaMethod(schema, "output", ctx.processors),
                },
            },
            enumerable: false,
            writable: false,
        });
        return finalized;
    }
    catch (_err) {
        throw new Error("Error converting schema to JSON.");
    }
}
function isTransforming(_schema, _ctx) {
    const ctx = _ctx ?? { seen: new Set() };
    if (ctx.seen.has(_schema))
        return false;
    ctx.seen.add(_schema);
    const def = _schema._zod.def;
    if (def.type === "transform")
        return true;
    if (def.type === "array")
        return isTransforming(def.element, ctx);
    if (def.type === "set")
        return isTransforming(def.valueType, ctx);
    if (def.type === "lazy")
        return isTransforming(def.getter(), ctx);
    if (def.type === "promise" ||
        def.type === "optional" ||
        def.type === "nonoptional" ||
        def.type === "nullable" ||
        def.type === "readonly" ||
        def.type === "default" ||
        def.type === "prefault" ||
        def.type === "catch") {
        return isTransforming(def.innerType, ctx);
    }
    if (def.type === "intersection") {
        return isTransforming(def.left, ctx) || isTransforming(def.right, ctx);
    }
    if (def.type === "record" || def.type === "map") {
        return isTransforming(def.keyType, ctx) || isTransforming(def.valueType, ctx);
    }
    if (def.type === "pipe") {
        if (_schema._zod.traits.has("$ZodCodec"))
            return true;
        return isTransforming(def.in, ctx) || isTransforming(def.out, ctx);
    }
    if (def.type === "object") {
        for (const key in def.shape) {
            if (isTransforming(def.shape[key], ctx))
                return true;
        }
        return false;
    }
    if (def.type === "union") {
        for (const option of def.options) {
            if (isTransforming(option, ctx))
                return true;
        }
        return false;
    }
    if (def.type === "tuple") {
        for (const item of def.items) {
            if (isTransforming(item, ctx))
                return true;
        }
        if (def.rest && isTransforming(def.rest, ctx))
            return true;
        return false;
    }
    return false;
}
/**
 * Creates a toJSONSchema method for a schema instance.
 * This encapsulates the logic of initializing context, processing, extracting defs, and finalizing.
 */
const createToJSONSchemaMethod = (schema, processors = {}) => (params) => {
    const ctx = initializeContext({ ...params, processors });
    processSchema(schema, ctx);
    extractDefs(ctx, schema);
    return finalize(ctx, schema);
};
const createStandardJSONSchemaMethod = (schema, io, processors = {}) => (params) => {
    const { libraryOptions, target } = params ?? {};
    const ctx = initializeContext({ ...(libraryOptions ?? {}), target, io, processors });
    processSchema(schema, ctx);
    extractDefs(ctx, schema);
    return finalize(ctx, schema);
};

const narrowMin = (agg, key, value) => {
    if (agg[key] === undefined || value > agg[key])
        agg[key] = value;
};
const narrowMax = (agg, key, value) => {
    if (agg[key] === undefined || value < agg[key])
        agg[key] = value;
};
const narrowBoth = (agg, value) => {
    narrowMin(agg, "minimum", value);
    narrowMax(agg, "maximum", value);
};
const addDivisor = (agg, value) => {
    agg.multipleOf ?? (agg.multipleOf = []);
    if (!agg.multipleOf.includes(value))
        agg.multipleOf.push(value);
};
const addPattern = (agg, pattern) => {
    agg.patterns ?? (agg.patterns = new Set());
    agg.patterns.add(pattern);
};
const intersectMime = (agg, mime) => {
    agg.mime = agg.mime ? agg.mime.filter((m) => mime.includes(m)) : [...mime];
};
// last-wins, matching the bag's historical write order; the flag keeps an integer format from being lost to a later float one
const setFormat = (agg, format) => {
    agg.format = format;
    if (format.includes("int"))
        agg.isInt = true;
};
const minContributor = (agg, def) => narrowMin(agg, "minimum", def.minimum);
const maxContributor = (agg, def) => narrowMax(agg, "maximum", def.maximum);
const formatContributor = (ranges) => (agg, def) => {
    setFormat(agg, def.format);
    const [minimum, maximum] = ranges[def.format];
    narrowMin(agg, "minimum", minimum);
    narrowMax(agg, "maximum", maximum);
};
const contributors = {
    greater_than: (agg, def) => narrowMin(agg, def.inclusive ? "minimum" : "exclusiveMinimum", def.value),
    less_than: (agg, def) => narrowMax(agg, def.inclusive ? "maximum" : "exclusiveMaximum", def.value),
    multiple_of: (agg, def) => addDivisor(agg, def.value),
    number_format: formatContributor(NUMBER_FORMAT_RANGES),
    bigint_format: formatContributor(BIGINT_FORMAT_RANGES),
    min_length: minContributor,
    max_length: maxContributor,
    length_equals: (agg, def) => narrowBoth(agg, def.length),
    min_size: minContributor,
    max_size: maxContributor,
    size_equals: (agg, def) => narrowBoth(agg, def.size),
    string_format: (agg, def) => {
        setFormat(agg, def.format);
        if (def.pattern)
            addPattern(agg, def.pattern);
        if (def.format === "base64" || def.format === "base64url")
            agg.contentEncoding = def.format;
        if (def.local || def.precision === -1)
            agg.laxFormat = true;
    },
    mime_type: (agg, def) => intersectMime(agg, def.mime),
};
function aggregateChecks(schema) {
    const agg = {};
    const def = schema._zod.def;
    // a format schema is its own first check, same rule as $ZodType init
    const list = schema._zod.traits.has("$ZodCheck")
        ? [schema, ...(def.checks ?? [])]
        : (def.checks ?? []);
    for (const ch of list)
        contributors[ch._zod.def.check]?.(agg, ch._zod.def);
    // reconcile with the bag so third-party onattach contributions still land; first-party residue is never tighter than the fold, so merging it back is idempotent for one and additive for the other
    const bag = schema._zod.bag;
    if (bag.minimum !== undefined)
        narrowMin(agg, "minimum", bag.minimum);
    if (bag.exclusiveMinimum !== undefined)
        narrowMin(agg, "exclusiveMinimum", bag.exclusiveMinimum);
    if (bag.maximum !== undefined)
        narrowMax(agg, "maximum", bag.maximum);
    if (bag.exclusiveMaximum !== undefined)
        narrowMax(agg, "exclusiveMaximum", bag.exclusiveMaximum);
    if (bag.multipleOf !== undefined)
        addDivisor(agg, bag.multipleOf);
    if (bag.format !== undefined) {
        agg.format ?? (agg.format = bag.format);
        if (bag.format.includes("int"))
            agg.isInt = true;
    }
    if (bag.mime)
        intersectMime(agg, bag.mime);
    for (const pattern of bag.patterns ?? [])
        addPattern(agg, pattern);
    return agg;
}
const formatMap = {
    guid: "uuid",
    url: "uri",
    datetime: "date-time",
    json_string: "json-string",
    regex: "", // do not set
};
// ==================== SIMPLE TYPE PROCESSORS ====================
// the runtime patterns are lax so parse paths never overflow the regex stack; the emitted schema swaps in the exact block forms, which zod itself never executes
const exactPatterns = new Map([
    [base64Charset, base64],
    [base64urlCharset, base64url],
]);
const exactPattern = (p) => exactPatterns.get(p) ?? p;
const stringProcessor = (schema, ctx, _json, _params) => {
    const json = _json;
    json.type = "string";
    const { minimum, maximum, format, patterns, contentEncoding, laxFormat } = aggregateChecks(schema);
    if (typeof minimum === "number")
        json.minLength = minimum;
    if (typeof maximum === "number")
        json.maxLength = maximum;
    // custom pattern overrides format
    if (format) {
        json.format = formatMap[format] ?? format;
        if (json.format === "")
            delete json.format; // empty format is not valid
        // `z.iso.time()` is never full-time, and `laxFormat` carries the datetime shapes that also accept what their keyword forbids
        if (format === "time" || laxFormat) {
            delete json.format;
        }
    }
    if (contentEncoding)
        json.contentEncoding = contentEncoding;
    if (patterns && patterns.size > 0) {
        const patternList = [...patterns].map(exactPattern);
        if (patternList.length === 1)
            json.pattern = patternList[0].source;
        else if (patternList.length > 1) {
            json.allOf = [
                ...patternList.map((regex) => ({
                    ...(ctx.target === "draft-07" || ctx.target === "draft-04" || ctx.target === "openapi-3.0"
                        ? { type: "string" }
                        : {}),
                    pattern: regex.source,
                })),
            ];
        }
    }
};
const numberProcessor = (schema, ctx, _json, params) => {
    const json = _json;
    const { minimum, maximum, multipleOf, exclusiveMaximum, exclusiveMinimum, isInt } = aggregateChecks(schema);
    json.type = isInt ? "integer" : "number";
    // when both minimum and exclusiveMinimum exist, pick the more restrictive one
    const exMin = typeof exclusiveMinimum === "number" && exclusiveMinimum >= (minimum ?? Number.NEGATIVE_INFINITY);
    const exMax = typeof exclusiveMaximum === "number" && exclusiveMaximum <= (maximum ?? Number.POSITIVE_INFINITY);
    const legacy = ctx.target === "draft-04" || ctx.target === "openapi-3.0";
    if (exMin) {
        if (legacy) {
            json.minimum = exclusiveMinimum;
            json.exclusiveMinimum = true;
        }
        else {
            json.exclusiveMinimum = exclusiveMinimum;
        }
    }
    else if (typeof minimum === "number") {
        json.minimum = minimum;
    }
    if (exMax) {
        if (legacy) {
            json.maximum = exclusiveMaximum;
            json.exclusiveMaximum = true;
        }
        else {
            json.exclusiveMaximum = exclusiveMaximum;
        }
    }
    else if (typeof maximum === "number") {
        json.maximum = maximum;
    }
    if (multipleOf) {
        // JSON Schema requires a divisor strictly greater than zero, and a non-finite one does not survive JSON at all. A negative divisor accepts exactly what its absolute value accepts, so it still maps; zero, NaN and Infinity have no keyword form.
        const divisors = new Set();
        for (const divisor of multipleOf) {
            if (Number.isFinite(divisor) && divisor !== 0)
                divisors.add(Math.abs(divisor));
            else
                handleUnrepresentable(schema, ctx, json, params, `A multipleOf divisor of ${divisor} cannot be represented in JSON Schema`);
        }
        // chained divisors are a conjunction the keyword cannot carry alone, so extras ride an allOf, same as stacked patterns
        const [first, ...rest] = divisors;
        if (first !== undefined)
            json.multipleOf = first;
        if (rest.length)
            json.allOf = [...(json.allOf ?? []), ...rest.map((m) => ({ multipleOf: m }))];
    }
};
const booleanProcessor = (_schema, _ctx, json, _params) => {
    json.type = "boolean";
};
const neverProcessor = (_schema, _ctx, json, _params) => {
    json.not = {};
};
const unknownProcessor = (_schema, _ctx, _json, _params) => {
    // empty schema accepts anything
};
const enumProcessor = (schema, _ctx, json, _params) => {
    const def = schema._zod.def;
    const values = getEnumValues(def.entries);
    // an empty enum accepts nothing, same as z.never()
    if (values.length === 0) {
        json.not = {};
        return;
    }
    // Number enums can have both string and number values
    if (values.every((v) => typeof v === "number"))
        json.type = "number";
    if (values.every((v) => typeof v === "string"))
        json.type = "string";
    json.enum = values;
};
const literalProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    // a literal with no values accepts nothing, same as z.never()
    if (def.values.length === 0) {
        json.not = {};
        return;
    }
    const vals = [];
    for (const val of def.values) {
        if (val === undefined) {
            // a custom schema replaces the whole literal, so there is nothing left to accumulate
            if (handleUnrepresentable(schema, ctx, json, params, "Literal `undefined` cannot be represented in JSON Schema"))
                return;
            // otherwise do not add to vals
        }
        else if (typeof val === "bigint") {
            if (handleUnrepresentable(schema, ctx, json, params, "BigInt literals cannot be represented in JSON Schema"))
                return;
            vals.push(Number(val));
        }
        else {
            vals.push(val);
        }
    }
    if (vals.length === 0) ;
    else if (vals.length === 1) {
        const val = vals[0];
        json.type = val === null ? "null" : typeof val;
        if (ctx.target === "draft-04" || ctx.target === "openapi-3.0") {
            json.enum = [val];
        }
        else {
            json.const = val;
        }
    }
    else {
        if (vals.every((v) => typeof v === "number"))
            json.type = "number";
        if (vals.every((v) => typeof v === "string"))
            json.type = "string";
        if (vals.every((v) => typeof v === "boolean"))
            json.type = "boolean";
        if (vals.every((v) => v === null))
            json.type = "null";
        json.enum = vals;
    }
};
const customProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "Custom types cannot be represented in JSON Schema");
};
const transformProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "Transforms cannot be represented in JSON Schema");
};
// ==================== COMPOSITE TYPE PROCESSORS ====================
const arrayProcessor = (schema, ctx, _json, params) => {
    const json = _json;
    const def = schema._zod.def;
    const { minimum, maximum } = aggregateChecks(schema);
    if (typeof minimum === "number")
        json.minItems = minimum;
    if (typeof maximum === "number")
        json.maxItems = maximum;
    json.type = "array";
    json.items = processSchema(def.element, ctx, {
        ...params,
        path: [...params.path, "items"],
    });
};
// Transform and catch set `optin = "optional"` at runtime so the parser lets them observe an
// absent key, but their declared input type stays required. An input JSON Schema describes the
// declared type, so resolve past them to the schema that actually carries the optionality.
// Used by both `objectProcessor` (for `required`) and `tupleProcessor` (for `minItems`); see
// wiki/optionality.md, "The JSON Schema emitter reads the *static* value".
function inputOptin(schema) {
    const def = schema._zod.def;
    if (def.type === "pipe" && def.in._zod.traits.has("$ZodTransform")) {
        return inputOptin(def.out);
    }
    if (def.type === "catch") {
        return inputOptin(def.innerType);
    }
    return schema._zod.optin;
}
const objectProcessor = (schema, ctx, _json, params) => {
    const json = _json;
    const def = schema._zod.def;
    const shape = def.shape;
    // dropping it while still emitting `additionalProperties: false` would emit a schema that rejects data this one requires
    const symbolKeys = Object.getOwnPropertySymbols(shape);
    if (symbolKeys.length &&
        handleUnrepresentable(schema, ctx, json, params, "Symbol keys cannot be represented in JSON Schema")) {
        return;
    }
    json.type = "object";
    json.properties = {};
    for (const key in shape) {
        // assignProp so a __proto__ key becomes an own property instead of hitting the inherited setter on the plain {} we build into
        assignProp(json.properties, key, processSchema(shape[key], ctx, {
            ...params,
            path: [...params.path, "properties", key],
        }));
    }
    // required keys
    const requiredKeys = [];
    for (const key of Object.keys(shape)) {
        const field = def.shape[key];
        if (ctx.io === "input" ? inputOptin(field) === undefined : field._zod.optout === undefined) {
            requiredKeys.push(key);
        }
    }
    if (requiredKeys.length > 0) {
        json.required = requiredKeys;
    }
    // catchall
    if (def.catchall?._zod.def.type === "never") {
        // strict
        json.additionalProperties = false;
    }
    else if (!def.catchall) {
        // regular
        if (ctx.io === "output")
            json.additionalProperties = false;
    }
    else if (def.catchall) {
        json.additionalProperties = processSchema(def.catchall, ctx, {
            ...params,
            path: [...params.path, "additionalProperties"],
        });
    }
};
const unionProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    // Exclusive unions (inclusive === false) use oneOf (exactly one match) instead of anyOf (one or more matches). This includes both z.xor() and discriminated unions
    const isExclusive = def.inclusive === false;
    const options = def.options.map((x, i) => processSchema(x, ctx, {
        ...params,
        path: [...params.path, isExclusive ? "oneOf" : "anyOf", i],
    }));
    if (isExclusive) {
        json.oneOf = options;
    }
    else {
        json.anyOf = options;
    }
};
const intersectionProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    const a = processSchema(def.left, ctx, {
        ...params,
        path: [...params.path, "allOf", 0],
    });
    const b = processSchema(def.right, ctx, {
        ...params,
        path: [...params.path, "allOf", 1],
    });
    const isSimpleIntersection = (val) => "allOf" in val && Object.keys(val).length === 1;
    const allOf = [
        ...(isSimpleIntersection(a) ? a.allOf : [a]),
        ...(isSimpleIntersection(b) ? b.allOf : [b]),
    ];
    json.allOf = allOf;
    // Recorded innermost first, so a nested intersection has already folded by the time this one is considered. The array is the handle rather than the schema, because a wrapper that inherits this schema shares the same array; `finalize` folds every object holding it. See `foldIntersection`.
    ctx.intersections.push(allOf);
};
const tupleProcessor = (schema, ctx, _json, params) => {
    const json = _json;
    const def = schema._zod.def;
    json.type = "array";
    const prefixPath = ctx.target === "draft-2020-12" ? "prefixItems" : "items";
    const restPath = ctx.target === "draft-2020-12" ? "items" : ctx.target === "openapi-3.0" ? "items" : "additionalItems";
    const prefixItems = def.items.map((x, i) => processSchema(x, ctx, {
        ...params,
        path: [...params.path, prefixPath, i],
    }));
    const rest = def.rest
        ? processSchema(def.rest, ctx, {
            ...params,
            path: [...params.path, restPath, ...(ctx.target === "openapi-3.0" ? [def.items.length] : [])],
        })
        : null;
    let minItems = def.items.length;
    while (minItems > 0) {
        const item = def.items[minItems - 1];
        const optional = ctx.io === "input" ? inputOptin(item) !== undefined : item._zod.optout === "optional";
        if (!optional)
            break;
        minItems--;
    }
    const maxItems = def.items.length;
    const isClosed = !def.rest;
    if (ctx.target === "draft-2020-12") {
        json.prefixItems = prefixItems;
        if (isClosed) {
            json.items = false;
        }
        else if (rest) {
            json.items = rest;
        }
        if (minItems > 0)
            json.minItems = minItems;
        if (isClosed)
            json.maxItems = maxItems;
    }
    else if (ctx.target === "openapi-3.0") {
        json.items = {
            anyOf: prefixItems,
        };
        if (rest) {
            json.items.anyOf.push(rest);
        }
        if (minItems > 0)
            json.minItems = minItems;
        if (isClosed)
            json.maxItems = maxItems;
    }
    else {
        json.items = prefixItems;
        if (isClosed) {
            json.additionalItems = false;
        }
        else if (rest) {
            json.additionalItems = rest;
        }
        if (minItems > 0)
            json.minItems = minItems;
        if (isClosed)
            json.maxItems = maxItems;
    }
    // explicit user-defined length checks take precedence
    const { minimum, maximum } = aggregateChecks(schema);
    if (typeof minimum === "number")
        json.minItems = minimum;
    if (typeof maximum === "number")
        json.maxItems = maximum;
};
/** JSON object keys are always strings, so a numeric record key schema is re-expressed over the
 * numeric-string form the record parser matches. Deferred to `finalize`, after the flatten: a key
 * behind a wrapper only carries its own `type` before then, and a union key only has its branches.
 *
 * A numeric bound cannot apply to a property name, so `minimum` and its siblings are dropped rather
 * than carried over: keeping them beside `type: "string"` reproduces the match-nothing schema this
 * exists to fix. A key that carries one therefore emits wider than the record parses — `z.record(z.number().min(5), V)`
 * accepts `"3"` — which is the deliberate trade, since throwing on it would reject an ordinary schema
 * outright. */
function stringifyKeyNames(bySchema, json, visited) {
    // an extracted key that rewrites cannot go on sharing its definition — the string form a key position needs is not the number form every other reference wants — so it inlines. One that does not rewrite keeps the `$ref`.
    if (json.$ref) {
        // a recursive key holds its own reference inside its definition, so a node already on the path is left alone rather than resolved again
        if (visited.has(json))
            return json;
        visited.add(json);
        const def = bySchema.get(json)?.def;
        if (!def)
            return json;
        const inlined = stringifyKeyNames(bySchema, def, visited);
        return inlined === def ? json : inlined;
    }
    for (const keyword of ["anyOf", "oneOf"]) {
        const branches = json[keyword];
        if (!Array.isArray(branches))
            continue;
        const mapped = branches.map((branch) => stringifyKeyNames(bySchema, branch, visited));
        // rebuilding regardless would detach a key that had nothing to re-express, dropping its `$ref` and leaking the internal `id`
        if (mapped.some((branch, i) => branch !== branches[i]))
            json = { ...json, [keyword]: mapped };
    }
    // a member that already admits a string leaves the key unconstrained, so the node's own type re-expresses only when every member is numeric
    const types = Array.isArray(json.type) ? json.type : [json.type];
    const numericType = !types.includes("string") && types.some((t) => t === "number" || t === "integer");
    // a heterogeneous key carries no type at all, so its numeric members are caught here instead
    const values = json.enum ?? (json.const !== undefined ? [json.const] : undefined);
    if (!numericType && !values?.some((v) => typeof v === "number"))
        return json;
    const { minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf, format, id, ...rest } = json;
    if (rest.enum)
        rest.enum = rest.enum.map((v) => (typeof v === "number" ? String(v) : v));
    else if (typeof rest.const === "number")
        rest.const = String(rest.const);
    // a heterogeneous key keeps its absent type: the stringified members already say what a key may be
    if (!numericType)
        return rest;
    rest.type = "string";
    if (!values)
        rest.pattern = (types.includes("number") ? number$3 : integer).source;
    return rest;
}
/** Every record of one conversion, so the carriers are found in a single pass rather than once per record. */
const pendingRecords = new WeakMap();
function rewriteKeyNames(ctx) {
    // an extracted key is resolved by the object `extractToDef` left in its place, so the map is built once rather than searched per reference. `_zod.toJSONSchema` can hand the same object to two schemas, so the first entry carrying a body wins, as a search would have found it.
    const bySchema = new Map();
    for (const entry of ctx.seen.values()) {
        if (entry.def && !bySchema.has(entry.schema))
            bySchema.set(entry.schema, entry);
    }
    const rewrites = new Map();
    for (const record of pendingRecords.get(ctx) ?? []) {
        const seen = ctx.seen.get(record);
        const names = (seen?.def ?? seen?.schema)?.propertyNames;
        if (!names || names === true || rewrites.has(names))
            continue;
        const rewritten = stringifyKeyNames(bySchema, names, new Set());
        if (rewritten !== names)
            rewrites.set(names, rewritten);
    }
    if (!rewrites.size)
        return;
    // the flatten has already copied each record's own properties onto every wrapper by reference, and an extracted body is another such copy, so every carrier holding a rewritten key is updated together
    for (const entry of ctx.seen.values()) {
        for (const carrier of [entry.schema, entry.def]) {
            const rewritten = carrier && rewrites.get(carrier.propertyNames);
            if (rewritten)
                carrier.propertyNames = rewritten;
        }
    }
}
const recordProcessor = (schema, ctx, _json, params) => {
    const json = _json;
    const def = schema._zod.def;
    json.type = "object";
    // For looseRecord with regex patterns, use patternProperties. This correctly represents "only validate keys matching the pattern" semantics and composes well with allOf (intersections)
    const keyType = def.keyType;
    const patterns = aggregateChecks(keyType).patterns;
    if (def.mode === "loose" && patterns && patterns.size > 0) {
        // Use patternProperties for looseRecord with regex patterns
        const valueSchema = processSchema(def.valueType, ctx, {
            ...params,
            path: [...params.path, "patternProperties", "*"],
        });
        json.patternProperties = {};
        for (const pattern of patterns) {
            assignProp(json.patternProperties, exactPattern(pattern).source, valueSchema);
        }
    }
    else {
        // Default behavior: use propertyNames + additionalProperties
        if (ctx.target === "draft-07" || ctx.target === "draft-2020-12") {
            json.propertyNames = processSchema(def.keyType, ctx, {
                ...params,
                path: [...params.path, "propertyNames"],
            });
            let pending = pendingRecords.get(ctx);
            if (!pending) {
                pending = [];
                pendingRecords.set(ctx, pending);
                ctx.deferred.push(() => rewriteKeyNames(ctx));
            }
            pending.push(schema);
        }
        json.additionalProperties = processSchema(def.valueType, ctx, {
            ...params,
            path: [...params.path, "additionalProperties"],
        });
    }
    // Add required for keys with discrete values (enum, literal, etc.)
    const keyValues = keyType._zod.values;
    // Every key shares one value schema, so an optional-in value makes the whole key set omittable on input. Output keeps them: the exhaustive branch assigns every key, even one whose value came back undefined.
    const omittableOnInput = ctx.io === "input" && inputOptin(def.valueType) !== undefined;
    if (keyValues && !def.partial && !omittableOnInput) {
        const validKeyValues = [...keyValues].filter((v) => typeof v === "string" || typeof v === "number");
        if (validKeyValues.length > 0) {
            json.required = validKeyValues.map(String);
        }
    }
};
const nullableProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    const inner = processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    if (ctx.target === "openapi-3.0") {
        seen.ref = def.innerType;
        json.nullable = true;
    }
    else {
        json.anyOf = [inner, { type: "null" }];
    }
};
const nonoptionalProcessor = (schema, ctx, _json, params) => {
    const def = schema._zod.def;
    processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = def.innerType;
};
/** Round-trips a default value through JSON so the emitted schema is guaranteed to be valid JSON.
 * A BigInt has no reliable encoding, so it goes through `unrepresentable` like any other
 * unrepresentable value. Returns a sentinel when the caller must not write a default of its own. */
const UNREPRESENTABLE_DEFAULT = Symbol();
function serializeDefaultValue(value, schema, ctx, json, params) {
    let unrepresentable = false;
    const serialized = JSON.stringify(value, (_, val) => {
        if (typeof val !== "bigint")
            return val;
        unrepresentable = true;
        return null;
    });
    if (!unrepresentable)
        return JSON.parse(serialized);
    handleUnrepresentable(schema, ctx, json, params, "BigInt defaults cannot be represented in JSON Schema");
    return UNREPRESENTABLE_DEFAULT;
}
const defaultProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = def.innerType;
    const value = serializeDefaultValue(def.defaultValue, schema, ctx, json, params);
    if (value !== UNREPRESENTABLE_DEFAULT)
        json.default = value;
};
const prefaultProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = def.innerType;
    if (ctx.io !== "input")
        return;
    const value = serializeDefaultValue(def.defaultValue, schema, ctx, json, params);
    if (value !== UNREPRESENTABLE_DEFAULT)
        json._prefault = value;
};
const catchProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = def.innerType;
    let catchValue;
    try {
        catchValue = def.catchValue(undefined);
    }
    catch {
        handleUnrepresentable(schema, ctx, json, params, "Dynamic catch values are not supported in JSON Schema");
        return;
    }
    json.default = catchValue;
};
const pipeProcessor = (schema, ctx, _json, params) => {
    const def = schema._zod.def;
    const inIsTransform = def.in._zod.traits.has("$ZodTransform");
    const innerType = ctx.io === "input" ? (inIsTransform ? def.out : def.in) : def.out;
    processSchema(innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = innerType;
};
const readonlyProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = def.innerType;
    json.readOnly = true;
};
const optionalProcessor = (schema, ctx, _json, params) => {
    const def = schema._zod.def;
    processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = def.innerType;
};

/* Prototypes that already carry the lazy helper methods. Seeded with the
 * intrinsics so that `init` on a foreign object — it accepts any object —
 * can never install an accessor onto a prototype we do not own. */
const _installedErrorProtos = /* @__PURE__ */ new WeakSet([Object.prototype, Error.prototype]);
/* Helper methods live as non-enumerable lazy getters on the shared
 * prototype instead of own properties on every instance. On first
 * access the getter allocates the per-instance closure and caches it
 * as a non-enumerable own property, so detached usage still works and
 * the allocation only happens for methods actually touched. */
function _lazyMethod(proto, key, make) {
    Object.defineProperty(proto, key, {
        configurable: true,
        enumerable: false,
        get() {
            const value = make(this);
            Object.defineProperty(this, key, { value, configurable: true, writable: true });
            return value;
        },
        set(value) {
            Object.defineProperty(this, key, { value, configurable: true, writable: true });
        },
    });
}
const initializer = (inst, issues) => {
    $ZodError.init(inst, issues);
    inst.name = "ZodError";
    const proto = Object.getPrototypeOf(inst);
    if (_installedErrorProtos.has(proto))
        return;
    _installedErrorProtos.add(proto);
    _lazyMethod(proto, "format", (self) => (mapper) => formatError(self, mapper));
    _lazyMethod(proto, "flatten", (self) => (mapper) => flattenError(self, mapper));
    _lazyMethod(proto, "addIssue", (self) => (issue) => {
        self.issues.push(issue);
        self.message = JSON.stringify(self.issues, jsonStringifyReplacer, 2);
    });
    _lazyMethod(proto, "addIssues", (self) => (issues) => {
        self.issues.push(...issues);
        self.message = JSON.stringify(self.issues, jsonStringifyReplacer, 2);
    });
    Object.defineProperty(proto, "isEmpty", {
        configurable: true,
        enumerable: false,
        get() {
            return this.issues.length === 0;
        },
    });
};
const ZodRealError = /*@__PURE__*/ $constructor("ZodError", initializer, undefined, {
    Parent: Error,
});
// /** @deprecated Use `z.core.$ZodErrorMapCtx` instead. */
// export type ErrorMapCtx = core.$ZodErrorMapCtx;

const parse = /* @__PURE__ */ _parse(ZodRealError);
const parseAsync = /* @__PURE__ */ _parseAsync(ZodRealError);
const safeParse = /* @__PURE__ */ _safeParse(ZodRealError);
const safeParseAsync = /* @__PURE__ */ _safeParseAsync(ZodRealError);
// Codec functions
const encode = /* @__PURE__ */ _encode(ZodRealError);
const decode = /* @__PURE__ */ _decode(ZodRealError);
const encodeAsync = /* @__PURE__ */ _encodeAsync(ZodRealError);
const decodeAsync = /* @__PURE__ */ _decodeAsync(ZodRealError);
const safeEncode = /* @__PURE__ */ _safeEncode(ZodRealError);
const safeDecode = /* @__PURE__ */ _safeDecode(ZodRealError);
const safeEncodeAsync = /* @__PURE__ */ _safeEncodeAsync(ZodRealError);
const safeDecodeAsync = /* @__PURE__ */ _safeDecodeAsync(ZodRealError);

// Register English as the default locale on first ZodType construction. Hooked into the `ZodType` `$constructor` (rather than a top-level `config(en())` in `external.ts`) so bundlers honoring `sideEffects: false` can't tree-shake it out — see #5953, #5725. An explicit `z.config(z.locales.xx())` call wins regardless of order, since this only sets the default when none is present.
function _ensureDefaultLocale() {
    if (!globalConfig.localeError)
        config(en$1());
}
// the default memoizer is read by the core container init, which runs before `ZodType.init`, so each container calls this first
function _ensureDefaultMemoizer() {
    if (!globalConfig.memoizer)
        config({ memoizer: memoizer() });
}
const ZodType = /*@__PURE__*/ $constructor("ZodType", (inst, def) => {
    _ensureDefaultLocale();
    $ZodType.init(inst, def);
    inst.def = def;
    inst.type = def.type;
    return inst;
}, {
    check(...chks) {
        const def = this.def;
        return this.clone(mergeDefs(def, {
            checks: [
                ...(def.checks ?? []),
                ...chks.map((ch) => typeof ch === "function" ? { _zod: { check: ch, def: { check: "custom" }, onattach: [] } } : ch),
            ],
        }), { parent: true });
    },
    with(...chks) {
        return this.check(...chks);
    },
    clone(def, params) {
        return clone(this, def, params);
    },
    brand() {
        return this;
    },
    register(reg, meta) {
        reg.add(this, meta);
        return this;
    },
    refine(check, params) {
        return this.check(refine$1(check, params));
    },
    superRefine(refinement, params) {
        return this.check(superRefine(refinement, params));
    },
    overwrite(fn) {
        return this.check(_overwrite(fn));
    },
    optional() {
        return optional$1(this);
    },
    exactOptional() {
        return exactOptional(this);
    },
    nullable() {
        return nullable$1(this);
    },
    nullish() {
        return optional$1(nullable$1(this));
    },
    nonoptional(params) {
        return nonoptional(this, params);
    },
    array() {
        return array$1(this);
    },
    or(arg) {
        return union$1([this, arg]);
    },
    and(arg) {
        return intersection(this, arg);
    },
    transform(tx) {
        return pipe(this, transform(tx));
    },
    default(d) {
        return _default$1(this, d);
    },
    prefault(d) {
        return prefault(this, d);
    },
    catch(params) {
        return _catch(this, params);
    },
    pipe(target) {
        return pipe(this, target);
    },
    readonly() {
        return readonly(this);
    },
    describe(description) {
        const cl = this.clone();
        globalRegistry.add(cl, { description });
        return cl;
    },
    meta(...args) {
        // overloaded: meta() returns the registered metadata, meta(data) returns a clone with `data` registered. The mapped type picks up the second overload, so we accept variadic any-args and return `any` to satisfy both at runtime.
        if (args.length === 0)
            return globalRegistry.get(this);
        const cl = this.clone();
        globalRegistry.add(cl, args[0]);
        return cl;
    },
    isOptional() {
        return this.safeParse(undefined).success;
    },
    isNullable() {
        return this.safeParse(null).success;
    },
    apply(fn, ...args) {
        return args.length === 0 ? fn(this) : fn(this, ...args);
    },
    // Overrides core's `~standard` to add `jsonSchema`. Must stay a prototype entry: redefining it per instance demotes instances to dictionary mode.
    get "~standard"() {
        return hide(this, "~standard", {
            ...standardProps(this),
            jsonSchema: {
                input: createStandardJSONSchemaMethod(this, "input"),
                output: createStandardJSONSchemaMethod(this, "output"),
            },
        });
    },
    set "~standard"(value) {
        own(this, "~standard", value);
    },
    parse: function _parse(data, params) {
        return parse(this, data, params, { callee: _parse });
    },
    parseAsync: async function _parseAsync(data, params) {
        return await parseAsync(this, data, params, { callee: _parseAsync });
    },
    safeParse(data, params) {
        return safeParse(this, data, params);
    },
    async safeParseAsync(data, params) {
        return safeParseAsync(this, data, params);
    },
    // `spa` is an alias: same function object as `safeParseAsync`, as before.
    get spa() {
        return this?.safeParseAsync;
    },
    set spa(value) {
        own(this, "spa", value);
    },
    validate(data, params) {
        return validate(this, data, params);
    },
    validateAsync(data, params) {
        return validateAsync$1(this, data, params);
    },
    encode: function _encode(data, params) {
        return encode(this, data, params, { callee: _encode });
    },
    decode: function _decode(data, params) {
        return decode(this, data, params, { callee: _decode });
    },
    encodeAsync: async function _encodeAsync(data, params) {
        return await encodeAsync(this, data, params, { callee: _encodeAsync });
    },
    decodeAsync: async function _decodeAsync(data, params) {
        return await decodeAsync(this, data, params, { callee: _decodeAsync });
    },
    safeEncode(data, params) {
        return safeEncode(this, data, params);
    },
    safeDecode(data, params) {
        return safeDecode(this, data, params);
    },
    async safeEncodeAsync(data, params) {
        return safeEncodeAsync(this, data, params);
    },
    async safeDecodeAsync(data, params) {
        return safeDecodeAsync(this, data, params);
    },
    toJSONSchema(params) {
        return createToJSONSchemaMethod(this, {})(params);
    },
    // Reads through to the registry on every access, so it must not cache.
    get description() {
        return globalRegistry.get(this)?.description;
    },
    // No setter: `schema._def = x` throws, as it did when `_def` was a non-writable own property.
    get _def() {
        return this._zod.def;
    },
});
/** @internal */
const _ZodString = /*@__PURE__*/ $constructor("_ZodString", (inst, def) => {
    $ZodString.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => stringProcessor(inst, ctx, json);
}, 
/*@__PURE__*/ derived({
    format: (inst) => aggregateChecks(inst).format ?? null,
    minLength: (inst) => aggregateChecks(inst).minimum ?? null,
    maxLength: (inst) => aggregateChecks(inst).maximum ?? null,
}, {
    regex(...args) {
        return this.check(_regex(...args));
    },
    includes(...args) {
        return this.check(_includes(...args));
    },
    startsWith(...args) {
        return this.check(_startsWith(...args));
    },
    endsWith(...args) {
        return this.check(_endsWith(...args));
    },
    min(...args) {
        return this.check(_minLength(...args));
    },
    max(...args) {
        return this.check(_maxLength(...args));
    },
    length(...args) {
        return this.check(_length(...args));
    },
    nonempty(...args) {
        return this.check(_minLength(1, ...args));
    },
    lowercase(params) {
        return this.check(_lowercase(params));
    },
    uppercase(params) {
        return this.check(_uppercase(params));
    },
    trim() {
        return this.check(_trim());
    },
    normalize(...args) {
        return this.check(_normalize(...args));
    },
    toLowerCase() {
        return this.check(_toLowerCase());
    },
    toUpperCase() {
        return this.check(_toUpperCase());
    },
    slugify() {
        return this.check(_slugify());
    },
}));
const ZodString = /*@__PURE__*/ $constructor("ZodString", (inst, def) => {
    $ZodString.init(inst, def);
    _ZodString.init(inst, def);
}, {
    email(params) {
        return this.check(_email(ZodEmail, params));
    },
    url(params) {
        return this.check(_url(ZodURL, params));
    },
    jwt(params) {
        return this.check(_jwt(ZodJWT, params));
    },
    emoji(params) {
        return this.check(_emoji(ZodEmoji, params));
    },
    guid(params) {
        return this.check(_guid(ZodGUID, params));
    },
    uuid(params) {
        return this.check(_uuid(ZodUUID, params));
    },
    uuidv4(params) {
        return this.check(_uuidv4(ZodUUID, params));
    },
    uuidv6(params) {
        return this.check(_uuidv6(ZodUUID, params));
    },
    uuidv7(params) {
        return this.check(_uuidv7(ZodUUID, params));
    },
    nanoid(params) {
        return this.check(_nanoid(ZodNanoID, params));
    },
    cuid(params) {
        return this.check(_cuid(ZodCUID, params));
    },
    cuid2(params) {
        return this.check(_cuid2(ZodCUID2, params));
    },
    ulid(params) {
        return this.check(_ulid(ZodULID, params));
    },
    base64(params) {
        return this.check(_base64(ZodBase64, params));
    },
    base64url(params) {
        return this.check(_base64url(ZodBase64URL, params));
    },
    xid(params) {
        return this.check(_xid(ZodXID, params));
    },
    ksuid(params) {
        return this.check(_ksuid(ZodKSUID, params));
    },
    ipv4(params) {
        return this.check(_ipv4(ZodIPv4, params));
    },
    ipv6(params) {
        return this.check(_ipv6(ZodIPv6, params));
    },
    cidrv4(params) {
        return this.check(_cidrv4(ZodCIDRv4, params));
    },
    cidrv6(params) {
        return this.check(_cidrv6(ZodCIDRv6, params));
    },
    e164(params) {
        return this.check(_e164(ZodE164, params));
    },
    datetime(params) {
        return this.check(_isoDateTime(ZodISODateTime, params));
    },
    date(params) {
        return this.check(_isoDate(ZodISODate, params));
    },
    time(params) {
        return this.check(_isoTime(ZodISOTime, params));
    },
    duration(params) {
        return this.check(_isoDuration(ZodISODuration, params));
    },
});
function string$1(params) {
    return _string(ZodString, params);
}
const ZodStringFormat = /*@__PURE__*/ $constructor("ZodStringFormat", (inst, def) => {
    $ZodStringFormat.init(inst, def);
    _ZodString.init(inst, def);
});
const ZodISODateTime = /*@__PURE__*/ $constructor("ZodISODateTime", (inst, def) => {
    $ZodISODateTime.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodISODate = /*@__PURE__*/ $constructor("ZodISODate", (inst, def) => {
    $ZodISODate.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodISOTime = /*@__PURE__*/ $constructor("ZodISOTime", (inst, def) => {
    $ZodISOTime.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodISODuration = /*@__PURE__*/ $constructor("ZodISODuration", (inst, def) => {
    $ZodISODuration.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodEmail = /*@__PURE__*/ $constructor("ZodEmail", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodEmail.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodGUID = /*@__PURE__*/ $constructor("ZodGUID", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodGUID.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodUUID = /*@__PURE__*/ $constructor("ZodUUID", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodUUID.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodURL = /*@__PURE__*/ $constructor("ZodURL", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodURL.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function url(params) {
    return _url(ZodURL, params);
}
const ZodEmoji = /*@__PURE__*/ $constructor("ZodEmoji", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodEmoji.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodNanoID = /*@__PURE__*/ $constructor("ZodNanoID", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodNanoID.init(inst, def);
    ZodStringFormat.init(inst, def);
});
/**
 * @deprecated CUID v1 is deprecated by its authors due to information leakage
 * (timestamps embedded in the id). Use {@link ZodCUID2} instead.
 * See https://github.com/paralleldrive/cuid.
 */
const ZodCUID = /*@__PURE__*/ $constructor("ZodCUID", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodCUID.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodCUID2 = /*@__PURE__*/ $constructor("ZodCUID2", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodCUID2.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodULID = /*@__PURE__*/ $constructor("ZodULID", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodULID.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodXID = /*@__PURE__*/ $constructor("ZodXID", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodXID.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodKSUID = /*@__PURE__*/ $constructor("ZodKSUID", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodKSUID.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodIPv4 = /*@__PURE__*/ $constructor("ZodIPv4", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodIPv4.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodIPv6 = /*@__PURE__*/ $constructor("ZodIPv6", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodIPv6.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodCIDRv4 = /*@__PURE__*/ $constructor("ZodCIDRv4", (inst, def) => {
    $ZodCIDRv4.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodCIDRv6 = /*@__PURE__*/ $constructor("ZodCIDRv6", (inst, def) => {
    $ZodCIDRv6.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodBase64 = /*@__PURE__*/ $constructor("ZodBase64", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodBase64.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodBase64URL = /*@__PURE__*/ $constructor("ZodBase64URL", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodBase64URL.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodE164 = /*@__PURE__*/ $constructor("ZodE164", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodE164.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodJWT = /*@__PURE__*/ $constructor("ZodJWT", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodJWT.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodNumber = /*@__PURE__*/ $constructor("ZodNumber", (inst, def) => {
    $ZodNumber.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => numberProcessor(inst, ctx, json, params);
    inst.isFinite = true;
}, 
/*@__PURE__*/ derived({
    minValue: (inst) => {
        const { minimum, exclusiveMinimum } = aggregateChecks(inst);
        return Math.max(minimum ?? Number.NEGATIVE_INFINITY, exclusiveMinimum ?? Number.NEGATIVE_INFINITY);
    },
    maxValue: (inst) => {
        const { maximum, exclusiveMaximum } = aggregateChecks(inst);
        return Math.min(maximum ?? Number.POSITIVE_INFINITY, exclusiveMaximum ?? Number.POSITIVE_INFINITY);
    },
    isInt: (inst) => {
        const { isInt, multipleOf } = aggregateChecks(inst);
        return !!isInt || !!multipleOf?.some(Number.isSafeInteger);
    },
    format: (inst) => aggregateChecks(inst).format ?? null,
}, {
    gt(value, params) {
        return this.check(_gt(value, params));
    },
    gte(value, params) {
        return this.check(_gte(value, params));
    },
    min(value, params) {
        return this.check(_gte(value, params));
    },
    lt(value, params) {
        return this.check(_lt(value, params));
    },
    lte(value, params) {
        return this.check(_lte(value, params));
    },
    max(value, params) {
        return this.check(_lte(value, params));
    },
    int(params) {
        return this.check(int(params));
    },
    safe(params) {
        return this.check(int(params));
    },
    positive(params) {
        return this.check(_gt(0, params));
    },
    nonnegative(params) {
        return this.check(_gte(0, params));
    },
    negative(params) {
        return this.check(_lt(0, params));
    },
    nonpositive(params) {
        return this.check(_lte(0, params));
    },
    multipleOf(value, params) {
        return this.check(_multipleOf(value, params));
    },
    step(value, params) {
        return this.check(_multipleOf(value, params));
    },
    finite() {
        return this;
    },
}));
function number$2(params) {
    return _number(ZodNumber, params);
}
const ZodNumberFormat = /*@__PURE__*/ $constructor("ZodNumberFormat", (inst, def) => {
    $ZodNumberFormat.init(inst, def);
    ZodNumber.init(inst, def);
});
function int(params) {
    return _int(ZodNumberFormat, params);
}
const ZodBoolean = /*@__PURE__*/ $constructor("ZodBoolean", (inst, def) => {
    $ZodBoolean.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => booleanProcessor(inst, ctx, json);
});
function boolean$1(params) {
    return _boolean(ZodBoolean, params);
}
const ZodUnknown = /*@__PURE__*/ $constructor("ZodUnknown", (inst, def) => {
    $ZodUnknown.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => unknownProcessor();
});
function unknown() {
    return _unknown(ZodUnknown);
}
const ZodNever = /*@__PURE__*/ $constructor("ZodNever", (inst, def) => {
    $ZodNever.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => neverProcessor(inst, ctx, json);
});
function never$1(params) {
    return _never(ZodNever, params);
}
const ZodArray = /*@__PURE__*/ $constructor("ZodArray", (inst, def) => {
    _ensureDefaultMemoizer();
    $ZodArray.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => arrayProcessor(inst, ctx, json, params);
    inst.element = def.element;
}, {
    min(n, params) {
        return this.check(_minLength(n, params));
    },
    nonempty(params) {
        return this.check(_minLength(1, params));
    },
    max(n, params) {
        return this.check(_maxLength(n, params));
    },
    length(n, params) {
        return this.check(_length(n, params));
    },
    unwrap() {
        return this.element;
    },
});
function array$1(element, params) {
    return _array(ZodArray, element, params);
}
const ZodObject = /*@__PURE__*/ $constructor("ZodObject", (inst, def) => {
    _ensureDefaultMemoizer();
    $ZodObjectJIT.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => objectProcessor(inst, ctx, json, params);
    installLazyProp(inst, "shape", (self) => self._zod.def.shape, false);
}, {
    keyof() {
        return _enum$1(Object.keys(this._zod.def.shape));
    },
    catchall(catchall) {
        // `mergeDefs` rather than a spread: spreading reads `shape`, and resolving it can mint a whole fresh subtree
        return this.clone(mergeDefs(this._zod.def, { catchall: catchall }));
    },
    passthrough() {
        return this.clone(mergeDefs(this._zod.def, { catchall: unknown() }));
    },
    loose() {
        return this.clone(mergeDefs(this._zod.def, { catchall: unknown() }));
    },
    strict() {
        return this.clone(mergeDefs(this._zod.def, { catchall: never$1() }));
    },
    strip() {
        return this.clone(mergeDefs(this._zod.def, { catchall: undefined }));
    },
    extend(incoming) {
        return extend(this, incoming);
    },
    safeExtend(incoming) {
        return safeExtend(this, incoming);
    },
    merge(other) {
        return merge(this, other);
    },
    pick(mask) {
        return pick(this, mask);
    },
    omit(mask) {
        return omit(this, mask);
    },
    partial(...args) {
        return partial(ZodOptional, this, args[0]);
    },
    exactPartial(...args) {
        return partial(ZodExactOptional, this, args[0], "exactPartial");
    },
    required(...args) {
        return required(ZodNonOptional, this, args[0]);
    },
});
function object$1(shape, params) {
    const def = {
        type: "object",
        shape: shape ?? {},
        ...normalizeParams(params),
    };
    return new ZodObject(def);
}
const ZodUnion = /*@__PURE__*/ $constructor("ZodUnion", (inst, def) => {
    $ZodUnion.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => unionProcessor(inst, ctx, json, params);
    inst.options = def.options;
});
function union$1(options, params) {
    return new ZodUnion({
        type: "union",
        options: options,
        ...normalizeParams(params),
    });
}
const ZodDiscriminatedUnion = /*@__PURE__*/ $constructor("ZodDiscriminatedUnion", (inst, def) => {
    ZodUnion.init(inst, def);
    $ZodDiscriminatedUnion.init(inst, def);
});
function discriminatedUnion$1(discriminator, options, params) {
    // const [options, params] = args;
    return new ZodDiscriminatedUnion({
        type: "union",
        options: options,
        discriminator,
        ...normalizeParams(params),
    });
}
const ZodIntersection = /*@__PURE__*/ $constructor("ZodIntersection", (inst, def) => {
    $ZodIntersection.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => intersectionProcessor(inst, ctx, json, params);
});
function intersection(left, right) {
    return new ZodIntersection({
        type: "intersection",
        left: left,
        right: right,
    });
}
const ZodTuple = /*@__PURE__*/ $constructor("ZodTuple", (inst, def) => {
    _ensureDefaultMemoizer();
    $ZodTuple.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => tupleProcessor(inst, ctx, json, params);
}, {
    rest(rest) {
        return this.clone({
            ...this._zod.def,
            rest: rest,
        });
    },
    partial() {
        const def = this._zod.def;
        // a refinement was authored against the full arity; partialing would run it on a shorter array
        if (def.checks?.length)
            throw new Error(".partial() cannot be used on tuple schemas containing refinements");
        return this.clone({
            ...def,
            items: def.items.map((item) => new ZodOptional({ type: "optional", innerType: item })),
        });
    },
});
function tuple(items, _paramsOrRest, _params) {
    const hasRest = _paramsOrRest instanceof $ZodType;
    const params = hasRest ? _params : _paramsOrRest;
    const rest = hasRest ? _paramsOrRest : null;
    return new ZodTuple({
        type: "tuple",
        items: items,
        rest,
        ...normalizeParams(params),
    });
}
const ZodRecord = /*@__PURE__*/ $constructor("ZodRecord", (inst, def) => {
    _ensureDefaultMemoizer();
    $ZodRecord.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => recordProcessor(inst, ctx, json, params);
    inst.keyType = def.keyType;
    inst.valueType = def.valueType;
});
function record$2(keyType, valueType, params) {
    // v3-compat: z.record(valueType, params?) — defaults keyType to z.string()
    if (!valueType || !valueType._zod) {
        return new ZodRecord({
            type: "record",
            keyType: string$1(),
            valueType: keyType,
            ...normalizeParams(valueType),
        });
    }
    return new ZodRecord({
        type: "record",
        keyType,
        valueType: valueType,
        ...normalizeParams(params),
    });
}
const ZodEnum = /*@__PURE__*/ $constructor("ZodEnum", (inst, def) => {
    $ZodEnum.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => enumProcessor(inst, ctx, json);
    inst.enum = def.entries;
    // reuse the parsed value set so a numeric TS enum's reverse-mapping keys stay out
    inst.options = [...inst._zod.values];
    const keys = new Set(Object.keys(def.entries));
    inst.extract = (values, params) => {
        const newEntries = {};
        for (const value of values) {
            if (keys.has(value)) {
                newEntries[value] = def.entries[value];
            }
            else
                throw new Error(`Key ${value} not found in enum`);
        }
        return new ZodEnum({
            ...def,
            checks: [],
            ...normalizeParams(params),
            entries: newEntries,
        });
    };
    inst.exclude = (values, params) => {
        const newEntries = { ...def.entries };
        for (const value of values) {
            if (keys.has(value)) {
                delete newEntries[value];
            }
            else
                throw new Error(`Key ${value} not found in enum`);
        }
        return new ZodEnum({
            ...def,
            checks: [],
            ...normalizeParams(params),
            entries: newEntries,
        });
    };
});
function _enum$1(values, params) {
    const entries = Array.isArray(values) ? Object.fromEntries(values.map((v) => [v, v])) : values;
    return new ZodEnum({
        type: "enum",
        entries,
        ...normalizeParams(params),
    });
}
const ZodLiteral = /*@__PURE__*/ $constructor("ZodLiteral", (inst, def) => {
    $ZodLiteral.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => literalProcessor(inst, ctx, json, params);
    inst.values = new Set(def.values);
    Object.defineProperty(inst, "value", {
        get() {
            if (def.values.length > 1) {
                throw new Error("This schema contains multiple valid literal values. Use `.values` instead.");
            }
            return def.values[0];
        },
    });
});
function literal$1(value, params) {
    return new ZodLiteral({
        type: "literal",
        values: Array.isArray(value) ? value : [value],
        ...normalizeParams(params),
    });
}
const ZodTransform = /*@__PURE__*/ $constructor("ZodTransform", (inst, def) => {
    _ensureDefaultMemoizer();
    $ZodTransform.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => transformProcessor(inst, ctx, json, params);
    inst._zod.parse = (payload, _ctx) => {
        if (_ctx.direction === "backward") {
            throw new $ZodEncodeError(inst.constructor.name);
        }
        payload.addIssue = (issue$1) => {
            if (typeof issue$1 === "string") {
                payload.issues.push(issue(issue$1, payload.value, def));
            }
            else {
                // for Zod 3 backwards compatibility
                const _issue = issue$1;
                if (_issue.fatal)
                    _issue.continue = false;
                _issue.code ?? (_issue.code = "custom");
                if (!("input" in _issue))
                    _issue.input = payload.value;
                _issue.inst ?? (_issue.inst = inst);
                // _issue.continue ??= true;
                payload.issues.push(issue(_issue));
            }
        };
        const output = def.transform(payload.value, payload);
        if (output instanceof Promise) {
            return output.then((output) => {
                payload.value = output;
                return payload;
            });
        }
        payload.value = output;
        return payload;
    };
});
function transform(fn) {
    return new ZodTransform({
        type: "transform",
        transform: fn,
    });
}
const ZodOptional = /*@__PURE__*/ $constructor("ZodOptional", (inst, def) => {
    $ZodOptional.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => optionalProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
});
function optional$1(innerType) {
    return new ZodOptional({
        type: "optional",
        innerType: innerType,
    });
}
const ZodExactOptional = /*@__PURE__*/ $constructor("ZodExactOptional", (inst, def) => {
    $ZodExactOptional.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => optionalProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
});
function exactOptional(innerType) {
    return new ZodExactOptional({
        type: "optional",
        innerType: innerType,
    });
}
const ZodNullable = /*@__PURE__*/ $constructor("ZodNullable", (inst, def) => {
    $ZodNullable.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => nullableProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
});
function nullable$1(innerType) {
    return new ZodNullable({
        type: "nullable",
        innerType: innerType,
    });
}
const ZodDefault = /*@__PURE__*/ $constructor("ZodDefault", (inst, def) => {
    $ZodDefault.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => defaultProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
    inst.removeDefault = inst.unwrap;
});
function _default$1(innerType, defaultValue) {
    return new ZodDefault({
        type: "default",
        innerType: innerType,
        get defaultValue() {
            return typeof defaultValue === "function" ? defaultValue() : shallowClone(defaultValue);
        },
    });
}
const ZodPrefault = /*@__PURE__*/ $constructor("ZodPrefault", (inst, def) => {
    $ZodPrefault.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => prefaultProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
});
function prefault(innerType, defaultValue) {
    return new ZodPrefault({
        type: "prefault",
        innerType: innerType,
        get defaultValue() {
            return typeof defaultValue === "function" ? defaultValue() : shallowClone(defaultValue);
        },
    });
}
const ZodNonOptional = /*@__PURE__*/ $constructor("ZodNonOptional", (inst, def) => {
    $ZodNonOptional.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => nonoptionalProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
});
function nonoptional(innerType, params) {
    return new ZodNonOptional({
        type: "nonoptional",
        innerType: innerType,
        ...normalizeParams(params),
    });
}
const ZodCatch = /*@__PURE__*/ $constructor("ZodCatch", (inst, def) => {
    $ZodCatch.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => catchProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
    inst.removeCatch = inst.unwrap;
});
function _catch(innerType, catchValue) {
    return new ZodCatch({
        type: "catch",
        innerType: innerType,
        catchValue: (typeof catchValue === "function" ? catchValue : constantCatch(catchValue)),
    });
}
const ZodPipe = /*@__PURE__*/ $constructor("ZodPipe", (inst, def) => {
    $ZodPipe.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => pipeProcessor(inst, ctx, json, params);
    inst.in = def.in;
    inst.out = def.out;
});
function pipe(in_, out) {
    return new ZodPipe({
        type: "pipe",
        in: in_,
        out: out,
        // ...util.normalizeParams(params),
    });
}
const ZodReadonly = /*@__PURE__*/ $constructor("ZodReadonly", (inst, def) => {
    $ZodReadonly.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => readonlyProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
});
function readonly(innerType) {
    return new ZodReadonly({
        type: "readonly",
        innerType: innerType,
    });
}
const ZodCustom = /*@__PURE__*/ $constructor("ZodCustom", (inst, def) => {
    $ZodCustom.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => customProcessor(inst, ctx, json, params);
});
function refine$1(fn, _params = {}) {
    return _refine(ZodCustom, fn, _params);
}
// superRefine
function superRefine(fn, params) {
    return _superRefine(fn, params);
}

function number$1(params) {
    return _coercedNumber(ZodNumber, params);
}

function getDefaultExportFromCjs (x) {
	return x && x.__esModule && Object.prototype.hasOwnProperty.call(x, 'default') ? x['default'] : x;
}

var bufferUtil = {exports: {}};

var constants;
var hasRequiredConstants;

function requireConstants () {
	if (hasRequiredConstants) return constants;
	hasRequiredConstants = 1;

	const BINARY_TYPES = ['nodebuffer', 'arraybuffer', 'fragments'];
	const hasBlob = typeof Blob !== 'undefined';

	if (hasBlob) BINARY_TYPES.push('blob');

	constants = {
	  BINARY_TYPES,
	  CLOSE_TIMEOUT: 30000,
	  EMPTY_BUFFER: Buffer.alloc(0),
	  GUID: '258EAFA5-E914-47DA-95CA-C5AB0DC85B11',
	  hasBlob,
	  kForOnEventAttribute: Symbol('kIsForOnEventAttribute'),
	  kListener: Symbol('kListener'),
	  kStatusCode: Symbol('status-code'),
	  kWebSocket: Symbol('websocket'),
	  NOOP: () => {}
	};
	return constants;
}

var hasRequiredBufferUtil;

function requireBufferUtil () {
	if (hasRequiredBufferUtil) return bufferUtil.exports;
	hasRequiredBufferUtil = 1;

	const { websocketMask, websocketUnmask } = require$$0;

	const { EMPTY_BUFFER } = requireConstants();

	const FastBuffer = Buffer[Symbol.species];

	/**
	 * Merges an array of buffers into a new buffer.
	 *
	 * @param {Buffer[]} list The array of buffers to concat
	 * @param {Number} totalLength The total length of buffers in the list
	 * @return {Buffer} The resulting buffer
	 * @public
	 */
	function concat(list, totalLength) {
	  if (list.length === 0) return EMPTY_BUFFER;
	  if (list.length === 1) return list[0];

	  const target = Buffer.allocUnsafe(totalLength);
	  let offset = 0;

	  for (let i = 0; i < list.length; i++) {
	    const buf = list[i];
	    target.set(buf, offset);
	    offset += buf.length;
	  }

	  if (offset < totalLength) {
	    return new FastBuffer(target.buffer, target.byteOffset, offset);
	  }

	  return target;
	}

	/**
	 * Masks a buffer using the given mask.
	 *
	 * @param {Buffer} source The buffer to mask
	 * @param {Buffer} mask The mask to use
	 * @param {Buffer} output The buffer where to store the result
	 * @param {Number} offset The offset at which to start writing
	 * @param {Number} length The number of bytes to mask.
	 * @public
	 */
	function _mask(source, mask, output, offset, length) {
	  for (let i = 0; i < length; i++) {
	    output[offset + i] = source[i] ^ mask[i & 3];
	  }
	}

	/**
	 * Unmasks a buffer using the given mask.
	 *
	 * @param {Buffer} buffer The buffer to unmask
	 * @param {Buffer} mask The mask to use
	 * @public
	 */
	function _unmask(buffer, mask) {
	  for (let i = 0; i < buffer.length; i++) {
	    buffer[i] ^= mask[i & 3];
	  }
	}

	/**
	 * Converts a buffer to an `ArrayBuffer`.
	 *
	 * @param {Buffer} buf The buffer to convert
	 * @return {ArrayBuffer} Converted buffer
	 * @public
	 */
	function toArrayBuffer(buf) {
	  if (buf.length === buf.buffer.byteLength) {
	    return buf.buffer;
	  }

	  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length);
	}

	/**
	 * Converts `data` to a `Buffer`.
	 *
	 * @param {*} data The data to convert
	 * @return {Buffer} The buffer
	 * @throws {TypeError}
	 * @public
	 */
	function toBuffer(data) {
	  toBuffer.readOnly = true;

	  if (Buffer.isBuffer(data)) return data;

	  let buf;

	  if (data instanceof ArrayBuffer) {
	    buf = new FastBuffer(data);
	  } else if (ArrayBuffer.isView(data)) {
	    buf = new FastBuffer(data.buffer, data.byteOffset, data.byteLength);
	  } else {
	    buf = Buffer.from(data);
	    toBuffer.readOnly = false;
	  }

	  return buf;
	}

	bufferUtil.exports = {
	  concat,
	  mask: _mask,
	  toArrayBuffer,
	  toBuffer,
	  unmask: _unmask
	};

	if (websocketMask) {
	  bufferUtil.exports.mask = function (source, mask, output, offset, length) {
	    if (length < 24) _mask(source, mask, output, offset, length);
	    else websocketMask(source, mask, output, offset, length);
	  };

	  bufferUtil.exports.unmask = function (buffer, mask) {
	    if (buffer.length < 24) _unmask(buffer, mask);
	    else websocketUnmask(buffer, mask);
	  };
	} /* istanbul ignore else  */ else if (!process.env.WS_NO_BUFFER_UTIL) {
	  try {
	    const bufferUtil$1 = require('bufferutil');

	    bufferUtil.exports.mask = function (source, mask, output, offset, length) {
	      if (length < 48) _mask(source, mask, output, offset, length);
	      else bufferUtil$1.mask(source, mask, output, offset, length);
	    };

	    bufferUtil.exports.unmask = function (buffer, mask) {
	      if (buffer.length < 32) _unmask(buffer, mask);
	      else bufferUtil$1.unmask(buffer, mask);
	    };
	  } catch (e) {
	    // Continue regardless of the error.
	  }
	}
	return bufferUtil.exports;
}

var limiter;
var hasRequiredLimiter;

function requireLimiter () {
	if (hasRequiredLimiter) return limiter;
	hasRequiredLimiter = 1;

	const kDone = Symbol('kDone');
	const kRun = Symbol('kRun');

	/**
	 * A very simple job queue with adjustable concurrency. Adapted from
	 * https://github.com/STRML/async-limiter
	 */
	class Limiter {
	  /**
	   * Creates a new `Limiter`.
	   *
	   * @param {Number} [concurrency=Infinity] The maximum number of jobs allowed
	   *     to run concurrently
	   */
	  constructor(concurrency) {
	    this[kDone] = () => {
	      this.pending--;
	      this[kRun]();
	    };
	    this.concurrency = concurrency || Infinity;
	    this.jobs = [];
	    this.pending = 0;
	  }

	  /**
	   * Adds a job to the queue.
	   *
	   * @param {Function} job The job to run
	   * @public
	   */
	  add(job) {
	    this.jobs.push(job);
	    this[kRun]();
	  }

	  /**
	   * Removes a job from the queue and runs it if possible.
	   *
	   * @private
	   */
	  [kRun]() {
	    if (this.pending === this.concurrency) return;

	    if (this.jobs.length) {
	      const job = this.jobs.shift();

	      this.pending++;
	      job(this[kDone]);
	    }
	  }
	}

	limiter = Limiter;
	return limiter;
}

var permessageDeflate;
var hasRequiredPermessageDeflate;

function requirePermessageDeflate () {
	if (hasRequiredPermessageDeflate) return permessageDeflate;
	hasRequiredPermessageDeflate = 1;

	const zlib = require$$0$1;

	const bufferUtil = requireBufferUtil();
	const Limiter = requireLimiter();
	const { kStatusCode } = requireConstants();

	const FastBuffer = Buffer[Symbol.species];
	const TRAILER = Buffer.from([0x00, 0x00, 0xff, 0xff]);
	const kPerMessageDeflate = Symbol('permessage-deflate');
	const kTotalLength = Symbol('total-length');
	const kCallback = Symbol('callback');
	const kBuffers = Symbol('buffers');
	const kError = Symbol('error');

	//
	// We limit zlib concurrency, which prevents severe memory fragmentation
	// as documented in https://github.com/nodejs/node/issues/8871#issuecomment-250915913
	// and https://github.com/websockets/ws/issues/1202
	//
	// Intentionally global; it's the global thread pool that's an issue.
	//
	let zlibLimiter;

	/**
	 * permessage-deflate implementation.
	 */
	class PerMessageDeflate {
	  /**
	   * Creates a PerMessageDeflate instance.
	   *
	   * @param {Object} [options] Configuration options
	   * @param {(Boolean|Number)} [options.clientMaxWindowBits] Advertise support
	   *     for, or request, a custom client window size
	   * @param {Boolean} [options.clientNoContextTakeover=false] Advertise/
	   *     acknowledge disabling of client context takeover
	   * @param {Number} [options.concurrencyLimit=10] The number of concurrent
	   *     calls to zlib
	   * @param {Boolean} [options.isServer=false] Create the instance in either
	   *     server or client mode
	   * @param {Number} [options.maxPayload=0] The maximum allowed message length
	   * @param {(Boolean|Number)} [options.serverMaxWindowBits] Request/confirm the
	   *     use of a custom server window size
	   * @param {Boolean} [options.serverNoContextTakeover=false] Request/accept
	   *     disabling of server context takeover
	   * @param {Number} [options.threshold=1024] Size (in bytes) below which
	   *     messages should not be compressed if context takeover is disabled
	   * @param {Object} [options.zlibDeflateOptions] Options to pass to zlib on
	   *     deflate
	   * @param {Object} [options.zlibInflateOptions] Options to pass to zlib on
	   *     inflate
	   */
	  constructor(options) {
	    this._options = options || {};
	    this._threshold =
	      this._options.threshold !== undefined ? this._options.threshold : 1024;
	    this._maxPayload = this._options.maxPayload | 0;
	    this._isServer = !!this._options.isServer;
	    this._deflate = null;
	    this._inflate = null;

	    this.params = null;

	    if (!zlibLimiter) {
	      const concurrency =
	        this._options.concurrencyLimit !== undefined
	          ? this._options.concurrencyLimit
	          : 10;
	      zlibLimiter = new Limiter(concurrency);
	    }
	  }

	  /**
	   * @type {String}
	   */
	  static get extensionName() {
	    return 'permessage-deflate';
	  }

	  /**
	   * Create an extension negotiation offer.
	   *
	   * @return {Object} Extension parameters
	   * @public
	   */
	  offer() {
	    const params = {};

	    if (this._options.serverNoContextTakeover) {
	      params.server_no_context_takeover = true;
	    }
	    if (this._options.clientNoContextTakeover) {
	      params.client_no_context_takeover = true;
	    }
	    if (this._options.serverMaxWindowBits) {
	      params.server_max_window_bits = this._options.serverMaxWindowBits;
	    }
	    if (this._options.clientMaxWindowBits) {
	      params.client_max_window_bits = this._options.clientMaxWindowBits;
	    } else if (this._options.clientMaxWindowBits == null) {
	      params.client_max_window_bits = true;
	    }

	    return params;
	  }

	  /**
	   * Accept an extension negotiation offer/response.
	   *
	   * @param {Array} configurations The extension negotiation offers/reponse
	   * @return {Object} Accepted configuration
	   * @public
	   */
	  accept(configurations) {
	    configurations = this.normalizeParams(configurations);

	    this.params = this._isServer
	      ? this.acceptAsServer(configurations)
	      : this.acceptAsClient(configurations);

	    return this.params;
	  }

	  /**
	   * Releases all resources used by the extension.
	   *
	   * @public
	   */
	  cleanup() {
	    if (this._inflate) {
	      this._inflate.close();
	      this._inflate = null;
	    }

	    if (this._deflate) {
	      const callback = this._deflate[kCallback];

	      this._deflate.close();
	      this._deflate = null;

	      if (callback) {
	        callback(
	          new Error(
	            'The deflate stream was closed while data was being processed'
	          )
	        );
	      }
	    }
	  }

	  /**
	   *  Accept an extension negotiation offer.
	   *
	   * @param {Array} offers The extension negotiation offers
	   * @return {Object} Accepted configuration
	   * @private
	   */
	  acceptAsServer(offers) {
	    const opts = this._options;
	    const accepted = offers.find((params) => {
	      if (
	        (opts.serverNoContextTakeover === false &&
	          params.server_no_context_takeover) ||
	        (params.server_max_window_bits &&
	          (opts.serverMaxWindowBits === false ||
	            (typeof opts.serverMaxWindowBits === 'number' &&
	              opts.serverMaxWindowBits > params.server_max_window_bits))) ||
	        (typeof opts.clientMaxWindowBits === 'number' &&
	          (typeof params.client_max_window_bits === 'number'
	            ? opts.clientMaxWindowBits > params.client_max_window_bits
	            : !params.client_max_window_bits))
	      ) {
	        return false;
	      }

	      return true;
	    });

	    if (!accepted) {
	      throw new Error('None of the extension offers can be accepted');
	    }

	    if (opts.serverNoContextTakeover) {
	      accepted.server_no_context_takeover = true;
	    }
	    if (opts.clientNoContextTakeover) {
	      accepted.client_no_context_takeover = true;
	    }
	    if (typeof opts.serverMaxWindowBits === 'number') {
	      accepted.server_max_window_bits = opts.serverMaxWindowBits;
	    }
	    if (typeof opts.clientMaxWindowBits === 'number') {
	      accepted.client_max_window_bits = opts.clientMaxWindowBits;
	    } else if (
	      accepted.client_max_window_bits === true ||
	      opts.clientMaxWindowBits === false
	    ) {
	      delete accepted.client_max_window_bits;
	    }

	    return accepted;
	  }

	  /**
	   * Accept the extension negotiation response.
	   *
	   * @param {Array} response The extension negotiation response
	   * @return {Object} Accepted configuration
	   * @private
	   */
	  acceptAsClient(response) {
	    const params = response[0];

	    if (
	      this._options.clientNoContextTakeover === false &&
	      params.client_no_context_takeover
	    ) {
	      throw new Error('Unexpected parameter "client_no_context_takeover"');
	    }

	    if (!params.client_max_window_bits) {
	      if (typeof this._options.clientMaxWindowBits === 'number') {
	        params.client_max_window_bits = this._options.clientMaxWindowBits;
	      }
	    } else if (
	      this._options.clientMaxWindowBits === false ||
	      (typeof this._options.clientMaxWindowBits === 'number' &&
	        params.client_max_window_bits > this._options.clientMaxWindowBits)
	    ) {
	      throw new Error(
	        'Unexpected or invalid parameter "client_max_window_bits"'
	      );
	    }

	    return params;
	  }

	  /**
	   * Normalize parameters.
	   *
	   * @param {Array} configurations The extension negotiation offers/reponse
	   * @return {Array} The offers/response with normalized parameters
	   * @private
	   */
	  normalizeParams(configurations) {
	    configurations.forEach((params) => {
	      Object.keys(params).forEach((key) => {
	        let value = params[key];

	        if (value.length > 1) {
	          throw new Error(`Parameter "${key}" must have only a single value`);
	        }

	        value = value[0];

	        if (key === 'client_max_window_bits') {
	          if (value !== true) {
	            const num = +value;
	            if (!Number.isInteger(num) || num < 8 || num > 15) {
	              throw new TypeError(
	                `Invalid value for parameter "${key}": ${value}`
	              );
	            }
	            value = num;
	          } else if (!this._isServer) {
	            throw new TypeError(
	              `Invalid value for parameter "${key}": ${value}`
	            );
	          }
	        } else if (key === 'server_max_window_bits') {
	          const num = +value;
	          if (!Number.isInteger(num) || num < 8 || num > 15) {
	            throw new TypeError(
	              `Invalid value for parameter "${key}": ${value}`
	            );
	          }
	          value = num;
	        } else if (
	          key === 'client_no_context_takeover' ||
	          key === 'server_no_context_takeover'
	        ) {
	          if (value !== true) {
	            throw new TypeError(
	              `Invalid value for parameter "${key}": ${value}`
	            );
	          }
	        } else {
	          throw new Error(`Unknown parameter "${key}"`);
	        }

	        params[key] = value;
	      });
	    });

	    return configurations;
	  }

	  /**
	   * Decompress data. Concurrency limited.
	   *
	   * @param {Buffer} data Compressed data
	   * @param {Boolean} fin Specifies whether or not this is the last fragment
	   * @param {Function} callback Callback
	   * @public
	   */
	  decompress(data, fin, callback) {
	    zlibLimiter.add((done) => {
	      this._decompress(data, fin, (err, result) => {
	        done();
	        callback(err, result);
	      });
	    });
	  }

	  /**
	   * Compress data. Concurrency limited.
	   *
	   * @param {(Buffer|String)} data Data to compress
	   * @param {Boolean} fin Specifies whether or not this is the last fragment
	   * @param {Function} callback Callback
	   * @public
	   */
	  compress(data, fin, callback) {
	    zlibLimiter.add((done) => {
	      this._compress(data, fin, (err, result) => {
	        done();
	        callback(err, result);
	      });
	    });
	  }

	  /**
	   * Decompress data.
	   *
	   * @param {Buffer} data Compressed data
	   * @param {Boolean} fin Specifies whether or not this is the last fragment
	   * @param {Function} callback Callback
	   * @private
	   */
	  _decompress(data, fin, callback) {
	    const endpoint = this._isServer ? 'client' : 'server';

	    if (!this._inflate) {
	      const key = `${endpoint}_max_window_bits`;
	      const windowBits =
	        typeof this.params[key] !== 'number'
	          ? zlib.Z_DEFAULT_WINDOWBITS
	          : this.params[key];

	      this._inflate = zlib.createInflateRaw({
	        ...this._options.zlibInflateOptions,
	        windowBits
	      });
	      this._inflate[kPerMessageDeflate] = this;
	      this._inflate[kTotalLength] = 0;
	      this._inflate[kBuffers] = [];
	      this._inflate.on('error', inflateOnError);
	      this._inflate.on('data', inflateOnData);
	    }

	    this._inflate[kCallback] = callback;

	    this._inflate.write(data);
	    if (fin) this._inflate.write(TRAILER);

	    this._inflate.flush(() => {
	      const err = this._inflate[kError];

	      if (err) {
	        this._inflate.close();
	        this._inflate = null;
	        callback(err);
	        return;
	      }

	      const data = bufferUtil.concat(
	        this._inflate[kBuffers],
	        this._inflate[kTotalLength]
	      );

	      if (this._inflate._readableState.endEmitted) {
	        this._inflate.close();
	        this._inflate = null;
	      } else {
	        this._inflate[kTotalLength] = 0;
	        this._inflate[kBuffers] = [];

	        if (fin && this.params[`${endpoint}_no_context_takeover`]) {
	          this._inflate.reset();
	        }
	      }

	      callback(null, data);
	    });
	  }

	  /**
	   * Compress data.
	   *
	   * @param {(Buffer|String)} data Data to compress
	   * @param {Boolean} fin Specifies whether or not this is the last fragment
	   * @param {Function} callback Callback
	   * @private
	   */
	  _compress(data, fin, callback) {
	    const endpoint = this._isServer ? 'server' : 'client';

	    if (!this._deflate) {
	      const key = `${endpoint}_max_window_bits`;
	      const windowBits =
	        typeof this.params[key] !== 'number'
	          ? zlib.Z_DEFAULT_WINDOWBITS
	          : this.params[key];

	      this._deflate = zlib.createDeflateRaw({
	        ...this._options.zlibDeflateOptions,
	        windowBits
	      });

	      this._deflate[kTotalLength] = 0;
	      this._deflate[kBuffers] = [];

	      this._deflate.on('data', deflateOnData);
	    }

	    this._deflate[kCallback] = callback;

	    this._deflate.write(data);
	    this._deflate.flush(zlib.Z_SYNC_FLUSH, () => {
	      if (!this._deflate) {
	        //
	        // The deflate stream was closed while data was being processed.
	        //
	        return;
	      }

	      let data = bufferUtil.concat(
	        this._deflate[kBuffers],
	        this._deflate[kTotalLength]
	      );

	      if (fin) {
	        data = new FastBuffer(data.buffer, data.byteOffset, data.length - 4);
	      }

	      //
	      // Ensure that the callback will not be called again in
	      // `PerMessageDeflate#cleanup()`.
	      //
	      this._deflate[kCallback] = null;

	      this._deflate[kTotalLength] = 0;
	      this._deflate[kBuffers] = [];

	      if (fin && this.params[`${endpoint}_no_context_takeover`]) {
	        this._deflate.reset();
	      }

	      callback(null, data);
	    });
	  }
	}

	permessageDeflate = PerMessageDeflate;

	/**
	 * The listener of the `zlib.DeflateRaw` stream `'data'` event.
	 *
	 * @param {Buffer} chunk A chunk of data
	 * @private
	 */
	function deflateOnData(chunk) {
	  this[kBuffers].push(chunk);
	  this[kTotalLength] += chunk.length;
	}

	/**
	 * The listener of the `zlib.InflateRaw` stream `'data'` event.
	 *
	 * @param {Buffer} chunk A chunk of data
	 * @private
	 */
	function inflateOnData(chunk) {
	  this[kTotalLength] += chunk.length;

	  if (
	    this[kPerMessageDeflate]._maxPayload < 1 ||
	    this[kTotalLength] <= this[kPerMessageDeflate]._maxPayload
	  ) {
	    this[kBuffers].push(chunk);
	    return;
	  }

	  this[kError] = new RangeError('Max payload size exceeded');
	  this[kError].code = 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH';
	  this[kError][kStatusCode] = 1009;
	  this.removeListener('data', inflateOnData);

	  //
	  // The choice to employ `zlib.reset()` over `zlib.close()` is dictated by the
	  // fact that in Node.js versions prior to 13.10.0, the callback for
	  // `zlib.flush()` is not called if `zlib.close()` is used. Utilizing
	  // `zlib.reset()` ensures that either the callback is invoked or an error is
	  // emitted.
	  //
	  this.reset();
	}

	/**
	 * The listener of the `zlib.InflateRaw` stream `'error'` event.
	 *
	 * @param {Error} err The emitted error
	 * @private
	 */
	function inflateOnError(err) {
	  //
	  // There is no need to call `Zlib#close()` as the handle is automatically
	  // closed when an error is emitted.
	  //
	  this[kPerMessageDeflate]._inflate = null;

	  if (this[kError]) {
	    this[kCallback](this[kError]);
	    return;
	  }

	  err[kStatusCode] = 1007;
	  this[kCallback](err);
	}
	return permessageDeflate;
}

var validation = {exports: {}};

var hasRequiredValidation;

function requireValidation () {
	if (hasRequiredValidation) return validation.exports;
	hasRequiredValidation = 1;

	const { isUtf8 } = require$$0$2;

	const { hasBlob } = requireConstants();

	//
	// Allowed token characters:
	//
	// '!', '#', '$', '%', '&', ''', '*', '+', '-',
	// '.', 0-9, A-Z, '^', '_', '`', a-z, '|', '~'
	//
	// tokenChars[32] === 0 // ' '
	// tokenChars[33] === 1 // '!'
	// tokenChars[34] === 0 // '"'
	// ...
	//
	// prettier-ignore
	const tokenChars = [
	  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // 0 - 15
	  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // 16 - 31
	  0, 1, 0, 1, 1, 1, 1, 1, 0, 0, 1, 1, 0, 1, 1, 0, // 32 - 47
	  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, // 48 - 63
	  0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, // 64 - 79
	  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 1, // 80 - 95
	  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, // 96 - 111
	  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 1, 0 // 112 - 127
	];

	/**
	 * Checks if a status code is allowed in a close frame.
	 *
	 * @param {Number} code The status code
	 * @return {Boolean} `true` if the status code is valid, else `false`
	 * @public
	 */
	function isValidStatusCode(code) {
	  return (
	    (code >= 1000 &&
	      code <= 1014 &&
	      code !== 1004 &&
	      code !== 1005 &&
	      code !== 1006) ||
	    (code >= 3000 && code <= 4999)
	  );
	}

	/**
	 * Checks if a given buffer contains only correct UTF-8.
	 * Ported from https://www.cl.cam.ac.uk/%7Emgk25/ucs/utf8_check.c by
	 * Markus Kuhn.
	 *
	 * @param {Buffer} buf The buffer to check
	 * @return {Boolean} `true` if `buf` contains only correct UTF-8, else `false`
	 * @public
	 */
	function _isValidUTF8(buf) {
	  const len = buf.length;
	  let i = 0;

	  while (i < len) {
	    if ((buf[i] & 0x80) === 0) {
	      // 0xxxxxxx
	      i++;
	    } else if ((buf[i] & 0xe0) === 0xc0) {
	      // 110xxxxx 10xxxxxx
	      if (
	        i + 1 === len ||
	        (buf[i + 1] & 0xc0) !== 0x80 ||
	        (buf[i] & 0xfe) === 0xc0 // Overlong
	      ) {
	        return false;
	      }

	      i += 2;
	    } else if ((buf[i] & 0xf0) === 0xe0) {
	      // 1110xxxx 10xxxxxx 10xxxxxx
	      if (
	        i + 2 >= len ||
	        (buf[i + 1] & 0xc0) !== 0x80 ||
	        (buf[i + 2] & 0xc0) !== 0x80 ||
	        (buf[i] === 0xe0 && (buf[i + 1] & 0xe0) === 0x80) || // Overlong
	        (buf[i] === 0xed && (buf[i + 1] & 0xe0) === 0xa0) // Surrogate (U+D800 - U+DFFF)
	      ) {
	        return false;
	      }

	      i += 3;
	    } else if ((buf[i] & 0xf8) === 0xf0) {
	      // 11110xxx 10xxxxxx 10xxxxxx 10xxxxxx
	      if (
	        i + 3 >= len ||
	        (buf[i + 1] & 0xc0) !== 0x80 ||
	        (buf[i + 2] & 0xc0) !== 0x80 ||
	        (buf[i + 3] & 0xc0) !== 0x80 ||
	        (buf[i] === 0xf0 && (buf[i + 1] & 0xf0) === 0x80) || // Overlong
	        (buf[i] === 0xf4 && buf[i + 1] > 0x8f) ||
	        buf[i] > 0xf4 // > U+10FFFF
	      ) {
	        return false;
	      }

	      i += 4;
	    } else {
	      return false;
	    }
	  }

	  return true;
	}

	/**
	 * Determines whether a value is a `Blob`.
	 *
	 * @param {*} value The value to be tested
	 * @return {Boolean} `true` if `value` is a `Blob`, else `false`
	 * @private
	 */
	function isBlob(value) {
	  return (
	    hasBlob &&
	    typeof value === 'object' &&
	    typeof value.arrayBuffer === 'function' &&
	    typeof value.type === 'string' &&
	    typeof value.stream === 'function' &&
	    (value[Symbol.toStringTag] === 'Blob' ||
	      value[Symbol.toStringTag] === 'File')
	  );
	}

	validation.exports = {
	  isBlob,
	  isValidStatusCode,
	  isValidUTF8: _isValidUTF8,
	  tokenChars
	};

	if (isUtf8) {
	  validation.exports.isValidUTF8 = function (buf) {
	    return buf.length < 24 ? _isValidUTF8(buf) : isUtf8(buf);
	  };
	} /* istanbul ignore else  */ else if (!process.env.WS_NO_UTF_8_VALIDATE) {
	  try {
	    const isValidUTF8 = require('utf-8-validate');

	    validation.exports.isValidUTF8 = function (buf) {
	      return buf.length < 32 ? _isValidUTF8(buf) : isValidUTF8(buf);
	    };
	  } catch (e) {
	    // Continue regardless of the error.
	  }
	}
	return validation.exports;
}

var receiver;
var hasRequiredReceiver;

function requireReceiver () {
	if (hasRequiredReceiver) return receiver;
	hasRequiredReceiver = 1;

	const { Writable } = require$$0$3;

	const PerMessageDeflate = requirePermessageDeflate();
	const {
	  BINARY_TYPES,
	  EMPTY_BUFFER,
	  kStatusCode,
	  kWebSocket
	} = requireConstants();
	const { concat, toArrayBuffer, unmask } = requireBufferUtil();
	const { isValidStatusCode, isValidUTF8 } = requireValidation();

	const FastBuffer = Buffer[Symbol.species];

	const GET_INFO = 0;
	const GET_PAYLOAD_LENGTH_16 = 1;
	const GET_PAYLOAD_LENGTH_64 = 2;
	const GET_MASK = 3;
	const GET_DATA = 4;
	const INFLATING = 5;
	const DEFER_EVENT = 6;

	/**
	 * HyBi Receiver implementation.
	 *
	 * @extends Writable
	 */
	class Receiver extends Writable {
	  /**
	   * Creates a Receiver instance.
	   *
	   * @param {Object} [options] Options object
	   * @param {Boolean} [options.allowSynchronousEvents=true] Specifies whether
	   *     any of the `'message'`, `'ping'`, and `'pong'` events can be emitted
	   *     multiple times in the same tick
	   * @param {String} [options.binaryType=nodebuffer] The type for binary data
	   * @param {Object} [options.extensions] An object containing the negotiated
	   *     extensions
	   * @param {Boolean} [options.isServer=false] Specifies whether to operate in
	   *     client or server mode
	   * @param {Number} [options.maxBufferedChunks=0] The maximum number of
	   *     buffered data chunks
	   * @param {Number} [options.maxFragments=0] The maximum number of message
	   *     fragments
	   * @param {Number} [options.maxPayload=0] The maximum allowed message length
	   * @param {Boolean} [options.skipUTF8Validation=false] Specifies whether or
	   *     not to skip UTF-8 validation for text and close messages
	   */
	  constructor(options = {}) {
	    super();

	    this._allowSynchronousEvents =
	      options.allowSynchronousEvents !== undefined
	        ? options.allowSynchronousEvents
	        : true;
	    this._binaryType = options.binaryType || BINARY_TYPES[0];
	    this._extensions = options.extensions || {};
	    this._isServer = !!options.isServer;
	    this._maxBufferedChunks = options.maxBufferedChunks | 0;
	    this._maxFragments = options.maxFragments | 0;
	    this._maxPayload = options.maxPayload | 0;
	    this._skipUTF8Validation = !!options.skipUTF8Validation;
	    this[kWebSocket] = undefined;

	    this._bufferedBytes = 0;
	    this._buffers = [];

	    this._compressed = false;
	    this._payloadLength = 0;
	    this._mask = undefined;
	    this._fragmented = 0;
	    this._masked = false;
	    this._fin = false;
	    this._opcode = 0;

	    this._totalPayloadLength = 0;
	    this._messageLength = 0;
	    this._numFragments = 0;
	    this._fragments = [];

	    this._errored = false;
	    this._loop = false;
	    this._state = GET_INFO;
	  }

	  /**
	   * Implements `Writable.prototype._write()`.
	   *
	   * @param {Buffer} chunk The chunk of data to write
	   * @param {String} encoding The character encoding of `chunk`
	   * @param {Function} cb Callback
	   * @private
	   */
	  _write(chunk, encoding, cb) {
	    if (this._opcode === 0x08 && this._state == GET_INFO) return cb();

	    if (
	      this._maxBufferedChunks > 0 &&
	      this._buffers.length >= this._maxBufferedChunks
	    ) {
	      cb(
	        this.createError(
	          RangeError,
	          'Too many buffered chunks',
	          false,
	          1008,
	          'WS_ERR_TOO_MANY_BUFFERED_PARTS'
	        )
	      );
	      return;
	    }

	    this._bufferedBytes += chunk.length;
	    this._buffers.push(chunk);
	    this.startLoop(cb);
	  }

	  /**
	   * Consumes `n` bytes from the buffered data.
	   *
	   * @param {Number} n The number of bytes to consume
	   * @return {Buffer} The consumed bytes
	   * @private
	   */
	  consume(n) {
	    this._bufferedBytes -= n;

	    if (n === this._buffers[0].length) return this._buffers.shift();

	    if (n < this._buffers[0].length) {
	      const buf = this._buffers[0];
	      this._buffers[0] = new FastBuffer(
	        buf.buffer,
	        buf.byteOffset + n,
	        buf.length - n
	      );

	      return new FastBuffer(buf.buffer, buf.byteOffset, n);
	    }

	    const dst = Buffer.allocUnsafe(n);

	    do {
	      const buf = this._buffers[0];
	      const offset = dst.length - n;

	      if (n >= buf.length) {
	        dst.set(this._buffers.shift(), offset);
	      } else {
	        dst.set(new Uint8Array(buf.buffer, buf.byteOffset, n), offset);
	        this._buffers[0] = new FastBuffer(
	          buf.buffer,
	          buf.byteOffset + n,
	          buf.length - n
	        );
	      }

	      n -= buf.length;
	    } while (n > 0);

	    return dst;
	  }

	  /**
	   * Starts the parsing loop.
	   *
	   * @param {Function} cb Callback
	   * @private
	   */
	  startLoop(cb) {
	    this._loop = true;

	    do {
	      switch (this._state) {
	        case GET_INFO:
	          this.getInfo(cb);
	          break;
	        case GET_PAYLOAD_LENGTH_16:
	          this.getPayloadLength16(cb);
	          break;
	        case GET_PAYLOAD_LENGTH_64:
	          this.getPayloadLength64(cb);
	          break;
	        case GET_MASK:
	          this.getMask();
	          break;
	        case GET_DATA:
	          this.getData(cb);
	          break;
	        case INFLATING:
	        case DEFER_EVENT:
	          this._loop = false;
	          return;
	      }
	    } while (this._loop);

	    if (!this._errored) cb();
	  }

	  /**
	   * Reads the first two bytes of a frame.
	   *
	   * @param {Function} cb Callback
	   * @private
	   */
	  getInfo(cb) {
	    if (this._bufferedBytes < 2) {
	      this._loop = false;
	      return;
	    }

	    const buf = this.consume(2);

	    if ((buf[0] & 0x30) !== 0x00) {
	      const error = this.createError(
	        RangeError,
	        'RSV2 and RSV3 must be clear',
	        true,
	        1002,
	        'WS_ERR_UNEXPECTED_RSV_2_3'
	      );

	      cb(error);
	      return;
	    }

	    const compressed = (buf[0] & 0x40) === 0x40;

	    if (compressed && !this._extensions[PerMessageDeflate.extensionName]) {
	      const error = this.createError(
	        RangeError,
	        'RSV1 must be clear',
	        true,
	        1002,
	        'WS_ERR_UNEXPECTED_RSV_1'
	      );

	      cb(error);
	      return;
	    }

	    this._fin = (buf[0] & 0x80) === 0x80;
	    this._opcode = buf[0] & 0x0f;
	    this._payloadLength = buf[1] & 0x7f;

	    if (this._opcode === 0x00) {
	      if (compressed) {
	        const error = this.createError(
	          RangeError,
	          'RSV1 must be clear',
	          true,
	          1002,
	          'WS_ERR_UNEXPECTED_RSV_1'
	        );

	        cb(error);
	        return;
	      }

	      if (!this._fragmented) {
	        const error = this.createError(
	          RangeError,
	          'invalid opcode 0',
	          true,
	          1002,
	          'WS_ERR_INVALID_OPCODE'
	        );

	        cb(error);
	        return;
	      }

	      this._opcode = this._fragmented;
	    } else if (this._opcode === 0x01 || this._opcode === 0x02) {
	      if (this._fragmented) {
	        const error = this.createError(
	          RangeError,
	          `invalid opcode ${this._opcode}`,
	          true,
	          1002,
	          'WS_ERR_INVALID_OPCODE'
	        );

	        cb(error);
	        return;
	      }

	      this._compressed = compressed;
	    } else if (this._opcode > 0x07 && this._opcode < 0x0b) {
	      if (!this._fin) {
	        const error = this.createError(
	          RangeError,
	          'FIN must be set',
	          true,
	          1002,
	          'WS_ERR_EXPECTED_FIN'
	        );

	        cb(error);
	        return;
	      }

	      if (compressed) {
	        const error = this.createError(
	          RangeError,
	          'RSV1 must be clear',
	          true,
	          1002,
	          'WS_ERR_UNEXPECTED_RSV_1'
	        );

	        cb(error);
	        return;
	      }

	      if (
	        this._payloadLength > 0x7d ||
	        (this._opcode === 0x08 && this._payloadLength === 1)
	      ) {
	        const error = this.createError(
	          RangeError,
	          `invalid payload length ${this._payloadLength}`,
	          true,
	          1002,
	          'WS_ERR_INVALID_CONTROL_PAYLOAD_LENGTH'
	        );

	        cb(error);
	        return;
	      }
	    } else {
	      const error = this.createError(
	        RangeError,
	        `invalid opcode ${this._opcode}`,
	        true,
	        1002,
	        'WS_ERR_INVALID_OPCODE'
	      );

	      cb(error);
	      return;
	    }

	    if (!this._fin && !this._fragmented) this._fragmented = this._opcode;
	    this._masked = (buf[1] & 0x80) === 0x80;

	    if (this._isServer) {
	      if (!this._masked) {
	        const error = this.createError(
	          RangeError,
	          'MASK must be set',
	          true,
	          1002,
	          'WS_ERR_EXPECTED_MASK'
	        );

	        cb(error);
	        return;
	      }
	    } else if (this._masked) {
	      const error = this.createError(
	        RangeError,
	        'MASK must be clear',
	        true,
	        1002,
	        'WS_ERR_UNEXPECTED_MASK'
	      );

	      cb(error);
	      return;
	    }

	    if (this._payloadLength === 126) this._state = GET_PAYLOAD_LENGTH_16;
	    else if (this._payloadLength === 127) this._state = GET_PAYLOAD_LENGTH_64;
	    else this.haveLength(cb);
	  }

	  /**
	   * Gets extended payload length (7+16).
	   *
	   * @param {Function} cb Callback
	   * @private
	   */
	  getPayloadLength16(cb) {
	    if (this._bufferedBytes < 2) {
	      this._loop = false;
	      return;
	    }

	    this._payloadLength = this.consume(2).readUInt16BE(0);
	    this.haveLength(cb);
	  }

	  /**
	   * Gets extended payload length (7+64).
	   *
	   * @param {Function} cb Callback
	   * @private
	   */
	  getPayloadLength64(cb) {
	    if (this._bufferedBytes < 8) {
	      this._loop = false;
	      return;
	    }

	    const buf = this.consume(8);
	    const num = buf.readUInt32BE(0);

	    //
	    // The maximum safe integer in JavaScript is 2^53 - 1. An error is returned
	    // if payload length is greater than this number.
	    //
	    if (num > Math.pow(2, 53 - 32) - 1) {
	      const error = this.createError(
	        RangeError,
	        'Unsupported WebSocket frame: payload length > 2^53 - 1',
	        false,
	        1009,
	        'WS_ERR_UNSUPPORTED_DATA_PAYLOAD_LENGTH'
	      );

	      cb(error);
	      return;
	    }

	    this._payloadLength = num * Math.pow(2, 32) + buf.readUInt32BE(4);
	    this.haveLength(cb);
	  }

	  /**
	   * Payload length has been read.
	   *
	   * @param {Function} cb Callback
	   * @private
	   */
	  haveLength(cb) {
	    if (this._payloadLength && this._opcode < 0x08) {
	      this._totalPayloadLength += this._payloadLength;
	      if (this._totalPayloadLength > this._maxPayload && this._maxPayload > 0) {
	        const error = this.createError(
	          RangeError,
	          'Max payload size exceeded',
	          false,
	          1009,
	          'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH'
	        );

	        cb(error);
	        return;
	      }
	    }

	    if (this._masked) this._state = GET_MASK;
	    else this._state = GET_DATA;
	  }

	  /**
	   * Reads mask bytes.
	   *
	   * @private
	   */
	  getMask() {
	    if (this._bufferedBytes < 4) {
	      this._loop = false;
	      return;
	    }

	    this._mask = this.consume(4);
	    this._state = GET_DATA;
	  }

	  /**
	   * Reads data bytes.
	   *
	   * @param {Function} cb Callback
	   * @private
	   */
	  getData(cb) {
	    let data = EMPTY_BUFFER;

	    if (this._payloadLength) {
	      if (this._bufferedBytes < this._payloadLength) {
	        this._loop = false;
	        return;
	      }

	      data = this.consume(this._payloadLength);

	      if (
	        this._masked &&
	        (this._mask[0] | this._mask[1] | this._mask[2] | this._mask[3]) !== 0
	      ) {
	        unmask(data, this._mask);
	      }
	    }

	    //
	    // The mask is a view into the buffer the stream delivered, which is commonly
	    // 64 KiB, and it is not needed once the payload above has been unmasked.
	    // Leaving it set would pin that whole buffer until the next frame arrives,
	    // which on an idle connection can be indefinitely.
	    //
	    this._mask = undefined;

	    if (this._opcode > 0x07) {
	      this.controlMessage(data, cb);
	      return;
	    }

	    if (this._maxFragments > 0 && ++this._numFragments > this._maxFragments) {
	      const error = this.createError(
	        RangeError,
	        'Too many message fragments',
	        false,
	        1008,
	        'WS_ERR_TOO_MANY_BUFFERED_PARTS'
	      );

	      cb(error);
	      return;
	    }

	    if (this._compressed) {
	      this._state = INFLATING;
	      this.decompress(data, cb);
	      return;
	    }

	    if (data.length) {
	      //
	      // This message is not compressed so its length is the sum of the payload
	      // length of all fragments.
	      //
	      this._messageLength = this._totalPayloadLength;
	      this._fragments.push(data);
	    }

	    this.dataMessage(cb);
	  }

	  /**
	   * Decompresses data.
	   *
	   * @param {Buffer} data Compressed data
	   * @param {Function} cb Callback
	   * @private
	   */
	  decompress(data, cb) {
	    const perMessageDeflate = this._extensions[PerMessageDeflate.extensionName];

	    perMessageDeflate.decompress(data, this._fin, (err, buf) => {
	      if (err) return cb(err);

	      if (buf.length) {
	        this._messageLength += buf.length;
	        if (this._messageLength > this._maxPayload && this._maxPayload > 0) {
	          const error = this.createError(
	            RangeError,
	            'Max payload size exceeded',
	            false,
	            1009,
	            'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH'
	          );

	          cb(error);
	          return;
	        }

	        this._fragments.push(buf);
	      }

	      this.dataMessage(cb);
	      if (this._state === GET_INFO) this.startLoop(cb);
	    });
	  }

	  /**
	   * Handles a data message.
	   *
	   * @param {Function} cb Callback
	   * @private
	   */
	  dataMessage(cb) {
	    if (!this._fin) {
	      this._state = GET_INFO;
	      return;
	    }

	    const messageLength = this._messageLength;
	    const fragments = this._fragments;

	    this._totalPayloadLength = 0;
	    this._messageLength = 0;
	    this._fragmented = 0;
	    this._numFragments = 0;
	    this._fragments = [];

	    if (this._opcode === 2) {
	      let data;

	      if (this._binaryType === 'nodebuffer') {
	        data = concat(fragments, messageLength);
	      } else if (this._binaryType === 'arraybuffer') {
	        data = toArrayBuffer(concat(fragments, messageLength));
	      } else if (this._binaryType === 'blob') {
	        data = new Blob(fragments);
	      } else {
	        data = fragments;
	      }

	      if (this._allowSynchronousEvents) {
	        this.emit('message', data, true);
	        this._state = GET_INFO;
	      } else {
	        this._state = DEFER_EVENT;
	        setImmediate(() => {
	          this.emit('message', data, true);
	          this._state = GET_INFO;
	          this.startLoop(cb);
	        });
	      }
	    } else {
	      const buf = concat(fragments, messageLength);

	      if (!this._skipUTF8Validation && !isValidUTF8(buf)) {
	        const error = this.createError(
	          Error,
	          'invalid UTF-8 sequence',
	          true,
	          1007,
	          'WS_ERR_INVALID_UTF8'
	        );

	        cb(error);
	        return;
	      }

	      if (this._state === INFLATING || this._allowSynchronousEvents) {
	        this.emit('message', buf, false);
	        this._state = GET_INFO;
	      } else {
	        this._state = DEFER_EVENT;
	        setImmediate(() => {
	          this.emit('message', buf, false);
	          this._state = GET_INFO;
	          this.startLoop(cb);
	        });
	      }
	    }
	  }

	  /**
	   * Handles a control message.
	   *
	   * @param {Buffer} data Data to handle
	   * @return {(Error|RangeError|undefined)} A possible error
	   * @private
	   */
	  controlMessage(data, cb) {
	    if (this._opcode === 0x08) {
	      if (data.length === 0) {
	        this._loop = false;
	        this.emit('conclude', 1005, EMPTY_BUFFER);
	        this.end();
	      } else {
	        const code = data.readUInt16BE(0);

	        if (!isValidStatusCode(code)) {
	          const error = this.createError(
	            RangeError,
	            `invalid status code ${code}`,
	            true,
	            1002,
	            'WS_ERR_INVALID_CLOSE_CODE'
	          );

	          cb(error);
	          return;
	        }

	        const buf = new FastBuffer(
	          data.buffer,
	          data.byteOffset + 2,
	          data.length - 2
	        );

	        if (!this._skipUTF8Validation && !isValidUTF8(buf)) {
	          const error = this.createError(
	            Error,
	            'invalid UTF-8 sequence',
	            true,
	            1007,
	            'WS_ERR_INVALID_UTF8'
	          );

	          cb(error);
	          return;
	        }

	        this._loop = false;
	        this.emit('conclude', code, buf);
	        this.end();
	      }

	      this._state = GET_INFO;
	      return;
	    }

	    if (this._allowSynchronousEvents) {
	      this.emit(this._opcode === 0x09 ? 'ping' : 'pong', data);
	      this._state = GET_INFO;
	    } else {
	      this._state = DEFER_EVENT;
	      setImmediate(() => {
	        this.emit(this._opcode === 0x09 ? 'ping' : 'pong', data);
	        this._state = GET_INFO;
	        this.startLoop(cb);
	      });
	    }
	  }

	  /**
	   * Builds an error object.
	   *
	   * @param {function(new:Error|RangeError)} ErrorCtor The error constructor
	   * @param {String} message The error message
	   * @param {Boolean} prefix Specifies whether or not to add a default prefix to
	   *     `message`
	   * @param {Number} statusCode The status code
	   * @param {String} errorCode The exposed error code
	   * @return {(Error|RangeError)} The error
	   * @private
	   */
	  createError(ErrorCtor, message, prefix, statusCode, errorCode) {
	    this._loop = false;
	    this._errored = true;

	    const err = new ErrorCtor(
	      prefix ? `Invalid WebSocket frame: ${message}` : message
	    );

	    Error.captureStackTrace(err, this.createError);
	    err.code = errorCode;
	    err[kStatusCode] = statusCode;
	    return err;
	  }
	}

	receiver = Receiver;
	return receiver;
}

/* eslint no-unused-vars: ["error", { "varsIgnorePattern": "^Duplex" }] */

var sender;
var hasRequiredSender;

function requireSender () {
	if (hasRequiredSender) return sender;
	hasRequiredSender = 1;

	const { Duplex } = require$$0$3;
	const { randomFillSync } = require$$1;
	const {
	  types: { isUint8Array }
	} = require$$2;

	const PerMessageDeflate = requirePermessageDeflate();
	const { EMPTY_BUFFER, kWebSocket, NOOP } = requireConstants();
	const { isBlob, isValidStatusCode } = requireValidation();
	const { mask: applyMask, toBuffer } = requireBufferUtil();

	const kByteLength = Symbol('kByteLength');
	const maskBuffer = Buffer.alloc(4);
	const RANDOM_POOL_SIZE = 8 * 1024;
	let randomPool;
	let randomPoolPointer = RANDOM_POOL_SIZE;

	const DEFAULT = 0;
	const DEFLATING = 1;
	const GET_BLOB_DATA = 2;

	/**
	 * HyBi Sender implementation.
	 */
	class Sender {
	  /**
	   * Creates a Sender instance.
	   *
	   * @param {Duplex} socket The connection socket
	   * @param {Object} [extensions] An object containing the negotiated extensions
	   * @param {Function} [generateMask] The function used to generate the masking
	   *     key
	   */
	  constructor(socket, extensions, generateMask) {
	    this._extensions = extensions || {};

	    if (generateMask) {
	      this._generateMask = generateMask;
	      this._maskBuffer = Buffer.alloc(4);
	    }

	    this._socket = socket;

	    this._firstFragment = true;
	    this._compress = false;

	    this._bufferedBytes = 0;
	    this._queue = [];
	    this._state = DEFAULT;
	    this.onerror = NOOP;
	    this[kWebSocket] = undefined;
	  }

	  /**
	   * Frames a piece of data according to the HyBi WebSocket protocol.
	   *
	   * @param {(Buffer|String)} data The data to frame
	   * @param {Object} options Options object
	   * @param {Boolean} [options.fin=false] Specifies whether or not to set the
	   *     FIN bit
	   * @param {Function} [options.generateMask] The function used to generate the
	   *     masking key
	   * @param {Boolean} [options.mask=false] Specifies whether or not to mask
	   *     `data`
	   * @param {Buffer} [options.maskBuffer] The buffer used to store the masking
	   *     key
	   * @param {Number} options.opcode The opcode
	   * @param {Boolean} [options.readOnly=false] Specifies whether `data` can be
	   *     modified
	   * @param {Boolean} [options.rsv1=false] Specifies whether or not to set the
	   *     RSV1 bit
	   * @return {(Buffer|String)[]} The framed data
	   * @public
	   */
	  static frame(data, options) {
	    let mask;
	    let merge = false;
	    let offset = 2;
	    let skipMasking = false;

	    if (options.mask) {
	      mask = options.maskBuffer || maskBuffer;

	      if (options.generateMask) {
	        options.generateMask(mask);
	      } else {
	        if (randomPoolPointer === RANDOM_POOL_SIZE) {
	          /* istanbul ignore else  */
	          if (randomPool === undefined) {
	            //
	            // This is lazily initialized because server-sent frames must not
	            // be masked so it may never be used.
	            //
	            randomPool = Buffer.alloc(RANDOM_POOL_SIZE);
	          }

	          randomFillSync(randomPool, 0, RANDOM_POOL_SIZE);
	          randomPoolPointer = 0;
	        }

	        mask[0] = randomPool[randomPoolPointer++];
	        mask[1] = randomPool[randomPoolPointer++];
	        mask[2] = randomPool[randomPoolPointer++];
	        mask[3] = randomPool[randomPoolPointer++];
	      }

	      skipMasking = (mask[0] | mask[1] | mask[2] | mask[3]) === 0;
	      offset = 6;
	    }

	    let dataLength;

	    if (typeof data === 'string') {
	      if (
	        (!options.mask || skipMasking) &&
	        options[kByteLength] !== undefined
	      ) {
	        dataLength = options[kByteLength];
	      } else {
	        data = Buffer.from(data);
	        dataLength = data.length;
	      }
	    } else {
	      dataLength = data.length;
	      merge = options.mask && options.readOnly && !skipMasking;
	    }

	    let payloadLength = dataLength;

	    if (dataLength >= 65536) {
	      offset += 8;
	      payloadLength = 127;
	    } else if (dataLength > 125) {
	      offset += 2;
	      payloadLength = 126;
	    }

	    const target = Buffer.allocUnsafe(merge ? dataLength + offset : offset);

	    target[0] = options.fin ? options.opcode | 0x80 : options.opcode;
	    if (options.rsv1) target[0] |= 0x40;

	    target[1] = payloadLength;

	    if (payloadLength === 126) {
	      target.writeUInt16BE(dataLength, 2);
	    } else if (payloadLength === 127) {
	      target[2] = target[3] = 0;
	      target.writeUIntBE(dataLength, 4, 6);
	    }

	    if (!options.mask) {
	      return dataLength ? [target, data] : [target];
	    }

	    target[1] |= 0x80;
	    target[offset - 4] = mask[0];
	    target[offset - 3] = mask[1];
	    target[offset - 2] = mask[2];
	    target[offset - 1] = mask[3];

	    if (!dataLength) return [target];
	    if (skipMasking) return [target, data];

	    if (merge) {
	      applyMask(data, mask, target, offset, dataLength);
	      return [target];
	    }

	    applyMask(data, mask, data, 0, dataLength);
	    return [target, data];
	  }

	  /**
	   * Sends a close message to the other peer.
	   *
	   * @param {Number} [code] The status code component of the body
	   * @param {(String|Buffer)} [data] The message component of the body
	   * @param {Boolean} [mask=false] Specifies whether or not to mask the message
	   * @param {Function} [cb] Callback
	   * @public
	   */
	  close(code, data, mask, cb) {
	    let buf;

	    if (code === undefined) {
	      buf = EMPTY_BUFFER;
	    } else if (typeof code !== 'number' || !isValidStatusCode(code)) {
	      throw new TypeError('First argument must be a valid error code number');
	    } else if (data === undefined || !data.length) {
	      buf = Buffer.allocUnsafe(2);
	      buf.writeUInt16BE(code, 0);
	    } else {
	      const length = Buffer.byteLength(data);

	      if (length > 123) {
	        throw new RangeError('The message must not be greater than 123 bytes');
	      }

	      buf = Buffer.allocUnsafe(2 + length);
	      buf.writeUInt16BE(code, 0);

	      if (typeof data === 'string') {
	        buf.write(data, 2);
	      } else if (isUint8Array(data)) {
	        buf.set(data, 2);
	      } else {
	        throw new TypeError('Second argument must be a string or a Uint8Array');
	      }
	    }

	    const options = {
	      [kByteLength]: buf.length,
	      fin: true,
	      generateMask: this._generateMask,
	      mask,
	      maskBuffer: this._maskBuffer,
	      opcode: 0x08,
	      readOnly: false,
	      rsv1: false
	    };

	    if (this._state !== DEFAULT) {
	      this.enqueue([this.dispatch, buf, false, options, cb]);
	    } else {
	      this.sendFrame(Sender.frame(buf, options), cb);
	    }
	  }

	  /**
	   * Sends a ping message to the other peer.
	   *
	   * @param {*} data The message to send
	   * @param {Boolean} [mask=false] Specifies whether or not to mask `data`
	   * @param {Function} [cb] Callback
	   * @public
	   */
	  ping(data, mask, cb) {
	    let byteLength;
	    let readOnly;

	    if (typeof data === 'string') {
	      byteLength = Buffer.byteLength(data);
	      readOnly = false;
	    } else if (isBlob(data)) {
	      byteLength = data.size;
	      readOnly = false;
	    } else {
	      data = toBuffer(data);
	      byteLength = data.length;
	      readOnly = toBuffer.readOnly;
	    }

	    if (byteLength > 125) {
	      throw new RangeError('The data size must not be greater than 125 bytes');
	    }

	    const options = {
	      [kByteLength]: byteLength,
	      fin: true,
	      generateMask: this._generateMask,
	      mask,
	      maskBuffer: this._maskBuffer,
	      opcode: 0x09,
	      readOnly,
	      rsv1: false
	    };

	    if (isBlob(data)) {
	      if (this._state !== DEFAULT) {
	        this.enqueue([this.getBlobData, data, false, options, cb]);
	      } else {
	        this.getBlobData(data, false, options, cb);
	      }
	    } else if (this._state !== DEFAULT) {
	      this.enqueue([this.dispatch, data, false, options, cb]);
	    } else {
	      this.sendFrame(Sender.frame(data, options), cb);
	    }
	  }

	  /**
	   * Sends a pong message to the other peer.
	   *
	   * @param {*} data The message to send
	   * @param {Boolean} [mask=false] Specifies whether or not to mask `data`
	   * @param {Function} [cb] Callback
	   * @public
	   */
	  pong(data, mask, cb) {
	    let byteLength;
	    let readOnly;

	    if (typeof data === 'string') {
	      byteLength = Buffer.byteLength(data);
	      readOnly = false;
	    } else if (isBlob(data)) {
	      byteLength = data.size;
	      readOnly = false;
	    } else {
	      data = toBuffer(data);
	      byteLength = data.length;
	      readOnly = toBuffer.readOnly;
	    }

	    if (byteLength > 125) {
	      throw new RangeError('The data size must not be greater than 125 bytes');
	    }

	    const options = {
	      [kByteLength]: byteLength,
	      fin: true,
	      generateMask: this._generateMask,
	      mask,
	      maskBuffer: this._maskBuffer,
	      opcode: 0x0a,
	      readOnly,
	      rsv1: false
	    };

	    if (isBlob(data)) {
	      if (this._state !== DEFAULT) {
	        this.enqueue([this.getBlobData, data, false, options, cb]);
	      } else {
	        this.getBlobData(data, false, options, cb);
	      }
	    } else if (this._state !== DEFAULT) {
	      this.enqueue([this.dispatch, data, false, options, cb]);
	    } else {
	      this.sendFrame(Sender.frame(data, options), cb);
	    }
	  }

	  /**
	   * Sends a data message to the other peer.
	   *
	   * @param {*} data The message to send
	   * @param {Object} options Options object
	   * @param {Boolean} [options.binary=false] Specifies whether `data` is binary
	   *     or text
	   * @param {Boolean} [options.compress=false] Specifies whether or not to
	   *     compress `data`
	   * @param {Boolean} [options.fin=false] Specifies whether the fragment is the
	   *     last one
	   * @param {Boolean} [options.mask=false] Specifies whether or not to mask
	   *     `data`
	   * @param {Function} [cb] Callback
	   * @public
	   */
	  send(data, options, cb) {
	    const perMessageDeflate = this._extensions[PerMessageDeflate.extensionName];
	    let opcode = options.binary ? 2 : 1;
	    let rsv1 = options.compress;

	    let byteLength;
	    let readOnly;

	    if (typeof data === 'string') {
	      byteLength = Buffer.byteLength(data);
	      readOnly = false;
	    } else if (isBlob(data)) {
	      byteLength = data.size;
	      readOnly = false;
	    } else {
	      data = toBuffer(data);
	      byteLength = data.length;
	      readOnly = toBuffer.readOnly;
	    }

	    if (this._firstFragment) {
	      this._firstFragment = false;
	      if (
	        rsv1 &&
	        perMessageDeflate &&
	        perMessageDeflate.params[
	          perMessageDeflate._isServer
	            ? 'server_no_context_takeover'
	            : 'client_no_context_takeover'
	        ]
	      ) {
	        rsv1 = byteLength >= perMessageDeflate._threshold;
	      }
	      this._compress = rsv1;
	    } else {
	      rsv1 = false;
	      opcode = 0;
	    }

	    if (options.fin) this._firstFragment = true;

	    const opts = {
	      [kByteLength]: byteLength,
	      fin: options.fin,
	      generateMask: this._generateMask,
	      mask: options.mask,
	      maskBuffer: this._maskBuffer,
	      opcode,
	      readOnly,
	      rsv1
	    };

	    if (isBlob(data)) {
	      if (this._state !== DEFAULT) {
	        this.enqueue([this.getBlobData, data, this._compress, opts, cb]);
	      } else {
	        this.getBlobData(data, this._compress, opts, cb);
	      }
	    } else if (this._state !== DEFAULT) {
	      this.enqueue([this.dispatch, data, this._compress, opts, cb]);
	    } else {
	      this.dispatch(data, this._compress, opts, cb);
	    }
	  }

	  /**
	   * Gets the contents of a blob as binary data.
	   *
	   * @param {Blob} blob The blob
	   * @param {Boolean} [compress=false] Specifies whether or not to compress
	   *     the data
	   * @param {Object} options Options object
	   * @param {Boolean} [options.fin=false] Specifies whether or not to set the
	   *     FIN bit
	   * @param {Function} [options.generateMask] The function used to generate the
	   *     masking key
	   * @param {Boolean} [options.mask=false] Specifies whether or not to mask
	   *     `data`
	   * @param {Buffer} [options.maskBuffer] The buffer used to store the masking
	   *     key
	   * @param {Number} options.opcode The opcode
	   * @param {Boolean} [options.readOnly=false] Specifies whether `data` can be
	   *     modified
	   * @param {Boolean} [options.rsv1=false] Specifies whether or not to set the
	   *     RSV1 bit
	   * @param {Function} [cb] Callback
	   * @private
	   */
	  getBlobData(blob, compress, options, cb) {
	    this._bufferedBytes += options[kByteLength];
	    this._state = GET_BLOB_DATA;

	    blob
	      .arrayBuffer()
	      .then((arrayBuffer) => {
	        if (this._socket.destroyed) {
	          const err = new Error(
	            'The socket was closed while the blob was being read'
	          );

	          //
	          // `callCallbacks` is called in the next tick to ensure that errors
	          // that might be thrown in the callbacks behave like errors thrown
	          // outside the promise chain.
	          //
	          process.nextTick(callCallbacks, this, err, cb);
	          return;
	        }

	        this._bufferedBytes -= options[kByteLength];
	        const data = toBuffer(arrayBuffer);

	        if (!compress) {
	          this._state = DEFAULT;
	          this.sendFrame(Sender.frame(data, options), cb);
	          this.dequeue();
	        } else {
	          this.dispatch(data, compress, options, cb);
	        }
	      })
	      .catch((err) => {
	        //
	        // `onError` is called in the next tick for the same reason that
	        // `callCallbacks` above is.
	        //
	        process.nextTick(onError, this, err, cb);
	      });
	  }

	  /**
	   * Dispatches a message.
	   *
	   * @param {(Buffer|String)} data The message to send
	   * @param {Boolean} [compress=false] Specifies whether or not to compress
	   *     `data`
	   * @param {Object} options Options object
	   * @param {Boolean} [options.fin=false] Specifies whether or not to set the
	   *     FIN bit
	   * @param {Function} [options.generateMask] The function used to generate the
	   *     masking key
	   * @param {Boolean} [options.mask=false] Specifies whether or not to mask
	   *     `data`
	   * @param {Buffer} [options.maskBuffer] The buffer used to store the masking
	   *     key
	   * @param {Number} options.opcode The opcode
	   * @param {Boolean} [options.readOnly=false] Specifies whether `data` can be
	   *     modified
	   * @param {Boolean} [options.rsv1=false] Specifies whether or not to set the
	   *     RSV1 bit
	   * @param {Function} [cb] Callback
	   * @private
	   */
	  dispatch(data, compress, options, cb) {
	    if (!compress) {
	      this.sendFrame(Sender.frame(data, options), cb);
	      return;
	    }

	    const perMessageDeflate = this._extensions[PerMessageDeflate.extensionName];

	    this._bufferedBytes += options[kByteLength];
	    this._state = DEFLATING;
	    perMessageDeflate.compress(data, options.fin, (_, buf) => {
	      if (this._socket.destroyed) {
	        const err = new Error(
	          'The socket was closed while data was being compressed'
	        );

	        callCallbacks(this, err, cb);
	        return;
	      }

	      this._bufferedBytes -= options[kByteLength];
	      this._state = DEFAULT;
	      options.readOnly = false;
	      this.sendFrame(Sender.frame(buf, options), cb);
	      this.dequeue();
	    });
	  }

	  /**
	   * Executes queued send operations.
	   *
	   * @private
	   */
	  dequeue() {
	    while (this._state === DEFAULT && this._queue.length) {
	      const params = this._queue.shift();

	      this._bufferedBytes -= params[3][kByteLength];
	      Reflect.apply(params[0], this, params.slice(1));
	    }
	  }

	  /**
	   * Enqueues a send operation.
	   *
	   * @param {Array} params Send operation parameters.
	   * @private
	   */
	  enqueue(params) {
	    this._bufferedBytes += params[3][kByteLength];
	    this._queue.push(params);
	  }

	  /**
	   * Sends a frame.
	   *
	   * @param {(Buffer | String)[]} list The frame to send
	   * @param {Function} [cb] Callback
	   * @private
	   */
	  sendFrame(list, cb) {
	    if (list.length === 2) {
	      this._socket.cork();
	      this._socket.write(list[0]);
	      this._socket.write(list[1], cb);
	      this._socket.uncork();
	    } else {
	      this._socket.write(list[0], cb);
	    }
	  }
	}

	sender = Sender;

	/**
	 * Calls queued callbacks with an error.
	 *
	 * @param {Sender} sender The `Sender` instance
	 * @param {Error} err The error to call the callbacks with
	 * @param {Function} [cb] The first callback
	 * @private
	 */
	function callCallbacks(sender, err, cb) {
	  if (typeof cb === 'function') cb(err);

	  for (let i = 0; i < sender._queue.length; i++) {
	    const params = sender._queue[i];
	    const callback = params[params.length - 1];

	    if (typeof callback === 'function') callback(err);
	  }
	}

	/**
	 * Handles a `Sender` error.
	 *
	 * @param {Sender} sender The `Sender` instance
	 * @param {Error} err The error
	 * @param {Function} [cb] The first pending callback
	 * @private
	 */
	function onError(sender, err, cb) {
	  callCallbacks(sender, err, cb);
	  sender.onerror(err);
	}
	return sender;
}

var eventTarget;
var hasRequiredEventTarget;

function requireEventTarget () {
	if (hasRequiredEventTarget) return eventTarget;
	hasRequiredEventTarget = 1;

	const { kForOnEventAttribute, kListener } = requireConstants();

	const kCode = Symbol('kCode');
	const kData = Symbol('kData');
	const kError = Symbol('kError');
	const kMessage = Symbol('kMessage');
	const kReason = Symbol('kReason');
	const kTarget = Symbol('kTarget');
	const kType = Symbol('kType');
	const kWasClean = Symbol('kWasClean');

	/**
	 * Class representing an event.
	 */
	class Event {
	  /**
	   * Create a new `Event`.
	   *
	   * @param {String} type The name of the event
	   * @throws {TypeError} If the `type` argument is not specified
	   */
	  constructor(type) {
	    this[kTarget] = null;
	    this[kType] = type;
	  }

	  /**
	   * @type {*}
	   */
	  get target() {
	    return this[kTarget];
	  }

	  /**
	   * @type {String}
	   */
	  get type() {
	    return this[kType];
	  }
	}

	Object.defineProperty(Event.prototype, 'target', { enumerable: true });
	Object.defineProperty(Event.prototype, 'type', { enumerable: true });

	/**
	 * Class representing a close event.
	 *
	 * @extends Event
	 */
	class CloseEvent extends Event {
	  /**
	   * Create a new `CloseEvent`.
	   *
	   * @param {String} type The name of the event
	   * @param {Object} [options] A dictionary object that allows for setting
	   *     attributes via object members of the same name
	   * @param {Number} [options.code=0] The status code explaining why the
	   *     connection was closed
	   * @param {String} [options.reason=''] A human-readable string explaining why
	   *     the connection was closed
	   * @param {Boolean} [options.wasClean=false] Indicates whether or not the
	   *     connection was cleanly closed
	   */
	  constructor(type, options = {}) {
	    super(type);

	    this[kCode] = options.code === undefined ? 0 : options.code;
	    this[kReason] = options.reason === undefined ? '' : options.reason;
	    this[kWasClean] = options.wasClean === undefined ? false : options.wasClean;
	  }

	  /**
	   * @type {Number}
	   */
	  get code() {
	    return this[kCode];
	  }

	  /**
	   * @type {String}
	   */
	  get reason() {
	    return this[kReason];
	  }

	  /**
	   * @type {Boolean}
	   */
	  get wasClean() {
	    return this[kWasClean];
	  }
	}

	Object.defineProperty(CloseEvent.prototype, 'code', { enumerable: true });
	Object.defineProperty(CloseEvent.prototype, 'reason', { enumerable: true });
	Object.defineProperty(CloseEvent.prototype, 'wasClean', { enumerable: true });

	/**
	 * Class representing an error event.
	 *
	 * @extends Event
	 */
	class ErrorEvent extends Event {
	  /**
	   * Create a new `ErrorEvent`.
	   *
	   * @param {String} type The name of the event
	   * @param {Object} [options] A dictionary object that allows for setting
	   *     attributes via object members of the same name
	   * @param {*} [options.error=null] The error that generated this event
	   * @param {String} [options.message=''] The error message
	   */
	  constructor(type, options = {}) {
	    super(type);

	    this[kError] = options.error === undefined ? null : options.error;
	    this[kMessage] = options.message === undefined ? '' : options.message;
	  }

	  /**
	   * @type {*}
	   */
	  get error() {
	    return this[kError];
	  }

	  /**
	   * @type {String}
	   */
	  get message() {
	    return this[kMessage];
	  }
	}

	Object.defineProperty(ErrorEvent.prototype, 'error', { enumerable: true });
	Object.defineProperty(ErrorEvent.prototype, 'message', { enumerable: true });

	/**
	 * Class representing a message event.
	 *
	 * @extends Event
	 */
	class MessageEvent extends Event {
	  /**
	   * Create a new `MessageEvent`.
	   *
	   * @param {String} type The name of the event
	   * @param {Object} [options] A dictionary object that allows for setting
	   *     attributes via object members of the same name
	   * @param {*} [options.data=null] The message content
	   */
	  constructor(type, options = {}) {
	    super(type);

	    this[kData] = options.data === undefined ? null : options.data;
	  }

	  /**
	   * @type {*}
	   */
	  get data() {
	    return this[kData];
	  }
	}

	Object.defineProperty(MessageEvent.prototype, 'data', { enumerable: true });

	/**
	 * This provides methods for emulating the `EventTarget` interface. It's not
	 * meant to be used directly.
	 *
	 * @mixin
	 */
	const EventTarget = {
	  /**
	   * Register an event listener.
	   *
	   * @param {String} type A string representing the event type to listen for
	   * @param {(Function|Object)} handler The listener to add
	   * @param {Object} [options] An options object specifies characteristics about
	   *     the event listener
	   * @param {Boolean} [options.once=false] A `Boolean` indicating that the
	   *     listener should be invoked at most once after being added. If `true`,
	   *     the listener would be automatically removed when invoked.
	   * @public
	   */
	  addEventListener(type, handler, options = {}) {
	    for (const listener of this.listeners(type)) {
	      if (
	        !options[kForOnEventAttribute] &&
	        listener[kListener] === handler &&
	        !listener[kForOnEventAttribute]
	      ) {
	        return;
	      }
	    }

	    let wrapper;

	    if (type === 'message') {
	      wrapper = function onMessage(data, isBinary) {
	        const event = new MessageEvent('message', {
	          data: isBinary ? data : data.toString()
	        });

	        event[kTarget] = this;
	        callListener(handler, this, event);
	      };
	    } else if (type === 'close') {
	      wrapper = function onClose(code, message) {
	        const event = new CloseEvent('close', {
	          code,
	          reason: message.toString(),
	          wasClean: this._closeFrameReceived && this._closeFrameSent
	        });

	        event[kTarget] = this;
	        callListener(handler, this, event);
	      };
	    } else if (type === 'error') {
	      wrapper = function onError(error) {
	        const event = new ErrorEvent('error', {
	          error,
	          message: error.message
	        });

	        event[kTarget] = this;
	        callListener(handler, this, event);
	      };
	    } else if (type === 'open') {
	      wrapper = function onOpen() {
	        const event = new Event('open');

	        event[kTarget] = this;
	        callListener(handler, this, event);
	      };
	    } else {
	      return;
	    }

	    wrapper[kForOnEventAttribute] = !!options[kForOnEventAttribute];
	    wrapper[kListener] = handler;

	    if (options.once) {
	      this.once(type, wrapper);
	    } else {
	      this.on(type, wrapper);
	    }
	  },

	  /**
	   * Remove an event listener.
	   *
	   * @param {String} type A string representing the event type to remove
	   * @param {(Function|Object)} handler The listener to remove
	   * @public
	   */
	  removeEventListener(type, handler) {
	    for (const listener of this.listeners(type)) {
	      if (listener[kListener] === handler && !listener[kForOnEventAttribute]) {
	        this.removeListener(type, listener);
	        break;
	      }
	    }
	  }
	};

	eventTarget = {
	  CloseEvent,
	  ErrorEvent,
	  Event,
	  EventTarget,
	  MessageEvent
	};

	/**
	 * Call an event listener
	 *
	 * @param {(Function|Object)} listener The listener to call
	 * @param {*} thisArg The value to use as `this`` when calling the listener
	 * @param {Event} event The event to pass to the listener
	 * @private
	 */
	function callListener(listener, thisArg, event) {
	  if (typeof listener === 'object' && listener.handleEvent) {
	    listener.handleEvent.call(listener, event);
	  } else {
	    listener.call(thisArg, event);
	  }
	}
	return eventTarget;
}

var extension;
var hasRequiredExtension;

function requireExtension () {
	if (hasRequiredExtension) return extension;
	hasRequiredExtension = 1;

	const { tokenChars } = requireValidation();

	/**
	 * Adds an offer to the map of extension offers or a parameter to the map of
	 * parameters.
	 *
	 * @param {Object} dest The map of extension offers or parameters
	 * @param {String} name The extension or parameter name
	 * @param {(Object|Boolean|String)} elem The extension parameters or the
	 *     parameter value
	 * @private
	 */
	function push(dest, name, elem) {
	  if (dest[name] === undefined) dest[name] = [elem];
	  else dest[name].push(elem);
	}

	/**
	 * Parses the `Sec-WebSocket-Extensions` header into an object.
	 *
	 * @param {String} header The field value of the header
	 * @return {Object} The parsed object
	 * @public
	 */
	function parse(header) {
	  const offers = Object.create(null);
	  let params = Object.create(null);
	  let mustUnescape = false;
	  let isEscaping = false;
	  let inQuotes = false;
	  let extensionName;
	  let paramName;
	  let start = -1;
	  let code = -1;
	  let end = -1;
	  let i = 0;

	  for (; i < header.length; i++) {
	    code = header.charCodeAt(i);

	    if (extensionName === undefined) {
	      if (end === -1 && tokenChars[code] === 1) {
	        if (start === -1) start = i;
	      } else if (
	        i !== 0 &&
	        (code === 0x20 /* ' ' */ || code === 0x09) /* '\t' */
	      ) {
	        if (end === -1 && start !== -1) end = i;
	      } else if (code === 0x3b /* ';' */ || code === 0x2c /* ',' */) {
	        if (start === -1) {
	          throw new SyntaxError(`Unexpected character at index ${i}`);
	        }

	        if (end === -1) end = i;
	        const name = header.slice(start, end);
	        if (code === 0x2c) {
	          push(offers, name, params);
	          params = Object.create(null);
	        } else {
	          extensionName = name;
	        }

	        start = end = -1;
	      } else {
	        throw new SyntaxError(`Unexpected character at index ${i}`);
	      }
	    } else if (paramName === undefined) {
	      if (end === -1 && tokenChars[code] === 1) {
	        if (start === -1) start = i;
	      } else if (code === 0x20 || code === 0x09) {
	        if (end === -1 && start !== -1) end = i;
	      } else if (code === 0x3b || code === 0x2c) {
	        if (start === -1) {
	          throw new SyntaxError(`Unexpected character at index ${i}`);
	        }

	        if (end === -1) end = i;
	        push(params, header.slice(start, end), true);
	        if (code === 0x2c) {
	          push(offers, extensionName, params);
	          params = Object.create(null);
	          extensionName = undefined;
	        }

	        start = end = -1;
	      } else if (code === 0x3d /* '=' */ && start !== -1 && end === -1) {
	        paramName = header.slice(start, i);
	        start = end = -1;
	      } else {
	        throw new SyntaxError(`Unexpected character at index ${i}`);
	      }
	    } else {
	      //
	      // The value of a quoted-string after unescaping must conform to the
	      // token ABNF, so only token characters are valid.
	      // Ref: https://tools.ietf.org/html/rfc6455#section-9.1
	      //
	      if (isEscaping) {
	        if (tokenChars[code] !== 1) {
	          throw new SyntaxError(`Unexpected character at index ${i}`);
	        }
	        if (start === -1) start = i;
	        else if (!mustUnescape) mustUnescape = true;
	        isEscaping = false;
	      } else if (inQuotes) {
	        if (tokenChars[code] === 1) {
	          if (start === -1) start = i;
	        } else if (code === 0x22 /* '"' */ && start !== -1) {
	          inQuotes = false;
	          end = i;
	        } else if (code === 0x5c /* '\' */) {
	          isEscaping = true;
	        } else {
	          throw new SyntaxError(`Unexpected character at index ${i}`);
	        }
	      } else if (code === 0x22 && header.charCodeAt(i - 1) === 0x3d) {
	        inQuotes = true;
	      } else if (end === -1 && tokenChars[code] === 1) {
	        if (start === -1) start = i;
	      } else if (start !== -1 && (code === 0x20 || code === 0x09)) {
	        if (end === -1) end = i;
	      } else if (code === 0x3b || code === 0x2c) {
	        if (start === -1) {
	          throw new SyntaxError(`Unexpected character at index ${i}`);
	        }

	        if (end === -1) end = i;
	        let value = header.slice(start, end);
	        if (mustUnescape) {
	          value = value.replace(/\\/g, '');
	          mustUnescape = false;
	        }
	        push(params, paramName, value);
	        if (code === 0x2c) {
	          push(offers, extensionName, params);
	          params = Object.create(null);
	          extensionName = undefined;
	        }

	        paramName = undefined;
	        start = end = -1;
	      } else {
	        throw new SyntaxError(`Unexpected character at index ${i}`);
	      }
	    }
	  }

	  if (start === -1 || inQuotes || code === 0x20 || code === 0x09) {
	    throw new SyntaxError('Unexpected end of input');
	  }

	  if (end === -1) end = i;
	  const token = header.slice(start, end);
	  if (extensionName === undefined) {
	    push(offers, token, params);
	  } else {
	    if (paramName === undefined) {
	      push(params, token, true);
	    } else if (mustUnescape) {
	      push(params, paramName, token.replace(/\\/g, ''));
	    } else {
	      push(params, paramName, token);
	    }
	    push(offers, extensionName, params);
	  }

	  return offers;
	}

	/**
	 * Builds the `Sec-WebSocket-Extensions` header field value.
	 *
	 * @param {Object} extensions The map of extensions and parameters to format
	 * @return {String} A string representing the given object
	 * @public
	 */
	function format(extensions) {
	  return Object.keys(extensions)
	    .map((extension) => {
	      let configurations = extensions[extension];
	      if (!Array.isArray(configurations)) configurations = [configurations];
	      return configurations
	        .map((params) => {
	          return [extension]
	            .concat(
	              Object.keys(params).map((k) => {
	                let values = params[k];
	                if (!Array.isArray(values)) values = [values];
	                return values
	                  .map((v) => (v === true ? k : `${k}=${v}`))
	                  .join('; ');
	              })
	            )
	            .join('; ');
	        })
	        .join(', ');
	    })
	    .join(', ');
	}

	extension = { format, parse };
	return extension;
}

/* eslint no-unused-vars: ["error", { "varsIgnorePattern": "^Duplex|Readable$", "caughtErrors": "none" }] */

var websocket;
var hasRequiredWebsocket;

function requireWebsocket () {
	if (hasRequiredWebsocket) return websocket;
	hasRequiredWebsocket = 1;

	const EventEmitter = require$$0$4;
	const https = require$$1$1;
	const http = require$$0;
	const net = require$$3;
	const querystring = require$$4;
	const tls = require$$5;
	const { randomBytes, createHash } = require$$1;
	const { Duplex, Readable } = require$$0$3;
	const { URL } = require$$8;

	const PerMessageDeflate = requirePermessageDeflate();
	const Receiver = requireReceiver();
	const Sender = requireSender();
	const { isBlob } = requireValidation();

	const {
	  BINARY_TYPES,
	  CLOSE_TIMEOUT,
	  EMPTY_BUFFER,
	  GUID,
	  kForOnEventAttribute,
	  kListener,
	  kStatusCode,
	  kWebSocket,
	  NOOP
	} = requireConstants();
	const {
	  EventTarget: { addEventListener, removeEventListener }
	} = requireEventTarget();
	const { format, parse } = requireExtension();
	const { toBuffer } = requireBufferUtil();

	const kAborted = Symbol('kAborted');
	const protocolVersions = [8, 13];
	const readyStates = ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED'];
	const subprotocolRegex = /^[!#$%&'*+\-.0-9A-Z^_`|a-z~]+$/;

	/**
	 * Class representing a WebSocket.
	 *
	 * @extends EventEmitter
	 */
	class WebSocket extends EventEmitter {
	  /**
	   * Create a new `WebSocket`.
	   *
	   * @param {(String|URL)} address The URL to which to connect
	   * @param {(String|String[])} [protocols] The subprotocols
	   * @param {Object} [options] Connection options
	   */
	  constructor(address, protocols, options) {
	    super();

	    this._binaryType = BINARY_TYPES[0];
	    this._closeCode = 1006;
	    this._closeFrameReceived = false;
	    this._closeFrameSent = false;
	    this._closeMessage = EMPTY_BUFFER;
	    this._closeTimer = null;
	    this._errorEmitted = false;
	    this._extensions = {};
	    this._paused = false;
	    this._protocol = '';
	    this._readyState = WebSocket.CONNECTING;
	    this._receiver = null;
	    this._sender = null;
	    this._socket = null;

	    if (address !== null) {
	      this._bufferedAmount = 0;
	      this._isServer = false;
	      this._redirects = 0;

	      if (protocols === undefined) {
	        if (!options || options.protocols === undefined) {
	          protocols = [];
	        } else if (Array.isArray(options.protocols)) {
	          protocols = options.protocols;
	        } else {
	          protocols = [options.protocols];
	        }
	      } else if (!Array.isArray(protocols)) {
	        if (typeof protocols === 'object' && protocols !== null) {
	          options = protocols;

	          if (options.protocols === undefined) {
	            protocols = [];
	          } else if (Array.isArray(options.protocols)) {
	            protocols = options.protocols;
	          } else {
	            protocols = [options.protocols];
	          }
	        } else {
	          protocols = [protocols];
	        }
	      }

	      options = initAsClient(this, address, protocols, options);
	    } else {
	      this._isServer = true;
	    }

	    if (options.autoPong) {
	      this._autoPong = true;
	      this._autoPongComplete = () => autoPongComplete(this);
	      this._pendingAutoPongs = 0;
	      this._maxPendingAutoPongs = options.maxPendingAutoPongs | 0;
	    }

	    this._closeTimeout = options.closeTimeout;
	  }

	  /**
	   * For historical reasons, the custom "nodebuffer" type is used by the default
	   * instead of "blob".
	   *
	   * @type {String}
	   */
	  get binaryType() {
	    return this._binaryType;
	  }

	  set binaryType(type) {
	    if (!BINARY_TYPES.includes(type)) return;

	    this._binaryType = type;

	    //
	    // Allow to change `binaryType` on the fly.
	    //
	    if (this._receiver) this._receiver._binaryType = type;
	  }

	  /**
	   * @type {Number}
	   */
	  get bufferedAmount() {
	    if (!this._socket) return this._bufferedAmount;

	    return this._socket._writableState.length + this._sender._bufferedBytes;
	  }

	  /**
	   * @type {String}
	   */
	  get extensions() {
	    return Object.keys(this._extensions).join();
	  }

	  /**
	   * @type {Boolean}
	   */
	  get isPaused() {
	    return this._paused;
	  }

	  /**
	   * @type {Function}
	   */
	  /* istanbul ignore next */
	  get onclose() {
	    return null;
	  }

	  /**
	   * @type {Function}
	   */
	  /* istanbul ignore next */
	  get onerror() {
	    return null;
	  }

	  /**
	   * @type {Function}
	   */
	  /* istanbul ignore next */
	  get onopen() {
	    return null;
	  }

	  /**
	   * @type {Function}
	   */
	  /* istanbul ignore next */
	  get onmessage() {
	    return null;
	  }

	  /**
	   * @type {String}
	   */
	  get protocol() {
	    return this._protocol;
	  }

	  /**
	   * @type {Number}
	   */
	  get readyState() {
	    return this._readyState;
	  }

	  /**
	   * @type {String}
	   */
	  get url() {
	    return this._url;
	  }

	  /**
	   * Set up the socket and the internal resources.
	   *
	   * @param {Duplex} socket The network socket between the server and client
	   * @param {Buffer} head The first packet of the upgraded stream
	   * @param {Object} options Options object
	   * @param {Boolean} [options.allowSynchronousEvents=false] Specifies whether
	   *     any of the `'message'`, `'ping'`, and `'pong'` events can be emitted
	   *     multiple times in the same tick
	   * @param {Function} [options.generateMask] The function used to generate the
	   *     masking key
	   * @param {Number} [options.maxBufferedChunks=0] The maximum number of
	   *     buffered data chunks
	   * @param {Number} [options.maxFragments=0] The maximum number of message
	   *     fragments
	   * @param {Number} [options.maxPayload=0] The maximum allowed message size
	   * @param {Boolean} [options.skipUTF8Validation=false] Specifies whether or
	   *     not to skip UTF-8 validation for text and close messages
	   * @private
	   */
	  setSocket(socket, head, options) {
	    const receiver = new Receiver({
	      allowSynchronousEvents: options.allowSynchronousEvents,
	      binaryType: this.binaryType,
	      extensions: this._extensions,
	      isServer: this._isServer,
	      maxBufferedChunks: options.maxBufferedChunks,
	      maxFragments: options.maxFragments,
	      maxPayload: options.maxPayload,
	      skipUTF8Validation: options.skipUTF8Validation
	    });

	    const sender = new Sender(socket, this._extensions, options.generateMask);

	    this._receiver = receiver;
	    this._sender = sender;
	    this._socket = socket;

	    receiver[kWebSocket] = this;
	    sender[kWebSocket] = this;
	    socket[kWebSocket] = this;

	    receiver.on('conclude', receiverOnConclude);
	    receiver.on('drain', receiverOnDrain);
	    receiver.on('error', receiverOnError);
	    receiver.on('message', receiverOnMessage);
	    receiver.on('ping', receiverOnPing);
	    receiver.on('pong', receiverOnPong);

	    sender.onerror = senderOnError;

	    //
	    // These methods may not be available if `socket` is just a `Duplex`.
	    //
	    if (socket.setTimeout) socket.setTimeout(0);
	    if (socket.setNoDelay) socket.setNoDelay();

	    if (head.length > 0) socket.unshift(head);

	    socket.on('close', socketOnClose);
	    socket.on('data', socketOnData);
	    socket.on('end', socketOnEnd);
	    socket.on('error', socketOnError);

	    this._readyState = WebSocket.OPEN;
	    this.emit('open');
	  }

	  /**
	   * Emit the `'close'` event.
	   *
	   * @private
	   */
	  emitClose() {
	    if (!this._socket) {
	      this._readyState = WebSocket.CLOSED;
	      this.emit('close', this._closeCode, this._closeMessage);
	      return;
	    }

	    if (this._extensions[PerMessageDeflate.extensionName]) {
	      this._extensions[PerMessageDeflate.extensionName].cleanup();
	    }

	    this._receiver.removeAllListeners();
	    this._readyState = WebSocket.CLOSED;
	    this.emit('close', this._closeCode, this._closeMessage);
	  }

	  /**
	   * Start a closing handshake.
	   *
	   *          +----------+   +-----------+   +----------+
	   *     - - -|ws.close()|-->|close frame|-->|ws.close()|- - -
	   *    |     +----------+   +-----------+   +----------+     |
	   *          +----------+   +-----------+         |
	   * CLOSING  |ws.close()|<--|close frame|<--+-----+       CLOSING
	   *          +----------+   +-----------+   |
	   *    |           |                        |   +---+        |
	   *                +------------------------+-->|fin| - - - -
	   *    |         +---+                      |   +---+
	   *     - - - - -|fin|<---------------------+
	   *              +---+
	   *
	   * @param {Number} [code] Status code explaining why the connection is closing
	   * @param {(String|Buffer)} [data] The reason why the connection is
	   *     closing
	   * @public
	   */
	  close(code, data) {
	    if (this.readyState === WebSocket.CLOSED) return;
	    if (this.readyState === WebSocket.CONNECTING) {
	      const msg = 'WebSocket was closed before the connection was established';
	      abortHandshake(this, this._req, msg);
	      return;
	    }

	    if (this.readyState === WebSocket.CLOSING) {
	      if (
	        this._closeFrameSent &&
	        (this._closeFrameReceived || this._receiver._writableState.errorEmitted)
	      ) {
	        this._socket.end();
	      }

	      return;
	    }

	    this._sender.close(code, data, !this._isServer, (err) => {
	      //
	      // This error is handled by the `'error'` listener on the socket. We only
	      // want to know if the close frame has been sent here.
	      //
	      if (err) return;

	      this._closeFrameSent = true;

	      if (
	        this._closeFrameReceived ||
	        this._receiver._writableState.errorEmitted
	      ) {
	        this._socket.end();
	      }
	    });

	    this._readyState = WebSocket.CLOSING;
	    setCloseTimer(this);
	  }

	  /**
	   * Pause the socket.
	   *
	   * @public
	   */
	  pause() {
	    if (
	      this.readyState === WebSocket.CONNECTING ||
	      this.readyState === WebSocket.CLOSED
	    ) {
	      return;
	    }

	    this._paused = true;
	    this._socket.pause();
	  }

	  /**
	   * Send a ping.
	   *
	   * @param {*} [data] The data to send
	   * @param {Boolean} [mask] Indicates whether or not to mask `data`
	   * @param {Function} [cb] Callback which is executed when the ping is sent
	   * @public
	   */
	  ping(data, mask, cb) {
	    if (this.readyState === WebSocket.CONNECTING) {
	      throw new Error('WebSocket is not open: readyState 0 (CONNECTING)');
	    }

	    if (typeof data === 'function') {
	      cb = data;
	      data = mask = undefined;
	    } else if (typeof mask === 'function') {
	      cb = mask;
	      mask = undefined;
	    }

	    if (typeof data === 'number') data = data.toString();

	    if (this.readyState !== WebSocket.OPEN) {
	      sendAfterClose(this, data, cb);
	      return;
	    }

	    if (mask === undefined) mask = !this._isServer;
	    this._sender.ping(data || EMPTY_BUFFER, mask, cb);
	  }

	  /**
	   * Send a pong.
	   *
	   * @param {*} [data] The data to send
	   * @param {Boolean} [mask] Indicates whether or not to mask `data`
	   * @param {Function} [cb] Callback which is executed when the pong is sent
	   * @public
	   */
	  pong(data, mask, cb) {
	    if (this.readyState === WebSocket.CONNECTING) {
	      throw new Error('WebSocket is not open: readyState 0 (CONNECTING)');
	    }

	    if (typeof data === 'function') {
	      cb = data;
	      data = mask = undefined;
	    } else if (typeof mask === 'function') {
	      cb = mask;
	      mask = undefined;
	    }

	    if (typeof data === 'number') data = data.toString();

	    if (this.readyState !== WebSocket.OPEN) {
	      sendAfterClose(this, data, cb);
	      return;
	    }

	    if (mask === undefined) mask = !this._isServer;
	    this._sender.pong(data || EMPTY_BUFFER, mask, cb);
	  }

	  /**
	   * Resume the socket.
	   *
	   * @public
	   */
	  resume() {
	    if (
	      this.readyState === WebSocket.CONNECTING ||
	      this.readyState === WebSocket.CLOSED
	    ) {
	      return;
	    }

	    this._paused = false;
	    if (!this._receiver._writableState.needDrain) this._socket.resume();
	  }

	  /**
	   * Send a data message.
	   *
	   * @param {*} data The message to send
	   * @param {Object} [options] Options object
	   * @param {Boolean} [options.binary] Specifies whether `data` is binary or
	   *     text
	   * @param {Boolean} [options.compress] Specifies whether or not to compress
	   *     `data`
	   * @param {Boolean} [options.fin=true] Specifies whether the fragment is the
	   *     last one
	   * @param {Boolean} [options.mask] Specifies whether or not to mask `data`
	   * @param {Function} [cb] Callback which is executed when data is written out
	   * @public
	   */
	  send(data, options, cb) {
	    if (this.readyState === WebSocket.CONNECTING) {
	      throw new Error('WebSocket is not open: readyState 0 (CONNECTING)');
	    }

	    if (typeof options === 'function') {
	      cb = options;
	      options = {};
	    }

	    if (typeof data === 'number') data = data.toString();

	    if (this.readyState !== WebSocket.OPEN) {
	      sendAfterClose(this, data, cb);
	      return;
	    }

	    const opts = {
	      binary: typeof data !== 'string',
	      mask: !this._isServer,
	      compress: true,
	      fin: true,
	      ...options
	    };

	    if (!this._extensions[PerMessageDeflate.extensionName]) {
	      opts.compress = false;
	    }

	    this._sender.send(data || EMPTY_BUFFER, opts, cb);
	  }

	  /**
	   * Forcibly close the connection.
	   *
	   * @public
	   */
	  terminate() {
	    if (this.readyState === WebSocket.CLOSED) return;
	    if (this.readyState === WebSocket.CONNECTING) {
	      const msg = 'WebSocket was closed before the connection was established';
	      abortHandshake(this, this._req, msg);
	      return;
	    }

	    if (this._socket) {
	      this._readyState = WebSocket.CLOSING;
	      this._socket.destroy();
	    }
	  }
	}

	/**
	 * @constant {Number} CONNECTING
	 * @memberof WebSocket
	 */
	Object.defineProperty(WebSocket, 'CONNECTING', {
	  enumerable: true,
	  value: readyStates.indexOf('CONNECTING')
	});

	/**
	 * @constant {Number} CONNECTING
	 * @memberof WebSocket.prototype
	 */
	Object.defineProperty(WebSocket.prototype, 'CONNECTING', {
	  enumerable: true,
	  value: readyStates.indexOf('CONNECTING')
	});

	/**
	 * @constant {Number} OPEN
	 * @memberof WebSocket
	 */
	Object.defineProperty(WebSocket, 'OPEN', {
	  enumerable: true,
	  value: readyStates.indexOf('OPEN')
	});

	/**
	 * @constant {Number} OPEN
	 * @memberof WebSocket.prototype
	 */
	Object.defineProperty(WebSocket.prototype, 'OPEN', {
	  enumerable: true,
	  value: readyStates.indexOf('OPEN')
	});

	/**
	 * @constant {Number} CLOSING
	 * @memberof WebSocket
	 */
	Object.defineProperty(WebSocket, 'CLOSING', {
	  enumerable: true,
	  value: readyStates.indexOf('CLOSING')
	});

	/**
	 * @constant {Number} CLOSING
	 * @memberof WebSocket.prototype
	 */
	Object.defineProperty(WebSocket.prototype, 'CLOSING', {
	  enumerable: true,
	  value: readyStates.indexOf('CLOSING')
	});

	/**
	 * @constant {Number} CLOSED
	 * @memberof WebSocket
	 */
	Object.defineProperty(WebSocket, 'CLOSED', {
	  enumerable: true,
	  value: readyStates.indexOf('CLOSED')
	});

	/**
	 * @constant {Number} CLOSED
	 * @memberof WebSocket.prototype
	 */
	Object.defineProperty(WebSocket.prototype, 'CLOSED', {
	  enumerable: true,
	  value: readyStates.indexOf('CLOSED')
	});

	[
	  'binaryType',
	  'bufferedAmount',
	  'extensions',
	  'isPaused',
	  'protocol',
	  'readyState',
	  'url'
	].forEach((property) => {
	  Object.defineProperty(WebSocket.prototype, property, { enumerable: true });
	});

	//
	// Add the `onopen`, `onerror`, `onclose`, and `onmessage` attributes.
	// See https://html.spec.whatwg.org/multipage/comms.html#the-websocket-interface
	//
	['open', 'error', 'close', 'message'].forEach((method) => {
	  Object.defineProperty(WebSocket.prototype, `on${method}`, {
	    enumerable: true,
	    get() {
	      for (const listener of this.listeners(method)) {
	        if (listener[kForOnEventAttribute]) return listener[kListener];
	      }

	      return null;
	    },
	    set(handler) {
	      for (const listener of this.listeners(method)) {
	        if (listener[kForOnEventAttribute]) {
	          this.removeListener(method, listener);
	          break;
	        }
	      }

	      if (typeof handler !== 'function') return;

	      this.addEventListener(method, handler, {
	        [kForOnEventAttribute]: true
	      });
	    }
	  });
	});

	WebSocket.prototype.addEventListener = addEventListener;
	WebSocket.prototype.removeEventListener = removeEventListener;

	websocket = WebSocket;

	/**
	 * Initialize a WebSocket client.
	 *
	 * @param {WebSocket} websocket The client to initialize
	 * @param {(String|URL)} address The URL to which to connect
	 * @param {Array} protocols The subprotocols
	 * @param {Object} [options] Connection options
	 * @param {Boolean} [options.allowSynchronousEvents=true] Specifies whether any
	 *     of the `'message'`, `'ping'`, and `'pong'` events can be emitted multiple
	 *     times in the same tick
	 * @param {Boolean} [options.autoPong=true] Specifies whether or not to
	 *     automatically send a pong in response to a ping
	 * @param {Number} [options.closeTimeout=30000] Duration in milliseconds to wait
	 *     for the closing handshake to finish after `websocket.close()` is called
	 * @param {Function} [options.finishRequest] A function which can be used to
	 *     customize the headers of each http request before it is sent
	 * @param {Boolean} [options.followRedirects=false] Whether or not to follow
	 *     redirects
	 * @param {Function} [options.generateMask] The function used to generate the
	 *     masking key
	 * @param {Number} [options.handshakeTimeout] Timeout in milliseconds for the
	 *     handshake request
	 * @param {Number} [options.maxBufferedChunks=262144] The maximum number of
	 *     buffered data chunks
	 * @param {Number} [options.maxFragments=16384] The maximum number of message
	 *     fragments
	 * @param {Number} [options.maxPayload=104857600] The maximum allowed message
	 *     size
	 * @param {Number} [options.maxPendingAutoPongs=60] The maximum number of
	 *     pending automatic pongs
	 * @param {Number} [options.maxRedirects=10] The maximum number of redirects
	 *     allowed
	 * @param {String} [options.origin] Value of the `Origin` or
	 *     `Sec-WebSocket-Origin` header
	 * @param {(Boolean|Object)} [options.perMessageDeflate=true] Enable/disable
	 *     permessage-deflate
	 * @param {Number} [options.protocolVersion=13] Value of the
	 *     `Sec-WebSocket-Version` header
	 * @param {Boolean} [options.skipUTF8Validation=false] Specifies whether or
	 *     not to skip UTF-8 validation for text and close messages
	 * @return {Object} The resolved options object used for initialization
	 * @private
	 */
	function initAsClient(websocket, address, protocols, options) {
	  const opts = {
	    allowSynchronousEvents: true,
	    autoPong: true,
	    closeTimeout: CLOSE_TIMEOUT,
	    protocolVersion: protocolVersions[1],
	    maxBufferedChunks: 256 * 1024,
	    maxFragments: 16 * 1024,
	    maxPayload: 100 * 1024 * 1024,
	    maxPendingAutoPongs: 60,
	    skipUTF8Validation: false,
	    perMessageDeflate: true,
	    followRedirects: false,
	    maxRedirects: 10,
	    ...options,
	    socketPath: undefined,
	    hostname: undefined,
	    protocol: undefined,
	    protocols: undefined,
	    timeout: undefined,
	    method: 'GET',
	    host: undefined,
	    path: undefined,
	    port: undefined
	  };

	  if (!protocolVersions.includes(opts.protocolVersion)) {
	    throw new RangeError(
	      `Unsupported protocol version: ${opts.protocolVersion} ` +
	        `(supported versions: ${protocolVersions.join(', ')})`
	    );
	  }

	  let parsedUrl;

	  if (address instanceof URL) {
	    parsedUrl = address;
	  } else {
	    try {
	      parsedUrl = new URL(address);
	    } catch {
	      throw new SyntaxError(`Invalid URL: ${address}`);
	    }
	  }

	  if (parsedUrl.protocol === 'http:' || parsedUrl.protocol === 'https:') {
	    parsedUrl = new URL(parsedUrl);
	    parsedUrl.protocol = parsedUrl.protocol === 'http:' ? 'ws:' : 'wss:';
	  }

	  websocket._url = parsedUrl.href;

	  const isSecure = parsedUrl.protocol === 'wss:';
	  const isIpcUrl = parsedUrl.protocol === 'ws+unix:';
	  let invalidUrlMessage;

	  if (parsedUrl.protocol !== 'ws:' && !isSecure && !isIpcUrl) {
	    invalidUrlMessage =
	      'The URL\'s protocol must be one of "ws:", "wss:", ' +
	      '"http:", "https:", or "ws+unix:"';
	  } else if (isIpcUrl && !parsedUrl.pathname) {
	    invalidUrlMessage = "The URL's pathname is empty";
	  } else if (parsedUrl.hash) {
	    invalidUrlMessage = 'The URL contains a fragment identifier';
	  }

	  if (invalidUrlMessage) {
	    const err = new SyntaxError(invalidUrlMessage);

	    if (websocket._redirects === 0) {
	      throw err;
	    } else {
	      emitErrorAndClose(websocket, err);
	      return;
	    }
	  }

	  const defaultPort = isSecure ? 443 : 80;
	  const key = randomBytes(16).toString('base64');
	  const request = isSecure ? https.request : http.request;
	  const protocolSet = new Set();
	  let perMessageDeflate;

	  opts.createConnection =
	    opts.createConnection || (isSecure ? tlsConnect : netConnect);
	  opts.defaultPort = opts.defaultPort || defaultPort;
	  opts.port = parsedUrl.port || defaultPort;
	  opts.host = parsedUrl.hostname.startsWith('[')
	    ? parsedUrl.hostname.slice(1, -1)
	    : parsedUrl.hostname;
	  opts.headers = {
	    ...opts.headers,
	    'Sec-WebSocket-Version': opts.protocolVersion,
	    'Sec-WebSocket-Key': key,
	    Connection: 'Upgrade',
	    Upgrade: 'websocket'
	  };
	  opts.path = parsedUrl.pathname + parsedUrl.search;
	  opts.timeout = opts.handshakeTimeout;

	  if (opts.perMessageDeflate) {
	    perMessageDeflate = new PerMessageDeflate({
	      ...opts.perMessageDeflate,
	      isServer: false,
	      maxPayload: opts.maxPayload
	    });
	    opts.headers['Sec-WebSocket-Extensions'] = format({
	      [PerMessageDeflate.extensionName]: perMessageDeflate.offer()
	    });
	  }
	  if (protocols.length) {
	    for (const protocol of protocols) {
	      if (
	        typeof protocol !== 'string' ||
	        !subprotocolRegex.test(protocol) ||
	        protocolSet.has(protocol)
	      ) {
	        throw new SyntaxError(
	          'An invalid or duplicated subprotocol was specified'
	        );
	      }

	      protocolSet.add(protocol);
	    }

	    opts.headers['Sec-WebSocket-Protocol'] = protocols.join(',');
	  }
	  if (opts.origin) {
	    if (opts.protocolVersion < 13) {
	      opts.headers['Sec-WebSocket-Origin'] = opts.origin;
	    } else {
	      opts.headers.Origin = opts.origin;
	    }
	  }
	  if (parsedUrl.username || parsedUrl.password) {
	    const username = querystring.unescape(parsedUrl.username);
	    const password = querystring.unescape(parsedUrl.password);

	    opts.auth = `${username}:${password}`;
	  }

	  if (isIpcUrl) {
	    const i = opts.path.indexOf(':');

	    if (i === -1) {
	      opts.socketPath = opts.path;
	      opts.path = '';
	    } else {
	      opts.socketPath = opts.path.slice(0, i);
	      opts.path = opts.path.slice(i + 1);
	    }
	  }

	  let req;

	  if (opts.followRedirects) {
	    if (websocket._redirects === 0) {
	      websocket._originalIpc = isIpcUrl;
	      websocket._originalSecure = isSecure;
	      websocket._originalHostOrSocketPath = isIpcUrl
	        ? opts.socketPath
	        : parsedUrl.host;

	      const headers = options && options.headers;

	      //
	      // Shallow copy the user provided options so that headers can be changed
	      // without mutating the original object.
	      //
	      options = { ...options, headers: {} };

	      if (headers) {
	        for (const [key, value] of Object.entries(headers)) {
	          options.headers[key.toLowerCase()] = value;
	        }
	      }
	    } else if (websocket.listenerCount('redirect') === 0) {
	      const isSameHost = isIpcUrl
	        ? websocket._originalIpc
	          ? opts.socketPath === websocket._originalHostOrSocketPath
	          : false
	        : websocket._originalIpc
	          ? false
	          : parsedUrl.host === websocket._originalHostOrSocketPath;

	      if (!isSameHost || (websocket._originalSecure && !isSecure)) {
	        //
	        // Match curl 7.77.0 behavior and drop the following headers. These
	        // headers are also dropped when following a redirect to a subdomain.
	        //
	        delete opts.headers.authorization;
	        delete opts.headers.cookie;

	        if (!isSameHost) delete opts.headers.host;

	        opts.auth = undefined;
	      }
	    }

	    //
	    // Match curl 7.77.0 behavior and make the first `Authorization` header win.
	    // If the `Authorization` header is set, then there is nothing to do as it
	    // will take precedence.
	    //
	    if (opts.auth && !options.headers.authorization) {
	      options.headers.authorization =
	        'Basic ' + Buffer.from(opts.auth).toString('base64');
	    }

	    req = websocket._req = request(opts);

	    if (websocket._redirects) {
	      //
	      // Unlike what is done for the `'upgrade'` event, no early exit is
	      // triggered here if the user calls `websocket.close()` or
	      // `websocket.terminate()` from a listener of the `'redirect'` event. This
	      // is because the user can also call `request.destroy()` with an error
	      // before calling `websocket.close()` or `websocket.terminate()` and this
	      // would result in an error being emitted on the `request` object with no
	      // `'error'` event listeners attached.
	      //
	      websocket.emit('redirect', websocket.url, req);
	    }
	  } else {
	    req = websocket._req = request(opts);
	  }

	  if (opts.timeout) {
	    req.on('timeout', () => {
	      abortHandshake(websocket, req, 'Opening handshake has timed out');
	    });
	  }

	  req.on('error', (err) => {
	    if (req === null || req[kAborted]) return;

	    req = websocket._req = null;
	    emitErrorAndClose(websocket, err);
	  });

	  req.on('response', (res) => {
	    const location = res.headers.location;
	    const statusCode = res.statusCode;

	    if (
	      location &&
	      opts.followRedirects &&
	      statusCode >= 300 &&
	      statusCode < 400
	    ) {
	      if (++websocket._redirects > opts.maxRedirects) {
	        abortHandshake(websocket, req, 'Maximum redirects exceeded');
	        return;
	      }

	      req.abort();

	      let addr;

	      try {
	        addr = new URL(location, address);
	      } catch (e) {
	        const err = new SyntaxError(`Invalid URL: ${location}`);
	        emitErrorAndClose(websocket, err);
	        return;
	      }

	      initAsClient(websocket, addr, protocols, options);
	    } else if (!websocket.emit('unexpected-response', req, res)) {
	      abortHandshake(
	        websocket,
	        req,
	        `Unexpected server response: ${res.statusCode}`
	      );
	    }
	  });

	  req.on('upgrade', (res, socket, head) => {
	    websocket.emit('upgrade', res);

	    //
	    // The user may have closed the connection from a listener of the
	    // `'upgrade'` event.
	    //
	    if (websocket.readyState !== WebSocket.CONNECTING) return;

	    req = websocket._req = null;

	    const upgrade = res.headers.upgrade;

	    if (upgrade === undefined || upgrade.toLowerCase() !== 'websocket') {
	      abortHandshake(websocket, socket, 'Invalid Upgrade header');
	      return;
	    }

	    const digest = createHash('sha1')
	      .update(key + GUID)
	      .digest('base64');

	    if (res.headers['sec-websocket-accept'] !== digest) {
	      abortHandshake(websocket, socket, 'Invalid Sec-WebSocket-Accept header');
	      return;
	    }

	    const serverProt = res.headers['sec-websocket-protocol'];
	    let protError;

	    if (serverProt !== undefined) {
	      if (!protocolSet.size) {
	        protError = 'Server sent a subprotocol but none was requested';
	      } else if (!protocolSet.has(serverProt)) {
	        protError = 'Server sent an invalid subprotocol';
	      }
	    } else if (protocolSet.size) {
	      protError = 'Server sent no subprotocol';
	    }

	    if (protError) {
	      abortHandshake(websocket, socket, protError);
	      return;
	    }

	    if (serverProt) websocket._protocol = serverProt;

	    const secWebSocketExtensions = res.headers['sec-websocket-extensions'];

	    if (secWebSocketExtensions !== undefined) {
	      if (!perMessageDeflate) {
	        const message =
	          'Server sent a Sec-WebSocket-Extensions header but no extension ' +
	          'was requested';
	        abortHandshake(websocket, socket, message);
	        return;
	      }

	      let extensions;

	      try {
	        extensions = parse(secWebSocketExtensions);
	      } catch (err) {
	        const message = 'Invalid Sec-WebSocket-Extensions header';
	        abortHandshake(websocket, socket, message);
	        return;
	      }

	      const extensionNames = Object.keys(extensions);

	      if (
	        extensionNames.length !== 1 ||
	        extensionNames[0] !== PerMessageDeflate.extensionName
	      ) {
	        const message = 'Server indicated an extension that was not requested';
	        abortHandshake(websocket, socket, message);
	        return;
	      }

	      try {
	        perMessageDeflate.accept(extensions[PerMessageDeflate.extensionName]);
	      } catch (err) {
	        const message = 'Invalid Sec-WebSocket-Extensions header';
	        abortHandshake(websocket, socket, message);
	        return;
	      }

	      websocket._extensions[PerMessageDeflate.extensionName] =
	        perMessageDeflate;
	    }

	    websocket.setSocket(socket, head, {
	      allowSynchronousEvents: opts.allowSynchronousEvents,
	      generateMask: opts.generateMask,
	      maxBufferedChunks: opts.maxBufferedChunks,
	      maxFragments: opts.maxFragments,
	      maxPayload: opts.maxPayload,
	      skipUTF8Validation: opts.skipUTF8Validation
	    });
	  });

	  if (opts.finishRequest) {
	    opts.finishRequest(req, websocket);
	  } else {
	    req.end();
	  }

	  return opts;
	}

	/**
	 * Emit the `'error'` and `'close'` events.
	 *
	 * @param {WebSocket} websocket The WebSocket instance
	 * @param {Error} The error to emit
	 * @private
	 */
	function emitErrorAndClose(websocket, err) {
	  websocket._readyState = WebSocket.CLOSING;
	  //
	  // The following assignment is practically useless and is done only for
	  // consistency.
	  //
	  websocket._errorEmitted = true;
	  websocket.emit('error', err);
	  websocket.emitClose();
	}

	/**
	 * Create a `net.Socket` and initiate a connection.
	 *
	 * @param {Object} options Connection options
	 * @return {net.Socket} The newly created socket used to start the connection
	 * @private
	 */
	function netConnect(options) {
	  options.path = options.socketPath;
	  return net.connect(options);
	}

	/**
	 * Create a `tls.TLSSocket` and initiate a connection.
	 *
	 * @param {Object} options Connection options
	 * @return {tls.TLSSocket} The newly created socket used to start the connection
	 * @private
	 */
	function tlsConnect(options) {
	  options.path = undefined;

	  if (!options.servername && options.servername !== '') {
	    options.servername = net.isIP(options.host) ? '' : options.host;
	  }

	  return tls.connect(options);
	}

	/**
	 * Abort the handshake and emit an error.
	 *
	 * @param {WebSocket} websocket The WebSocket instance
	 * @param {(http.ClientRequest|net.Socket|tls.Socket)} stream The request to
	 *     abort or the socket to destroy
	 * @param {String} message The error message
	 * @private
	 */
	function abortHandshake(websocket, stream, message) {
	  websocket._readyState = WebSocket.CLOSING;

	  const err = new Error(message);
	  Error.captureStackTrace(err, abortHandshake);

	  if (stream.setHeader) {
	    stream[kAborted] = true;
	    stream.abort();

	    if (stream.socket && !stream.socket.destroyed) {
	      //
	      // On Node.js >= 14.3.0 `request.abort()` does not destroy the socket if
	      // called after the request completed. See
	      // https://github.com/websockets/ws/issues/1869.
	      //
	      stream.socket.destroy();
	    }

	    process.nextTick(emitErrorAndClose, websocket, err);
	  } else {
	    stream.destroy(err);
	    stream.once('error', websocket.emit.bind(websocket, 'error'));
	    stream.once('close', websocket.emitClose.bind(websocket));
	  }
	}

	/**
	 * Handle cases where the `ping()`, `pong()`, or `send()` methods are called
	 * when the `readyState` attribute is `CLOSING` or `CLOSED`.
	 *
	 * @param {WebSocket} websocket The WebSocket instance
	 * @param {*} [data] The data to send
	 * @param {Function} [cb] Callback
	 * @private
	 */
	function sendAfterClose(websocket, data, cb) {
	  if (data) {
	    const length = isBlob(data) ? data.size : toBuffer(data).length;

	    //
	    // The `_bufferedAmount` property is used only when the peer is a client and
	    // the opening handshake fails. Under these circumstances, in fact, the
	    // `setSocket()` method is not called, so the `_socket` and `_sender`
	    // properties are set to `null`.
	    //
	    if (websocket._socket) websocket._sender._bufferedBytes += length;
	    else websocket._bufferedAmount += length;
	  }

	  if (cb) {
	    const err = new Error(
	      `WebSocket is not open: readyState ${websocket.readyState} ` +
	        `(${readyStates[websocket.readyState]})`
	    );
	    process.nextTick(cb, err);
	  }
	}

	/**
	 * The listener of the `Receiver` `'conclude'` event.
	 *
	 * @param {Number} code The status code
	 * @param {Buffer} reason The reason for closing
	 * @private
	 */
	function receiverOnConclude(code, reason) {
	  const websocket = this[kWebSocket];

	  websocket._closeFrameReceived = true;
	  websocket._closeCode = code;

	  //
	  // The reason is a view into the buffer the socket delivered. Copy it so that
	  // the `WebSocket` does not keep that buffer alive. The copy is not pooled
	  // because a pooled one would keep the pool alive in the same way.
	  //
	  if (reason.length === 0) {
	    websocket._closeMessage = EMPTY_BUFFER;
	  } else {
	    websocket._closeMessage = Buffer.allocUnsafeSlow(reason.length);
	    websocket._closeMessage.set(reason);
	  }

	  if (websocket._socket[kWebSocket] === undefined) return;

	  websocket._socket.removeListener('data', socketOnData);
	  process.nextTick(resume, websocket._socket);

	  if (code === 1005) websocket.close();
	  else websocket.close(code, reason);
	}

	/**
	 * The listener of the `Receiver` `'drain'` event.
	 *
	 * @private
	 */
	function receiverOnDrain() {
	  const websocket = this[kWebSocket];

	  if (!websocket.isPaused) websocket._socket.resume();
	}

	/**
	 * The listener of the `Receiver` `'error'` event.
	 *
	 * @param {(RangeError|Error)} err The emitted error
	 * @private
	 */
	function receiverOnError(err) {
	  const websocket = this[kWebSocket];

	  if (websocket._socket[kWebSocket] !== undefined) {
	    websocket._socket.removeListener('data', socketOnData);

	    //
	    // On Node.js < 14.0.0 the `'error'` event is emitted synchronously. See
	    // https://github.com/websockets/ws/issues/1940.
	    //
	    process.nextTick(resume, websocket._socket);

	    websocket.close(err[kStatusCode]);
	  }

	  if (!websocket._errorEmitted) {
	    websocket._errorEmitted = true;
	    websocket.emit('error', err);
	  }
	}

	/**
	 * The listener of the `Receiver` `'finish'` event.
	 *
	 * @private
	 */
	function receiverOnFinish() {
	  this[kWebSocket].emitClose();
	}

	/**
	 * The listener of the `Receiver` `'message'` event.
	 *
	 * @param {Buffer|ArrayBuffer|Buffer[])} data The message
	 * @param {Boolean} isBinary Specifies whether the message is binary or not
	 * @private
	 */
	function receiverOnMessage(data, isBinary) {
	  this[kWebSocket].emit('message', data, isBinary);
	}

	/**
	 * The listener of the `Receiver` `'ping'` event.
	 *
	 * @param {Buffer} data The data included in the ping frame
	 * @private
	 */
	function receiverOnPing(data) {
	  const websocket = this[kWebSocket];

	  if (websocket._autoPong && websocket.readyState === WebSocket.OPEN) {
	    if (
	      websocket._maxPendingAutoPongs > 0 &&
	      websocket._pendingAutoPongs >= websocket._maxPendingAutoPongs
	    ) {
	      websocket.terminate();
	    } else {
	      websocket._pendingAutoPongs++;
	      websocket.pong(data, !this._isServer, websocket._autoPongComplete);
	    }
	  }

	  websocket.emit('ping', data);
	}

	/**
	 * The callback for automatic pong responses.
	 *
	 * @param {WebSocket} websocket The WebSocket instance
	 * @private
	 */
	function autoPongComplete(websocket) {
	  websocket._pendingAutoPongs--;
	}

	/**
	 * The listener of the `Receiver` `'pong'` event.
	 *
	 * @param {Buffer} data The data included in the pong frame
	 * @private
	 */
	function receiverOnPong(data) {
	  this[kWebSocket].emit('pong', data);
	}

	/**
	 * Resume a readable stream
	 *
	 * @param {Readable} stream The readable stream
	 * @private
	 */
	function resume(stream) {
	  stream.resume();
	}

	/**
	 * The `Sender` error event handler.
	 *
	 * @param {Error} The error
	 * @private
	 */
	function senderOnError(err) {
	  const websocket = this[kWebSocket];

	  if (websocket.readyState === WebSocket.CLOSED) return;
	  if (websocket.readyState === WebSocket.OPEN) {
	    websocket._readyState = WebSocket.CLOSING;
	    setCloseTimer(websocket);
	  }

	  //
	  // `socket.end()` is used instead of `socket.destroy()` to allow the other
	  // peer to finish sending queued data. There is no need to set a timer here
	  // because `CLOSING` means that it is already set or not needed.
	  //
	  this._socket.end();

	  if (!websocket._errorEmitted) {
	    websocket._errorEmitted = true;
	    websocket.emit('error', err);
	  }
	}

	/**
	 * Set a timer to destroy the underlying raw socket of a WebSocket.
	 *
	 * @param {WebSocket} websocket The WebSocket instance
	 * @private
	 */
	function setCloseTimer(websocket) {
	  websocket._closeTimer = setTimeout(
	    websocket._socket.destroy.bind(websocket._socket),
	    websocket._closeTimeout
	  );
	}

	/**
	 * The listener of the socket `'close'` event.
	 *
	 * @private
	 */
	function socketOnClose() {
	  const websocket = this[kWebSocket];

	  this.removeListener('close', socketOnClose);
	  this.removeListener('data', socketOnData);
	  this.removeListener('end', socketOnEnd);

	  websocket._readyState = WebSocket.CLOSING;

	  //
	  // The close frame might not have been received or the `'end'` event emitted,
	  // for example, if the socket was destroyed due to an error. Ensure that the
	  // `receiver` stream is closed after writing any remaining buffered data to
	  // it. If the readable side of the socket is in flowing mode then there is no
	  // buffered data as everything has been already written. If instead, the
	  // socket is paused, any possible buffered data will be read as a single
	  // chunk.
	  //
	  if (
	    !this._readableState.endEmitted &&
	    !websocket._closeFrameReceived &&
	    !websocket._receiver._writableState.errorEmitted &&
	    this._readableState.length !== 0
	  ) {
	    const chunk = this.read(this._readableState.length);

	    websocket._receiver.write(chunk);
	  }

	  websocket._receiver.end();

	  this[kWebSocket] = undefined;

	  clearTimeout(websocket._closeTimer);

	  if (
	    websocket._receiver._writableState.finished ||
	    websocket._receiver._writableState.errorEmitted
	  ) {
	    websocket.emitClose();
	  } else {
	    websocket._receiver.on('error', receiverOnFinish);
	    websocket._receiver.on('finish', receiverOnFinish);
	  }
	}

	/**
	 * The listener of the socket `'data'` event.
	 *
	 * @param {Buffer} chunk A chunk of data
	 * @private
	 */
	function socketOnData(chunk) {
	  if (!this[kWebSocket]._receiver.write(chunk)) {
	    this.pause();
	  }
	}

	/**
	 * The listener of the socket `'end'` event.
	 *
	 * @private
	 */
	function socketOnEnd() {
	  const websocket = this[kWebSocket];

	  websocket._readyState = WebSocket.CLOSING;
	  websocket._receiver.end();
	  this.end();
	}

	/**
	 * The listener of the socket `'error'` event.
	 *
	 * @private
	 */
	function socketOnError() {
	  const websocket = this[kWebSocket];

	  this.removeListener('error', socketOnError);
	  this.on('error', NOOP);

	  if (websocket) {
	    websocket._readyState = WebSocket.CLOSING;
	    this.destroy();
	  }
	}
	return websocket;
}

/* eslint no-unused-vars: ["error", { "varsIgnorePattern": "^WebSocket$" }] */

var stream;
var hasRequiredStream;

function requireStream () {
	if (hasRequiredStream) return stream;
	hasRequiredStream = 1;

	requireWebsocket();
	const { Duplex } = require$$0$3;

	/**
	 * Emits the `'close'` event on a stream.
	 *
	 * @param {Duplex} stream The stream.
	 * @private
	 */
	function emitClose(stream) {
	  stream.emit('close');
	}

	/**
	 * The listener of the `'end'` event.
	 *
	 * @private
	 */
	function duplexOnEnd() {
	  if (!this.destroyed && this._writableState.finished) {
	    this.destroy();
	  }
	}

	/**
	 * The listener of the `'error'` event.
	 *
	 * @param {Error} err The error
	 * @private
	 */
	function duplexOnError(err) {
	  this.removeListener('error', duplexOnError);
	  this.destroy();
	  if (this.listenerCount('error') === 0) {
	    // Do not suppress the throwing behavior.
	    this.emit('error', err);
	  }
	}

	/**
	 * Wraps a `WebSocket` in a duplex stream.
	 *
	 * @param {WebSocket} ws The `WebSocket` to wrap
	 * @param {Object} [options] The options for the `Duplex` constructor
	 * @return {Duplex} The duplex stream
	 * @public
	 */
	function createWebSocketStream(ws, options) {
	  let terminateOnDestroy = true;

	  const duplex = new Duplex({
	    ...options,
	    autoDestroy: false,
	    emitClose: false,
	    objectMode: false,
	    writableObjectMode: false
	  });

	  ws.on('message', function message(msg, isBinary) {
	    const data =
	      !isBinary && duplex._readableState.objectMode ? msg.toString() : msg;

	    if (!duplex.push(data)) ws.pause();
	  });

	  ws.once('error', function error(err) {
	    if (duplex.destroyed) return;

	    // Prevent `ws.terminate()` from being called by `duplex._destroy()`.
	    //
	    // - If the `'error'` event is emitted before the `'open'` event, then
	    //   `ws.terminate()` is a noop as no socket is assigned.
	    // - Otherwise, the error is re-emitted by the listener of the `'error'`
	    //   event of the `Receiver` object. The listener already closes the
	    //   connection by calling `ws.close()`. This allows a close frame to be
	    //   sent to the other peer. If `ws.terminate()` is called right after this,
	    //   then the close frame might not be sent.
	    terminateOnDestroy = false;
	    duplex.destroy(err);
	  });

	  ws.once('close', function close() {
	    if (duplex.destroyed) return;

	    duplex.push(null);
	  });

	  duplex._destroy = function (err, callback) {
	    if (ws.readyState === ws.CLOSED) {
	      callback(err);
	      process.nextTick(emitClose, duplex);
	      return;
	    }

	    let called = false;

	    ws.once('error', function error(err) {
	      called = true;
	      callback(err);
	    });

	    ws.once('close', function close() {
	      if (!called) callback(err);
	      process.nextTick(emitClose, duplex);
	    });

	    if (terminateOnDestroy) ws.terminate();
	  };

	  duplex._final = function (callback) {
	    if (ws.readyState === ws.CONNECTING) {
	      ws.once('open', function open() {
	        duplex._final(callback);
	      });
	      return;
	    }

	    // If the value of the `_socket` property is `null` it means that `ws` is a
	    // client websocket and the handshake failed. In fact, when this happens, a
	    // socket is never assigned to the websocket. Wait for the `'error'` event
	    // that will be emitted by the websocket.
	    if (ws._socket === null) return;

	    if (ws._socket._writableState.finished) {
	      callback();
	      if (duplex._readableState.endEmitted) duplex.destroy();
	    } else {
	      ws._socket.once('finish', function finish() {
	        // `duplex` is not destroyed here because the `'end'` event will be
	        // emitted on `duplex` after this `'finish'` event. The EOF signaling
	        // `null` chunk is, in fact, pushed when the websocket emits `'close'`.
	        callback();
	      });
	      ws.close();
	    }
	  };

	  duplex._read = function () {
	    if (ws.isPaused) ws.resume();
	  };

	  duplex._write = function (chunk, encoding, callback) {
	    if (ws.readyState === ws.CONNECTING) {
	      ws.once('open', function open() {
	        duplex._write(chunk, encoding, callback);
	      });
	      return;
	    }

	    ws.send(chunk, callback);
	  };

	  duplex.on('end', duplexOnEnd);
	  duplex.on('error', duplexOnError);
	  return duplex;
	}

	stream = createWebSocketStream;
	return stream;
}

requireStream();

requireExtension();

requirePermessageDeflate();

requireReceiver();

requireSender();

var subprotocol;
var hasRequiredSubprotocol;

function requireSubprotocol () {
	if (hasRequiredSubprotocol) return subprotocol;
	hasRequiredSubprotocol = 1;

	const { tokenChars } = requireValidation();

	/**
	 * Parses the `Sec-WebSocket-Protocol` header into a set of subprotocol names.
	 *
	 * @param {String} header The field value of the header
	 * @return {Set} The subprotocol names
	 * @public
	 */
	function parse(header) {
	  const protocols = new Set();
	  let start = -1;
	  let end = -1;
	  let i = 0;

	  for (i; i < header.length; i++) {
	    const code = header.charCodeAt(i);

	    if (end === -1 && tokenChars[code] === 1) {
	      if (start === -1) start = i;
	    } else if (
	      i !== 0 &&
	      (code === 0x20 /* ' ' */ || code === 0x09) /* '\t' */
	    ) {
	      if (end === -1 && start !== -1) end = i;
	    } else if (code === 0x2c /* ',' */) {
	      if (start === -1) {
	        throw new SyntaxError(`Unexpected character at index ${i}`);
	      }

	      if (end === -1) end = i;

	      const protocol = header.slice(start, end);

	      if (protocols.has(protocol)) {
	        throw new SyntaxError(`The "${protocol}" subprotocol is duplicated`);
	      }

	      protocols.add(protocol);
	      start = end = -1;
	    } else {
	      throw new SyntaxError(`Unexpected character at index ${i}`);
	    }
	  }

	  if (start === -1 || end !== -1) {
	    throw new SyntaxError('Unexpected end of input');
	  }

	  const protocol = header.slice(start, i);

	  if (protocols.has(protocol)) {
	    throw new SyntaxError(`The "${protocol}" subprotocol is duplicated`);
	  }

	  protocols.add(protocol);
	  return protocols;
	}

	subprotocol = { parse };
	return subprotocol;
}

requireSubprotocol();

var websocketExports = requireWebsocket();
var WebSocket$1 = /*@__PURE__*/getDefaultExportFromCjs(websocketExports);

/* eslint no-unused-vars: ["error", { "varsIgnorePattern": "^Duplex$", "caughtErrors": "none" }] */

var websocketServer;
var hasRequiredWebsocketServer;

function requireWebsocketServer () {
	if (hasRequiredWebsocketServer) return websocketServer;
	hasRequiredWebsocketServer = 1;

	const EventEmitter = require$$0$4;
	const http = require$$0;
	const { Duplex } = require$$0$3;
	const { createHash } = require$$1;

	const extension = requireExtension();
	const PerMessageDeflate = requirePermessageDeflate();
	const subprotocol = requireSubprotocol();
	const WebSocket = requireWebsocket();
	const { CLOSE_TIMEOUT, GUID, kWebSocket } = requireConstants();

	const keyRegex = /^[+/0-9A-Za-z]{22}==$/;

	const RUNNING = 0;
	const CLOSING = 1;
	const CLOSED = 2;

	/**
	 * Class representing a WebSocket server.
	 *
	 * @extends EventEmitter
	 */
	class WebSocketServer extends EventEmitter {
	  /**
	   * Create a `WebSocketServer` instance.
	   *
	   * @param {Object} options Configuration options
	   * @param {Boolean} [options.allowSynchronousEvents=true] Specifies whether
	   *     any of the `'message'`, `'ping'`, and `'pong'` events can be emitted
	   *     multiple times in the same tick
	   * @param {Boolean} [options.autoPong=true] Specifies whether or not to
	   *     automatically send a pong in response to a ping
	   * @param {Number} [options.backlog=511] The maximum length of the queue of
	   *     pending connections
	   * @param {Boolean} [options.clientTracking=true] Specifies whether or not to
	   *     track clients
	   * @param {Number} [options.closeTimeout=30000] Duration in milliseconds to
	   *     wait for the closing handshake to finish after `websocket.close()` is
	   *     called
	   * @param {Function} [options.handleProtocols] A hook to handle protocols
	   * @param {String} [options.host] The hostname where to bind the server
	   * @param {Number} [options.maxBufferedChunks=262144] The maximum number of
	   *     buffered data chunks
	   * @param {Number} [options.maxFragments=16384] The maximum number of message
	   *     fragments
	   * @param {Number} [options.maxPayload=104857600] The maximum allowed message
	   *     size
	   * @param {Number} [options.maxPendingAutoPongs=60] The maximum number of
	   *     pending automatic pongs
	   * @param {Boolean} [options.noServer=false] Enable no server mode
	   * @param {String} [options.path] Accept only connections matching this path
	   * @param {(Boolean|Object)} [options.perMessageDeflate=false] Enable/disable
	   *     permessage-deflate
	   * @param {Number} [options.port] The port where to bind the server
	   * @param {(http.Server|https.Server)} [options.server] A pre-created HTTP/S
	   *     server to use
	   * @param {Boolean} [options.skipUTF8Validation=false] Specifies whether or
	   *     not to skip UTF-8 validation for text and close messages
	   * @param {Function} [options.verifyClient] A hook to reject connections
	   * @param {Function} [options.WebSocket=WebSocket] Specifies the `WebSocket`
	   *     class to use. It must be the `WebSocket` class or class that extends it
	   * @param {Function} [callback] A listener for the `listening` event
	   */
	  constructor(options, callback) {
	    super();

	    options = {
	      allowSynchronousEvents: true,
	      autoPong: true,
	      maxBufferedChunks: 256 * 1024,
	      maxFragments: 16 * 1024,
	      maxPayload: 100 * 1024 * 1024,
	      maxPendingAutoPongs: 60,
	      skipUTF8Validation: false,
	      perMessageDeflate: false,
	      handleProtocols: null,
	      clientTracking: true,
	      closeTimeout: CLOSE_TIMEOUT,
	      verifyClient: null,
	      noServer: false,
	      backlog: null, // use default (511 as implemented in net.js)
	      server: null,
	      host: null,
	      path: null,
	      port: null,
	      WebSocket,
	      ...options
	    };

	    if (
	      (options.port == null && !options.server && !options.noServer) ||
	      (options.port != null && (options.server || options.noServer)) ||
	      (options.server && options.noServer)
	    ) {
	      throw new TypeError(
	        'One and only one of the "port", "server", or "noServer" options ' +
	          'must be specified'
	      );
	    }

	    if (options.port != null) {
	      this._server = http.createServer((req, res) => {
	        const body = http.STATUS_CODES[426];

	        res.writeHead(426, {
	          'Content-Length': body.length,
	          'Content-Type': 'text/plain'
	        });
	        res.end(body);
	      });
	      this._server.listen(
	        options.port,
	        options.host,
	        options.backlog,
	        callback
	      );
	    } else if (options.server) {
	      this._server = options.server;
	    }

	    if (this._server) {
	      const emitConnection = this.emit.bind(this, 'connection');

	      this._removeListeners = addListeners(this._server, {
	        listening: this.emit.bind(this, 'listening'),
	        error: this.emit.bind(this, 'error'),
	        upgrade: (req, socket, head) => {
	          this.handleUpgrade(req, socket, head, emitConnection);
	        }
	      });
	    }

	    if (options.perMessageDeflate === true) options.perMessageDeflate = {};
	    if (options.clientTracking) {
	      this.clients = new Set();
	      this._shouldEmitClose = false;
	    }

	    this.options = options;
	    this._state = RUNNING;
	  }

	  /**
	   * Returns the bound address, the address family name, and port of the server
	   * as reported by the operating system if listening on an IP socket.
	   * If the server is listening on a pipe or UNIX domain socket, the name is
	   * returned as a string.
	   *
	   * @return {(Object|String|null)} The address of the server
	   * @public
	   */
	  address() {
	    if (this.options.noServer) {
	      throw new Error('The server is operating in "noServer" mode');
	    }

	    if (!this._server) return null;
	    return this._server.address();
	  }

	  /**
	   * Stop the server from accepting new connections and emit the `'close'` event
	   * when all existing connections are closed.
	   *
	   * @param {Function} [cb] A one-time listener for the `'close'` event
	   * @public
	   */
	  close(cb) {
	    if (this._state === CLOSED) {
	      if (cb) {
	        this.once('close', () => {
	          cb(new Error('The server is not running'));
	        });
	      }

	      process.nextTick(emitClose, this);
	      return;
	    }

	    if (cb) this.once('close', cb);

	    if (this._state === CLOSING) return;
	    this._state = CLOSING;

	    if (this.options.noServer || this.options.server) {
	      if (this._server) {
	        this._removeListeners();
	        this._removeListeners = this._server = null;
	      }

	      if (this.clients) {
	        if (!this.clients.size) {
	          process.nextTick(emitClose, this);
	        } else {
	          this._shouldEmitClose = true;
	        }
	      } else {
	        process.nextTick(emitClose, this);
	      }
	    } else {
	      const server = this._server;

	      this._removeListeners();
	      this._removeListeners = this._server = null;

	      //
	      // The HTTP/S server was created internally. Close it, and rely on its
	      // `'close'` event.
	      //
	      server.close(() => {
	        emitClose(this);
	      });
	    }
	  }

	  /**
	   * See if a given request should be handled by this server instance.
	   *
	   * @param {http.IncomingMessage} req Request object to inspect
	   * @return {Boolean} `true` if the request is valid, else `false`
	   * @public
	   */
	  shouldHandle(req) {
	    if (this.options.path) {
	      const index = req.url.indexOf('?');
	      const pathname = index !== -1 ? req.url.slice(0, index) : req.url;

	      if (pathname !== this.options.path) return false;
	    }

	    return true;
	  }

	  /**
	   * Handle a HTTP Upgrade request.
	   *
	   * @param {http.IncomingMessage} req The request object
	   * @param {Duplex} socket The network socket between the server and client
	   * @param {Buffer} head The first packet of the upgraded stream
	   * @param {Function} cb Callback
	   * @public
	   */
	  handleUpgrade(req, socket, head, cb) {
	    socket.on('error', socketOnError);

	    const key = req.headers['sec-websocket-key'];
	    const upgrade = req.headers.upgrade;
	    const version = +req.headers['sec-websocket-version'];

	    if (req.method !== 'GET') {
	      const message = 'Invalid HTTP method';
	      abortHandshakeOrEmitwsClientError(this, req, socket, 405, message);
	      return;
	    }

	    if (upgrade === undefined || upgrade.toLowerCase() !== 'websocket') {
	      const message = 'Invalid Upgrade header';
	      abortHandshakeOrEmitwsClientError(this, req, socket, 400, message);
	      return;
	    }

	    if (key === undefined || !keyRegex.test(key)) {
	      const message = 'Missing or invalid Sec-WebSocket-Key header';
	      abortHandshakeOrEmitwsClientError(this, req, socket, 400, message);
	      return;
	    }

	    if (version !== 13 && version !== 8) {
	      const message = 'Missing or invalid Sec-WebSocket-Version header';
	      abortHandshakeOrEmitwsClientError(this, req, socket, 400, message, {
	        'Sec-WebSocket-Version': '13, 8'
	      });
	      return;
	    }

	    if (!this.shouldHandle(req)) {
	      abortHandshake(socket, 400);
	      return;
	    }

	    const secWebSocketProtocol = req.headers['sec-websocket-protocol'];
	    let protocols = new Set();

	    if (secWebSocketProtocol !== undefined) {
	      try {
	        protocols = subprotocol.parse(secWebSocketProtocol);
	      } catch (err) {
	        const message = 'Invalid Sec-WebSocket-Protocol header';
	        abortHandshakeOrEmitwsClientError(this, req, socket, 400, message);
	        return;
	      }
	    }

	    const secWebSocketExtensions = req.headers['sec-websocket-extensions'];
	    const extensions = {};

	    if (
	      this.options.perMessageDeflate &&
	      secWebSocketExtensions !== undefined
	    ) {
	      const perMessageDeflate = new PerMessageDeflate({
	        ...this.options.perMessageDeflate,
	        isServer: true,
	        maxPayload: this.options.maxPayload
	      });

	      try {
	        const offers = extension.parse(secWebSocketExtensions);

	        if (offers[PerMessageDeflate.extensionName]) {
	          perMessageDeflate.accept(offers[PerMessageDeflate.extensionName]);
	          extensions[PerMessageDeflate.extensionName] = perMessageDeflate;
	        }
	      } catch (err) {
	        const message =
	          'Invalid or unacceptable Sec-WebSocket-Extensions header';
	        abortHandshakeOrEmitwsClientError(this, req, socket, 400, message);
	        return;
	      }
	    }

	    //
	    // Optionally call external client verification handler.
	    //
	    if (this.options.verifyClient) {
	      const info = {
	        origin:
	          req.headers[`${version === 8 ? 'sec-websocket-origin' : 'origin'}`],
	        secure: !!(req.socket.authorized || req.socket.encrypted),
	        req
	      };

	      if (this.options.verifyClient.length === 2) {
	        this.options.verifyClient(info, (verified, code, message, headers) => {
	          if (!verified) {
	            return abortHandshake(socket, code || 401, message, headers);
	          }

	          this.completeUpgrade(
	            extensions,
	            key,
	            protocols,
	            req,
	            socket,
	            head,
	            cb
	          );
	        });
	        return;
	      }

	      if (!this.options.verifyClient(info)) return abortHandshake(socket, 401);
	    }

	    this.completeUpgrade(extensions, key, protocols, req, socket, head, cb);
	  }

	  /**
	   * Upgrade the connection to WebSocket.
	   *
	   * @param {Object} extensions The accepted extensions
	   * @param {String} key The value of the `Sec-WebSocket-Key` header
	   * @param {Set} protocols The subprotocols
	   * @param {http.IncomingMessage} req The request object
	   * @param {Duplex} socket The network socket between the server and client
	   * @param {Buffer} head The first packet of the upgraded stream
	   * @param {Function} cb Callback
	   * @throws {Error} If called more than once with the same socket
	   * @private
	   */
	  completeUpgrade(extensions, key, protocols, req, socket, head, cb) {
	    //
	    // Destroy the socket if the client has already sent a FIN packet.
	    //
	    if (!socket.readable || !socket.writable) return socket.destroy();

	    if (socket[kWebSocket]) {
	      throw new Error(
	        'server.handleUpgrade() was called more than once with the same ' +
	          'socket, possibly due to a misconfiguration'
	      );
	    }

	    if (this._state > RUNNING) return abortHandshake(socket, 503);

	    const digest = createHash('sha1')
	      .update(key + GUID)
	      .digest('base64');

	    const headers = [
	      'HTTP/1.1 101 Switching Protocols',
	      'Upgrade: websocket',
	      'Connection: Upgrade',
	      `Sec-WebSocket-Accept: ${digest}`
	    ];

	    const ws = new this.options.WebSocket(null, undefined, this.options);

	    if (protocols.size) {
	      //
	      // Optionally call external protocol selection handler.
	      //
	      const protocol = this.options.handleProtocols
	        ? this.options.handleProtocols(protocols, req)
	        : protocols.values().next().value;

	      if (protocol) {
	        headers.push(`Sec-WebSocket-Protocol: ${protocol}`);
	        ws._protocol = protocol;
	      }
	    }

	    if (extensions[PerMessageDeflate.extensionName]) {
	      const params = extensions[PerMessageDeflate.extensionName].params;
	      const value = extension.format({
	        [PerMessageDeflate.extensionName]: [params]
	      });
	      headers.push(`Sec-WebSocket-Extensions: ${value}`);
	      ws._extensions = extensions;
	    }

	    //
	    // Allow external modification/inspection of handshake headers.
	    //
	    this.emit('headers', headers, req);

	    socket.write(headers.concat('\r\n').join('\r\n'));
	    socket.removeListener('error', socketOnError);

	    ws.setSocket(socket, head, {
	      allowSynchronousEvents: this.options.allowSynchronousEvents,
	      maxBufferedChunks: this.options.maxBufferedChunks,
	      maxFragments: this.options.maxFragments,
	      maxPayload: this.options.maxPayload,
	      skipUTF8Validation: this.options.skipUTF8Validation
	    });

	    if (this.clients) {
	      this.clients.add(ws);
	      ws.on('close', () => {
	        this.clients.delete(ws);

	        if (this._shouldEmitClose && !this.clients.size) {
	          process.nextTick(emitClose, this);
	        }
	      });
	    }

	    cb(ws, req);
	  }
	}

	websocketServer = WebSocketServer;

	/**
	 * Add event listeners on an `EventEmitter` using a map of <event, listener>
	 * pairs.
	 *
	 * @param {EventEmitter} server The event emitter
	 * @param {Object.<String, Function>} map The listeners to add
	 * @return {Function} A function that will remove the added listeners when
	 *     called
	 * @private
	 */
	function addListeners(server, map) {
	  for (const event of Object.keys(map)) server.on(event, map[event]);

	  return function removeListeners() {
	    for (const event of Object.keys(map)) {
	      server.removeListener(event, map[event]);
	    }
	  };
	}

	/**
	 * Emit a `'close'` event on an `EventEmitter`.
	 *
	 * @param {EventEmitter} server The event emitter
	 * @private
	 */
	function emitClose(server) {
	  server._state = CLOSED;
	  server.emit('close');
	}

	/**
	 * Handle socket errors.
	 *
	 * @private
	 */
	function socketOnError() {
	  this.destroy();
	}

	/**
	 * Close the connection when preconditions are not fulfilled.
	 *
	 * @param {Duplex} socket The socket of the upgrade request
	 * @param {Number} code The HTTP response status code
	 * @param {String} [message] The HTTP response body
	 * @param {Object} [headers] Additional HTTP response headers
	 * @private
	 */
	function abortHandshake(socket, code, message, headers) {
	  //
	  // The socket is writable unless the user destroyed or ended it before calling
	  // `server.handleUpgrade()` or in the `verifyClient` function, which is a user
	  // error. Handling this does not make much sense as the worst that can happen
	  // is that some of the data written by the user might be discarded due to the
	  // call to `socket.end()` below, which triggers an `'error'` event that in
	  // turn causes the socket to be destroyed.
	  //
	  message = message || http.STATUS_CODES[code];
	  headers = {
	    Connection: 'close',
	    'Content-Type': 'text/html',
	    'Content-Length': Buffer.byteLength(message),
	    ...headers
	  };

	  socket.once('finish', socket.destroy);

	  socket.end(
	    `HTTP/1.1 ${code} ${http.STATUS_CODES[code]}\r\n` +
	      Object.keys(headers)
	        .map((h) => `${h}: ${headers[h]}`)
	        .join('\r\n') +
	      '\r\n\r\n' +
	      message
	  );
	}

	/**
	 * Emit a `'wsClientError'` event on a `WebSocketServer` if there is at least
	 * one listener for it, otherwise call `abortHandshake()`.
	 *
	 * @param {WebSocketServer} server The WebSocket server
	 * @param {http.IncomingMessage} req The request object
	 * @param {Duplex} socket The socket of the upgrade request
	 * @param {Number} code The HTTP response status code
	 * @param {String} message The HTTP response body
	 * @param {Object} [headers] The HTTP response headers
	 * @private
	 */
	function abortHandshakeOrEmitwsClientError(
	  server,
	  req,
	  socket,
	  code,
	  message,
	  headers
	) {
	  if (server.listenerCount('wsClientError')) {
	    const err = new Error(message);
	    Error.captureStackTrace(err, abortHandshakeOrEmitwsClientError);

	    server.emit('wsClientError', err, socket, req);
	  } else {
	    abortHandshake(socket, code, message, headers);
	  }
	}
	return websocketServer;
}

var websocketServerExports = requireWebsocketServer();
var WebSocketServer = /*@__PURE__*/getDefaultExportFromCjs(websocketServerExports);

/**
 * How the API ends a connection: RFC 6455 close codes where one fits, the private range for
 * Latchkey's own. Each comes with a reason a person can read (at most 123 bytes on the wire).
 */
const CLOSE = {
    /** The client broke the API's rules (no hello in time, a second hello). */
    policy: 1008,
    /** A limit was reached; trying again later may work (the card reconnects with backoff). */
    tryAgainLater: 1013,
    /** After a `fatal` message: the add-on will not take this client as it is; the card stops. */
    refused: 4000,
    /** The person's rights changed in HA or their login lapsed: the card connects afresh. */
    sessionEnded: 4001,
};
/** A close reason fits the 123 bytes a close frame allows. */
function closeReason(text) {
    const bytes = Buffer.from(text, "utf8");
    return bytes.length <= 123
        ? text
        : bytes
            .subarray(0, 120)
            .toString("utf8")
            .replace(/\uFFFD$/, "") + "…";
}

const ZodMiniType = /*@__PURE__*/ $constructor("ZodMiniType", (inst, def) => {
    if (!inst._zod)
        throw new Error("Uninitialized schema in ZodMiniType.");
    $ZodType.init(inst, def);
    inst.def = def;
    inst.type = def.type;
}, {
    // `with` is an alias for `check`: the same function object, not a wrapper.
    get with() {
        return this.check;
    },
    set with(value) {
        own(this, "with", value);
    },
    parse(data, params) {
        return parse$1(this, data, params, { callee: this.parse });
    },
    parseAsync(data, params) {
        return parseAsync$1(this, data, params, { callee: this.parseAsync });
    },
    safeParse(data, params) {
        return safeParse$1(this, data, params);
    },
    safeParseAsync(data, params) {
        return safeParseAsync$1(this, data, params);
    },
    check(...checks) {
        const def = this.def;
        return this.clone({
            ...def,
            checks: [
                ...(def.checks ?? []),
                ...checks.map((ch) => typeof ch === "function" ? { _zod: { check: ch, def: { check: "custom" }, onattach: [] } } : ch),
            ],
        }, { parent: true });
    },
    clone(_def, params) {
        return clone(this, _def, params);
    },
    brand() {
        return this;
    },
    register(reg, meta) {
        reg.add(this, meta);
        return this;
    },
    apply(fn, ...args) {
        return args.length === 0 ? fn(this) : fn(this, ...args);
    },
});
const ZodMiniString = /*@__PURE__*/ $constructor("ZodMiniString", (inst, def) => {
    $ZodString.init(inst, def);
    ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function string(params) {
    return _string(ZodMiniString, params);
}
const ZodMiniNumber = /*@__PURE__*/ $constructor("ZodMiniNumber", (inst, def) => {
    $ZodNumber.init(inst, def);
    ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function number(params) {
    return _number(ZodMiniNumber, params);
}
const ZodMiniBoolean = /*@__PURE__*/ $constructor("ZodMiniBoolean", (inst, def) => {
    $ZodBoolean.init(inst, def);
    ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function boolean(params) {
    return _boolean(ZodMiniBoolean, params);
}
const ZodMiniNever = /*@__PURE__*/ $constructor("ZodMiniNever", (inst, def) => {
    $ZodNever.init(inst, def);
    ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function never(params) {
    return _never(ZodMiniNever, params);
}
const ZodMiniArray = /*@__PURE__*/ $constructor("ZodMiniArray", (inst, def) => {
    $ZodArray.init(inst, def);
    ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function array(element, params) {
    return new ZodMiniArray({
        type: "array",
        element: element,
        ...normalizeParams(params),
    });
}
const ZodMiniObject = /*@__PURE__*/ $constructor("ZodMiniObject", (inst, def) => {
    $ZodObject.init(inst, def);
    ZodMiniType.init(inst, def);
    installLazyProp(inst, "shape", (self) => self._zod.def.shape, false);
});
// @__NO_SIDE_EFFECTS__
function object(shape, params) {
    const def = {
        type: "object",
        shape: shape ?? {},
        ...normalizeParams(params),
    };
    return new ZodMiniObject(def);
}
// strictObject
// @__NO_SIDE_EFFECTS__
function strictObject(shape, params) {
    return new ZodMiniObject({
        type: "object",
        shape,
        catchall: never(),
        ...normalizeParams(params),
    });
}
const ZodMiniUnion = /*@__PURE__*/ $constructor("ZodMiniUnion", (inst, def) => {
    $ZodUnion.init(inst, def);
    ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function union(options, params) {
    return new ZodMiniUnion({
        type: "union",
        options: options,
        ...normalizeParams(params),
    });
}
const ZodMiniDiscriminatedUnion = /*@__PURE__*/ $constructor("ZodMiniDiscriminatedUnion", (inst, def) => {
    $ZodDiscriminatedUnion.init(inst, def);
    ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function discriminatedUnion(discriminator, options, params) {
    return new ZodMiniDiscriminatedUnion({
        type: "union",
        options: options,
        discriminator,
        ...normalizeParams(params),
    });
}
const ZodMiniRecord = /*@__PURE__*/ $constructor("ZodMiniRecord", (inst, def) => {
    $ZodRecord.init(inst, def);
    ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function record$1(keyType, valueType, params) {
    // v3-compat: z.record(valueType, params?) — defaults keyType to z.string()
    if (!valueType || !valueType._zod) {
        return new ZodMiniRecord({
            type: "record",
            keyType: string(),
            valueType: keyType,
            ...normalizeParams(valueType),
        });
    }
    return new ZodMiniRecord({
        type: "record",
        keyType,
        valueType: valueType,
        ...normalizeParams(params),
    });
}
const ZodMiniEnum = /*@__PURE__*/ $constructor("ZodMiniEnum", (inst, def) => {
    $ZodEnum.init(inst, def);
    ZodMiniType.init(inst, def);
    // reuse the parsed value set so a numeric TS enum's reverse-mapping keys stay out
    inst.options = [...inst._zod.values];
});
// @__NO_SIDE_EFFECTS__
function _enum(values, params) {
    const entries = Array.isArray(values) ? Object.fromEntries(values.map((v) => [v, v])) : values;
    return new ZodMiniEnum({
        type: "enum",
        entries,
        ...normalizeParams(params),
    });
}
const ZodMiniLiteral = /*@__PURE__*/ $constructor("ZodMiniLiteral", (inst, def) => {
    $ZodLiteral.init(inst, def);
    ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function literal(value, params) {
    return new ZodMiniLiteral({
        type: "literal",
        values: Array.isArray(value) ? value : [value],
        ...normalizeParams(params),
    });
}
const ZodMiniOptional = /*@__PURE__*/ $constructor("ZodMiniOptional", (inst, def) => {
    $ZodOptional.init(inst, def);
    ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function optional(innerType) {
    return new ZodMiniOptional({
        type: "optional",
        innerType: innerType,
    });
}
const ZodMiniNullable = /*@__PURE__*/ $constructor("ZodMiniNullable", (inst, def) => {
    $ZodNullable.init(inst, def);
    ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function nullable(innerType) {
    return new ZodMiniNullable({
        type: "nullable",
        innerType: innerType,
    });
}
const ZodMiniDefault = /*@__PURE__*/ $constructor("ZodMiniDefault", (inst, def) => {
    $ZodDefault.init(inst, def);
    ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function _default(innerType, defaultValue) {
    return new ZodMiniDefault({
        type: "default",
        innerType: innerType,
        get defaultValue() {
            return typeof defaultValue === "function" ? defaultValue() : shallowClone(defaultValue);
        },
    });
}
const ZodMiniCustom = /*@__PURE__*/ $constructor("ZodMiniCustom", (inst, def) => {
    $ZodCustom.init(inst, def);
    ZodMiniType.init(inst, def);
});
// refine
// @__NO_SIDE_EFFECTS__
function refine(fn, _params = {}) {
    return _refine(ZodMiniCustom, fn, _params);
}

/** Fills `{name}` placeholders; an unknown name stays as written so a gap is visible, not blank. */
function fillPlaceholders(text, values) {
    return text.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

/**
 * The problems Latchkey tells people about, by key, in English. The add-on sends the key and
 * its values with the message, worded in the language the card named in its hello
 * (addon/src/i18n/problems.ts). A form's problems the card finds itself before sending, so
 * those are in the card's own texts in every language.
 */
/** Every problem a code's draft can have. */
const VALIDATION_TEXTS = {
    "validation.name_missing": "Give the code a name.",
    "validation.name_too_long": "A name has at most {max} characters.",
    "validation.name_taken": "There is already a code named “{name}”.",
    "validation.name_unseen_characters": "A name may not contain invisible or text-direction characters.",
    "validation.too_many_windows": "A code has at most {max} time windows.",
    "validation.window_days_twice": "A time window lists a day twice.",
    "validation.too_many_targets": "A code notifies at most {max} targets.",
    "validation.lock_unknown": "Unknown lock: {locks}.",
    "validation.lock_twice": "A lock is listed twice.",
    "validation.pin_missing": "Enter a PIN or generate one.",
    "validation.pin_not_digits": "A PIN may contain digits only.",
    "validation.pin_no_common_length": "The chosen locks accept no common PIN length; put this code on fewer locks.",
    "validation.pin_length": "The PIN must have {range} digits for the chosen locks.",
    "validation.pin_taken": "“{name}” already uses this PIN on {locks}. Each person needs their own PIN so you know who opened the door.",
    "validation.pin_weak_repeated": "This PIN is easy to guess: it repeats one digit.",
    "validation.pin_weak_sequence": "This PIN is easy to guess: it is a straight run of digits.",
    "validation.pin_weak_common": "This PIN is easy to guess: it is one of the most common PINs.",
};
/** Why a request failed, in English; the add-on words them in the card's language. */
const ERROR_TEXTS = {
    "error.admins_only": "Only Home Assistant administrators can change, reveal or share codes.",
    "error.code_gone": "That code does not exist (any more).",
    "error.lock_gone": "That lock is not in Home Assistant.",
    "error.slot_not_held": "That slot is not waiting for a choice.",
    "error.nothing_to_refill": "No codes on that lock are waiting to be refilled.",
    "error.slot_not_unmanaged": "No unmanaged code is known in that slot.",
    "error.slot_managed": "That slot is managed by Latchkey; delete or edit its code instead.",
    "error.slot_already_managed": "That slot is already managed by Latchkey.",
    "error.pin_unreadable": "The lock does not let that code be read, so it cannot be adopted. Clear it, or leave it alone.",
    "error.ha_offline": "Not connected to Home Assistant.",
    "error.share_failed": "Home Assistant could not send the code with {service}. Check that the service exists and works.",
    "error.protocol_mismatch": "This add-on speaks protocol {protocol}; reload the page to get the matching card.",
    "error.login_refused": "Home Assistant did not accept your login for Latchkey. Reload the page and try again.",
    "error.internal": "Something went wrong in the Latchkey add-on; see its log.",
    "error.start_with_hello": "Start with a hello message.",
    "error.wait_for_welcome": "Wait for the add-on's welcome before sending requests.",
    "error.message_too_large": "The message is too large: the add-on takes at most {max} KB at once.",
    "error.rights_unknown": "Latchkey cannot ask Home Assistant about your rights right now, so it does not do this. Try again shortly.",
    "error.too_many_codes": "Latchkey holds at most {max} codes; delete one you no longer need first.",
};
/** Why a code is not on a lock yet (a sync chip's tooltip). */
const SYNC_REASON_TEXTS = {
    "sync_reason.no_free_slot": "The lock has no free slot in Latchkey's range.",
    "sync_reason.lock_unlisted": "Latchkey could not yet list the codes on this lock, so it does not pick a slot there; it asks again shortly.",
    "sync_reason.lock_gone": "The lock is not in Home Assistant right now.",
    "sync_reason.lock_offline": "The lock is offline; the change is sent when it is back.",
    "sync_reason.changed_in_ha": "This code was changed by someone else in Home Assistant. Keep that version or restore Latchkey's.",
    "sync_reason.removed_in_ha": "This code was removed by someone else in Home Assistant. Keep it removed or restore Latchkey's.",
    "sync_reason.removed_at_lock": "This code was removed at the lock's keypad. Keep the lock's version or restore Latchkey's.",
    "sync_reason.changed_at_lock": "This code was changed at the lock's keypad. Keep the lock's version or restore Latchkey's.",
    "sync_reason.codes_lost": "The lock lost its codes (a battery swap or a reset). Refill puts Latchkey's codes back on it.",
    "sync_reason.pin_hidden": "Set, but the lock does not show PINs: it took the code and reports the slot in use, so Latchkey cannot confirm which PIN is there.",
    "sync_reason.no_answer": "Set, but the lock never reported back after the write, so Latchkey cannot confirm it. It is not sent again.",
    "sync_reason.refused_duplicate": "This lock refused the PIN: another slot holds the same PIN. Latchkey does not send it again; choose another PIN, or clear the other slot.",
};

/** Added to protocol 1 as optional fields: a key such as "error.code_gone" and its values, so a client can translate. */
const problemFields = {
    /** A client shows `message` for a key it does not know. */
    problem: optional(string()),
    values: optional(record$1(string(), union([string(), number()]))),
};
/** The one error class the add-on throws for expected failures; turned into a WireError in one place. */
class LatchkeyError extends Error {
    constructor(code, problem, values = {}, issues, message = problem ? fillPlaceholders(ERROR_TEXTS[problem], values) : code) {
        super(message);
        this.code = code;
        this.problem = problem;
        this.values = values;
        this.issues = issues;
        this.name = "LatchkeyError";
    }
    /** A draft that cannot be saved: every field's problem, and all of them as the message. */
    static validationFailed(issues) {
        return new LatchkeyError("validation_failed", null, {}, issues, issues.map((i) => i.message).join(" "));
    }
    toWire() {
        return {
            code: this.code,
            message: this.message,
            ...(this.problem ? { problem: this.problem, values: this.values } : {}),
            ...(this.issues ? { issues: this.issues } : {}),
        };
    }
}
/** A wire error for a problem by key, for errors sent without throwing (a refused connection). */
function wireError(code, problem, values = {}) {
    return new LatchkeyError(code, problem, values).toWire();
}
/** Turns zod's issues into one sentence a person can act on, after a lead such as "The request is not valid". */
function describeZodError(error, lead) {
    const parts = error.issues.slice(0, 3).map((issue) => {
        const where = issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
        // Messages written as sentences end in a full stop already; the joined text ends in one.
        return `${where}${issue.message.replace(/\.$/, "")}`;
    });
    const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : "";
    return `${lead} — ${parts.join("; ")}${more}.`;
}

// The shared model uses zod/mini: the card bundles it, and mini keeps the card small (issue 4's
// size budget). Classic zod schemas in the add-on embed these schemas unchanged.
/**
 * A string check against a pattern, failing with `error`. Not z.regex(): its string-format
 * machinery costs the card 0.2 KB gzipped for the same test.
 */
function matches(pattern, error) {
    return refine((text) => pattern.test(text), { error });
}
/** An HA lock entity id, e.g. `lock.front_door`. Latchkey keys locks by entity id. */
const LockIdSchema = string()
    .check(matches(/^lock\.[a-z0-9_]+$/, "A lock must be an entity id such as lock.front_door."));
/**
 * A whole number; add bounds with `.check(z.minimum(…))`. Not z.int(): that brings zod's
 * number-format machinery into the card (0.4 KB gzipped) for a check this line makes.
 */
const IntSchema = number()
    .check(refine(Number.isSafeInteger, { error: "Expected a whole number." }));
/** A user-code slot on a lock. Slot 0 is not a user slot on any Z-Wave lock. */
const SlotNumberSchema = IntSchema.check(_gte(1), _lte(65535));
/**
 * Timestamps travel and persist as ISO-8601 strings with seconds and an offset ("Z" or
 * ±HH:MM), so JSON round-trips are lossless and every reader agrees on the instant. It accepts
 * what z.iso.datetime({ offset: true }) accepts, without bundling zod's datetime builder into the
 * card (0.3 KB gzipped). The day must exist: `Date` would quietly turn 30 February into 2 March.
 */
const ISO_TIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const digit = (text, at) => text.charCodeAt(at) - 48;
/** For a string ISO_TIME matched. Reads the digits in place: a store holds thousands of timestamps. */
function dayExists(time) {
    const year = digit(time, 0) * 1000 + digit(time, 1) * 100 + digit(time, 2) * 10 + digit(time, 3);
    const month = digit(time, 5) * 10 + digit(time, 6);
    const day = digit(time, 8) * 10 + digit(time, 9);
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    return day <= (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0));
}
const IsoTimeSchema = string().check(refine((time) => ISO_TIME.test(time) && dayExists(time), {
    error: "A time must be ISO 8601 with seconds and an offset, e.g. 2026-12-12T17:00:00+01:00.",
}));
const CodeIdSchema = string()
    .check(matches(/^[a-z0-9-]{6,64}$/, "A code id is 6–64 lowercase letters, digits or dashes."));

const ActivityKindSchema = _enum([
    "keypad_unlock",
    "keypad_lock",
    "manual_unlock",
    "manual_lock",
    "rf_unlock",
    "rf_lock",
    "auto_lock",
    // The lock only reported its new state (no Access Control notification said how).
    "unlocked",
    "locked",
    "jammed",
    "keypad_disabled",
    // The lock reported a code it does not know (or one it refuses now).
    "wrong_code",
    "code_added_at_lock",
    "code_deleted_at_lock",
    "all_codes_deleted_at_lock",
    // Slots Latchkey had confirmed came back empty, with no word from the lock (a battery swap, a reset).
    "codes_lost_at_lock",
    // Someone else changed what a lock holds through Home Assistant (not through Latchkey).
    "code_changed_in_ha",
    "code_removed_in_ha",
    "duplicate_code_rejected",
    "code_created",
    "code_updated",
    "code_deleted",
    "code_enabled",
    "code_disabled",
    "code_revealed",
    "code_shared",
    // Latchkey's own rules took a code off its locks: its end date passed, its uses ran out.
    "code_expired",
    "code_used_up",
    "sync_failed",
]);
/** What happened to the door itself (as opposed to its codes): shown as a lock's last activity. */
const DOOR_KINDS = new Set([
    "keypad_unlock",
    "keypad_lock",
    "manual_unlock",
    "manual_lock",
    "rf_unlock",
    "rf_lock",
    "auto_lock",
    "unlocked",
    "locked",
    "jammed",
]);
/** Kinds a card understands only when its hello lists the "ha_code_changes" feature. */
const HA_CODE_CHANGE_KINDS = new Set([
    "code_changed_in_ha",
    "code_removed_in_ha",
]);
/**
 * How far apart a lock's notification of a move and the state change of the same move may be:
 * the add-on enters them as one move, and a card reads a state change that close to an entry as
 * the move that entry tells.
 */
const DOOR_REPORT_WINDOW_MS = 10_000;
/** Door kinds a card understands only when its hello lists the "state_activity" feature. */
const STATE_ACTIVITY_KINDS = new Set(["unlocked", "locked"]);
/** Kinds a card understands only when its hello lists the "alert_activity" feature (issue 16). */
const ALERT_ACTIVITY_KINDS = new Set([
    "wrong_code",
    "code_expired",
    "code_used_up",
]);
/** Kinds a card understands only when its hello lists the "lost_codes" feature (issue 16, 7b). */
const LOST_CODES_KINDS = new Set(["codes_lost_at_lock"]);
/** One thing that happened at a door or to a code. Never carries a PIN. */
const ActivityEntrySchema = object({
    id: string().check(_minLength(1)),
    at: IsoTimeSchema,
    kind: ActivityKindSchema,
    lockId: nullable(LockIdSchema),
    codeId: nullable(CodeIdSchema),
    /** The code's name when it happened, so the entry still reads right after a rename. */
    codeName: nullable(string()),
    slot: nullable(SlotNumberSchema),
    /** Who did it in HA (reveal, share, edits), when known. */
    userName: nullable(string()),
});

const ClockTimeSchema = string()
    .check(matches(/^([01]\d|2[0-3]):[0-5]\d$/, "Times are HH:MM, 00:00 to 23:59."));
/** A weekly window such as Mon–Fri 08:00–17:00, in Home Assistant's time zone. Days: 0 = Sunday. */
const WeeklyWindowSchema = object({
    days: array(IntSchema.check(_gte(0), _lte(6)))
        .check(_minLength(1, { error: "Pick at least one day." })),
    start: ClockTimeSchema,
    end: ClockTimeSchema,
})
    .check(refine((w) => w.start !== w.end, { error: "A time window must not start and end at the same minute." }));
/** When a code may be on the locks. An empty object means "always". */
const AccessRulesSchema = object({
    validFrom: optional(IsoTimeSchema),
    validUntil: optional(IsoTimeSchema),
    weekly: _default(array(WeeklyWindowSchema), []),
    maxUses: optional(IntSchema.check(_gte(1), _lte(10_000))),
    /** A standing emergency code: kept loaded; its first use notifies and may retire it. */
    burner: _default(boolean(), false),
})
    .check(refine((r) => !r.validFrom || !r.validUntil || Date.parse(r.validFrom) < Date.parse(r.validUntil), {
    error: "The end of the validity period must be after its start.",
}));
const NotifySettingsSchema = object({
    /** "Tell me when this code is used." */
    onUse: _default(boolean(), true),
    /** Service names such as `notify.mobile_app_pixel`, or `persistent_notification`. */
    targets: _default(array(string()
        .check(matches(/^(persistent_notification|notify\.[a-z0-9_]+)$/, "A notify target is persistent_notification or notify.<service>."))), []),
});

/** A name fits on a phone's lock chip and in a notification's first line. */
const MAX_NAME_LENGTH = 40;
/** Digits only; lengths are checked per lock by `validateCode`, which knows each lock's limits. */
const PinSchema = string().check(matches(/^\d+$/, VALIDATION_TEXTS["validation.pin_not_digits"]));
// Checks run in order: the trim rewrites the value before the length checks see it.
const nameMissing = VALIDATION_TEXTS["validation.name_missing"];
const NameSchema = string({ error: nameMissing }).check(_trim(), _minLength(1, { error: nameMissing }), _maxLength(MAX_NAME_LENGTH, {
    error: fillPlaceholders(VALIDATION_TEXTS["validation.name_too_long"], { max: MAX_NAME_LENGTH }),
}));
/** A name as a person sends it: NFC first (normalize, then trim), so "é" typed either way is one name. */
const InputNameSchema = string({ error: nameMissing }).check(_normalize("NFC"), _trim(), _minLength(1, { error: nameMissing }), _maxLength(MAX_NAME_LENGTH, {
    error: fillPlaceholders(VALIDATION_TEXTS["validation.name_too_long"], { max: MAX_NAME_LENGTH }),
}));
/** What a person edits: the code as the card sends it for create and update. */
const CodeDraftSchema = object({
    name: InputNameSchema,
    pin: PinSchema,
    lockIds: array(LockIdSchema),
    enabled: _default(boolean(), true),
    rules: _default(AccessRulesSchema, { weekly: [], burner: false }),
    // The mission: a notification whenever a code opens a door. Opt out per code.
    notify: _default(NotifySettingsSchema, { onUse: true, targets: [] }),
});
/**
 * What an update changes: only the fields sent. Unlike a partial draft it fills in no
 * defaults, so renaming a disabled code does not enable it or wipe its rules.
 */
const CodeChangesSchema = object({
    name: optional(InputNameSchema),
    pin: optional(PinSchema),
    lockIds: optional(array(LockIdSchema)),
    enabled: optional(boolean()),
    rules: optional(AccessRulesSchema),
    notify: optional(NotifySettingsSchema),
});
/** A named code as every client sees it: PINs are absent; admins fetch one at a time with codes/reveal. */
const PublicCodeSchema = object({
    id: CodeIdSchema,
    name: NameSchema,
    lockIds: array(LockIdSchema),
    enabled: boolean(),
    rules: AccessRulesSchema,
    notify: NotifySettingsSchema,
    /** Keypad unlocks attributed to this code, for `rules.maxUses`. */
    uses: _default(IntSchema.check(_gte(0)), 0),
    createdAt: IsoTimeSchema,
    updatedAt: IsoTimeSchema,
});
/** A named code as the add-on stores it. Built by spreading, not with z.omit: the card then bundles no omit. */
const CodeSchema = object({ ...PublicCodeSchema.shape, pin: PinSchema });
function withoutPin(code) {
    const { pin, ...rest } = code;
    return rest;
}

const NodeStatusSchema = _enum(["alive", "dead", "asleep", "awake", "unknown"]);
/** PIN length limits where the lock does not say (most Z-Wave locks accept 4–8). */
const DEFAULT_PIN_LENGTH = { min: 4, max: 8 };
/** How Home Assistant reaches a lock: its Z-Wave JS integration, or its Matter integration. */
const LockProtocolSchema = _enum(["zwave", "matter"]);
/** A lock as the add-on discovered it in Home Assistant (Z-Wave JS, or Matter on HA 2026.4+). */
object({
    id: LockIdSchema,
    deviceId: string().check(_minLength(1)),
    nodeId: optional(IntSchema.check(_gte(1))),
    name: string(),
    area: nullable(string()),
    /** False when HA shows the entity as unavailable. */
    available: boolean(),
    nodeStatus: NodeStatusSchema,
    slotCount: IntSchema.check(_gte(1), _lte(65535)),
    /** Where the slot count came from: the lock itself, or the per-lock setting / default. */
    slotCountSource: _enum(["lock", "setting"]),
    pinLength: object({ min: IntSchema.check(_gte(1)), max: IntSchema.check(_gte(1)) }),
    /** Absent from add-ons before Matter support: a Z-Wave lock. */
    protocol: optional(LockProtocolSchema),
});
/** A lock that can take writes now. Battery locks that sleep still queue their writes. */
function isReachable(lock) {
    return lock.available && lock.nodeStatus !== "dead";
}

/**
 * The kinds of door events a household can be alerted about, per lock: a code opened the door
 * (keypad), a hand turned the thumb-turn (manual), an app, a remote or HA opened it (remote), the
 * lock locked itself (auto_lock), the bolt jammed (jam).
 */
const ALERT_KINDS = ["keypad", "manual", "remote", "auto_lock", "jam"];
/**
 * A lock's own choices: a kind left out follows the household's default (the add-on's options).
 * Strict, so a misspelt kind is refused with its name rather than dropped without a word.
 */
const LockAlertsSchema = strictObject({
    keypad: optional(boolean()),
    manual: optional(boolean()),
    remote: optional(boolean()),
    auto_lock: optional(boolean()),
    jam: optional(boolean()),
});

/** How a slot's content was confirmed, best first. Recorded so users can see how sure we are. */
const VerificationPathSchema = _enum([
    "cc_read", // User Code Get through zwave_js/invoke_cc_api (newest HA)
    "lock_report", // the lock's own report after the write (value_updated / driver cache refreshed from the lock)
    "driver_cache", // the Z-Wave JS driver's cached value, not re-read from the lock
    "none", // the write was accepted but nothing confirmed it
]);
/**
 * Why an accepted write stays unconfirmed: the lock's reports hide PINs ("****" or zeros), or
 * the lock never answered the reads that follow a write. Neither is a mismatch: nothing is re-sent.
 */
const UnverifiedWhySchema = _enum(["pin_hidden", "no_answer"]);
/**
 * Why Latchkey stopped writing a slot until a person decides: the code there was changed or
 * removed at the lock's keypad, or by someone else through Home Assistant (its own Manage
 * access dialog, a script calling the zwave_js code actions), or the lock lost every code
 * Latchkey had confirmed on it (a battery swap, a factory reset) — refilled with one tap.
 */
const HoldReasonSchema = _enum([
    "changed_at_lock",
    "removed_at_lock",
    "changed_in_ha",
    "removed_in_ha",
    "codes_lost",
]);
/** Per (code, lock) sync state as users see it. */
// A plain union, not a discriminated one: the card parses this, and no other schema it bundles
// needs zod's discriminated-union code (about 0.4 KB gzipped of the card's size budget).
union([
    object({ state: literal("pending") }),
    object({ state: literal("syncing") }),
    object({ state: literal("synced"), via: VerificationPathSchema, at: IsoTimeSchema }),
    object({
        state: literal("unverified"),
        at: IsoTimeSchema,
        /** Why the lock could not confirm an accepted write, when it is known; with its text. */
        why: optional(UnverifiedWhySchema),
        reason: optional(string()),
        ...problemFields,
    }),
    object({
        state: literal("failed"),
        /** English; `problem` names it for a translation when Latchkey (not HA) found it. */
        reason: string(),
        ...problemFields,
        attempts: IntSchema.check(_gte(1)),
        nextRetryAt: nullable(IsoTimeSchema),
    }),
    object({ state: literal("waiting"), reason: string(), ...problemFields }),
]);
/** A sync status's reason in English and by key. */
function syncReason(problem, values = {}) {
    return { reason: fillPlaceholders(SYNC_REASON_TEXTS[problem], values), problem, values };
}

/**
 * Card ↔ add-on protocol: what the add-on sends (what clients send is in ./requests, so each side
 * bundles only the parser for the other side's messages). Bump PROTOCOL_VERSION on any breaking
 * change (a new optional field is not one); the add-on refuses clients that speak another version.
 */
const PROTOCOL_VERSION = 1;
/** Both forms of a save's warnings for the wire. */
function wireWarnings(issues) {
    return { warnings: issues.map((i) => i.message), issues: [...issues] };
}

/**
 * The most a client may send in one message. A card's largest (a code with every rule) is a few
 * KB; the websocket itself refuses frames over 64 KiB (close code 1009).
 */
const MAX_MESSAGE_BYTES = 32 * 1024;
/** What a client sends: its hello, then requests. The add-on parses these; the card only builds them. */
const HelloSchema = object({
    type: literal("hello"),
    protocol: IntSchema,
    features: optional(array(string())),
    /** Standalone installs: the user's HA access token. Under ingress the proxy names the user. */
    accessToken: optional(string().check(_minLength(1))),
    /** The person's language tag in HA ("de", "en-GB"): what the add-on reports by key reads in it. */
    language: optional(string().check(_minLength(1), _maxLength(35))),
});
const request = (type, shape) => object({ id: IntSchema.check(_gte(1)), type: literal(type), ...shape });
const RequestSchema = discriminatedUnion("type", [
    request("state/subscribe", {}),
    request("codes/create", { draft: CodeDraftSchema }),
    request("codes/update", { codeId: CodeIdSchema, changes: CodeChangesSchema }),
    request("codes/delete", { codeId: CodeIdSchema }),
    request("codes/set_enabled", { codeId: CodeIdSchema, enabled: boolean() }),
    request("codes/reveal", { codeId: CodeIdSchema }),
    request("codes/share", {
        codeId: CodeIdSchema,
        /** A notify service such as `notify.sms_gateway` or `notify.mobile_app_pixel`. */
        service: string()
            .check(matches(/^notify\.[a-z0-9_]+$/, "Choose a notify service such as notify.mobile_app_phone.")),
        /** Recipients for services that take them (an SMS gateway's phone numbers). */
        recipients: _default(array(string().check(_minLength(1), _maxLength(64))).check(_maxLength(10)), []),
        /** A greeting the person wrote; Latchkey adds the PIN, the doors and the validity. */
        note: _default(string().check(_maxLength(200)), ""),
    }),
    request("unmanaged/adopt", { lockId: LockIdSchema, slot: SlotNumberSchema, name: InputNameSchema }),
    request("unmanaged/clear", { lockId: LockIdSchema, slot: SlotNumberSchema }),
    /** A slot changed at the lock's keypad: keep what the lock now has, or put Latchkey's code back. */
    request("held/resolve", {
        lockId: LockIdSchema,
        slot: SlotNumberSchema,
        keep: _enum(["lock", "latchkey"]),
    }),
    /** Every code a lock lost on its own (a battery swap, a reset) goes back on it. */
    request("held/refill", { lockId: LockIdSchema }),
    /** A lock's own choice of which door events alert; kinds left out follow the household's options. */
    request("locks/set_alerts", { lockId: LockIdSchema, alerts: LockAlertsSchema }),
    request("activity/list", {
        lockId: optional(LockIdSchema),
        codeId: optional(CodeIdSchema),
        limit: _default(IntSchema.check(_gte(1), _lte(500)), 100),
    }),
]);

/** A websocket frame as text, whichever buffer shape `ws` handed over. */
function rawText(data) {
    if (Array.isArray(data))
        return Buffer.concat(data).toString("utf8");
    if (data instanceof ArrayBuffer)
        return Buffer.from(new Uint8Array(data)).toString("utf8");
    return data.toString("utf8");
}
/** JSON.parse that returns undefined for malformed text: peers must not crash the add-on. */
function parseJson(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}

/** Turns per-language dictionaries into memoized `t` functions. Pure: no DOM, no Lit. */
/**
 * The returned `translator("de-AT")` picks the dictionary for the tag's base language, else the fallback's.
 * One function per language, so elements given `t` do not re-render for a new but equal one.
 */
function makeTranslator(fallbackLanguage, fallback, others) {
    const made = new Map();
    return (requested) => {
        const tag = requested ?? fallbackLanguage;
        const known = made.get(tag);
        if (known)
            return known;
        const own = ownEntry(others, baseLanguage(tag));
        const translator = translatorFor(tag, own ?? fallback, own !== undefined, fallbackLanguage);
        made.set(tag, translator);
        return translator;
    };
}
function translatorFor(tag, dictionary, hasOwnTexts, fallbackLanguage) {
    const translate = (key, vars) => {
        const text = dictionary[key];
        return vars ? fillPlaceholders(text, vars) : text;
    };
    const lookup = (key, vars) => {
        const text = ownEntry(dictionary, key);
        return text !== undefined && vars ? fillPlaceholders(text, vars) : text;
    };
    // Dates follow the texts: "en-GB" keeps its own day-month order, a language without texts gets the fallback's.
    const language = (hasOwnTexts || baseLanguage(tag) === fallbackLanguage) && isLanguageTag(tag) ? tag : fallbackLanguage;
    return Object.assign(translate, { language, lookup });
}
function baseLanguage(tag) {
    return tag.toLowerCase().split("-")[0] ?? "";
}
/** `record[key]` without what objects inherit: a tag "constructor" must not find Object's. */
function ownEntry(record, key) {
    return Object.hasOwn(record, key) ? record[key] : undefined;
}
/** `Intl` throws on a malformed tag; one from an odd browser must not break the card. */
function isLanguageTag(tag) {
    try {
        return Intl.getCanonicalLocales(tag).length === 1;
    }
    catch {
        return false;
    }
}

/**
 * What the add-on reports by key — why a request failed, why a code is not on a lock yet — in
 * the language a card named in its hello, so a German card reads German without carrying these
 * texts itself, and a problem added in a newer add-on reads right in an older card. English
 * (the model's texts) for any other language. A form's problems are the card's own texts: it
 * finds them before sending.
 */
const languages = {
    de: {
        "error.admins_only": "Nur Administratoren von Home Assistant können Codes ändern, anzeigen oder teilen.",
        "error.code_gone": "Diesen Code gibt es nicht (mehr).",
        "error.lock_gone": "Dieses Schloss ist nicht in Home Assistant.",
        "error.slot_not_held": "Dieser Platz wartet auf keine Entscheidung.",
        "error.nothing_to_refill": "Auf diesem Schloss wartet kein Code darauf, neu geschrieben zu werden.",
        "error.slot_not_unmanaged": "Auf diesem Platz ist kein fremder Code bekannt.",
        "error.slot_managed": "Diesen Platz verwaltet Latchkey; lösche oder bearbeite stattdessen seinen Code.",
        "error.slot_already_managed": "Diesen Platz verwaltet Latchkey schon.",
        "error.pin_unreadable": "Das Schloss lässt diesen Code nicht auslesen, darum kann er nicht übernommen werden. Leere ihn oder lass ihn, wie er ist.",
        "error.ha_offline": "Keine Verbindung zu Home Assistant.",
        "error.share_failed": "Home Assistant konnte den Code nicht mit {service} senden. Prüfe, ob es den Dienst gibt und er funktioniert.",
        "error.protocol_mismatch": "Dieses Add-on spricht Protokoll {protocol}; lade die Seite neu, um die passende Karte zu bekommen.",
        "error.login_refused": "Home Assistant hat deine Anmeldung für Latchkey nicht angenommen. Lade die Seite neu und versuche es noch einmal.",
        "error.internal": "Im Latchkey-Add-on ist etwas schiefgegangen; sieh in sein Protokoll.",
        "error.start_with_hello": "Beginne mit einer Hallo-Nachricht.",
        "error.wait_for_welcome": "Warte auf die Begrüßung des Add-ons, bevor du Anfragen sendest.",
        "error.message_too_large": "Die Nachricht ist zu groß: Das Add-on nimmt höchstens {max} KB auf einmal an.",
        "error.rights_unknown": "Latchkey kann Home Assistant gerade nicht nach deinen Rechten fragen und tut das darum nicht. Versuche es gleich noch einmal.",
        "error.too_many_codes": "Latchkey verwaltet höchstens {max} Codes; lösche zuerst einen, den du nicht mehr brauchst.",
        "sync_reason.no_free_slot": "Das Schloss hat in Latchkeys Bereich keinen freien Platz.",
        "sync_reason.lock_unlisted": "Latchkey konnte die Codes auf diesem Schloss noch nicht auslesen und wählt dort darum keinen Platz; es fragt gleich noch einmal.",
        "sync_reason.lock_gone": "Das Schloss ist gerade nicht in Home Assistant.",
        "sync_reason.lock_offline": "Das Schloss ist offline; die Änderung wird gesendet, sobald es wieder da ist.",
        "sync_reason.changed_in_ha": "Dieser Code wurde von jemand anderem in Home Assistant geändert. Behalte diese Version oder stelle die von Latchkey wieder her.",
        "sync_reason.removed_in_ha": "Dieser Code wurde von jemand anderem in Home Assistant entfernt. Lass ihn entfernt oder stelle den von Latchkey wieder her.",
        "sync_reason.removed_at_lock": "Dieser Code wurde am Tastenfeld des Schlosses gelöscht. Behalte die Version des Schlosses oder stelle die von Latchkey wieder her.",
        "sync_reason.changed_at_lock": "Dieser Code wurde am Tastenfeld des Schlosses geändert. Behalte die Version des Schlosses oder stelle die von Latchkey wieder her.",
        "sync_reason.codes_lost": "Das Schloss hat seine Codes verloren (Batteriewechsel oder Zurücksetzen). „Neu schreiben“ bringt Latchkeys Codes wieder darauf.",
        "sync_reason.pin_hidden": "Gesetzt, aber das Schloss zeigt keine PINs: Es hat den Code übernommen und meldet den Platz belegt, darum kann Latchkey nicht bestätigen, welche PIN dort ist.",
        "sync_reason.no_answer": "Gesetzt, aber das Schloss hat sich nach dem Schreiben nie gemeldet, darum kann Latchkey es nicht bestätigen. Es wird nicht erneut gesendet.",
        "sync_reason.refused_duplicate": "Dieses Schloss hat die PIN abgelehnt: Ein anderer Platz hat dieselbe PIN. Latchkey sendet sie nicht erneut; wähle eine andere PIN oder lösche den anderen Platz.",
    },
};
const translators = makeTranslator("en", { ...ERROR_TEXTS, ...SYNC_REASON_TEXTS }, languages);
/**
 * The translator for a card's language tag ("de-AT" reads German); English for any other or
 * none. Only the base language is kept: a hello comes before the login, and a translator
 * remembered for every tag a client makes up would let anyone grow the add-on's memory.
 */
function problemTexts(language) {
    const base = language?.toLowerCase().split("-")[0];
    return translators(base !== undefined && Object.hasOwn(languages, base) ? base : "en");
}

/**
 * What one connected client is sent, given its hello: a card from before a feature gets nothing
 * its parser would refuse (it would drop the whole snapshot otherwise), and what the add-on
 * reports by key reads in the language the card named.
 */
/** For a card from before "ha_code_changes": the nearest reason it knows. */
const KEYPAD_REASON = {
    changed_at_lock: "changed_at_lock",
    removed_at_lock: "removed_at_lock",
    changed_in_ha: "changed_at_lock",
    removed_in_ha: "removed_at_lock",
    codes_lost: "removed_at_lock",
};
class ClientView {
    constructor(features, language) {
        this.stateActivity = features?.includes("state_activity") ?? false;
        this.haCodeChanges = features?.includes("ha_code_changes") ?? false;
        this.alertActivity = features?.includes("alert_activity") ?? false;
        this.lostCodes = features?.includes("lost_codes") ?? false;
        this.problems = problemTexts(language);
    }
    entries(entries) {
        return entries.filter((e) => this.understands(e));
    }
    snapshot(snapshot) {
        const sync = Object.fromEntries(Object.entries(snapshot.sync).map(([codeId, perLock]) => [codeId, this.syncStatuses(perLock)]));
        const lastActivity = Object.fromEntries(Object.entries(snapshot.lastActivity).filter(([, entry]) => this.understands(entry)));
        const held = snapshot.held.map((slot) => ({ ...slot, reason: this.holdReason(slot.reason) }));
        return { ...snapshot, sync, lastActivity, held };
    }
    /** A hold reason as this client knows it: a card from before a reason gets the nearest it has. */
    holdReason(reason) {
        if (reason === "codes_lost")
            return this.lostCodes ? reason : KEYPAD_REASON[reason];
        return this.haCodeChanges ? reason : KEYPAD_REASON[reason];
    }
    understands(entry) {
        if (!this.lostCodes && LOST_CODES_KINDS.has(entry.kind))
            return false;
        if (!this.stateActivity && STATE_ACTIVITY_KINDS.has(entry.kind))
            return false;
        if (!this.alertActivity && ALERT_ACTIVITY_KINDS.has(entry.kind))
            return false;
        return this.haCodeChanges || !HA_CODE_CHANGE_KINDS.has(entry.kind);
    }
    /** An error in the client's language where the add-on reported it by key. */
    error(error) {
        const message = this.text(error);
        return message === undefined ? error : { ...error, message };
    }
    syncStatuses(perLock) {
        return Object.fromEntries(Object.entries(perLock).map(([lockId, status]) => [lockId, this.syncStatus(status)]));
    }
    syncStatus(status) {
        if (status.state !== "failed" && status.state !== "waiting")
            return status;
        const reason = this.text(status);
        return reason === undefined ? status : { ...status, reason };
    }
    text(found) {
        return found.problem === undefined ? undefined : this.problems.lookup(found.problem, found.values);
    }
}

/**
 * Caps on what unauthenticated peers can make the add-on hold: open connections (in total and
 * per address) and logins with HA running at once. A refusal says which limit was hit.
 */
class ConnectionGate {
    constructor(limits) {
        this.limits = limits;
        this.total = 0;
        this.perKey = new Map();
    }
    /** Takes a place for a new connection from `key`, or says why there is none. */
    admit(key) {
        const fromKey = this.perKey.get(key) ?? 0;
        if (this.total >= this.limits.maxConnections)
            return {
                refused: `Latchkey already has ${this.limits.maxConnections} connections open; try again later.`,
            };
        if (fromKey >= this.limits.maxPerAddress)
            return {
                refused: `Latchkey already has ${this.limits.maxPerAddress} connections from this address; close some tabs.`,
            };
        this.total++;
        this.perKey.set(key, fromKey + 1);
        let released = false;
        return {
            release: () => {
                if (released)
                    return;
                released = true;
                this.total--;
                const left = (this.perKey.get(key) ?? 1) - 1;
                if (left === 0)
                    this.perKey.delete(key);
                else
                    this.perKey.set(key, left);
            },
        };
    }
}
/** At most `max` logins at once; one more is refused rather than queued (a queue is memory too). */
class LoginGate {
    constructor(max) {
        this.max = max;
        this.running = 0;
    }
    /** The work's result, or `busy` when `max` logins are already running. */
    async run(work) {
        if (this.running >= this.max)
            return BUSY;
        this.running++;
        try {
            return await work();
        }
        finally {
            this.running--;
        }
    }
}
const BUSY = Symbol("busy");

/** What a share tells: the code, its doors by name, and how the household reads dates. */
function shareDetails(code, lockName, timeZone, t) {
    return { code, lockNames: code.lockIds.map(lockName), timeZone, t };
}
/**
 * The text an admin sends on purpose to give someone their code: the one place a PIN leaves
 * Latchkey besides the locks. It is built here and handed to the notify service only.
 */
function shareMessage(details, note) {
    const { code, lockNames, t } = details;
    const doors = lockNames.length === 0 ? t("share.no_doors") : lockNames.join(", ");
    const parts = [
        note.trim() || t("share.greeting", { name: code.name }),
        t("share.code", { pin: code.pin, doors }),
    ];
    const { validFrom, validUntil, maxUses } = code.rules;
    if (validFrom)
        parts.push(t("share.valid_from", { date: formatDay(validFrom, details) }));
    if (validUntil)
        parts.push(t("share.valid_until", { date: formatDay(validUntil, details) }));
    if (maxUses !== undefined)
        parts.push(maxUses === 1 ? t("share.uses_one") : t("share.uses", { n: maxUses }));
    return parts.join(" ");
}
/** "24 Dec 2026, 19:00" / "24.12.2026, 19:00" in the home's time zone. */
function formatDay(iso, { timeZone, t }) {
    // HA's plain "en" is used all over the world: day before month and a 24-hour clock cannot be misread.
    const locale = t.language === "en" ? "en-GB" : t.language;
    return new Date(iso).toLocaleString(locale, { dateStyle: "medium", timeStyle: "short", timeZone });
}
/** Sends the share; the error a person sees never repeats the message (it holds the PIN). */
async function sendShare(notify, t, notifyService, recipients, message) {
    try {
        await notify(notifyService, {
            title: t("share.title"),
            message,
            ...(recipients.length > 0 ? { target: recipients } : {}),
        });
    }
    catch {
        throw new LatchkeyError("unavailable", "error.share_failed", { service: notifyService });
    }
}

/** The changes between a code before and after an edit. Pure. */
function codeChanges(before, after) {
    const changes = [];
    if (before.pin !== after.pin)
        changes.push("pin");
    if (before.name !== after.name)
        changes.push("name");
    const doors = (c) => [...c.lockIds].sort().join(",");
    if (doors(before) !== doors(after))
        changes.push("doors");
    if (JSON.stringify(before.rules) !== JSON.stringify(after.rules))
        changes.push("rules");
    return changes;
}
/** Changes to a code that alert the household; reveals and shares are only entered. */
const ALERT_KEYS = {
    code_created: "alert.code_created",
    code_updated: "alert.code_updated",
    code_deleted: "alert.code_deleted",
    code_enabled: "alert.code_enabled",
    code_disabled: "alert.code_disabled",
    code_expired: "alert.code_expired",
    code_used_up: "alert.code_used_up",
};
const CHANGE_KEYS = {
    pin: "change.pin",
    name: "change.name",
    doors: "change.doors",
    rules: "change.rules",
};
/**
 * The alert for a change to a code: the code, its doors and who did it — never the PIN.
 * Null for kinds that do not alert (a reveal, a share). Pure.
 */
function codeAlert(input, lockName, language, t) {
    const key = ALERT_KEYS[input.kind];
    // An edit of who hears about the code's use only: entered, not alerted.
    if (!key || (input.kind === "code_updated" && (input.changes ?? []).length === 0))
        return null;
    const names = input.code.lockIds.map(lockName);
    const locks = names.length === 0 ? t("alert.no_doors") : listOf(names, language);
    const changes = listOf((input.changes ?? []).map((c) => t(CHANGE_KEYS[c], { name: input.formerName ?? "" })), language);
    return t(key, { user: input.userName, code: input.code.name, locks, changes });
}
/** "Front Door, Back Door and Garage" in the household's language. */
function listOf(items, language) {
    try {
        return new Intl.ListFormat(language, { type: "conjunction" }).format(items);
    }
    catch {
        return items.join(", ");
    }
}

// What the add-on stores per slot. Clients never see it: they get sync states (./slot).
/** What a lock slot is known to hold. `pin` is kept only for slots Latchkey claims. */
const SlotObservationSchema = discriminatedUnion("status", [
    object({ status: literal("unknown") }),
    object({
        status: literal("empty"),
        confirmed: boolean(),
        verifiedAt: IsoTimeSchema,
        via: VerificationPathSchema,
    }),
    object({
        status: literal("set"),
        pin: string(),
        /** False after an accepted write nobody confirmed: never shown as "synced". */
        confirmed: boolean(),
        verifiedAt: IsoTimeSchema,
        via: VerificationPathSchema,
        /** Why it is unconfirmed, where the lock told (it hides PINs) or never answered. */
        why: optional(UnverifiedWhySchema),
    }),
]);
/**
 * Who a claimed slot is for: a code (the slot holds its PIN while the code is active there), or
 * nobody — an admin asked Latchkey to clear what it found in the slot.
 */
const SlotOwnerSchema = discriminatedUnion("kind", [
    object({ kind: literal("code"), codeId: CodeIdSchema }),
    object({ kind: literal("clear") }),
]);
/**
 * A slot Latchkey looks after on a lock. A code's claim stays while the code lists the lock
 * (also while disabled, so re-enabling reuses the slot); once the code is gone or left the lock
 * the claim is orphaned, and the slot is cleared and released. What happens in each state is
 * one rule of the reconciler (addon/src/core/claim-rules.ts).
 */
const SlotClaimSchema = object({
    lockId: LockIdSchema,
    slot: SlotNumberSchema,
    owner: SlotOwnerSchema,
    observed: SlotObservationSchema,
    /**
     * Someone changed this slot at the lock's own keypad. Nothing is written to it (no silent
     * overwrite, no write loop) until an admin keeps the lock's code or restores Latchkey's.
     */
    held: optional(object({ reason: HoldReasonSchema, since: IsoTimeSchema })),
    /**
     * Picked on a lock whose codes HA cannot list: the slot may hold a code someone set at the
     * keypad, so it is read before anything is written to it.
     */
    readFirst: optional(literal(true)),
});
/** The code a claim is for, if it is a code's. */
function ownerCodeId(claim) {
    return claim.owner.kind === "code" ? claim.owner.codeId : undefined;
}

/**
 * Whether a code should be loaded on its locks at `now`. Weekly windows are read in the
 * given IANA time zone (HA's), on wall-clock time, so they stay right across DST changes.
 */
function codeActivity(code, now, timeZone) {
    if (!code.enabled)
        return { active: false, reason: "disabled" };
    const { validFrom, validUntil, weekly, maxUses } = code.rules;
    if (validFrom && now.getTime() < Date.parse(validFrom))
        return { active: false, reason: "not_yet_valid" };
    if (validUntil && now.getTime() >= Date.parse(validUntil))
        return { active: false, reason: "expired" };
    if (maxUses !== undefined && code.uses >= maxUses)
        return { active: false, reason: "uses_exhausted" };
    if (weekly.length > 0 && !weekly.some((w) => insideWindow(w, wallClock(now, timeZone))))
        return { active: false, reason: "outside_window" };
    return { active: true };
}
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const formatters = new Map();
function wallClock(now, timeZone) {
    let format = formatters.get(timeZone);
    if (!format) {
        format = new Intl.DateTimeFormat("en-US", {
            timeZone,
            weekday: "short",
            hour: "2-digit",
            minute: "2-digit",
            hourCycle: "h23",
        });
        formatters.set(timeZone, format);
    }
    const parts = Object.fromEntries(format.formatToParts(now).map((p) => [p.type, p.value]));
    return {
        day: WEEKDAYS.indexOf(parts.weekday ?? ""),
        minute: Number(parts.hour) * 60 + Number(parts.minute),
    };
}
function minutes(clock) {
    const [h, m] = clock.split(":").map(Number);
    return (h ?? 0) * 60 + (m ?? 0);
}
/** A window whose end is before its start runs past midnight into the next day. */
function insideWindow(window, at) {
    const start = minutes(window.start);
    const end = minutes(window.end);
    if (start < end)
        return window.days.includes(at.day) && at.minute >= start && at.minute < end;
    const previousDay = (at.day + 6) % 7;
    return ((window.days.includes(at.day) && at.minute >= start) ||
        (window.days.includes(previousDay) && at.minute < end));
}

/** The code a claim is for, if that code exists and lists the claim's lock. */
function owningCode(claim, codes) {
    if (claim.owner.kind !== "code")
        return undefined;
    const code = codes.get(claim.owner.codeId);
    return code?.lockIds.includes(claim.lockId) ? code : undefined;
}
/** What an owned slot should hold right now: its code's PIN while the code is active, else nothing. */
function desiredPin(code, now, timeZone) {
    return codeActivity(code, now, timeZone).active ? code.pin : null;
}
/** The rule for one claim; pure, so the same claim always gets the same answer. */
function claimRule(claim, codes, now, timeZone) {
    const code = owningCode(claim, codes);
    const { observed } = claim;
    if (code) {
        if (claim.held)
            return { state: "held", action: { kind: "none" }, listing: "held" };
        // Reserved on a lock that cannot list its codes: read even for a disabled code, so the slot
        // it will use is known to be free.
        if (claim.readFirst)
            return { state: "owned", action: { kind: "read" }, listing: "code" };
        const pin = desiredPin(code, now, timeZone);
        if (pin !== null) {
            // An accepted-but-unconfirmed write of the same PIN is not re-sent: that would loop on
            // locks that cannot confirm. It stays visible as "unverified" instead.
            const inStep = observed.status === "set" && observed.pin === pin;
            return { state: "owned", action: inStep ? { kind: "none" } : { kind: "set", pin }, listing: "code" };
        }
        return {
            state: "owned",
            action: observed.status === "empty" ? { kind: "none" } : { kind: "clear" },
            listing: "code",
        };
    }
    const state = claim.owner.kind === "clear" ? "clear-only" : "orphaned";
    if (claim.held) {
        // Emptied at the keypad, or lost by the lock: nothing is left to clear. Changed there: a
        // person's code now.
        if (claim.held.reason === "removed_at_lock" || claim.held.reason === "codes_lost")
            return { state, action: { kind: "release" }, listing: "clearing" };
        return { state: "foreign", action: { kind: "none" }, listing: "unmanaged" };
    }
    // Latchkey never wrote a slot it still had to read: there is nothing of its own to clear.
    if (claim.readFirst || observed.status === "empty")
        return { state, action: { kind: "release" }, listing: "clearing" };
    return { state, action: { kind: "clear" }, listing: "clearing" };
}

/** What clients see. Never a PIN; non-admins may also be denied names (add-on option). */
function buildSnapshot(input) {
    const slots = {};
    const sync = {};
    const held = [];
    const clearing = [];
    const codesById = new Map(input.document.codes.map((c) => [c.id, c]));
    const present = new Set(input.locks.map((l) => l.id));
    const unmanaged = new Map(input.unmanaged.map((u) => [`${u.lockId}#${u.slot}`, u]));
    // Every claim is listed in exactly one place (its rule says where).
    for (const claim of input.document.claims) {
        const rule = claimRule(claim, codesById, input.now, input.timeZone);
        const at = { lockId: claim.lockId, slot: claim.slot };
        const code = owningCode(claim, codesById);
        if (rule.listing === "unmanaged")
            unmanaged.set(`${claim.lockId}#${claim.slot}`, at);
        else if (rule.listing === "clearing") {
            const codeId = ownerCodeId(claim);
            clearing.push({ ...at, ...(codeId ? { codeId } : {}), status: clearingStatus(claim, present, input) });
        }
        else if (code) {
            if (rule.listing === "held" && claim.held)
                held.push({ ...at, codeId: code.id, ...claim.held });
            (slots[code.id] ??= {})[claim.lockId] = claim.slot;
            (sync[code.id] ??= {})[claim.lockId] = statusOf(claim, code, present, input);
        }
    }
    for (const code of input.document.codes) {
        for (const lockId of code.lockIds) {
            const perCode = (sync[code.id] ??= {});
            if (perCode[lockId])
                continue;
            perCode[lockId] = input.full.has(`${code.id}|${lockId}`)
                ? { state: "failed", ...syncReason("sync_reason.no_free_slot"), attempts: 1, nextRetryAt: null }
                : input.unlisted.has(lockId)
                    ? { state: "waiting", ...syncReason("sync_reason.lock_unlisted") }
                    : { state: "waiting", ...syncReason("sync_reason.lock_gone") };
        }
    }
    const offLocks = {};
    for (const code of input.document.codes) {
        const activity = codeActivity(code, input.now, input.timeZone);
        if (!activity.active)
            offLocks[code.id] = activity.reason;
    }
    const hideNames = !input.user.isAdmin && !input.showNames;
    return {
        user: input.user,
        locks: [...input.locks],
        codes: input.document.codes.map((c, i) => ({
            ...withoutPin(c),
            name: hideNames ? `Code ${i + 1}` : c.name,
        })),
        slots,
        sync,
        unmanaged: [...unmanaged.values()],
        lastActivity: Object.fromEntries(input.lastDoorActivity.flatMap((e) => e.lockId === null ? [] : [[e.lockId, hideNames ? withoutNames(e) : e]])),
        held,
        clearing,
        offLocks,
        alerts: Object.fromEntries(input.locks.map((l) => [l.id, input.alerts(l.id)])),
        connected: input.connected,
    };
}
function statusOf(claim, code, present, input) {
    if (claim.held) {
        return {
            state: "waiting",
            ...syncReason(`sync_reason.${claim.held.reason}`),
        };
    }
    const working = workStatus(claim, present, input);
    if (working)
        return working;
    const { observed } = claim;
    if (observed.status === "unknown" || claim.readFirst)
        return { state: "pending" };
    const pin = desiredPin(code, input.now, input.timeZone);
    const matches = pin === null ? observed.status === "empty" : observed.status === "set" && observed.pin === pin;
    if (!matches)
        return { state: "pending" };
    if (observed.confirmed)
        return { state: "synced", via: observed.via, at: observed.verifiedAt };
    // The lock hid the PIN or never answered: said on the chip, and never "synced".
    if (observed.status === "set" && observed.why)
        return {
            state: "unverified",
            at: observed.verifiedAt,
            why: observed.why,
            ...syncReason(`sync_reason.${observed.why}`),
        };
    return { state: "unverified", at: observed.verifiedAt };
}
/** What the sync engine is doing about a slot, if anything; a lock gone from HA waits. */
function workStatus(claim, present, input) {
    // A lock that left HA (entity disabled, node re-interviewed) is not shown as in step: nobody
    // can tell what it holds now.
    if (!present.has(claim.lockId))
        return { state: "waiting", ...syncReason("sync_reason.lock_gone") };
    const runtime = input.runtime(claim.lockId, claim.slot);
    if (runtime?.state === "failed")
        return { ...runtime, nextRetryAt: runtime.nextRetryAt ? runtime.nextRetryAt.toISOString() : null };
    return runtime;
}
/** A slot being emptied: what the engine is doing about it, else waiting its turn. */
function clearingStatus(claim, present, input) {
    return workStatus(claim, present, input) ?? { state: "pending" };
}
/** An activity entry for someone who may not see names: neither the code's nor the person's. */
function withoutNames(entry) {
    return { ...entry, codeName: null, userName: null };
}

const ADMIN_ONLY = new Set([
    "codes/create",
    "codes/update",
    "codes/delete",
    "codes/set_enabled",
    "codes/reveal",
    "codes/share",
    "unmanaged/adopt",
    "held/resolve",
    "held/refill",
    "unmanaged/clear",
    "locks/set_alerts",
]);
/**
 * Rights are asked of HA at the moment these run: what shows a PIN to someone, and what decides
 * who hears about the doors (an admin demoted a moment ago must not mute an alert).
 */
const CHECKED_AT_THE_MOMENT = new Set([
    "codes/reveal",
    "codes/share",
    "locks/set_alerts",
]);
/** One handler per request type; the switch is exhaustive so a new request type cannot be forgotten. */
async function handleRequest(service, journal, user, client, request, subscribe, 
/** The user as HA says they are now (throws when HA cannot be asked, or they are not who logged in). */
confirmUser) {
    const record = (kind, codeId) => {
        const code = service.book.publicCode(codeId);
        return code ? journal.codeEvent(kind, code, user.name) : Promise.resolve();
    };
    if (ADMIN_ONLY.has(request.type)) {
        // Rights as of the last check (at most one interval old), and HA's word for what shows a PIN.
        const now = user.isAdmin && CHECKED_AT_THE_MOMENT.has(request.type) ? await confirmUser() : user;
        if (!now.isAdmin)
            throw new LatchkeyError("forbidden", "error.admins_only");
    }
    switch (request.type) {
        case "state/subscribe":
            subscribe();
            return { subscribed: true };
        case "codes/create": {
            const { codeId, warnings } = await service.createCode(request.draft);
            await record("code_created", codeId);
            return { codeId, ...wireWarnings(warnings) };
        }
        case "codes/update": {
            const before = service.book.requireCode(request.codeId);
            const { codeId, warnings } = await service.updateCode(request.codeId, request.changes);
            const after = service.book.publicCode(codeId);
            const changes = codeChanges(before, service.book.requireCode(codeId));
            if (after)
                await journal.codeEvent("code_updated", after, user.name, {
                    changes,
                    formerName: before.name === after.name ? undefined : before.name,
                });
            return { codeId, ...wireWarnings(warnings) };
        }
        case "codes/delete": {
            const code = service.book.publicCode(request.codeId);
            await service.deleteCode(request.codeId);
            if (code)
                await journal.codeEvent("code_deleted", code, user.name);
            return { codeId: request.codeId };
        }
        case "codes/set_enabled":
            await service.setEnabled(request.codeId, request.enabled);
            await record(request.enabled ? "code_enabled" : "code_disabled", request.codeId);
            return { codeId: request.codeId };
        case "codes/reveal": {
            const pin = service.book.requireCode(request.codeId).pin;
            await record("code_revealed", request.codeId);
            return { codeId: request.codeId, pin };
        }
        case "codes/share": {
            const t = service.messages();
            const code = service.book.requireCode(request.codeId);
            const details = shareDetails(code, (id) => service.locks.lockName(id), service.locks.timeZone, t);
            await sendShare(service.notify, t, request.service, request.recipients, shareMessage(details, request.note));
            await record("code_shared", request.codeId);
            return { codeId: request.codeId, service: request.service };
        }
        case "unmanaged/adopt": {
            const { codeId } = await service.adoptUnmanaged(request.lockId, request.slot, request.name);
            await record("code_created", codeId);
            return { codeId };
        }
        case "unmanaged/clear":
            await service.clearUnmanaged(request.lockId, request.slot);
            return { lockId: request.lockId, slot: request.slot };
        case "held/resolve": {
            const codeId = service.book.heldCodeId(request.lockId, request.slot);
            await service.resolveHeld(request.lockId, request.slot, request.keep);
            if (codeId)
                await record("code_updated", codeId);
            return { lockId: request.lockId, slot: request.slot };
        }
        case "held/refill": {
            const refilled = await service.refillLostCodes(request.lockId);
            for (const codeId of new Set(refilled.map((r) => r.codeId)))
                await record("code_updated", codeId);
            return { lockId: request.lockId, slots: refilled.map((r) => r.slot) };
        }
        case "locks/set_alerts": {
            const alerts = await service.setLockAlerts(request.lockId, request.alerts);
            return { lockId: request.lockId, alerts };
        }
        case "activity/list": {
            const entries = client.entries(journal.activity.list({ lockId: request.lockId, codeId: request.codeId, limit: request.limit }));
            // Names are part of the option that hides them from non-admins: a code's and a person's.
            return { entries: user.isAdmin || service.namesVisibleToAll() ? entries : entries.map(withoutNames) };
        }
    }
}

/**
 * One card connection: a hello within the deadline, one login with HA, then requests. Every
 * message is parsed; anything that breaks the API's rules ends this connection only, with a
 * close code and a reason, and a log line (no message content, which may hold a PIN).
 */
class ApiConnection {
    constructor(socket, peer, ingressUserId, deps) {
        this.socket = socket;
        this.peer = peer;
        this.ingressUserId = ingressUserId;
        this.deps = deps;
        this.phase = "hello";
        this.user = null;
        this.leaveRights = null;
        this.confirmUser = () => Promise.reject(new Error("not logged in"));
        this.view = new ClientView(undefined);
        this.unsubscribe = null;
        this.helloTimer = setTimeout(() => {
            const seconds = (deps.helloTimeoutMs / 1000).toLocaleString("en", { maximumFractionDigits: 1 });
            this.end(CLOSE.policy, `No hello within ${seconds} s.`);
        }, deps.helloTimeoutMs);
        socket.on("message", (data) => {
            void this.onMessage(data).catch((error) => {
                deps.log.error("An API message could not be handled.", error);
            });
        });
        socket.on("close", () => {
            this.phase = "closed";
            clearTimeout(this.helloTimer);
            this.unsubscribe?.();
            this.leaveRights?.();
        });
    }
    get closed() {
        return this.phase === "closed";
    }
    /** Closes this connection with a reason, and says so in the log. */
    end(code, reason) {
        if (this.closed)
            return;
        this.phase = "closed";
        clearTimeout(this.helloTimer);
        this.deps.log.info(`API connection from ${this.peer} closed (${code}): ${reason}`);
        this.socket.close(code, closeReason(reason));
    }
    send(message) {
        if (this.socket.readyState === this.socket.OPEN)
            this.socket.send(JSON.stringify(message));
    }
    fatal(error) {
        this.send({ type: "fatal", error });
        this.end(CLOSE.refused, error.message);
    }
    async onMessage(data) {
        if (this.closed)
            return;
        const text = rawText(data);
        const message = Buffer.byteLength(text) > MAX_MESSAGE_BYTES ? TOO_LARGE : parseJson(text);
        const isHello = typeof message === "object" && message !== null && "type" in message && message.type === "hello";
        if (this.phase === "hello") {
            await this.hello(message);
            return;
        }
        if (isHello) {
            this.end(CLOSE.policy, "One hello per connection: connect again to say hello anew.");
            return;
        }
        const id = requestId(message);
        if (message === TOO_LARGE) {
            this.reply(id, wireError("invalid_message", "error.message_too_large", { max: MAX_MESSAGE_BYTES / 1024 }));
            return;
        }
        const user = this.user;
        if (this.phase !== "ready" || !user) {
            this.reply(id, wireError("invalid_message", "error.wait_for_welcome"));
            return;
        }
        const parsed = RequestSchema.safeParse(message);
        if (!parsed.success) {
            this.reply(id, {
                code: "invalid_message",
                message: describeZodError(parsed.error, "The request is not valid"),
            });
            return;
        }
        const client = this.view;
        const sendSnapshot = () => {
            this.send({ type: "snapshot", snapshot: client.snapshot(this.deps.service.snapshot(user)) });
        };
        try {
            const result = await handleRequest(this.deps.service, this.deps.journal, user, client, parsed.data, () => {
                this.unsubscribe?.();
                this.unsubscribe = this.deps.service.onChange(throttle(sendSnapshot, 100));
                queueMicrotask(sendSnapshot);
            }, this.confirmUser);
            this.send({ type: "result", id, ok: true, result });
        }
        catch (error) {
            this.reply(id, toWireError(error, this.deps.log));
        }
    }
    reply(id, error) {
        this.send({ type: "result", id, ok: false, error: this.view.error(error) });
    }
    async hello(message) {
        const hello = HelloSchema.safeParse(message);
        if (!hello.success) {
            this.fatal(wireError("invalid_message", "error.start_with_hello"));
            return;
        }
        this.phase = "identifying";
        clearTimeout(this.helloTimer);
        this.view = new ClientView(hello.data.features, hello.data.language);
        if (hello.data.protocol !== PROTOCOL_VERSION) {
            this.fatal(this.view.error(wireError("unsupported_protocol", "error.protocol_mismatch", { protocol: PROTOCOL_VERSION })));
            return;
        }
        const identity = await this.deps.logins.run(() => this.deps.identify(hello.data, this.ingressUserId));
        if (this.closed)
            return;
        if (identity === BUSY) {
            this.end(CLOSE.tryAgainLater, "Latchkey is checking other logins with Home Assistant; try again in a moment.");
            return;
        }
        if (!identity) {
            this.fatal(this.view.error(wireError("unauthenticated", "error.login_refused")));
            return;
        }
        const { user } = identity;
        this.user = user;
        this.phase = "ready";
        const session = {
            identity,
            end: (reason) => {
                this.end(CLOSE.sessionEnded, reason);
            },
        };
        this.leaveRights = this.deps.rights.add(session);
        this.confirmUser = () => this.deps.rights.confirm(session);
        this.send({
            type: "welcome",
            protocol: PROTOCOL_VERSION,
            user: { name: user.name, isAdmin: user.isAdmin },
        });
    }
}
const TOO_LARGE = Symbol("too large");
/**
 * The id to answer with: the request's own when it is one a reply can carry (a whole number in
 * the safe range, 1 or more), else 0 — "the request this answers could not be told".
 */
function requestId(message) {
    if (typeof message !== "object" || message === null || !("id" in message))
        return 0;
    const { id } = message;
    return typeof id === "number" && Number.isSafeInteger(id) && id >= 1 ? id : 0;
}
/** The one place thrown errors become wire errors. Unexpected ones are logged, not echoed. */
function toWireError(error, log) {
    if (error instanceof LatchkeyError)
        return error.toWire();
    log.error("A request failed unexpectedly.", error);
    return wireError("internal", "error.internal");
}
function throttle(fn, ms) {
    let timer = null;
    return () => {
        timer ??= setTimeout(() => {
            timer = null;
            fn();
        }, ms);
    };
}

const AuthListSchema = array$1(object$1({
    id: string$1(),
    name: string$1().nullable(),
    group_ids: array$1(string$1()),
    is_active: boolean$1().default(true),
})
    .loose());
/** Every HA user with their name and role (`config/auth/list`, admins only: the add-on is one). */
async function listUsers(client) {
    const users = await client.command(AuthListSchema, { type: "config/auth/list" });
    return users.map((user) => ({
        id: user.id,
        name: user.name ?? "Unknown",
        isAdmin: user.group_ids.includes("system-admin"),
        active: user.is_active,
    }));
}
/** How often an unknown user id may send the add-on back to HA's user list. */
const REFRESH_MS = 60_000;
/** HA user ids → the names people gave them, for "Alex unlocked Back Door in Home Assistant". */
class UserNames {
    constructor(client, log, now = Date.now) {
        this.client = client;
        this.log = log;
        this.now = now;
        this.names = new Map();
        this.listedAt = Number.NEGATIVE_INFINITY;
    }
    /** The user's name, or null for no user or one HA does not list (the list is read again at most once a minute). */
    async nameOf(userId) {
        if (userId === null)
            return null;
        if (!this.names.has(userId) && this.now() - this.listedAt >= REFRESH_MS) {
            this.listedAt = this.now();
            try {
                this.names = new Map((await listUsers(this.client)).map((u) => [u.id, u.name]));
            }
            catch (error) {
                this.log.warn("Could not read Home Assistant's users to name who moved a door.", error);
            }
        }
        return this.names.get(userId) ?? null;
    }
}

const CurrentUserSchema = object$1({ id: string$1(), name: string$1().nullable(), is_admin: boolean$1() })
    .loose();
/** Only the Supervisor's ingress proxy may name the user in a header. */
const INGRESS_PROXY_ADDRESS = "172.30.32.2";
/** Ingress: the proxy names the user; whether they are an admin we ask HA. */
async function userFromIngress(client, userId) {
    const user = (await listUsers(client)).find((u) => u.id === userId && u.active);
    return user ? { id: user.id, name: user.name, isAdmin: user.isAdmin } : null;
}
/**
 * Standalone: the card sends the user's own HA access token; HA tells us who that is
 * (`auth/current_user`). "refused" only when HA said so (auth_invalid); anything else —
 * HA away, too slow, an odd answer — is "unreachable", which says nothing about the token.
 */
function checkToken(haWsUrl, accessToken, timeoutMs = 10_000) {
    return new Promise((resolve) => {
        const socket = new WebSocket$1(haWsUrl);
        const done = (result) => {
            clearTimeout(timer);
            socket.removeAllListeners();
            socket.on("error", () => undefined);
            socket.close();
            resolve(result);
        };
        const timer = setTimeout(() => {
            done({ kind: "unreachable" });
        }, timeoutMs);
        socket.on("error", () => {
            done({ kind: "unreachable" });
        });
        socket.on("close", () => {
            done({ kind: "unreachable" });
        });
        socket.on("message", (data) => {
            const frame = object$1({ type: string$1(), result: unknown().optional(), success: boolean$1().optional() })
                .safeParse(parseJson(rawText(data)));
            if (!frame.success)
                return;
            if (frame.data.type === "auth_required")
                socket.send(JSON.stringify({ type: "auth", access_token: accessToken }));
            else if (frame.data.type === "auth_invalid")
                done({ kind: "refused" });
            else if (frame.data.type === "auth_ok")
                socket.send(JSON.stringify({ id: 1, type: "auth/current_user" }));
            else if (frame.data.type === "result") {
                const user = CurrentUserSchema.safeParse(frame.data.result);
                done(frame.data.success && user.success
                    ? {
                        kind: "accepted",
                        user: { id: user.data.id, name: user.data.name ?? "Unknown", isAdmin: user.data.is_admin },
                    }
                    : { kind: "unreachable" });
            }
        });
    });
}

const REMOVED = "Your Home Assistant account was removed or deactivated.";
const CHANGED = "Your rights in Home Assistant changed; connecting again with them.";
const TOKEN_REFUSED = "Home Assistant no longer accepts this login; connecting again with a fresh one.";
/**
 * Rights follow HA, not the hello: every `intervalMs` each open session is held to HA's user
 * list (one `config/auth/list` for all) and standalone tokens are tried again. A session whose
 * user was removed, deactivated, promoted or demoted, or whose token HA refuses, is ended.
 * Reveal and share ask HA at the moment they run (`confirm`).
 */
class Rights {
    constructor(source, log, intervalMs) {
        this.source = source;
        this.log = log;
        this.intervalMs = intervalMs;
        this.sessions = new Set();
        this.checking = false;
    }
    add(session) {
        this.sessions.add(session);
        this.timer ??= setInterval(() => {
            void this.checkAll();
        }, this.intervalMs);
        this.timer.unref();
        return () => {
            this.sessions.delete(session);
            if (this.sessions.size === 0) {
                clearInterval(this.timer);
                this.timer = undefined;
            }
        };
    }
    /** The session's user as HA says they are now; ends the session and throws if that is not who logged in. */
    async confirm(session) {
        let users;
        try {
            users = await this.source.listUsers();
        }
        catch {
            throw new LatchkeyError("unavailable", "error.rights_unknown");
        }
        const verdict = this.judge(session, users);
        const token = session.identity.token;
        if (verdict === null && token !== undefined) {
            const check = await this.source.checkToken(token);
            if (check.kind === "unreachable")
                throw new LatchkeyError("unavailable", "error.rights_unknown");
            if (check.kind === "refused")
                return this.refuse(session, TOKEN_REFUSED);
        }
        if (verdict !== null)
            return this.refuse(session, verdict);
        return session.identity.user;
    }
    refuse(session, reason) {
        this.log.info(`An API session of ${session.identity.user.name} ended: ${reason}`);
        this.sessions.delete(session);
        // The refusal is answered first, then the connection ends.
        setTimeout(() => {
            session.end(reason);
        }, 0);
        throw new LatchkeyError("forbidden", "error.admins_only");
    }
    /** Why the session must end, or null while its user is as they logged in. */
    judge(session, users) {
        const logged = session.identity.user;
        const now = users.find((u) => u.id === logged.id);
        if (!now?.active)
            return REMOVED;
        return now.isAdmin === logged.isAdmin ? null : CHANGED;
    }
    async checkAll() {
        if (this.checking || this.sessions.size === 0)
            return;
        this.checking = true;
        try {
            const users = await this.source.listUsers();
            for (const session of [...this.sessions]) {
                const verdict = this.judge(session, users);
                if (verdict !== null)
                    this.endSession(session, verdict);
            }
            // One login at a time: the add-on's own address must not look like a flood to HA.
            for (const session of [...this.sessions]) {
                const token = session.identity.token;
                if (token === undefined)
                    continue;
                if ((await this.source.checkToken(token)).kind === "refused")
                    this.endSession(session, TOKEN_REFUSED);
            }
        }
        catch (error) {
            this.log.debug("Could not read Home Assistant's users to check who may do what; trying again later.", error);
        }
        finally {
            this.checking = false;
        }
    }
    endSession(session, reason) {
        if (!this.sessions.delete(session))
            return;
        this.log.info(`An API session of ${session.identity.user.name} ended: ${reason}`);
        session.end(reason);
    }
}

/** The panel's script, served next to the page; the page names it relatively (see INDEX_HTML). */
const PANEL_SCRIPT_NAME = "latchkey-panel.js";
/**
 * The ingress page. Every URL in it is relative: the Supervisor serves it under
 * /api/hassio_ingress/<token>/, a prefix this add-on never sees.
 */
const INDEX_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Latchkey</title>
<style>html, body { margin: 0; min-height: 100%; }</style>
<script type="module" src="${PANEL_SCRIPT_NAME}"></script>
</head>
<body>
<latchkey-panel></latchkey-panel>
<noscript>Latchkey needs JavaScript.</noscript>
</body>
</html>
`;
/**
 * Serves the ingress panel: `/` (the page) and `/latchkey-panel.js` (read from `panelFile`).
 * Only these two fixed names are answered, so no request path ever reaches the file system.
 */
function createStaticFiles(options) {
    let reportedMissing = false;
    return (request, response) => {
        const method = request.method ?? "GET";
        const path = pathOf(request.url);
        if ((method !== "GET" && method !== "HEAD") || (path !== "/" && path !== `/${PANEL_SCRIPT_NAME}`)) {
            send(response, method, 404, "text/plain; charset=utf-8", "Not found.\n");
            return;
        }
        if (path === "/") {
            send(response, method, 200, "text/html; charset=utf-8", INDEX_HTML);
            return;
        }
        readFile(options.panelFile).then((script) => {
            send(response, method, 200, "text/javascript; charset=utf-8", script);
        }, (error) => {
            if (!reportedMissing) {
                reportedMissing = true;
                options.log.error(`Cannot read the panel script ${options.panelFile}; the sidebar panel will not load.`, error instanceof Error ? error.message : error);
            }
            send(response, method, 503, "text/plain; charset=utf-8", "The Latchkey panel script is missing from this add-on build; see the add-on log.\n");
        });
    };
}
/** The path without query string; `null` for anything that is not an origin-form path. */
function pathOf(url) {
    if (!url?.startsWith("/"))
        return null;
    const end = url.search(/[?#]/);
    return end === -1 ? url : url.slice(0, end);
}
function send(response, method, status, contentType, body) {
    response.writeHead(status, {
        "Content-Type": contentType,
        "Content-Length": Buffer.byteLength(body),
        // A rebuilt add-on must never be shadowed by a cached page or script.
        "Cache-Control": "no-cache",
        "X-Content-Type-Options": "nosniff",
    });
    response.end(method === "HEAD" ? undefined : body);
}

/** The websocket refuses larger frames itself (close 1009) before any of our code sees them. */
const MAX_FRAME_BYTES = 64 * 1024;
/**
 * The card-facing websocket (`/api/ws`): hello → welcome, then requests and snapshot pushes
 * (connection.ts). Plain HTTP requests get the ingress panel (static-files.ts). Nothing a peer
 * sends can end the process: every socket and server has an error handler, and a broken frame
 * closes that one connection (ws picks the close code: 1002, 1007, 1009).
 */
async function startApiServer(options) {
    const { log, tuning } = options;
    const server = createServer(createStaticFiles({ panelFile: options.panelFile, log }));
    const wss = new WebSocketServer({ server, path: "/api/ws", maxPayload: MAX_FRAME_BYTES });
    const gate = new ConnectionGate(tuning);
    const logins = new LoginGate(tuning.maxLogins);
    const rights = new Rights(options.rights, log, tuning.rightsCheckMs);
    const alive = new WeakSet();
    server.on("clientError", (error, socket) => {
        log.debug(`A malformed HTTP request was refused: ${error.message}`);
        if (socket.writable)
            socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
        else
            socket.destroy();
    });
    wss.on("error", (error) => {
        log.warn(`The API websocket server reported: ${error.message}`);
    });
    wss.on("wsClientError", (error, socket) => {
        log.debug(`A websocket handshake was refused: ${error.message}`);
        socket.destroy();
    });
    wss.on("connection", (socket, request) => {
        const peer = request.socket.remoteAddress ?? "an unknown address";
        socket.on("error", (error) => {
            // ws closes the connection itself with the matching close code; only say why.
            log.info(`API connection from ${peer} closed: ${error.message}.`);
        });
        alive.add(socket);
        socket.on("pong", () => alive.add(socket));
        const ingressUserId = peer.endsWith(INGRESS_PROXY_ADDRESS)
            ? headerValue(request, "x-remote-user-id")
            : null;
        // Behind ingress every connection comes from the proxy: count people, not the proxy.
        const place = gate.admit(ingressUserId ? `ingress:${ingressUserId}` : peer);
        if ("refused" in place) {
            log.warn(`API connection from ${peer} refused: ${place.refused}`);
            socket.close(CLOSE.tryAgainLater, closeReason(place.refused));
            return;
        }
        socket.on("close", place.release);
        new ApiConnection(socket, peer, ingressUserId, {
            service: options.service,
            journal: options.journal,
            log,
            logins,
            rights,
            helloTimeoutMs: tuning.helloTimeoutMs,
            identify: options.identify,
        });
    });
    // A peer that vanished without closing (a phone that lost its network) answers no ping.
    const heartbeat = setInterval(() => {
        for (const socket of wss.clients) {
            if (!alive.has(socket)) {
                log.info("An API connection answered no ping; dropping it.");
                socket.terminate();
                continue;
            }
            alive.delete(socket);
            socket.ping();
        }
    }, tuning.heartbeatMs);
    heartbeat.unref();
    await new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(options.port, options.host, () => {
            server.off("error", reject);
            server.on("error", (error) => {
                log.error(`The API server reported: ${error.message}`);
            });
            resolve();
        });
    });
    return {
        server,
        close: () => new Promise((resolve) => {
            clearInterval(heartbeat);
            for (const client of wss.clients)
                client.terminate();
            wss.close();
            server.close(() => {
                resolve();
            });
        }),
    };
}
function headerValue(request, name) {
    const value = request.headers[name];
    return typeof value === "string" && value.length > 0 ? value : null;
}

/** The add-on's options (`/data/options.json` under the Supervisor, or a file / env standalone). */
const OptionsSchema = object$1({
    log_level: _enum$1(["debug", "info", "warn", "error"]).default("info"),
    /** Standalone only: HA base URL (http://host:8123) and an admin's long-lived token. */
    ha_url: url({ error: "ha_url must be a URL such as http://homeassistant.local:8123" }).optional(),
    ha_token: string$1().min(20, { error: "ha_token must be a long-lived access token" }).optional(),
    slot_first: number$2().int().min(1).default(1),
    slot_last: number$2().int().min(1).nullable().default(null),
    default_slot_count: number$2().int().min(1).max(65535).default(30),
    lock_slot_counts: record$2(string$1(), number$2().int().min(1).max(65535)).default({}),
    show_code_names_to_everyone: boolean$1().default(true),
    api_port: number$2().int().min(1).max(65535).default(8099),
    /** Where door and code alerts go unless a code says otherwise. */
    notify_targets: array$1(string$1().regex(/^(persistent_notification|notify\.[a-z0-9_]+)$/, {
        error: "notify_targets entries are persistent_notification or notify.<service>",
    }))
        .default(["persistent_notification"]),
    /**
     * Door events that alert, for every lock that has not chosen otherwise in the card: a code
     * opening a door, a door opened by hand and a jam do (the product's promise); app/remote
     * unlocks and auto-locks do not.
     */
    notify_keypad_unlock: boolean$1().default(true),
    notify_manual_unlock: boolean$1().default(true),
    notify_remote_unlock: boolean$1().default(false),
    notify_auto_lock: boolean$1().default(false),
    notify_jammed: boolean$1().default(true),
    /**
     * A lock that lost Latchkey's codes (battery swap, factory reset) gets them back without a
     * tap — at most once a day per lock, so a lock that keeps forgetting is held, not looped.
     */
    refill_lost_codes: boolean$1().default(false),
    notify_keypad_code_changes: boolean$1().default(true),
    /** Codes added, changed, disabled, enabled or deleted in Latchkey, or by its rules (expired, used up). */
    notify_code_changes: boolean$1().default(true),
    notify_sync_failures: boolean$1().default(true),
    activity_max_entries: number$2().int().min(10).max(100_000).default(2_000),
    activity_max_days: number$2().int().min(1).max(3650).default(90),
})
    .refine((o) => o.slot_last === null || o.slot_last >= o.slot_first, {
    error: "slot_last must not be below slot_first",
});
/** Tuning that is not a user option: tests shorten the waits, nobody else needs to. */
const TuningSchema = object$1({
    LATCHKEY_RETRY_BASE_MS: number$1().int().min(10).default(5_000),
    LATCHKEY_VERIFY_TIMEOUT_MS: number$1().int().min(10).default(15_000),
    LATCHKEY_CLOCK_TICK_MS: number$1().int().min(100).default(30_000),
    LATCHKEY_OWN_ECHO_MS: number$1().int().min(0).default(10_000),
    LATCHKEY_RELIST_MS: number$1().int().min(50).default(60_000),
    /** How long a lock's state change waits for the notification that explains it. */
    LATCHKEY_STATE_GRACE_MS: number$1().int().min(10).default(3_000),
    /** How often Matter locks are listed again (changes from another controller reach HA no other way). */
    LATCHKEY_MATTER_RELIST_MS: number$1().int().min(0).default(3_600_000),
    /** How long after another client's zwave_js code action a lock's codes are listed again. */
    LATCHKEY_CODE_ACTION_RELIST_MS: number$1().int().min(10).default(3_000),
    /** A connection that has not said hello by then is closed. */
    LATCHKEY_API_HELLO_TIMEOUT_MS: number$1().int().min(10).default(10_000),
    /** How often the API pings its clients; one that did not answer the last ping is dropped. */
    LATCHKEY_API_HEARTBEAT_MS: number$1().int().min(10).default(30_000),
    /** How often every connected person's rights are read again from HA (removed, demoted, token revoked). */
    LATCHKEY_RIGHTS_CHECK_MS: number$1().int().min(10).default(30_000),
    LATCHKEY_API_MAX_CONNECTIONS: number$1().int().min(1).default(64),
    LATCHKEY_API_MAX_PER_ADDRESS: number$1().int().min(1).default(16),
    /** Logins with HA that hellos may have running at once (standalone: each is an HA websocket login). */
    LATCHKEY_API_MAX_LOGINS: number$1().int().min(1).default(4),
});
class ConfigError extends Error {
    constructor() {
        super(...arguments);
        this.name = "ConfigError";
    }
}
/** Reads options and environment. Every problem becomes one sentence a person can act on. */
async function loadConfig(env) {
    const dataDir = env.LATCHKEY_DATA_DIR ?? "/data";
    const optionsPath = env.LATCHKEY_OPTIONS ?? `${dataDir}/options.json`;
    let raw = {};
    try {
        raw = JSON.parse(await readFile(optionsPath, "utf8"));
    }
    catch (error) {
        const missing = error instanceof Error && "code" in error && error.code === "ENOENT";
        if (!missing)
            throw new ConfigError(`The options file ${optionsPath} is not valid JSON.`);
    }
    const fromEnv = {
        ...(env.LATCHKEY_HA_URL ? { ha_url: env.LATCHKEY_HA_URL } : {}),
        ...(env.LATCHKEY_HA_TOKEN ? { ha_token: env.LATCHKEY_HA_TOKEN } : {}),
        ...(env.LATCHKEY_API_PORT ? { api_port: Number(env.LATCHKEY_API_PORT) } : {}),
        ...(env.LATCHKEY_LOG_LEVEL ? { log_level: env.LATCHKEY_LOG_LEVEL } : {}),
    };
    const parsed = OptionsSchema.safeParse(typeof raw === "object" && raw !== null ? { ...raw, ...fromEnv } : raw);
    if (!parsed.success)
        throw new ConfigError(describeZodError(parsed.error, "The add-on options are not valid"));
    const options = parsed.data;
    const tuningParsed = TuningSchema.safeParse(env);
    if (!tuningParsed.success)
        throw new ConfigError(describeZodError(tuningParsed.error, "The tuning environment variables are not valid"));
    const tuning = {
        retryBaseMs: tuningParsed.data.LATCHKEY_RETRY_BASE_MS,
        verifyTimeoutMs: tuningParsed.data.LATCHKEY_VERIFY_TIMEOUT_MS,
        clockTickMs: tuningParsed.data.LATCHKEY_CLOCK_TICK_MS,
        ownEchoMs: tuningParsed.data.LATCHKEY_OWN_ECHO_MS,
        relistMs: tuningParsed.data.LATCHKEY_RELIST_MS,
        stateGraceMs: tuningParsed.data.LATCHKEY_STATE_GRACE_MS,
        codeActionRelistMs: tuningParsed.data.LATCHKEY_CODE_ACTION_RELIST_MS,
        matterRelistMs: tuningParsed.data.LATCHKEY_MATTER_RELIST_MS,
        api: {
            helloTimeoutMs: tuningParsed.data.LATCHKEY_API_HELLO_TIMEOUT_MS,
            heartbeatMs: tuningParsed.data.LATCHKEY_API_HEARTBEAT_MS,
            rightsCheckMs: tuningParsed.data.LATCHKEY_RIGHTS_CHECK_MS,
            maxConnections: tuningParsed.data.LATCHKEY_API_MAX_CONNECTIONS,
            maxPerAddress: tuningParsed.data.LATCHKEY_API_MAX_PER_ADDRESS,
            maxLogins: tuningParsed.data.LATCHKEY_API_MAX_LOGINS,
        },
    };
    if (env.SUPERVISOR_TOKEN && !options.ha_url) {
        return {
            options,
            tuning,
            dataDir,
            ha: { mode: "supervisor", wsUrl: "ws://supervisor/core/websocket", token: env.SUPERVISOR_TOKEN },
        };
    }
    if (!options.ha_url || !options.ha_token) {
        throw new ConfigError("Set ha_url and ha_token (an administrator's long-lived access token) to run Latchkey outside the Supervisor.");
    }
    return {
        options,
        tuning,
        dataDir,
        ha: {
            mode: "standalone",
            wsUrl: `${options.ha_url.replace(/^http/, "ws").replace(/\/$/, "")}/api/websocket`,
            token: options.ha_token,
        },
    };
}

const HaErrorSchema = object$1({ code: string$1(), message: string$1() });
/** home-assistant-js-websocket rejects in-flight commands with this frame when the socket closes. */
const LibraryErrorSchema = object$1({ error: object$1({ code: number$2(), message: string$1() }) });
const ERR_CONNECTION_LOST = 3;
/** An error frame from HA (`success: false`), e.g. `unknown_command` or `home_assistant_error`. */
class HaCommandError extends Error {
    constructor(code, message) {
        super(message);
        this.code = code;
        this.name = "HaCommandError";
    }
    static from(reason) {
        const parsed = HaErrorSchema.safeParse(reason);
        if (parsed.success)
            return new HaCommandError(parsed.data.code, parsed.data.message);
        const library = LibraryErrorSchema.safeParse(reason);
        if (reason === ERR_CONNECTION_LOST ||
            (library.success && library.data.error.code === ERR_CONNECTION_LOST)) {
            return new HaCommandError("connection_lost", "The connection to Home Assistant was lost.");
        }
        return reason instanceof Error
            ? reason
            : new HaCommandError("unknown", "Home Assistant did not answer as expected.");
    }
}
/** Stops the add-on: retrying cannot help (wrong token, non-admin token). */
class FatalConfigError extends Error {
    constructor() {
        super(...arguments);
        this.name = "FatalConfigError";
    }
}

/** Rejects with a `timeout` HaCommandError when `promise` has not settled within `ms`. */
async function withTimeout(promise, ms, message) {
    let timer;
    const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => {
            reject(new HaCommandError("timeout", message));
        }, ms);
    });
    try {
        return await Promise.race([promise, timeout]);
    }
    finally {
        clearTimeout(timer);
    }
}

const AuthFrameSchema = discriminatedUnion$1("type", [
    object$1({ type: literal$1("auth_required"), ha_version: string$1().optional() }),
    object$1({ type: literal$1("auth_ok"), ha_version: string$1() }),
    object$1({ type: literal$1("auth_invalid"), message: string$1().optional() }),
]);
/**
 * Opens HA's websocket with Node's `ws` and runs the auth handshake. home-assistant-js-websocket
 * calls this for the first connection and for every reconnect; it rejects with the library's
 * error codes so the library's own retry logic applies.
 */
function createSocketFactory(wsUrl, token, timeoutMs = 10_000) {
    return () => new Promise((resolve, reject) => {
        const socket = new WebSocket$1(wsUrl);
        const fail = (code) => {
            clearTimeout(timer);
            socket.removeAllListeners();
            socket.on("error", () => undefined);
            socket.terminate();
            // home-assistant-js-websocket's retry logic expects its numeric error codes here.
            // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
            reject(code);
        };
        const timer = setTimeout(() => {
            fail(ERR_CANNOT_CONNECT);
        }, timeoutMs);
        socket.on("error", () => {
            fail(ERR_CANNOT_CONNECT);
        });
        socket.on("close", () => {
            fail(ERR_CANNOT_CONNECT);
        });
        socket.on("message", (data) => {
            const frame = AuthFrameSchema.safeParse(parseJson(rawText(data)));
            if (!frame.success)
                return;
            switch (frame.data.type) {
                case "auth_required":
                    socket.send(JSON.stringify({ type: "auth", access_token: token }));
                    return;
                case "auth_invalid":
                    fail(ERR_INVALID_AUTH);
                    return;
                case "auth_ok":
                    clearTimeout(timer);
                    socket.removeAllListeners();
                    resolve(asHaWebSocket(socket, frame.data.ha_version));
                    return;
            }
        });
    });
}
/**
 * `ws` implements the WHATWG WebSocket surface the library uses (addEventListener for
 * message/close, send, close, readyState, OPEN) but its TypeScript type is not the DOM one.
 * This is the one place the two types meet.
 */
function asHaWebSocket(socket, haVersion) {
    // eslint-disable-next-line @typescript-eslint/consistent-type-assertions -- see comment above
    const compatible = socket;
    compatible.haVersion = haVersion;
    return compatible;
}

const HaEventSchema = object$1({
    event_type: string$1(),
    data: record$2(string$1(), unknown()),
    time_fired: string$1(),
    context: object$1({ user_id: string$1().nullable().optional() }).loose().optional(),
})
    .transform(({ context, ...event }) => ({ ...event, userId: context?.user_id ?? null }));
function callKey(domain, service, entityId) {
    return `${domain}.${service}|${entityId ?? ""}`;
}
/**
 * The add-on's only door to HA: commands go through zod schemas, errors come back as
 * HaCommandError. home-assistant-js-websocket keeps the socket alive, reconnects and
 * re-subscribes; this class adds typing and a reconnect hook.
 */
class HaClient {
    constructor(connection, haVersion) {
        this.connection = connection;
        this.haVersion = haVersion;
        /** Service calls this client has sent and HA has not answered yet, by "domain.service|entity". */
        this.callsInFlight = new Map();
    }
    static async connect(wsUrl, token, log) {
        const createSocket = createSocketFactory(wsUrl, token);
        const connection = await createConnection({ createSocket });
        const client = new HaClient(connection, connection.haVersion);
        connection.addEventListener("disconnected", () => {
            log.warn("Lost the connection to Home Assistant; reconnecting.");
        });
        return client;
    }
    /** Called after every reconnect (not the first connect): HA may have changed meanwhile. */
    onReconnect(callback) {
        this.connection.addEventListener("ready", callback);
    }
    onDisconnect(callback) {
        this.connection.addEventListener("disconnected", callback);
    }
    onAuthLost(callback) {
        this.connection.addEventListener("reconnect-error", callback);
    }
    get connected() {
        return this.connection.connected;
    }
    async command(schema, message, timeoutMs = 60_000) {
        let raw;
        try {
            raw = await withTimeout(this.connection.sendMessagePromise(message), timeoutMs, `Home Assistant did not answer ${message.type}.`);
        }
        catch (reason) {
            throw HaCommandError.from(reason);
        }
        const parsed = schema.safeParse(raw);
        if (!parsed.success)
            throw new HaCommandError("unexpected_response", `Home Assistant answered ${message.type} in an unexpected shape.`);
        return parsed.data;
    }
    async callService(domain, service, data, target, returnResponse = false) {
        const key = callKey(domain, service, target?.entity_id);
        this.callsInFlight.set(key, (this.callsInFlight.get(key) ?? 0) + 1);
        try {
            const result = await this.command(object$1({ response: unknown().optional() }).loose(), {
                type: "call_service",
                domain,
                service,
                service_data: data,
                ...(target ? { target } : {}),
                ...(returnResponse ? { return_response: true } : {}),
            });
            return result.response;
        }
        finally {
            const left = (this.callsInFlight.get(key) ?? 1) - 1;
            if (left === 0)
                this.callsInFlight.delete(key);
            else
                this.callsInFlight.set(key, left);
        }
    }
    /**
     * Whether HA's `call_service` echo of a call is one of this client's own: HA fires the echo
     * when the call starts and answers it when the call is done, in that order on this one socket,
     * so the call is still in flight when its echo arrives.
     */
    isOwnCallInFlight(domain, service, entityId) {
        return this.callsInFlight.has(callKey(domain, service, entityId));
    }
    async subscribeEvents(eventType, callback) {
        return this.connection.subscribeEvents((raw) => {
            const parsed = HaEventSchema.safeParse(raw);
            if (parsed.success)
                callback(parsed.data);
        }, eventType);
    }
    /**
     * A Z-Wave device's node status events ("dead", "alive", "sleep", "wake up"), through
     * `zwave_js/subscribe_node_status` (admin). Not re-subscribed by the library after a
     * reconnect: HA answers it only once zwave_js is loaded again, and the library leaves a failed
     * re-subscription as an unhandled rejection, which ends the process. The caller subscribes
     * again once it has read HA after the reconnect.
     */
    async subscribeNodeStatus(deviceId, callback) {
        const FrameSchema = object$1({ event: string$1() }).loose();
        return this.connection.subscribeMessage((raw) => {
            const parsed = FrameSchema.safeParse(raw);
            if (parsed.success)
                callback(parsed.data.event);
        }, { type: "zwave_js/subscribe_node_status", device_id: deviceId }, { resubscribe: false });
    }
    /**
     * A short-lived `subscribe_trigger` (admin): HA sends `{variables: {trigger: …}}` each time it
     * fires. Not re-subscribed after a reconnect, and bounded in time: the library neither
     * rejects nor resolves a subscription whose answer was lost with the connection.
     */
    async subscribeTrigger(trigger, callback, timeoutMs = 10_000) {
        const FrameSchema = object$1({ variables: object$1({ trigger: unknown() }) });
        const subscribing = this.connection.subscribeMessage((raw) => {
            const parsed = FrameSchema.safeParse(raw);
            if (parsed.success)
                callback(parsed.data.variables.trigger);
        }, { type: "subscribe_trigger", trigger }, { resubscribe: false });
        try {
            return await withTimeout(subscribing, timeoutMs, "Home Assistant did not answer a trigger subscription.");
        }
        catch (error) {
            // If the answer still comes, drop the subscription nobody waits for any more.
            void subscribing.then((unsubscribe) => unsubscribe()).catch(() => undefined);
            throw HaCommandError.from(error);
        }
    }
    close() {
        this.connection.close();
    }
}

/** Leveled logging with a redaction layer: no PIN or token ever reaches a log line. */
const ORDER = { debug: 10, info: 20, warn: 30, error: 40 };
/** Keys whose values are secrets wherever they appear in logged objects. */
const SECRET_KEYS = /^(pin|usercode|user_code|code|credential_data|accesstoken|access_token|token|password|refresh_token)$/i;
function createLogger(options) {
    const emit = (level, message, details) => {
        if (ORDER[level] < ORDER[options.level])
            return;
        const suffix = details === undefined ? "" : ` ${safeJson(details)}`;
        const time = (options.now ?? (() => new Date()))().toISOString();
        options.write(redact(`${time} ${level.toUpperCase()} ${message}${suffix}`, options.secrets()));
    };
    return {
        debug: (m, d) => {
            emit("debug", m, d);
        },
        info: (m, d) => {
            emit("info", m, d);
        },
        warn: (m, d) => {
            emit("warn", m, d);
        },
        error: (m, d) => {
            emit("error", m, d);
        },
    };
}
/** Masks every known secret of 4+ characters. Longest first, so one PIN inside another is masked whole. */
function redact(line, secrets) {
    const sorted = [...new Set(secrets)].filter((s) => s.length >= 4).sort((a, b) => b.length - a.length);
    let out = line;
    for (const secret of sorted)
        out = out.split(secret).join("****");
    return out;
}
/**
 * An error's `code` as HA and Latchkey name it ("unknown_command", "home_assistant_error"): words
 * in snake case, which no keypad takes as a PIN. Any other `code` value is masked like a PIN.
 */
const ERROR_CODE = /^[a-z]+(_[a-z]+)*$/;
function safeJson(value) {
    try {
        return JSON.stringify(value, (key, v) => {
            if (v === null || v === undefined || !SECRET_KEYS.test(key))
                return v instanceof Error ? v.message : v;
            return key === "code" && typeof v === "string" && ERROR_CODE.test(v) ? v : "****";
        });
    }
    catch {
        return "[unserializable]";
    }
}

let writes = 0;
/** `<file>.<pid>.<n>.tmp`: the temp names writeFileAtomic uses for `file`. */
function isTempOf(name, file) {
    return name.startsWith(`${file}.`) && /^\.\d+\.\d+\.tmp$/.test(name.slice(file.length));
}
/**
 * Replaces a file so that a crash at any moment leaves either the old or the new content:
 * write a temp file, fsync it, rename it over the target, fsync the folder. Mode 0600.
 */
async function writeFileAtomic(path, text) {
    // A temp name of its own per write: two writers of one file must not rename each other's.
    const tempPath = `${path}.${process.pid}.${++writes}.tmp`;
    const handle = await open$1(tempPath, constants$1.O_WRONLY | constants$1.O_CREAT | constants$1.O_TRUNC, 0o600);
    try {
        await handle.writeFile(text, "utf8");
        await handle.sync();
    }
    finally {
        await handle.close();
    }
    await rename(tempPath, path);
    const folder = await open$1(dirname(path), constants$1.O_RDONLY);
    try {
        await folder.sync();
    }
    finally {
        await folder.close();
    }
}
/**
 * Deletes what writes of `path` cut short by a crash left behind. Each is a full copy of what
 * was being written — PINs of deleted codes included — and would otherwise stay for ever.
 * Call before the first write of this process. Returns how many were removed.
 */
async function removeLeftoverTemps(path) {
    const file = basename(path);
    const names = await readdir(dirname(path)).catch(() => []);
    const leftovers = names.filter((name) => isTempOf(name, file));
    for (const name of leftovers)
        await unlink(join(dirname(path), name)).catch(() => undefined);
    return leftovers.length;
}

/**
 * Append-only activity log (`activity.jsonl`), capped in count and age. A torn last line
 * (power cut mid-append) is skipped, never fatal. Entries never hold a PIN.
 */
class ActivityLog {
    constructor(folder, log, cap, now = () => new Date()) {
        this.log = log;
        this.cap = cap;
        this.now = now;
        this.entries = [];
        /** Newest door entry per lock within the caps, rebuilt with them so snapshots need no scan. */
        this.lastAtDoor = new Map();
        this.linesOnDisk = 0;
        /** Entries in memory whose append is still queued; a compaction writes them, and their append is then skipped. */
        this.unwritten = new Set();
        this.writes = Promise.resolve();
        this.path = join(folder, "activity.jsonl");
    }
    async load() {
        await removeLeftoverTemps(this.path);
        let text = "";
        try {
            text = await readFile(this.path, "utf8");
        }
        catch (error) {
            if (!(error instanceof Error && "code" in error && error.code === "ENOENT"))
                throw error;
        }
        const lines = text.split("\n").filter((l) => l.length > 0);
        const parsed = lines.map((l) => ActivityEntrySchema.safeParse(parseJson(l)));
        // The file is in the order entries were written, which is not always the order they happened.
        this.entries = parsed
            .flatMap((p) => (p.success ? [p.data] : []))
            .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
        const skipped = lines.length - this.entries.length;
        if (skipped > 0)
            this.log.warn(`Skipped ${skipped} unreadable line(s) in the activity log.`);
        this.linesOnDisk = lines.length;
        this.trim();
    }
    /**
     * Appends one entry. Writes are queued: door events arrive concurrently, and a compaction
     * must never overlap another write. The file is rewritten only when it has grown to twice
     * the cap, not every time the cap drops an old entry. In memory the entry takes its place in
     * time: a "remote" unlock is entered after a grace time, and a keypad lock a second later
     * must still be the door's newest activity.
     */
    append(entry) {
        const time = Date.parse(entry.at);
        let index = this.entries.length;
        while (index > 0 && Date.parse(this.entries[index - 1]?.at ?? "") > time)
            index--;
        this.entries.splice(index, 0, entry);
        this.unwritten.add(entry);
        this.trim();
        const write = this.writes.then(async () => {
            if (!this.unwritten.delete(entry))
                return;
            await appendFile(this.path, `${JSON.stringify(entry)}\n`, { mode: 0o600 });
            this.linesOnDisk += 1;
            if (this.linesOnDisk > this.cap.count * 2)
                await this.compact();
        });
        this.writes = write.catch(() => undefined);
        return write;
    }
    /** The newest thing that happened at each door. */
    lastDoorActivity() {
        return [...this.lastAtDoor.values()];
    }
    list(query) {
        return this.entries
            .filter((e) => (query.lockId === undefined || e.lockId === query.lockId) &&
            (query.codeId === undefined || e.codeId === query.codeId))
            .slice(-query.limit)
            .reverse();
    }
    /** Drops entries past the caps from memory; the file follows at the next compaction. */
    trim() {
        const oldest = this.now().getTime() - this.cap.days * 86_400_000;
        this.entries = this.entries.filter((e) => Date.parse(e.at) >= oldest).slice(-this.cap.count);
        this.lastAtDoor.clear();
        for (const entry of this.entries)
            if (entry.lockId !== null && DOOR_KINDS.has(entry.kind))
                this.lastAtDoor.set(entry.lockId, entry);
    }
    /**
     * Rewrites the file with the entries in memory — also those whose append is still queued,
     * which then append nothing (each entry is in the file once). An entry added while the file
     * is being written is not in it, and appends as usual.
     */
    async compact() {
        const kept = [...this.entries];
        await writeFileAtomic(this.path, kept.map((e) => `${JSON.stringify(e)}\n`).join(""));
        for (const entry of kept)
            this.unwritten.delete(entry);
        // Entries the caps dropped before their turn came need no line either.
        const inMemory = new Set(this.entries);
        for (const entry of this.unwritten)
            if (!inMemory.has(entry))
                this.unwritten.delete(entry);
        this.linesOnDisk = kept.length;
    }
}

const endedBy = (code, now) => code.enabled && code.rules.validUntil !== undefined && now.getTime() >= Date.parse(code.rules.validUntil);
/**
 * A code whose end date passes is taken off its locks by the reconciler; this says so once —
 * an activity entry, a `latchkey_code_changed` event and an alert (journal.ts), by "Latchkey".
 * Codes already over when the add-on starts were reported before (or while it was away) and
 * are not reported again; a code given a later end date can end (and be reported) again.
 */
function watchCodeEnds(deps) {
    const reported = new Set(deps.book.document.codes.filter((c) => endedBy(c, deps.now())).map((c) => c.id));
    const timer = setInterval(() => {
        const now = deps.now();
        for (const code of deps.book.document.codes) {
            if (!endedBy(code, now)) {
                reported.delete(code.id);
                continue;
            }
            if (reported.has(code.id))
                continue;
            reported.add(code.id);
            const shown = deps.book.publicCode(code.id);
            if (shown)
                void deps.journal.codeEvent("code_expired", shown, "Latchkey").catch((error) => {
                    deps.log.error("Recording an expired code failed.", error);
                });
        }
    }, deps.tickMs);
    timer.unref();
    return () => {
        clearInterval(timer);
    };
}

const ACTION = {
    code_created: "added",
    code_updated: "updated",
    code_deleted: "removed",
    code_enabled: "enabled",
    code_disabled: "disabled",
    code_expired: "expired",
    code_used_up: "used_up",
};
/**
 * Records what happens to codes — done by people through Latchkey or by its own rules: an
 * activity entry (reveals and shares too, as the design promises), for changes a
 * `latchkey_code_changed` event and an alert naming the code, its doors and who. No PIN.
 */
class Journal {
    constructor(activity, now = () => new Date()) {
        this.activity = activity;
        this.now = now;
        this.notifier = null;
        this.alerts = null;
    }
    /** Events can be fired and alerts sent once HA is connected. */
    connect(notifier, alerts) {
        this.notifier = notifier;
        this.alerts = alerts ?? null;
    }
    async codeEvent(kind, code, 
    /** Who did it: an HA user, or "Latchkey" when it acted by itself (a burner code retired at its first use). */
    userName, detail = {}) {
        const entry = {
            id: randomUUID(),
            at: this.now().toISOString(),
            kind,
            lockId: null,
            codeId: code.id,
            codeName: code.name,
            slot: null,
            userName,
        };
        await this.activity.append(entry);
        const action = ACTION[kind];
        if (!action)
            return;
        await this.notifier?.fire("latchkey_code_changed", {
            action,
            code_id: code.id,
            code_name: code.name,
            locks: code.lockIds,
            user_name: userName,
            ...(detail.changes ? { changes: detail.changes } : {}),
        });
        const alerts = this.alerts;
        if (!alerts?.enabled || detail.alert === false || !this.notifier)
            return;
        const message = codeAlert({ kind, code, userName, changes: detail.changes, formerName: detail.formerName }, alerts.lockName, alerts.language(), alerts.messages());
        if (message)
            await this.notifier.notify(alerts.targets, "Latchkey", message);
    }
}

/**
 * The one place HA's events come in: each event type is subscribed once and parsed once, and
 * handed to every part that asked for it (a state change feeds the lock directory and the door
 * activity alike). Handlers register before `start`.
 */
class HaEventIntake {
    constructor() {
        this.handlers = new Map();
        this.started = false;
    }
    on(type, handler) {
        if (this.started)
            throw new Error(`Register handlers for ${type} before the intake starts.`);
        this.handlers.set(type, [...(this.handlers.get(type) ?? []), handler]);
    }
    /** Subscribes every type a handler asked for; home-assistant-js-websocket re-subscribes after a reconnect. */
    async start(client) {
        this.started = true;
        for (const [type, handlers] of this.handlers)
            await client.subscribeEvents(type, (event) => {
                for (const handler of handlers)
                    handler(event);
            });
    }
}

class DoorCommands {
    constructor(windowMs = DOOR_REPORT_WINDOW_MS) {
        this.windowMs = windowMs;
        /** The newest state change per lock, with the user behind it. */
        this.moves = new Map();
        /** Notifications of a move that wait for its state change, per lock. */
        this.waiting = new Map();
    }
    stateMoved(lockId, move, userId, at) {
        this.moves.set(lockId, { move, userId, at });
    }
    /** The user whose command moved this door this way around `at`, if HA said who. */
    commander(lockId, move, at) {
        const seen = this.moves.get(lockId);
        return seen && seen.move === move && Math.abs(seen.at - at) <= this.windowMs ? seen.userId : null;
    }
    notificationWaiting(lockId, move) {
        this.waiting.set(lockId, move);
    }
    notificationEntered(lockId) {
        this.waiting.delete(lockId);
    }
    /** A notification of this move is about to be entered: the state change adds nothing. */
    isWaiting(lockId, move) {
        return this.waiting.get(lockId) === move;
    }
}

/**
 * What the add-on says to the household — notifications and the text of a shared code — in
 * the language Home Assistant is set to (Settings → System → General). Its log stays English.
 */
const en = {
    "who.someone": "Someone",
    "who.unknown_slot": "An unknown code (slot {slot})",
    "who.a_code": "a code",
    slot: " (slot {slot})",
    "activity.keypad_unlock": "{who} unlocked {lock} with the keypad.",
    "activity.keypad_lock": "{who} locked {lock} with the keypad.",
    "activity.manual_unlock": "{lock} was unlocked by hand.",
    "activity.manual_lock": "{lock} was locked by hand.",
    "activity.rf_unlock": "{lock} was unlocked from an app or remote.",
    "activity.rf_lock": "{lock} was locked from an app or remote.",
    "activity.auto_lock": "{lock} locked itself.",
    "activity.user_unlock": "{who} unlocked {lock} in Home Assistant.",
    "activity.user_lock": "{who} locked {lock} in Home Assistant.",
    "activity.unlocked": "{lock} was unlocked.",
    "activity.locked": "{lock} was locked.",
    "activity.jammed": "{lock} is jammed.",
    "activity.keypad_disabled": "{lock} disabled its keypad after too many wrong codes.",
    "activity.wrong_code": "A wrong code was entered at {lock}{slot}.",
    "activity.code_added_at_lock": "A code was added at the {lock} keypad{slot}.",
    "activity.code_deleted_at_lock": "A code was removed at the {lock} keypad{slot}.",
    "activity.all_codes_deleted_at_lock": "All codes were removed at the {lock} keypad.",
    "activity.codes_lost_at_lock": "{lock} lost Latchkey's codes (a battery swap or a reset?).",
    "activity.code_changed_in_ha": "{who} changed a code on {lock} in Home Assistant{slot}.",
    "activity.code_removed_in_ha": "{who} removed a code from {lock} in Home Assistant{slot}.",
    "activity.duplicate_code_rejected": "{lock} rejected a code because it already has it.",
    "activity.code_created": "{who} was added to {lock}.",
    "activity.code_updated": "{who} was changed.",
    "activity.code_deleted": "{who} was deleted.",
    "activity.code_enabled": "{who} was enabled.",
    "activity.code_disabled": "{who} was disabled.",
    "activity.code_revealed": "{who} was revealed.",
    "activity.code_shared": "{who} was shared.",
    "activity.code_expired": "{who} expired.",
    "activity.code_used_up": "{who} had all its uses.",
    "activity.sync_failed": "{who} could not be written to {lock}.",
    "notify.burner": "{sentence} It was the burner code, so it has been taken off the locks; enable it again to re-arm it.",
    "notify.held": "{sentence} That slot belongs to {names}: open Latchkey to keep the lock's code or restore {names}'s.",
    "notify.sync_failed_set": "Latchkey could not put {code} on {lock} after {attempts} tries ({reason}). It keeps trying.",
    "notify.sync_failed_clear": "Latchkey could not take {code} off {lock} after {attempts} tries ({reason}). It keeps trying.",
    "notify.lock_it": "Lock it",
    "notify.codes_lost": "{lock} has lost {count} of Latchkey's codes ({names}) — a battery swap or a reset? Open Latchkey and tap Refill to put them back.",
    "notify.codes_refilled": "{lock} had lost {count} of Latchkey's codes ({names}) — a battery swap or a reset? Latchkey is putting them back.",
    "notify.wrong_code": "A wrong code was entered at {lock} at {time}.",
    "notify.keypad_disabled": "{lock} turned its keypad off at {time} after too many wrong codes.",
    "alert.code_created": "{user} added {code}'s code to {locks}.",
    "alert.code_updated": "{user} changed {code}'s code ({changes}). Its doors: {locks}.",
    "alert.code_deleted": "{user} deleted {code}'s code: it comes off {locks}.",
    "alert.code_enabled": "{user} enabled {code}'s code on {locks}.",
    "alert.code_disabled": "{user} disabled {code}'s code: it comes off {locks}.",
    "alert.code_expired": "{code}'s code expired: Latchkey takes it off {locks}.",
    "alert.code_used_up": "{code}'s code has had all its uses: Latchkey takes it off {locks}.",
    "alert.no_doors": "no door yet",
    "change.pin": "a new PIN",
    "change.name": "its name, was {name}",
    "change.doors": "its doors",
    "change.rules": "its access rules",
    "share.title": "Your door code",
    "share.greeting": "Hi {name},",
    "share.code": "your door code is {pin} ({doors}).",
    "share.no_doors": "no doors yet",
    "share.valid_from": "Valid from {date}.",
    "share.valid_until": "Valid until {date}.",
    "share.uses_one": "It works once.",
    "share.uses": "It works {n} times.",
};
const de = {
    "who.someone": "Jemand",
    "who.unknown_slot": "Ein unbekannter Code (Platz {slot})",
    "who.a_code": "einen Code",
    slot: " (Platz {slot})",
    "activity.keypad_unlock": "{who} hat {lock} mit dem Tastenfeld entriegelt.",
    "activity.keypad_lock": "{who} hat {lock} mit dem Tastenfeld verriegelt.",
    "activity.manual_unlock": "{lock} wurde von Hand entriegelt.",
    "activity.manual_lock": "{lock} wurde von Hand verriegelt.",
    "activity.rf_unlock": "{lock} wurde per App oder Fernbedienung entriegelt.",
    "activity.rf_lock": "{lock} wurde per App oder Fernbedienung verriegelt.",
    "activity.auto_lock": "{lock} hat sich selbst verriegelt.",
    "activity.user_unlock": "{who} hat {lock} in Home Assistant entriegelt.",
    "activity.user_lock": "{who} hat {lock} in Home Assistant verriegelt.",
    "activity.unlocked": "{lock} wurde entriegelt.",
    "activity.locked": "{lock} wurde verriegelt.",
    "activity.jammed": "{lock} ist blockiert.",
    "activity.keypad_disabled": "{lock} hat sein Tastenfeld nach zu vielen falschen Codes gesperrt.",
    "activity.wrong_code": "An {lock} wurde ein falscher Code eingegeben{slot}.",
    "activity.code_added_at_lock": "Am Tastenfeld von {lock} wurde ein Code hinzugefügt{slot}.",
    "activity.code_deleted_at_lock": "Am Tastenfeld von {lock} wurde ein Code gelöscht{slot}.",
    "activity.all_codes_deleted_at_lock": "Am Tastenfeld von {lock} wurden alle Codes gelöscht.",
    "activity.codes_lost_at_lock": "{lock} hat die Codes von Latchkey verloren (Batteriewechsel oder Zurücksetzen?).",
    "activity.code_changed_in_ha": "{who} hat in Home Assistant einen Code an {lock} geändert{slot}.",
    "activity.code_removed_in_ha": "{who} hat in Home Assistant einen Code von {lock} entfernt{slot}.",
    "activity.duplicate_code_rejected": "{lock} hat einen Code abgelehnt, den es schon hat.",
    "activity.code_created": "{who} wurde zu {lock} hinzugefügt.",
    "activity.code_updated": "{who} wurde geändert.",
    "activity.code_deleted": "{who} wurde gelöscht.",
    "activity.code_enabled": "{who} wurde aktiviert.",
    "activity.code_disabled": "{who} wurde deaktiviert.",
    "activity.code_revealed": "{who} wurde angezeigt.",
    "activity.code_shared": "{who} wurde geteilt.",
    "activity.code_expired": "{who} ist abgelaufen.",
    "activity.code_used_up": "{who} ist aufgebraucht.",
    "activity.sync_failed": "{who} konnte nicht auf {lock} geschrieben werden.",
    "notify.burner": "{sentence} Es war der Einmalcode, darum wurde er von den Schlössern genommen; aktiviere ihn wieder, wenn er noch einmal gelten soll.",
    "notify.held": "{sentence} Dieser Platz gehört zu {names}: Öffne Latchkey, um den Code des Schlosses zu behalten oder den von {names} wiederherzustellen.",
    "notify.sync_failed_set": "Latchkey konnte {code} nach {attempts} Versuchen nicht auf {lock} schreiben ({reason}). Es versucht es weiter.",
    "notify.sync_failed_clear": "Latchkey konnte {code} nach {attempts} Versuchen nicht von {lock} entfernen ({reason}). Es versucht es weiter.",
    "notify.lock_it": "Abschließen",
    "notify.codes_lost": "{lock} hat {count} Codes von Latchkey verloren ({names}) – Batteriewechsel oder Zurücksetzen? Öffne Latchkey und tippe auf „Neu schreiben“, um sie wieder aufzuspielen.",
    "notify.codes_refilled": "{lock} hatte {count} Codes von Latchkey verloren ({names}) – Batteriewechsel oder Zurücksetzen? Latchkey spielt sie wieder auf.",
    "notify.wrong_code": "An {lock} wurde um {time} ein falscher Code eingegeben.",
    "notify.keypad_disabled": "{lock} hat um {time} sein Tastenfeld nach zu vielen falschen Codes gesperrt.",
    "alert.code_created": "{user} hat den Code von {code} zu {locks} hinzugefügt.",
    "alert.code_updated": "{user} hat den Code von {code} geändert ({changes}). Seine Türen: {locks}.",
    "alert.code_deleted": "{user} hat den Code von {code} gelöscht: er wird von {locks} entfernt.",
    "alert.code_enabled": "{user} hat den Code von {code} auf {locks} aktiviert.",
    "alert.code_disabled": "{user} hat den Code von {code} deaktiviert: er wird von {locks} entfernt.",
    "alert.code_expired": "Der Code von {code} ist abgelaufen: Latchkey entfernt ihn von {locks}.",
    "alert.code_used_up": "Der Code von {code} ist aufgebraucht: Latchkey entfernt ihn von {locks}.",
    "alert.no_doors": "noch keiner Tür",
    "change.pin": "eine neue PIN",
    "change.name": "sein Name, war {name}",
    "change.doors": "seine Türen",
    "change.rules": "seine Zugangsregeln",
    "share.title": "Dein Türcode",
    "share.greeting": "Hallo {name},",
    "share.code": "dein Türcode ist {pin} ({doors}).",
    "share.no_doors": "noch keine Türen",
    "share.valid_from": "Gültig ab {date}.",
    "share.valid_until": "Gültig bis {date}.",
    "share.uses_one": "Er funktioniert einmal.",
    "share.uses": "Er funktioniert {n}-mal.",
};
/** The add-on's `t` for a language tag such as HA's "de" or "en-GB"; English for any other. */
const messages = makeTranslator("en", en, { de });
/** The log's language, whatever the household reads. */
const logMessages = messages("en");

/** The parts of HA's `zwave_js_notification` event Latchkey reads (Notification CC 113). */
const ZwaveNotificationSchema = object$1({
    device_id: string$1(),
    command_class: number$2(),
    type: number$2().optional(),
    event: number$2().optional(),
    parameters: unknown().optional(),
    /** Entry Control (CC 111) only: the event and what was typed. `event_data` may be a PIN: read, never kept. */
    event_type: number$2().optional(),
    event_data: unknown().optional(),
})
    .loose();
const ACCESS_CONTROL$1 = 6;
const NOTIFICATION_CC$1 = 113;
const ENTRY_CONTROL_CC = 111;
/** Entry Control event types zwave-js names Lock (22) and Unlock (23). */
const ENTRY_CONTROL_EVENTS = { 22: "keypad_lock", 23: "keypad_unlock" };
/**
 * Access Control (type 6) events → what happened. Events with a user id name the slot. A jam (11)
 * and a keypad lockout (16) are states the Z-Wave JS driver reports through the lock's sensors,
 * not as notifications (core/lock-sensors.ts); they stay here for drivers and bridges that send them.
 */
const ACCESS_CONTROL_EVENTS = {
    1: "manual_lock",
    2: "manual_unlock",
    3: "rf_lock",
    4: "rf_unlock",
    5: "keypad_lock",
    6: "keypad_unlock",
    9: "auto_lock",
    11: "jammed",
    12: "all_codes_deleted_at_lock",
    13: "code_deleted_at_lock",
    14: "code_added_at_lock",
    15: "duplicate_code_rejected",
    16: "keypad_disabled",
    // "Manually enter user access code exceeds code limit": what locks send after too many wrong codes.
    19: "keypad_disabled",
    // Unlock / lock by RF with an invalid user code.
    20: "wrong_code",
    21: "wrong_code",
    33: "keypad_lock",
    34: "keypad_unlock",
    // A valid code refused (its user disabled, outside its schedule), an invalid one (Notification v8).
    47: "wrong_code",
    48: "wrong_code",
    50: "wrong_code",
};
/** Reads one lock notification. Pure: returns null for events that are not about a Latchkey lock. */
function interpretNotification(event, ctx) {
    if (event.command_class === ENTRY_CONTROL_CC)
        return interpretEntryControl(event, ctx);
    if (event.command_class !== NOTIFICATION_CC$1 || event.type !== ACCESS_CONTROL$1 || event.event === undefined)
        return null;
    const kind = ACCESS_CONTROL_EVENTS[event.event];
    const lock = ctx.locks.find((l) => l.deviceId === event.device_id);
    if (!kind || !lock)
        return null;
    const slot = userIdOf(event.parameters);
    const codeId = slot === null ? undefined : ctx.codeAt(lock.id, slot);
    const code = codeId ? ctx.codes.find((c) => c.id === codeId) : undefined;
    return { kind, lockId: lock.id, slot, codeId: code?.id ?? null, codeName: code?.name ?? null };
}
/**
 * Entry Control keypads send what was typed instead of a slot. The code is named only when
 * the typed digits are exactly a code on that lock; the digits themselves go no further.
 */
function interpretEntryControl(event, ctx) {
    const kind = event.event_type === undefined ? undefined : ENTRY_CONTROL_EVENTS[event.event_type];
    const lock = ctx.locks.find((l) => l.deviceId === event.device_id);
    if (!kind || !lock)
        return null;
    const typed = event.event_data;
    const code = typeof typed === "string"
        ? ctx.codes.find((c) => c.pin === typed && c.lockIds.includes(lock.id))
        : undefined;
    return { kind, lockId: lock.id, slot: null, codeId: code?.id ?? null, codeName: code?.name ?? null };
}
/** Locks report the slot as `{userId: N}`; some send it under other keys or as a bare number. */
function userIdOf(parameters) {
    const parsed = union$1([object$1({ userId: number$2().int() }).loose(), number$2().int()])
        .safeParse(parameters);
    if (!parsed.success)
        return null;
    const value = typeof parsed.data === "number" ? parsed.data : parsed.data.userId;
    return value > 0 ? value : null;
}
/** Door moves that name the HA user who made them, when one did. */
const USER_MOVES = {
    rf_unlock: "activity.user_unlock",
    unlocked: "activity.user_unlock",
    rf_lock: "activity.user_lock",
    locked: "activity.user_lock",
};
/** The sentence people read in notifications (in the home's language) and in the log (English). Never contains a PIN. */
function describeActivity(entry, lockName, t = logMessages) {
    const byUser = entry.userName ? USER_MOVES[entry.kind] : undefined;
    if (byUser && entry.userName)
        return t(byUser, { who: entry.userName, lock: lockName });
    // A change made through HA is told by who made it there (an automation names nobody).
    const who = HA_CODE_CHANGE_KINDS.has(entry.kind)
        ? (entry.userName ?? t("who.someone"))
        : (entry.codeName ??
            (entry.slot === null ? t("who.someone") : t("who.unknown_slot", { slot: entry.slot })));
    const slot = entry.slot === null ? "" : t("slot", { slot: entry.slot });
    return t(`activity.${entry.kind}`, { who, lock: lockName, slot });
}

/** Which alert choice each door event falls under; events no per-lock choice covers are absent. */
const KIND_OF_EVENT = {
    keypad_unlock: "keypad",
    manual_unlock: "manual",
    rf_unlock: "remote",
    auto_lock: "auto_lock",
    jammed: "jam",
};
/** Which alert choice a door event falls under; null for events no per-lock choice covers. */
function alertKindOf(kind) {
    return KIND_OF_EVENT[kind] ?? null;
}
/** The household's defaults as choices. */
function householdAlerts(options) {
    return {
        keypad: options.notify_keypad_unlock,
        manual: options.notify_manual_unlock,
        remote: options.notify_remote_unlock,
        auto_lock: options.notify_auto_lock,
        jam: options.notify_jammed,
    };
}
/** A lock's choices in effect: its own where it has one, the household's default for the rest. */
function lockAlertChoices(household, own) {
    const choices = { ...household };
    for (const kind of ALERT_KINDS) {
        const chosen = own?.[kind];
        if (chosen !== undefined)
            choices[kind] = chosen;
    }
    return choices;
}
/** Whether this door event alerts, given the household's defaults and the lock's own choices. */
function doorEventAlerts(kind, household, own) {
    const alertKind = alertKindOf(kind);
    return alertKind !== null && lockAlertChoices(household, own)[alertKind];
}

/**
 * What happened at a lock, entered once: the activity log (and the cards told), the add-on's
 * log in English, and `latchkey_lock_activity` for automations. Returns the sentence in the
 * household's language, for an alert.
 */
async function enterLockActivity(deps, entry, lockName) {
    await deps.activity.append(entry);
    deps.service.announceActivity();
    deps.log.info(describeActivity(entry, lockName));
    await deps.notifier.fire("latchkey_lock_activity", {
        entity_id: entry.lockId,
        kind: entry.kind,
        code_id: entry.codeId,
        code_name: entry.codeName,
        slot: entry.slot,
        user_name: entry.userName,
    });
    return describeActivity(entry, lockName, deps.service.messages());
}

/** Moves a lock reports as done "from an app or remote": HA's state change may name the person. */
const REMOTE_MOVES = {
    rf_unlock: "unlocked",
    rf_lock: "locked",
};
const UNLOCKS = new Set(["keypad_unlock", "manual_unlock", "rf_unlock"]);
/** What the lock says about wrong codes: alerted with the door and the time. */
const WRONG_CODES = new Set(["wrong_code", "keypad_disabled"]);
/** States a lock reports as a sensor and perhaps also as a notification: entered once. */
const STATES = new Set(["jammed", "keypad_disabled"]);
const SAME_STATE_WINDOW_MS = 10_000;
/** For a remote move: waits for the state change that may say who (an HA user) and names them. */
async function commanderOf(deps, seen, at) {
    const move = REMOTE_MOVES[seen.kind];
    if (!move)
        return null;
    deps.doors.notificationWaiting(seen.lockId, move);
    await new Promise((resolve) => setTimeout(resolve, deps.graceMs).unref());
    deps.doors.notificationEntered(seen.lockId);
    return deps.users.nameOf(deps.doors.commander(seen.lockId, move, at.getTime()));
}
/** "14:32" in the household's language and time zone. */
function clockTime(at, language, timeZone) {
    try {
        return new Intl.DateTimeFormat(language, { timeZone, hour: "2-digit", minute: "2-digit" }).format(at);
    }
    catch {
        return at.toISOString().slice(11, 16);
    }
}
/** Reports each door event as it comes, in the background: a failure is logged, never thrown at the source. */
function doorEventTeller(deps) {
    return (seen) => {
        void reportDoorEvent(deps, seen).catch((error) => {
            deps.log.error("Handling a lock event failed.", error);
        });
    };
}
/**
 * One thing that happened at a door — from a notification or a lock's state sensor — becomes
 * an activity entry, `latchkey_*` events, and an alert where the household wants one. Returns
 * the entry, or null when the same state was already entered moments ago.
 */
async function reportDoorEvent(deps, seen) {
    const { service, notifier, options } = deps;
    const now = (deps.now ?? (() => new Date()))();
    if (STATES.has(seen.kind) && alreadyEntered(deps.activity, seen, now))
        return;
    // A lock that deleted all its codes itself (a factory reset) lost Latchkey's: told once, as
    // lost codes are (lost-codes-report.ts), with Refill — not per slot as a keypad change is.
    if (seen.kind === "all_codes_deleted_at_lock" && (await service.allCodesDeletedAtLock(seen.lockId)))
        return;
    const userName = await commanderOf(deps, seen, now);
    const entry = {
        id: randomUUID(),
        at: now.toISOString(),
        kind: seen.kind,
        lockId: seen.lockId,
        codeId: seen.codeId,
        codeName: seen.codeName,
        slot: seen.slot,
        userName,
    };
    const lockName = service.locks.lockName(seen.lockId);
    const sentence = await enterLockActivity(deps, entry, lockName);
    const t = service.messages();
    const household = householdAlerts(options);
    if ((seen.kind === "keypad_unlock" || seen.kind === "keypad_lock") && seen.codeId) {
        const code = await service.recordUse(seen.codeId, seen.kind === "keypad_unlock");
        await notifier.fire("latchkey_code_used", {
            code_id: seen.codeId,
            code_name: seen.codeName,
            entity_id: seen.lockId,
            slot: seen.slot,
            method: "keypad",
            action: seen.kind === "keypad_unlock" ? "unlock" : "lock",
        });
        const targets = code && code.notify.targets.length > 0 ? code.notify.targets : options.notify_targets;
        if (code?.rules.burner && seen.kind === "keypad_unlock") {
            // A burner code is for one emergency: it is retired at its first use, and people are told.
            await service.setEnabled(code.id, false);
            // The activity says who: Latchkey itself ("Latchkey disabled Emergency's code").
            await deps.journal.codeEvent("code_disabled", code, "Latchkey", { alert: false });
            await notifier.notify(targets, "Latchkey", t("notify.burner", { sentence }), {
                lockAction: seen.lockId,
            });
            return;
        }
        if (code && seen.kind === "keypad_unlock" && code.uses === code.rules.maxUses)
            // This use was its last: the reconciler takes it off every lock now.
            await deps.journal.codeEvent("code_used_up", code, "Latchkey");
        // Both must want it: the code ("tell me when this code is used", on by default) and, for an
        // unlock, the door ("a code opens it", the lock's own choice or the household's).
        const doorWants = alertKindOf(seen.kind) === null ||
            doorEventAlerts(seen.kind, household, service.book.lockAlerts(seen.lockId));
        if (code?.notify.onUse && doorWants)
            await notifier.notify(targets, "Latchkey", sentence, {
                lockAction: UNLOCKS.has(seen.kind) ? seen.lockId : undefined,
            });
        return;
    }
    if (seen.kind === "code_added_at_lock" ||
        seen.kind === "code_deleted_at_lock" ||
        seen.kind === "all_codes_deleted_at_lock") {
        const reason = seen.kind === "code_added_at_lock" ? "changed_at_lock" : "removed_at_lock";
        const slot = seen.kind === "all_codes_deleted_at_lock" ? "all" : seen.slot;
        const { held, echo } = slot === null ? { held: [], echo: false } : await service.holdChangedSlots(seen.lockId, slot, reason);
        if (echo)
            return;
        if (held.length > 0) {
            const names = held.map((c) => c.name).join(", ");
            await notifier.notify(options.notify_targets, "Latchkey", t("notify.held", { sentence, names }));
            return;
        }
    }
    if (WRONG_CODES.has(seen.kind)) {
        // Someone may be trying codes at the door: say when, and offer to lock it if it is open.
        const time = clockTime(now, service.locks.language, service.locks.timeZone);
        const open = service.locks.doorState(seen.lockId) !== "locked";
        const message = t(seen.kind === "wrong_code" ? "notify.wrong_code" : "notify.keypad_disabled", {
            lock: lockName,
            time,
        });
        await notifier.notify(options.notify_targets, "Latchkey", message, {
            lockAction: open ? seen.lockId : undefined,
            tag: `latchkey_wrong_code_${seen.lockId.replace(/^lock\./, "")}`,
        });
        return;
    }
    const alert = doorEventAlerts(seen.kind, household, service.book.lockAlerts(seen.lockId)) ||
        (options.notify_keypad_code_changes &&
            (seen.kind === "code_added_at_lock" ||
                seen.kind === "code_deleted_at_lock" ||
                seen.kind === "all_codes_deleted_at_lock"));
    if (alert)
        await notifier.notify(options.notify_targets, "Latchkey", sentence, {
            lockAction: UNLOCKS.has(seen.kind) ? seen.lockId : undefined,
        });
}
/**
 * A state reported both ways (a sensor and a notification, as some bridges do; a lockout as
 * "keypad disabled" and "code limit exceeded") is entered once: it is the lock's newest entry.
 */
function alreadyEntered(activity, seen, now) {
    const [newest] = activity.list({ lockId: seen.lockId, limit: 1 });
    return newest?.kind === seen.kind && now.getTime() - Date.parse(newest.at) < SAME_STATE_WINDOW_MS;
}

/**
 * The "Lock it" button on a phone notification. The mobile app sends the action id back in a
 * `mobile_app_notification_action` event; the lock it names is in the id itself.
 */
const PREFIX = "LATCHKEY_LOCK:";
function lockActionId(lockId) {
    return `${PREFIX}${lockId}`;
}
function lockOfAction(action) {
    if (typeof action !== "string" || !action.startsWith(PREFIX))
        return null;
    const lockId = LockIdSchema.safeParse(action.slice(PREFIX.length));
    return lockId.success ? lockId.data : null;
}

/**
 * Turns the locks' Access Control notifications into activity entries, alerts and
 * `latchkey_*` events (door-report.ts), and carries out "Lock it" tapped on a phone.
 * Subscribing needs an admin token, which the add-on has.
 */
function watchDoorEvents(deps) {
    const tell = doorEventTeller(deps);
    deps.intake.on("zwave_js_notification", (event) => {
        const parsed = ZwaveNotificationSchema.safeParse(event.data);
        if (!parsed.success)
            return;
        const seen = interpretNotification(parsed.data, deps.service.interpretContext());
        if (seen)
            tell(seen);
    });
    // "Lock it" tapped on a phone notification.
    deps.intake.on("mobile_app_notification_action", (event) => {
        const lockId = lockOfAction(event.data.action);
        if (!lockId || !deps.service.interpretContext().locks.some((l) => l.id === lockId))
            return;
        deps.log.info(`Locking ${deps.service.locks.lockName(lockId)} from a phone notification.`);
        void deps.client.callService("lock", "lock", {}, { entity_id: lockId }).catch((error) => {
            deps.log.warn(`Could not lock ${deps.service.locks.lockName(lockId)} from the notification.`, error);
        });
    });
}

const StateSchema$3 = object$1({ state: string$1() }).loose();
const stateOf$1 = (raw) => StateSchema$3.safeParse(raw).data?.state;
/**
 * A jam and a keypad lockout arrive as a lock's binary sensor turning on, not as a notification
 * (core/lock-sensors.ts). Only a change from "off" counts: a sensor that comes back on with its
 * lock (unavailable → on) or with HA (no old state) reports nothing new. So does a lock's power
 * applied again, which has the lock checked for lost codes; HA makes that sensor at the lock's
 * first power-up report (unknown → on at once), so HA is read again to learn whose a sensor new to
 * Latchkey is (once per sensor).
 */
function watchLockSensors(deps) {
    const learned = new Set();
    const turnedOn = (sensor, from) => {
        if (sensor.kind === "power_applied") {
            if (from === "off" || from === "unknown")
                deps.service.powerApplied(sensor.lockId);
            return;
        }
        if (from !== "off")
            return;
        const seen = { kind: sensor.kind, lockId: sensor.lockId, slot: null, codeId: null, codeName: null };
        void reportDoorEvent(deps, seen).catch((error) => {
            deps.log.error("Handling a lock's state failed.", error);
        });
    };
    deps.intake.on("state_changed", (event) => {
        const entityId = event.data.entity_id;
        if (typeof entityId !== "string" || !entityId.startsWith("binary_sensor."))
            return;
        const from = stateOf$1(event.data.old_state);
        if (stateOf$1(event.data.new_state) !== "on")
            return;
        const sensor = deps.service.locks.sensor(entityId);
        if (sensor) {
            turnedOn(sensor, from);
            return;
        }
        if (from !== "unknown" || learned.has(entityId))
            return;
        learned.add(entityId);
        void deps.service.locks
            .refresh()
            .then(() => {
            const made = deps.service.locks.sensor(entityId);
            if (made?.kind === "power_applied")
                turnedOn(made, from);
        })
            .catch((error) => {
            deps.log.error("Handling a lock's state failed.", error);
        });
    });
}

/** How many events wait for HA at most; past that the oldest goes (with a log line). */
const MAX_WAITING_EVENTS = 500;
/**
 * Sends alerts to HA notify targets and fires `latchkey_*` events for automations. Callers
 * pass finished sentences; nothing here ever receives a PIN. A failing target is logged,
 * never retried in a loop and never blocks the others. Events raised while HA is away wait,
 * in order, and are fired once it is back: an automation hears of every edit.
 */
class Notifier {
    constructor(client, log, 
    /** The household's language, for the button this adds ("Lock it"). */
    messages) {
        this.client = client;
        this.log = log;
        this.messages = messages;
        this.waiting = [];
        this.flushing = false;
        client.onReconnect(() => {
            void this.flush();
        });
    }
    async notify(targets, title, message, extras = {}) {
        const { lockAction, tag } = extras;
        await Promise.all([...new Set(targets)].map(async (target) => {
            try {
                if (target === "persistent_notification") {
                    await this.client.callService("persistent_notification", "create", {
                        title,
                        message,
                        ...(tag ? { notification_id: tag } : {}),
                    });
                }
                else {
                    const phone = target.startsWith("notify.mobile_app_");
                    const data = {
                        ...(lockAction && phone
                            ? {
                                actions: [{ action: lockActionId(lockAction), title: this.messages()("notify.lock_it") }],
                            }
                            : {}),
                        ...(tag && phone ? { tag, alert_once: true } : {}),
                    };
                    await this.client.callService("notify", target.replace(/^notify\./, ""), {
                        title,
                        message,
                        ...(Object.keys(data).length > 0 ? { data } : {}),
                    });
                }
            }
            catch (error) {
                this.log.warn(`Could not notify ${target}.`, error);
            }
        }));
    }
    async fire(eventType, data) {
        // Behind events still waiting, so automations hear them in the order they happened.
        if (!this.client.connected || this.flushing || this.waiting.length > 0) {
            this.hold({ eventType, data });
            return;
        }
        if (!(await this.send({ eventType, data })))
            this.hold({ eventType, data });
    }
    /** Fires the waiting events in order; stops (and keeps the rest) if HA goes away again. */
    async flush() {
        if (this.flushing)
            return;
        this.flushing = true;
        try {
            while (this.waiting.length > 0 && this.client.connected) {
                const next = this.waiting[0];
                if (!next || !(await this.send(next)))
                    break;
                this.waiting.shift();
            }
        }
        finally {
            this.flushing = false;
        }
    }
    /** True once HA took the event (or refused it for good: logged, not retried); false if HA went away. */
    async send(event) {
        try {
            await this.client.command(unknown(), {
                type: "fire_event",
                event_type: event.eventType,
                event_data: event.data,
            });
            return true;
        }
        catch (error) {
            if (error instanceof HaCommandError && error.code === "connection_lost")
                return false;
            this.log.warn(`Could not fire ${event.eventType}.`, error);
            return true;
        }
    }
    hold(event) {
        this.waiting.push(event);
        if (this.waiting.length === 1)
            this.log.info(`Home Assistant is away; ${event.eventType} waits until it is back.`);
        if (this.waiting.length <= MAX_WAITING_EVENTS)
            return;
        const dropped = this.waiting.shift();
        this.log.warn(`Too many events waiting for Home Assistant; dropped the oldest (${dropped?.eventType ?? "?"}).`);
    }
}

const ids = union$1([string$1(), array$1(string$1())])
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : value.split(",")));
const slotNumber = number$1().int().min(1).max(65535);
const CallServiceSchema = object$1({
    domain: literal$1("zwave_js"),
    service: string$1(),
    service_data: object$1({
        entity_id: ids,
        device_id: ids,
        code_slot: slotNumber.optional(),
        user_id: slotNumber.optional(),
        credential_data: unknown().optional(),
        active: boolean$1().optional(),
    })
        .loose(),
})
    .loose();
/** Which field names the slot, and what the action does to it. */
const ACTIONS = {
    set_lock_usercode: { slot: "code_slot", change: "set" },
    clear_lock_usercode: { slot: "code_slot", change: "removed" },
    set_user: { slot: "user_id", change: "set" },
    set_credential: { slot: "user_id", change: "set" },
    delete_user: { slot: "user_id", change: "removed" },
    delete_credential: { slot: "user_id", change: "removed" },
    delete_all_credentials: { slot: "user_id", change: "removed" },
    delete_all_users: { slot: "all", change: "removed" },
};
const MatterCallSchema = object$1({
    domain: literal$1("matter"),
    service: _enum$1(["set_lock_credential", "clear_lock_credential", "clear_lock_user"]),
    service_data: object$1({
        entity_id: ids,
        device_id: ids,
        credential_type: string$1().optional(),
        credential_index: slotNumber.optional(),
        user_index: slotNumber.optional(),
    })
        .loose(),
})
    .loose();
/** HA's name for a PIN in the matter lock actions (the only credential that takes a Latchkey slot). */
const MATTER_PIN = "pin";
/** The code action in a `call_service` event's data, or null for any other call. */
function codeActionOf(eventData) {
    const matter = MatterCallSchema.safeParse(eventData);
    if (matter.success)
        return matterActionOf(matter.data.service, matter.data.service_data);
    const parsed = CallServiceSchema.safeParse(eventData);
    if (!parsed.success)
        return null;
    const action = ACTIONS[parsed.data.service];
    if (!action)
        return null;
    const data = parsed.data.service_data;
    // A user renamed (or retyped) keeps their code: nothing a lock lets in has changed.
    if (parsed.data.service === "set_user" && data.credential_data === undefined && data.active === undefined)
        return null;
    const slot = action.slot === "all" ? "all" : (data[action.slot] ?? null);
    return {
        domain: "zwave_js",
        service: parsed.data.service,
        entityIds: data.entity_id.map((id) => id.trim()),
        deviceIds: data.device_id,
        slot,
        matterUser: null,
        change: action.change,
    };
}
/**
 * A Matter lock's slot is its PIN credential index. A PIN set without an index goes where the
 * lock picks (slot null: listed again, it shows as unmanaged); a user cleared takes its PINs with it.
 */
function matterActionOf(service, data) {
    const on = {
        domain: "matter",
        service,
        entityIds: data.entity_id.map((id) => id.trim()),
        deviceIds: data.device_id,
    };
    if (service === "clear_lock_user")
        return data.user_index === undefined
            ? null
            : { ...on, slot: null, matterUser: data.user_index, change: "removed" };
    if (data.credential_type !== MATTER_PIN)
        return null;
    return {
        ...on,
        slot: data.credential_index ?? null,
        matterUser: null,
        change: service === "set_lock_credential" ? "set" : "removed",
    };
}

/**
 * Codes changed on a lock through Home Assistant by someone else — its own Manage access dialog,
 * a script or an automation calling the zwave_js code actions — are a change outside Latchkey,
 * like one at the keypad: a slot Latchkey owns is held (nothing written over it) until an admin
 * chooses, the household is told, and the lock's codes are listed again so a new code shows as
 * unmanaged. HA echoes every service call on its bus (`call_service`, admin), which is how they
 * are seen; Latchkey's own calls are told apart by being in flight on its own connection.
 */
function watchHaCodeChanges(deps) {
    deps.intake.on("call_service", (event) => {
        const action = codeActionOf(event.data);
        if (!action)
            return;
        for (const lock of targetedLocks(deps, action)) {
            if (deps.client.isOwnCallInFlight(action.domain, action.service, lock.id))
                continue;
            void handle(deps, action, lock, event.userId).catch((error) => {
                deps.log.error("Handling a code change made in Home Assistant failed.", error);
            });
        }
    });
}
function targetedLocks(deps, action) {
    return deps.service.locks
        .list()
        .filter((lock) => action.entityIds.includes(lock.id) || action.deviceIds.includes(lock.deviceId));
}
async function handle(deps, action, lock, userId) {
    const { service, notifier, options } = deps;
    // The echo comes before the action ran: list the lock's codes once it is done.
    setTimeout(() => {
        service.locks.refreshInBackground();
    }, deps.relistAfterMs).unref();
    const reason = action.change === "set" ? "changed_in_ha" : "removed_in_ha";
    const slots = action.matterUser !== null ? await slotsEmptiedBy(deps, lock) : action.slot === null ? [] : [action.slot];
    const held = [];
    for (const slot of slots)
        held.push(...(await service.holdChangedSlots(lock.id, slot, reason, { ownEchoes: false })).held);
    const code = held.length === 1 ? held[0] : undefined;
    const entry = {
        id: randomUUID(),
        at: (deps.now ?? (() => new Date()))().toISOString(),
        kind: action.change === "set" ? "code_changed_in_ha" : "code_removed_in_ha",
        lockId: lock.id,
        codeId: code?.id ?? null,
        codeName: code?.name ?? null,
        slot: slots.length === 1 && typeof slots[0] === "number" ? slots[0] : null,
        userName: await deps.users.nameOf(userId),
    };
    const sentence = await enterLockActivity(deps, entry, lock.name);
    const t = service.messages();
    if (held.length > 0) {
        const names = held.map((c) => c.name).join(", ");
        await notifier.notify(options.notify_targets, "Latchkey", t("notify.held", { sentence, names }));
        return;
    }
    if (options.notify_keypad_code_changes)
        await notifier.notify(options.notify_targets, "Latchkey", sentence);
}
/**
 * A Matter user cleared by someone else takes every PIN it holds, and the echo names only the
 * user: once the action has run, the lock is listed again, and Latchkey's slots it no longer
 * holds are the ones that went.
 */
async function slotsEmptiedBy(deps, lock) {
    const { service } = deps;
    await new Promise((resolve) => setTimeout(resolve, deps.relistAfterMs));
    await service.locks.refresh();
    return service.book.document.claims
        .filter((c) => c.lockId === lock.id && c.observed.status === "set" && c.held === undefined)
        .map((c) => c.slot)
        .filter((slot) => service.locks.found.holding(lock.id, slot) === undefined);
}

const UNLOCKED_BY = new Set([
    "keypad_unlock",
    "manual_unlock",
    "rf_unlock",
    "unlocked",
]);
const LOCKED_BY = new Set([
    "keypad_lock",
    "manual_lock",
    "rf_lock",
    "auto_lock",
    "locked",
]);
function restingState(state) {
    return state === "locked" || state === "unlocked" ? state : undefined;
}
/**
 * The door kind a lock entity's state change stands for: it came to rest in the other state
 * than the one it last rested in ("locked" → "unlocking" → "unlocked" is one move). Null when
 * it did not move, or when where it came from is unknown (start-up, coming back online).
 */
function doorMove(lastResting, oldState, newState) {
    const now = restingState(newState);
    const before = lastResting ?? restingState(oldState);
    if (!now || !before || now === before)
        return null;
    return now;
}
/**
 * Whether an Access Control notification already told this move: the newest door entry of that
 * lock goes the same way and is no older than `lookbackMs` before the state changed. Locks report
 * the notification and the state in either order, so the caller waits a moment before asking.
 */
function alreadyTold(newest, move, changedAt, lookbackMs) {
    if (!newest)
        return false;
    const sameWay = move === "unlocked" ? UNLOCKED_BY.has(newest.kind) : LOCKED_BY.has(newest.kind);
    return sameWay && Date.parse(newest.at) >= changedAt - lookbackMs;
}
/**
 * What a Matter lock's `changed_by` (HA 2026.11 names the operation source of the lock's newest
 * LockOperation event with it) says about a move. HA hands on the source only, not the user or
 * credential index, so a keypad move cannot name the code. Null where the source says nothing
 * beyond the move itself (Remote: someone in HA or an app; Unknown before the first operation).
 */
function matterMoveKind(changedBy, move) {
    const unlocked = move === "unlocked";
    switch (changedBy) {
        case "Keypad":
            return unlocked ? "keypad_unlock" : "keypad_lock";
        case "Manual":
        case "Button":
            return unlocked ? "manual_unlock" : "manual_lock";
        case "Auto":
        case "Schedule":
            return unlocked ? null : "auto_lock";
        default:
            return null;
    }
}

const StateSchema$2 = object$1({ state: string$1() }).loose();
const stateOf = (raw) => StateSchema$2.safeParse(raw).data?.state;
const ChangedBySchema = object$1({ attributes: object$1({ changed_by: string$1() }).loose() }).loose();
const changedByOf = (raw) => ChangedBySchema.safeParse(raw).data?.attributes.changed_by;
/**
 * A lock that sends no Access Control notification for an operation (some do not for remote
 * commands, older ones for anything) still changes state. Such a move becomes an activity entry
 * that says only that the door was unlocked or locked, and who did it when a person did it in
 * Home Assistant; a move a notification already told ("Mom unlocked it with the keypad") is not
 * entered twice.
 */
function watchLockStates(deps) {
    const now = deps.now ?? Date.now;
    const resting = new Map();
    // A Matter lock's newest operation source: HA may write it just before or after the new state.
    const changedBy = new Map();
    deps.intake.on("state_changed", (event) => {
        const entityId = event.data.entity_id;
        // Every state change in the home passes here: the cheap checks first.
        if (typeof entityId !== "string" ||
            !entityId.startsWith("lock.") ||
            !deps.service.locks.hasLock(entityId))
            return;
        const newState = stateOf(event.data.new_state);
        const source = changedByOf(event.data.new_state);
        if (source !== undefined)
            changedBy.set(entityId, source);
        const move = doorMove(resting.get(entityId), stateOf(event.data.old_state), newState);
        const rest = restingState(newState);
        if (rest)
            resting.set(entityId, rest);
        else if (newState === "unavailable" || newState === "unknown")
            resting.delete(entityId);
        if (!move)
            return;
        const changedAt = now();
        deps.doors.stateMoved(entityId, move, event.userId, changedAt);
        setTimeout(() => {
            const matter = deps.service.interpretContext().locks.find((l) => l.id === entityId)?.protocol === "matter";
            const kind = matter ? matterMoveKind(changedBy.get(entityId), move) : null;
            // A keypad or hand move on a Matter lock is told like a Z-Wave lock's report of one.
            if (kind && deps.tell) {
                deps.tell({ kind, lockId: entityId, slot: null, codeId: null, codeName: null });
                return;
            }
            void record(deps, entityId, move, changedAt).catch((error) => {
                deps.log.error("Recording a lock's state change failed.", error);
            });
        }, deps.graceMs).unref();
    });
}
async function record(deps, lockId, move, changedAt) {
    const newest = deps.activity.lastDoorActivity().find((e) => e.lockId === lockId);
    if (alreadyTold(newest, move, changedAt, DOOR_REPORT_WINDOW_MS) || deps.doors.isWaiting(lockId, move))
        return;
    const userName = await deps.users.nameOf(deps.doors.commander(lockId, move, changedAt));
    const entry = {
        id: randomUUID(),
        at: new Date(changedAt).toISOString(),
        kind: move,
        lockId,
        codeId: null,
        codeName: null,
        slot: null,
        userName,
    };
    await enterLockActivity(deps, entry, deps.service.locks.lockName(lockId));
}

/**
 * What people and automations hear when a slot keeps failing: a `latchkey_sync_failed` event
 * and, if the option is on, a notification. Once per stuck slot (the sync loop counts).
 */
function syncFailureReporter(deps) {
    return (op, rawReason, attempts) => {
        // HA's error text goes into an event and a notification: make sure no PIN rides along.
        const reason = redact(rawReason, deps.secrets());
        const codeName = op.codeId === null ? null : deps.codeName(op.codeId);
        const lock = deps.lockName(op.lockId);
        void deps.notifier.fire("latchkey_sync_failed", {
            code_id: op.codeId,
            code_name: codeName,
            entity_id: op.lockId,
            slot: op.slot,
            // A slot read before writing is part of putting the code on.
            operation: op.kind === "clear" ? "clear" : "set",
            reason,
            attempts,
        });
        if (deps.options.notify_sync_failures) {
            const t = deps.messages();
            const values = { code: codeName ?? t("who.a_code"), lock, attempts, reason };
            void deps.notifier.notify(deps.options.notify_targets, "Latchkey", t(op.kind === "clear" ? "notify.sync_failed_clear" : "notify.sync_failed_set", values));
        }
    };
}

/**
 * Tells of a lock that lost Latchkey's codes, once: an activity entry, `latchkey_codes_lost` for
 * automations, and one alert naming the lock, how many codes and whose — never a PIN.
 */
function lostCodesReporter(deps) {
    return async ({ lockId, codes, slots, refilled }) => {
        const { service, notifier, options } = deps;
        const lockName = service.locks.lockName(lockId);
        const entry = {
            id: randomUUID(),
            at: new Date().toISOString(),
            kind: "codes_lost_at_lock",
            lockId,
            codeId: null,
            codeName: null,
            slot: null,
            userName: null,
        };
        await enterLockActivity(deps, entry, lockName);
        const names = codes.map((c) => c.name);
        await notifier.fire("latchkey_codes_lost", {
            entity_id: lockId,
            count: slots.length,
            slots,
            code_ids: codes.map((c) => c.id),
            code_names: names,
            refilled,
        });
        const t = service.messages();
        const values = { lock: lockName, count: slots.length, names: names.join(", ") };
        await notifier.notify(options.notify_targets, "Latchkey", t(refilled ? "notify.codes_refilled" : "notify.codes_lost", values), { tag: `latchkey_codes_lost_${lockId.replace(/^lock\./, "")}` });
    };
}

/**
 * What Latchkey hears from HA and tells it: every HA event comes in once (ha/event-intake.ts)
 * and goes to each part that needs it — the lock directory (availability), the door activity
 * (notifications and state changes), "Lock it" from a phone — and sync failures and code
 * changes go out as notifications and `latchkey_*` events.
 */
async function wireHaEvents(wiring) {
    const { ha, service, activity, options, log } = wiring;
    const notifier = new Notifier(ha, log, () => service.messages());
    wiring.journal.connect(notifier, {
        enabled: options.notify_code_changes,
        targets: options.notify_targets,
        messages: () => service.messages(),
        language: () => service.locks.language,
        lockName: (id) => service.locks.lockName(id),
    });
    // Who moved a door in HA: a lock's notification and its state change meet here (door-commands.ts).
    const doors = new DoorCommands();
    const users = new UserNames(ha, log);
    const intake = new HaEventIntake();
    intake.on("state_changed", (event) => {
        const entityId = event.data.entity_id;
        if (typeof entityId === "string")
            service.locks.stateChanged(entityId, event.data.new_state, event.data.old_state);
    });
    const shared = {
        intake,
        service,
        activity,
        notifier,
        journal: wiring.journal,
        log,
        doors,
        users,
        graceMs: wiring.stateGraceMs,
    };
    watchDoorEvents({ ...shared, client: ha, options });
    intake.on("zwave_js_notification", (event) => {
        wiring.refusals.hear(event.data);
    });
    watchLockSensors({ ...shared, options });
    // A keypad or hand move on a Matter lock, seen in its state, is told like a Z-Wave lock's report.
    watchLockStates({ ...shared, tell: doorEventTeller({ ...shared, options }) });
    watchHaCodeChanges({
        ...shared,
        client: ha,
        options,
        relistAfterMs: wiring.relistAfterCodeActionMs,
    });
    service.loop.onSyncFailure(syncFailureReporter({
        notifier,
        options,
        codeName: (id) => service.book.codeName(id),
        lockName: (id) => service.locks.lockName(id),
        secrets: () => service.secrets(),
        messages: () => service.messages(),
    }));
    service.onCodesLost(lostCodesReporter({ service, activity, notifier, options, log }));
    await intake.start(ha);
    return notifier;
}

// What HA's matter lock actions (2026.4+; checked against 2026.11, matter/lock_helpers.py) answer.
// Entity-service responses arrive keyed by entity id. A Matter lock never hands a PIN back:
// users list their credentials by type and index only.
const Index = number$2().int().min(0).max(65535);
const LockInfoSchema = object$1({
    supports_user_management: boolean$1(),
    supported_credential_types: array$1(string$1()),
    max_users: Index.nullable(),
    max_pin_users: Index.nullable().optional(),
    min_pin_length: Index.nullable().optional(),
    max_pin_length: Index.nullable().optional(),
})
    .loose();
const CredentialRefSchema = object$1({ type: string$1(), index: Index.nullable() }).loose();
const LockUserSchema = object$1({
    user_index: Index.nullable(),
    user_name: string$1().nullable(),
    user_status: string$1(),
    credentials: array$1(CredentialRefSchema),
    creator_fabric_index: Index.nullable().optional(),
    last_modified_fabric_index: Index.nullable().optional(),
})
    .loose();
const LockUsersSchema$1 = object$1({ max_users: Index, users: array$1(LockUserSchema) }).loose();
const CredentialStatusSchema = object$1({
    credential_exists: boolean$1(),
    user_index: Index.nullable(),
    creator_fabric_index: Index.nullable().optional(),
    last_modified_fabric_index: Index.nullable().optional(),
})
    .loose();
const SetCredentialSchema = object$1({ credential_index: Index, user_index: Index.nullable(), next_credential_index: Index.nullable() })
    .loose();
/** HA's name for the PIN credential type in the matter lock actions. */
const PIN = "pin";
/** The matter lock actions Latchkey uses; all must be there for a Matter lock to be managed. */
const MATTER_LOCK_SERVICES = [
    "get_lock_info",
    "get_lock_users",
    "get_lock_credential_status",
    "set_lock_credential",
    "clear_lock_credential",
    "clear_lock_user",
];
/** Calls a response-only matter lock action and parses this lock's part of the answer. */
async function askLock(client, lock, service, schema, data = {}) {
    const response = await client.callService("matter", service, data, { entity_id: lock.id }, true);
    const mine = record$2(string$1(), unknown()).safeParse(response);
    const parsed = schema.safeParse(mine.success ? mine.data[lock.id] : undefined);
    if (!parsed.success)
        throw new HaCommandError("unexpected_response", `Home Assistant answered matter.${service} for ${lock.name} in an unexpected shape.`);
    return parsed.data;
}
/** The PIN credential indexes a user holds. */
function pinIndexes(user) {
    return user.credentials.flatMap((c) => (c.type === PIN && c.index !== null ? [c.index] : []));
}

/** The lock's users and the credentials they hold (`matter.get_lock_users`, walks the lock's user table). */
function readMatterUsers(client, lock) {
    return askLock(client, lock, "get_lock_users", LockUsersSchema$1);
}
/**
 * Taken slots of a Matter lock: every PIN credential index a user holds, whose PIN the lock never
 * gives out (null). RFID tags, fingerprints and faces are numbered apart from PINs, so they take
 * no slot Latchkey could use; a user without a PIN holds no code.
 */
function takenPinSlots(users) {
    const taken = new Map();
    for (const user of users.users)
        for (const index of pinIndexes(user))
            taken.set(index, null);
    return taken;
}
/** A Matter lock lists its whole user table: no slot is left unknown. */
async function matterInventory(client, lock) {
    return { taken: takenPinSlots(await readMatterUsers(client, lock)), unknown: new Set() };
}

/** A lock's limits change only with its firmware: asked once per read of HA, not per lock fact. */
const FRESH_MS = 30_000;
/** What `matter.get_lock_info` says about a lock's room for PINs and their length. */
function limitsOf(info) {
    const slots = info.max_pin_users ?? info.max_users;
    const min = info.min_pin_length;
    const max = info.max_pin_length;
    return {
        slotCount: info.supports_user_management && info.supported_credential_types.includes("pin") && slots
            ? slots
            : null,
        pinLength: min && max && min <= max ? { min, max } : null,
    };
}
class MatterLockInfo {
    constructor(client, now = Date.now) {
        this.client = client;
        this.now = now;
        this.known = new Map();
    }
    /** The lock's limits, or null when it cannot say (asleep, offline): the settings apply then. */
    async limits(lock) {
        const cached = this.known.get(lock.deviceId);
        if (cached && this.now() - cached.at < FRESH_MS)
            return cached.limits.catch(() => null);
        const limits = askLock(this.client, lock, "get_lock_info", LockInfoSchema).then(limitsOf);
        this.known.set(lock.deviceId, { at: this.now(), limits });
        return limits.catch(() => {
            this.known.delete(lock.deviceId);
            return null;
        });
    }
}

/**
 * Writes a slot of a Matter lock with HA's matter lock actions. Latchkey's slot is the lock's PIN
 * credential index: a code there is a PIN credential of a user of its own, which the lock makes
 * when the PIN is added (no user named) and which goes with the PIN when the code is cleared.
 *
 * What confirms a write: a Matter lock never reads a PIN back. `set_lock_credential` succeeds only
 * when the lock answered the SetCredential with success (HA raises on any other status, a duplicate
 * PIN included), and the lock's GetCredentialStatus then says the slot holds a PIN (or, after a
 * clear, that it is empty): that is the lock's own confirmation, recorded as `lock_report`. The
 * digits themselves cannot be checked on the lock.
 */
function createMatterWriter(options) {
    const now = options.now ?? (() => new Date());
    const { client } = options;
    const within = (lock, call) => withTimeout(call, options.callTimeoutMs, `${lock.name} did not answer within ${Math.round(options.callTimeoutMs / 1000)} s.`);
    const status = (lock, slot) => within(lock, askLock(client, lock, "get_lock_credential_status", CredentialStatusSchema, {
        credential_type: PIN,
        credential_index: slot,
    }));
    const act = (lock, service, data) => within(lock, client.callService("matter", service, data, { entity_id: lock.id }));
    const clear = async (lock, slot, before) => {
        if (!before.credential_exists)
            return;
        const owner = before.user_index;
        const user = owner === null
            ? undefined
            : (await readMatterUsers(client, lock)).users.find((u) => u.user_index === owner);
        // The user goes with its only credential (ClearUser also clears its credentials); a user who
        // holds more (a tag, another PIN) keeps the rest.
        const onlyThis = user !== undefined && user.credentials.length === 1 && pinIndexes(user)[0] === slot;
        if (owner !== null && onlyThis)
            await act(lock, "clear_lock_user", { user_index: owner });
        else
            await act(lock, "clear_lock_credential", { credential_type: PIN, credential_index: slot });
    };
    return async (op, lock, signal) => {
        const before = await status(lock, op.slot);
        const verifiedAt = () => now().toISOString();
        if (op.kind === "read")
            return before.credential_exists
                ? { status: "set", pin: "", confirmed: false, verifiedAt: verifiedAt(), via: "lock_report" }
                : { status: "empty", confirmed: true, verifiedAt: verifiedAt(), via: "lock_report" };
        if (signal?.aborted)
            throw new HaCommandError("aborted", `${lock.name} took too long; nothing was written.`);
        if (op.kind === "set") {
            // HA adds the PIN to an empty slot (the lock makes its user) or changes it in place.
            const written = await within(lock, askLock(client, lock, "set_lock_credential", SetCredentialSchema, {
                credential_type: PIN,
                credential_data: op.pin,
                credential_index: op.slot,
            }));
            if (written.credential_index !== op.slot)
                throw new HaCommandError("verify_mismatch", `${lock.name} put the PIN in slot ${written.credential_index}, not ${op.slot}.`);
        }
        else
            await clear(lock, op.slot, before);
        const after = await status(lock, op.slot);
        options.log.debug(`${op.kind === "set" ? "Wrote" : "Cleared"} PIN slot ${op.slot} on ${lock.name}; the lock confirms it.`);
        if (op.kind === "clear") {
            if (after.credential_exists)
                throw new HaCommandError("verify_mismatch", `${lock.name} still holds a PIN in slot ${op.slot} after the clear.`);
            return { status: "empty", confirmed: true, verifiedAt: verifiedAt(), via: "lock_report" };
        }
        if (!after.credential_exists)
            throw new HaCommandError("verify_mismatch", `${lock.name} shows no PIN in slot ${op.slot} after the write.`);
        return { status: "set", pin: op.pin, confirmed: true, verifiedAt: verifiedAt(), via: "lock_report" };
    };
}

const ServicesSchema$2 = record$2(string$1(), record$2(string$1(), unknown()));
/** Present where the running HA has the matter lock actions (2026.4+); Matter locks are not managed otherwise. */
async function detectMatterSupport(client, log, callTimeoutMs) {
    const services = await client.command(ServicesSchema$2, { type: "get_services" });
    const matter = services.matter ?? {};
    if (!MATTER_LOCK_SERVICES.every((service) => service in matter))
        return null;
    const info = new MatterLockInfo(client);
    return {
        writer: createMatterWriter({ client, log, callTimeoutMs }),
        inventory: (lock) => matterInventory(client, lock),
        slotCount: async (lock) => (await info.limits(lock))?.slotCount ?? null,
        pinLength: async (lock) => (await info.limits(lock))?.pinLength ?? null,
    };
}
const isMatter = (lock) => lock.protocol === "matter";
/** Sends Matter locks to the matter paths and every other lock to the Z-Wave ones. */
function withMatterLocks(matter, zwave) {
    if (!matter)
        return zwave;
    const { inventory, slotCount } = zwave;
    return {
        writer: (op, lock, signal) => isMatter(lock) ? matter.writer(op, lock, signal) : zwave.writer(op, lock, signal),
        inventory: (lock) => isMatter(lock) ? matter.inventory(lock) : inventory ? inventory(lock) : Promise.resolve(null),
        slotCount: (lock) => isMatter(lock) ? matter.slotCount(lock) : slotCount ? slotCount(lock) : Promise.resolve(null),
        pinLength: (lock) => (isMatter(lock) ? matter.pinLength(lock) : Promise.resolve(null)),
        platforms: ["matter"],
    };
}

/** User Code CC (99) as zwave-js exposes it: one `userIdStatus` and one `userCode` value per slot. */
const USER_CODE_CC = 99;
/** User ID status per the Z-Wave spec: 0 available, 1 enabled (occupied), 2 disabled, 3 messaging, 4 passage. */
const USER_ID_AVAILABLE = 0;
/** Combines the two per-slot values into what the slot holds. */
function slotContent(userIdStatus, userCode) {
    if (userCode !== undefined && /^\d+$/.test(userCode) && userIdStatus !== USER_ID_AVAILABLE) {
        return { status: "set", pin: userCode };
    }
    // zwave-js reports a cleared slot as status 0 and/or an empty code.
    if (userIdStatus === USER_ID_AVAILABLE || userCode === "")
        return { status: "empty" };
    return null;
}
/** Fields of HA's `zwave_js.value_updated` trigger variables that identify a user code value. */
const ValueUpdatedTriggerSchema = object$1({
    device_id: string$1(),
    command_class: number$2(),
    property: union$1([string$1(), number$2()]),
    property_key: union$1([string$1(), number$2()]).nullable(),
    current_value: unknown(),
    current_value_raw: unknown().optional(),
})
    .loose();

/** A device id HA's registry never hands out (its ids are 32 hex digits). */
const NO_SUCH_DEVICE = "latchkey-probe-no-such-device";
const UserCodeGetSchema = object$1({ userIdStatus: number$2(), userCode: string$1() }).loose();
/** Supervision's "fail": the lock received the command and did not carry it out. */
const SUPERVISION_FAIL = 0x02;
const SupervisionAnswerSchema = object$1({ status: number$2().int() }).loose();
/**
 * The lock's User Code command class through ws `zwave_js/invoke_cc_api` (wait_for_result):
 * reading a slot from the lock itself (`get`) and writing one (`set`, `clear`). Only newer HA
 * has the command; `detect` finds out once per connection.
 */
class UserCodeCcApi {
    constructor(client) {
        this.client = client;
    }
    /**
     * Asks about a device that does not exist, so no frame goes on the air (a real lock would
     * be woken by every reconnect otherwise): HA without the command answers `unknown_command`;
     * HA with it looks the device up first and answers `not_found`.
     */
    static async detect(client, anyDeviceId) {
        if (!anyDeviceId)
            return null;
        try {
            await client.command(unknown(), {
                type: "zwave_js/invoke_cc_api",
                device_id: NO_SUCH_DEVICE,
                command_class: USER_CODE_CC,
                method_name: "getUsersCount",
                parameters: [],
                wait_for_result: true,
            });
            return new UserCodeCcApi(client);
        }
        catch (error) {
            if (error instanceof HaCommandError && error.code === "unknown_command")
                return null;
            // Any other answer (not_found, expected) means the command is there.
            return new UserCodeCcApi(client);
        }
    }
    async read(lock, slot) {
        const readBack = await this.readBack(lock, slot);
        return readBack ? slotContent(readBack.userIdStatus, readBack.userCode) : null;
    }
    /** The slot's two values as the lock sent them (a masked PIN stays "****"); null when no report came. */
    async readBack(lock, slot) {
        const parsed = UserCodeGetSchema.safeParse(unwrapEndpoint(await this.invoke(lock, "get", [slot])));
        return parsed.success ? parsed.data : null;
    }
    /**
     * Writes a slot with the CC's own Set (User ID status 1, enabled) or clears it. Unlike HA's
     * set_lock_usercode (zwave-js's setValue), this starts no read-back of the driver's own, so the
     * caller's one Get is the only read on the air. A lock with Supervision answers whether it
     * carried the command out: a "fail" is its refusal (a duplicate PIN, a slot it will not take).
     */
    async write(lock, slot, pin) {
        const raw = await this.invoke(lock, pin === null ? "clear" : "set", pin === null ? [slot] : [slot, 1, pin]);
        const answer = SupervisionAnswerSchema.safeParse(unwrapEndpoint(raw));
        if (answer.success && answer.data.status === SUPERVISION_FAIL)
            throw new HaCommandError("lock_refused", `${lock.name} refused to ${pin === null ? "clear" : "take the code in"} slot ${slot}.`);
    }
    /** The lock's User Code checksum (a v2 lock that keeps one), or null where it cannot say. */
    async checksum(lock) {
        try {
            const sum = number$2()
                .int()
                .min(0)
                .max(0xffff)
                .safeParse(unwrapEndpoint(await this.invoke(lock, "getUserCodeChecksum", [])));
            return sum.success ? sum.data : null;
        }
        catch {
            return null;
        }
    }
    invoke(lock, method, parameters) {
        return this.client.command(unknown(), {
            type: "zwave_js/invoke_cc_api",
            device_id: lock.deviceId,
            command_class: USER_CODE_CC,
            method_name: method,
            parameters,
            wait_for_result: true,
        });
    }
    /** The lock's own user slot count (User Code `getUsersCount`), or null when it cannot say. */
    async slotCount(lock) {
        try {
            const raw = await this.client.command(unknown(), {
                type: "zwave_js/invoke_cc_api",
                device_id: lock.deviceId,
                command_class: USER_CODE_CC,
                method_name: "getUsersCount",
                parameters: [],
                wait_for_result: true,
            });
            const count = number$2().int().min(1).max(65535).safeParse(unwrapEndpoint(raw));
            return count.success ? count.data : null;
        }
        catch {
            return null;
        }
    }
}
/** Some HA versions key the result by endpoint index ({"0": result}); take the root endpoint's. */
function unwrapEndpoint(raw) {
    const keyed = record$2(string$1().regex(/^\d+$/), unknown()).safeParse(raw);
    if (keyed.success && Object.keys(keyed.data).length > 0)
        return keyed.data["0"] ?? Object.values(keyed.data)[0];
    return raw;
}

const ServicesSchema$1 = record$2(string$1(), record$2(string$1(), unknown()));
const ResponseSchema = record$2(string$1(), record$2(string$1(), object$1({ usercode: string$1().nullable().optional(), in_use: boolean$1().nullable().optional() })
    .loose()));
/**
 * A slot taken by a person enrolled at the lock with an RFID tag or a fingerprint and no PIN
 * (User Credential locks): Latchkey must not use it, and it is no code to adopt or clear.
 */
const NOT_A_PIN = Symbol("tag or fingerprint, no PIN");
/**
 * Newer HA answers `zwave_js.get_lock_usercode` (response-only) with the driver's cached codes
 * of every slot; that is how Latchkey finds codes it did not write. Older HA has no way to list
 * them, so unmanaged codes are then only learned from the lock's own events.
 */
async function detectCodeInventory(client) {
    const services = await client.command(ServicesSchema$1, { type: "get_services" });
    if (!services.zwave_js || !("get_lock_usercode" in services.zwave_js))
        return null;
    return async (lock) => listingOf(await client.callService("zwave_js", "get_lock_usercode", {}, { entity_id: lock.id }, true), lock.id);
}
/**
 * A User Code lock's slot count as the driver learned it at the lock's interview (it keeps a
 * value per slot, 1 to the lock's user count, read or not): HA lists them all from the driver's
 * cache, so nothing goes on the air. Null when HA cannot list codes or lists none.
 */
async function listedSlotCount(client, lock) {
    const response = ResponseSchema.safeParse(await client.callService("zwave_js", "get_lock_usercode", {}, { entity_id: lock.id }, true));
    const slots = Object.keys((response.success ? response.data[lock.id] : undefined) ?? {}).filter((key) => /^[1-9]\d*$/.test(key));
    return slots.length > 0 ? slots.length : null;
}
/**
 * One lock's slots from HA's answer. `in_use` is the driver's cached User ID status: true taken
 * (its PIN, or null when the cache has no digits), false free, null never read — a code set at
 * the keypad of a lock that reports only an Access Control notification stays null there (HA
 * 2026.11 with the zwave-js mock), so such a slot is unknown, never free.
 */
function listingOf(response, lockId) {
    const listing = { taken: new Map(), unknown: new Set() };
    for (const [key, entry] of Object.entries(ResponseSchema.parse(response)[lockId] ?? {})) {
        const slot = Number(key);
        if (!Number.isInteger(slot) || slot < 1)
            continue;
        if (entry.in_use === null || entry.in_use === undefined)
            listing.unknown.add(slot);
        else if (entry.in_use)
            listing.taken.set(slot, entry.usercode && /^\d+$/.test(entry.usercode) ? entry.usercode : null);
    }
    return listing;
}

/** User Credential CC (0x83): users with typed credentials, the successor of User Code CC. */
const USER_CREDENTIAL_CC = 131;
/** ws `zwave_js/node_capabilities` (newer HA): endpoint index → the command classes it supports. */
const CapabilitiesSchema = record$2(string$1(), array$1(object$1({ id: number$2().int() }).loose()));
/** Which code-holding command classes a node has on any endpoint; null when the answer is unreadable. */
function codeCommandClasses(capabilities) {
    const parsed = CapabilitiesSchema.safeParse(capabilities);
    if (!parsed.success)
        return null;
    const ids = new Set(Object.values(parsed.data).flatMap((classes) => classes.map((c) => c.id)));
    return { userCode: ids.has(USER_CODE_CC), userCredential: ids.has(USER_CREDENTIAL_CC) };
}
/** Locks that keep codes only in the User Credential CC: HA's User Code services cannot reach them. */
function isCredentialOnly(classes) {
    return classes !== null && classes.userCredential && !classes.userCode;
}

const ServicesSchema = record$2(string$1(), record$2(string$1(), unknown()));
/** HA's credential actions (2026.6+) Latchkey needs for a User Credential lock. */
const CREDENTIAL_SERVICES = ["get_users", "set_user", "set_credential", "delete_credential"];
/**
 * Positive detection, once per device: the running HA offers the credential actions, and the
 * lock's node lists the User Credential CC but not the User Code CC (ws
 * `zwave_js/node_capabilities`). Anything less keeps the lock on the User Code path, which is
 * also where older HA leaves every lock.
 */
async function detectCredentialLocks(client, log) {
    const services = await client.command(ServicesSchema, { type: "get_services" });
    const zwave = services.zwave_js ?? {};
    if (!CREDENTIAL_SERVICES.every((service) => service in zwave))
        return null;
    const known = new Map();
    return {
        isCredentialOnly: async (lock) => {
            const cached = known.get(lock.deviceId);
            if (cached !== undefined)
                return cached;
            try {
                const capabilities = await client.command(unknown(), {
                    type: "zwave_js/node_capabilities",
                    device_id: lock.deviceId,
                });
                const answer = isCredentialOnly(codeCommandClasses(capabilities));
                known.set(lock.deviceId, answer);
                if (answer)
                    log.info(`${lock.name} keeps its codes in the User Credential command class; Latchkey manages them with Home Assistant's credential actions.`);
                return answer;
            }
            catch (error) {
                // Without the command this HA cannot tell: the User Code path, for good.
                if (error instanceof HaCommandError && error.code === "unknown_command") {
                    known.set(lock.deviceId, false);
                    return false;
                }
                // Anything else is asked again. Guessing "User Code" here could read the lock's users as
                // all free and later write a PIN onto someone's user record.
                log.debug(`Could not learn which command classes ${lock.name} supports.`, error);
                throw new HaCommandError("unavailable", `Could not learn how ${lock.name} keeps its codes; Latchkey asks again shortly.`);
            }
        },
    };
}

/**
 * What a User Code lock answers to a User Code Checksum Get (User Code CC v2) for these codes:
 * CRC-16 (CCITT polynomial 0x1021, start 0x1D0F) over every occupied slot in ascending order —
 * its number (2 bytes), its status (1, enabled) and its PIN's digits — and 0 for a lock that
 * holds no code. One report then tells whether a lock holds exactly what Latchkey believes.
 */
function userCodeChecksum(codes) {
    const bytes = [];
    for (const [slot, pin] of [...codes].sort(([a], [b]) => a - b)) {
        bytes.push((slot >> 8) & 0xff, slot & 0xff, ENABLED);
        for (const digit of pin)
            bytes.push(digit.charCodeAt(0));
    }
    if (bytes.length === 0)
        return 0;
    let crc = 0x1d0f;
    for (const byte of bytes)
        for (let bit = 0x80; bit !== 0; bit >>= 1) {
            const feedback = ((byte & bit) !== 0) !== ((crc & 0x8000) !== 0);
            crc = (crc << 1) & 0xffff;
            if (feedback)
                crc ^= 0x1021;
        }
    return crc;
}
const ENABLED = 1;

/**
 * The access-control users of a lock as HA's response-only `zwave_js.get_users` returns them
 * (2026.6+, checked against 2026.11): `{max_users, users: [{user_id, user_name, active,
 * user_type, credential_rule, credentials: [{type, slot}]}]}`. A credential names its type and
 * slot, never its PIN: HA hands no PIN back this way. Credential slots are numbered per
 * credential type, apart from the user index.
 */
const CredentialSchema = object$1({ type: string$1(), slot: number$2().int() }).loose();
const UserSchema = object$1({
    user_id: number$2().int().min(1),
    active: boolean$1().optional(),
    credentials: array$1(CredentialSchema),
})
    .loose();
const LockUsersSchema = object$1({ max_users: number$2().int().min(1).max(65535).optional(), users: array$1(UserSchema) })
    .loose();
/** An entity service's response is keyed by entity id; take this lock's part. */
function usersOfLock(response, entityId) {
    const byEntity = record$2(string$1(), unknown()).safeParse(response);
    if (!byEntity.success)
        return null;
    const parsed = LockUsersSchema.safeParse(byEntity.data[entityId]);
    return parsed.success ? parsed.data : null;
}
const PIN_CODE = "pin_code";
/** Credential slots of the PIN credentials user `userId` holds. */
function pinSlotsOf(users, userId) {
    const user = users.users.find((u) => u.user_id === userId);
    return (user?.credentials ?? []).filter((c) => c.type === PIN_CODE).map((c) => c.slot);
}
/** Whether the user has a credential other than a PIN (an RFID tag, a fingerprint): a person's record. */
function hasOtherCredentials(users, userId) {
    return (users.users.find((u) => u.user_id === userId)?.credentials ?? []).some((c) => c.type !== PIN_CODE);
}
/** Whether the user holds a PIN credential (which one, HA does not say). */
function hasPin(users, userId) {
    return pinSlotsOf(users, userId).length > 0;
}
/**
 * User indexes taken by someone: every user with at least one credential of any type. A user
 * with a PIN holds a code whose digits cannot be read (null); one with only an RFID tag or a
 * fingerprint is someone's too, but holds no code. A user record without credentials is free.
 */
function occupiedUsers(users) {
    const occupied = new Map();
    for (const user of users.users) {
        if (user.credentials.length === 0)
            continue;
        occupied.set(user.user_id, hasPin(users, user.user_id) ? null : NOT_A_PIN);
    }
    return occupied;
}

/** The lock's users and credentials through the response-only `zwave_js.get_users` (the driver's cache). */
async function readLockUsers(client, lock) {
    const response = await client.callService("zwave_js", "get_users", {}, { entity_id: lock.id }, true);
    const users = usersOfLock(response, lock.id);
    if (!users)
        throw new HaCommandError("unexpected_response", `Home Assistant answered get_users for ${lock.name} in an unexpected shape.`);
    return users;
}
/** Taken user indexes of a User Credential lock → what each holds (see `SlotHolding`); HA lists every user. */
async function credentialInventory(client, lock) {
    return { taken: occupiedUsers(await readLockUsers(client, lock)), unknown: new Set() };
}
/** How many users the lock has room for; Latchkey's slots on it are its user indexes. */
async function credentialUserCount(client, lock) {
    try {
        return (await readLockUsers(client, lock)).max_users ?? null;
    }
    catch {
        return null;
    }
}

/** What a user index holds, from the lock's users as just read. */
function readUser(users, user, at) {
    const verifiedAt = at.toISOString();
    if (!hasPin(users, user) && !hasOtherCredentials(users, user))
        return { status: "empty", confirmed: true, verifiedAt, via: "lock_report" };
    // A PIN HA cannot read back, or a tag or fingerprint: taken, by someone.
    return { status: "set", pin: "", confirmed: false, verifiedAt, via: "lock_report" };
}
/**
 * Writes a slot of a User Credential lock with HA's credential actions. Latchkey's slot is the
 * user index: a code is that user's PIN credential.
 *
 * What confirms a write: HA cannot hand a PIN back on these locks (`get_users` lists credentials
 * by slot only, and `invoke_cc_api` cannot reach the User Credential CC). But `set_credential`
 * succeeds only when the lock itself answered that very write with a Credential Report of
 * "added" or "modified" (zwave-js maps anything else, or no answer, to an error), and the lock's
 * user list then shows the PIN: together that is the lock's own confirmation, reported as
 * `lock_report`. Clearing removes a user Latchkey made entirely; a user who also has an RFID
 * tag or fingerprint enrolled at the lock keeps it and loses only the PIN.
 */
function createCredentialWriter(options) {
    const now = options.now ?? (() => new Date());
    // Errors that quote the PIN are masked where every write failure is handled (the executor).
    const call = async (lock, service, data, returnResponse = false) => {
        const sending = options.client.callService("zwave_js", service, data, { entity_id: lock.id }, returnResponse);
        await withTimeout(sending, options.callTimeoutMs, `${lock.name} did not answer within ${Math.round(options.callTimeoutMs / 1000)} s.`);
    };
    const writePin = async (lock, user, pin, before) => {
        // Latchkey's users only ever hold PINs; one with a tag or fingerprint is a person enrolled at the lock.
        if (hasOtherCredentials(before, user)) {
            throw new HaCommandError("conflict", `User ${user} on ${lock.name} has an RFID tag or fingerprint enrolled at the lock; Latchkey does not add a PIN to that person.`);
        }
        const credential = { user_id: user, credential_type: PIN_CODE, credential_data: pin };
        const existing = pinSlotsOf(before, user)[0];
        if (before.users.some((u) => u.user_id === user)) {
            // Change the user's PIN in place; a user without one gets the first free PIN slot from HA.
            await call(lock, "set_credential", { ...credential, ...(existing === undefined ? {} : { credential_slot: existing }) }, true);
            return;
        }
        // A new user with its PIN in one action. HA keeps the user when the lock refuses the PIN
        // (a duplicate, say): take it away again, so no empty user of Latchkey's is left behind.
        try {
            await call(lock, "set_user", credential, true);
        }
        catch (error) {
            await call(lock, "delete_user", { user_id: user }).catch(() => undefined);
            throw error;
        }
    };
    const clearPins = async (lock, user, before) => {
        if (!before.users.some((u) => u.user_id === user))
            return;
        if (!hasOtherCredentials(before, user)) {
            await call(lock, "delete_user", { user_id: user });
            return;
        }
        for (const slot of pinSlotsOf(before, user))
            await call(lock, "delete_credential", {
                user_id: user,
                credential_type: PIN_CODE,
                credential_slot: slot,
            });
    };
    return async (op, lock, signal) => {
        const before = await readLockUsers(options.client, lock);
        if (op.kind === "read")
            return readUser(before, op.slot, now());
        // Overran its time while reading: the executor has given up on it, so nothing is written.
        if (signal?.aborted)
            throw new HaCommandError("aborted", `${lock.name} took too long; nothing was written.`);
        if (op.kind === "set")
            await writePin(lock, op.slot, op.pin, before);
        else
            await clearPins(lock, op.slot, before);
        const holdsPin = hasPin(await readLockUsers(options.client, lock), op.slot);
        const verifiedAt = now().toISOString();
        options.log.debug(`${op.kind === "set" ? "Wrote" : "Cleared"} the PIN of user ${op.slot} on ${lock.name}.`);
        if (op.kind === "clear") {
            if (holdsPin)
                throw new HaCommandError("verify_mismatch", `${lock.name} still holds a PIN for user ${op.slot} after the clear.`);
            return { status: "empty", confirmed: true, verifiedAt, via: "lock_report" };
        }
        if (!holdsPin)
            throw new HaCommandError("verify_mismatch", `${lock.name} shows no PIN for user ${op.slot} after the write.`);
        return { status: "set", pin: op.pin, confirmed: true, verifiedAt, via: "lock_report" };
    };
}

/**
 * Picks, per lock, the User Credential path (credential actions) or the User Code path. Without
 * credential detection every lock stays on the User Code path exactly as before.
 */
function routeWriter(credentialLocks, credentialWriter, userCodeWriter) {
    if (!credentialLocks)
        return userCodeWriter;
    return async (op, lock) => (await credentialLocks.isCredentialOnly(lock)) ? credentialWriter(op, lock) : userCodeWriter(op, lock);
}
function routeInventory(credentialLocks, client, userCodeInventory) {
    if (!credentialLocks)
        return userCodeInventory;
    return async (lock) => {
        if (await credentialLocks.isCredentialOnly(lock))
            return credentialInventory(client, lock);
        return userCodeInventory ? userCodeInventory(lock) : null;
    };
}
function routeSlotCount(credentialLocks, client, userCodeSlotCount) {
    if (!credentialLocks)
        return userCodeSlotCount;
    return async (lock) => {
        if (await credentialLocks.isCredentialOnly(lock))
            return credentialUserCount(client, lock);
        return userCodeSlotCount ? userCodeSlotCount(lock) : null;
    };
}
/**
 * A lock's slot count does not change while it stays the same device, and asking costs a
 * round trip on the radio (a battery lock wakes for it): each device is asked once per add-on
 * run, not after every reconnect. Only answers are kept; a lock that could not say is asked again.
 */
function rememberSlotCounts(reader) {
    if (!reader)
        return null;
    const known = new Map();
    return async (lock) => {
        const remembered = known.get(lock.deviceId);
        if (remembered !== undefined)
            return remembered;
        const count = await reader(lock);
        if (count !== null)
            known.set(lock.deviceId, count);
        return count;
    };
}

const NOTIFICATION_CC = 113;
const ACCESS_CONTROL = 6;
/** Access Control event 15: "New user code not added due to duplicate code". */
const DUPLICATE_CODE = 15;
/** The lock (by HA device id) that refused a new code as a duplicate, if `eventData` says so. */
function duplicateRefusalOf(eventData) {
    const parsed = ZwaveNotificationSchema.safeParse(eventData);
    if (!parsed.success)
        return null;
    const { command_class, type, event, device_id } = parsed.data;
    return command_class === NOTIFICATION_CC && type === ACCESS_CONTROL && event === DUPLICATE_CODE
        ? device_id
        : null;
}
/**
 * Which locks refused a code as a duplicate, and when. The notice names no slot: a lock sends it
 * right after the Set it refuses, so the writer holds it against the slot it has just written.
 */
class RefusalNotices {
    constructor(now = Date.now) {
        this.now = now;
        this.lastHeard = new Map();
    }
    /** Takes every `zwave_js_notification` event's data; keeps only refusals. */
    hear(eventData) {
        const deviceId = duplicateRefusalOf(eventData);
        if (deviceId)
            this.lastHeard.set(deviceId, this.now());
    }
    /** The lock refused a code at or after `since` (ms since the epoch). */
    refusedSince(deviceId, since) {
        return (this.lastHeard.get(deviceId) ?? -Infinity) >= since;
    }
}

/**
 * The lock heard the write and said no (a duplicate PIN: Access Control 15, or a Supervision
 * Fail with it). Sending the same write again gets the same no, so the executor never retries
 * it; only a different write to that slot (another PIN) is sent. The text names no PIN.
 */
class WriteRefused extends Error {
    constructor(problem = "sync_reason.refused_duplicate") {
        const { reason, values } = syncReason(problem);
        super(reason);
        this.name = "WriteRefused";
        this.problem = problem;
        this.values = values;
    }
}

/** Some locks send "****", others zeros, in place of a PIN they keep to themselves. */
const HIDDEN_PIN = /^(\*+|0+)$/;
/**
 * The verdict on a write of `written`, given what the lock reported for the slot afterwards
 * (`null`: nothing came, within the bounded reads). Pure. A slot just set that the lock reports
 * in use with a hidden PIN took the write as far as anyone can tell: unverified, never a mismatch.
 */
function writeVerdict(written, readBack) {
    if (readBack === null || (readBack.userIdStatus === undefined && readBack.userCode === undefined))
        return { kind: "unverified", why: "no_answer" };
    const content = slotContent(readBack.userIdStatus, readBack.userCode);
    if (written.status === "empty")
        return content?.status === "empty" ? { kind: "confirmed" } : { kind: "mismatch" };
    if (content?.status === "set" && content.pin === written.pin)
        return { kind: "confirmed" };
    const inUse = readBack.userIdStatus !== undefined && readBack.userIdStatus !== USER_ID_AVAILABLE;
    if (inUse && readBack.userCode !== undefined && HIDDEN_PIN.test(readBack.userCode))
        return { kind: "unverified", why: "pin_hidden" };
    return { kind: "mismatch" };
}

/**
 * Watches one slot's User Code values through HA's `zwave_js.value_updated` trigger (admin),
 * which every HA Latchkey supports. HA only attaches the trigger to an existing value id, so
 * each slot needs its own trigger with `property_key`; a slot is watched only around a write.
 * The watch starts before the write, so only reports caused after it are seen.
 */
async function watchSlot(client, lock, slot, log) {
    let userIdStatus;
    let userCode;
    let notify = () => undefined;
    const onReport = (variables) => {
        const report = ValueUpdatedTriggerSchema.safeParse(variables);
        log?.debug(`Report for slot ${slot} on ${lock.name}: ${report.success ? `${String(report.data.property)} changed` : "unreadable"}.`);
        if (!report.success || Number(report.data.property_key) !== slot)
            return;
        // For userIdStatus HA gives the state label as current_value and the number as current_value_raw.
        const raw = report.data.current_value_raw ?? report.data.current_value;
        if (report.data.property === "userIdStatus" && typeof raw === "number")
            userIdStatus = raw;
        if (report.data.property === "userCode" && typeof raw === "string")
            userCode = raw;
        reported = true;
        notify();
    };
    const unsubscribers = await Promise.all(["userCode", "userIdStatus"].map((property) => client.subscribeTrigger({
        platform: "zwave_js.value_updated",
        device_id: lock.deviceId,
        command_class: USER_CODE_CC,
        property,
        property_key: slot,
    }, onReport)));
    let reported = false;
    const verdict = (expected) => writeVerdict(expected, reported ? { userIdStatus, userCode } : null);
    // A mismatch may be the report of what the slot held before the write: wait for a later one.
    const settled = (found) => found.kind !== "mismatch" && !(found.kind === "unverified" && found.why === "no_answer");
    return {
        wait: (expected, timeoutMs) => new Promise((resolve) => {
            if (settled(verdict(expected))) {
                resolve(verdict(expected));
                return;
            }
            const timer = setTimeout(() => {
                resolve(verdict(expected));
            }, timeoutMs);
            notify = () => {
                const found = verdict(expected);
                if (!settled(found))
                    return;
                clearTimeout(timer);
                resolve(found);
            };
        }),
        content: (timeoutMs) => new Promise((resolve) => {
            const known = () => (reported ? slotContent(userIdStatus, userCode) : null);
            const now = known();
            if (now) {
                resolve(now);
                return;
            }
            const timer = setTimeout(() => {
                resolve(null);
            }, timeoutMs);
            notify = () => {
                const found = known();
                if (!found)
                    return;
                clearTimeout(timer);
                resolve(found);
            };
        }),
        close: async () => {
            await Promise.all(unsubscribers.map((unsubscribe) => unsubscribe().catch(() => undefined)));
        },
    };
}

/**
 * Writes one slot and confirms it by the best path the running HA offers. Newer HA: the User
 * Code CC's own Set and one Get, both through zwave_js/invoke_cc_api — the radio's floor for a
 * confirmed write (Set, report, and the Supervision Report where the lock has it). Older HA: the
 * Z-Wave JS lock services, confirmed by the lock's own report. An accepted write that nothing
 * confirmed is returned as unconfirmed — never as synced.
 */
function createZwaveWriter(options) {
    const now = options.now ?? (() => new Date());
    const readSlot = createSlotReader(options, now);
    return async (op, lock, signal) => {
        if (signal?.aborted)
            throw new HaCommandError("aborted", `${lock.name} took too long; nothing was written.`);
        // A read writes nothing: it is never turned into a clear by falling through.
        if (op.kind === "read")
            return readSlot(lock, op.slot);
        return writeAndVerify(op, lock, signal);
    };
    async function writeAndVerify(op, lock, signal) {
        const target = { entity_id: lock.id };
        // Real time, as the refusal notices are stamped: a test clock does not move them.
        const startedAt = Date.now();
        const pin = op.kind === "set" ? op.pin : null;
        // Where HA has the CC API, the lock's own Set, confirmed by one Get; else HA's lock services,
        // whose setValue zwave-js follows with a read-back of its own.
        const call = options.ccApi
            ? options.ccApi.write(lock, op.slot, pin)
            : pin !== null
                ? options.client.callService("zwave_js", "set_lock_usercode", { code_slot: op.slot, usercode: pin }, target)
                : options.client.callService("zwave_js", "clear_lock_usercode", { code_slot: op.slot }, target);
        await withTimeout(call, options.callTimeoutMs, `${lock.name} did not answer within ${Math.round(options.callTimeoutMs / 1000)} s.`).catch(async (error) => {
            // A supervised Set the lock refused fails here (its Supervision "fail" through the CC API,
            // or HA's service error); its Access Control notice says why. Either way it is not sent again.
            const supervisionFail = error instanceof HaCommandError && error.code === "lock_refused";
            if (op.kind === "set" && (supervisionFail || (await refusedSince(lock, startedAt))))
                throw new WriteRefused();
            throw explainMissingSlot(error, lock, op.slot);
        });
        const expected = op.kind === "set" ? { status: "set", pin: op.pin } : { status: "empty" };
        // The executor gave up waiting: the write was accepted, so it is reported as such, unconfirmed.
        if (signal?.aborted)
            return observation(expected, "none", now());
        const { verdict, via } = await verify(lock, op.slot, expected);
        if (verdict.kind === "mismatch" && op.kind === "set" && (await refusedSince(lock, startedAt)))
            throw new WriteRefused();
        if (verdict.kind === "mismatch" && via === "cc_read")
            throw new HaCommandError("verify_mismatch", `${lock.name} holds something else in slot ${op.slot} after the write.`);
        const confirmed = verdict.kind === "confirmed";
        const why = verdict.kind === "unverified" ? verdict.why : undefined;
        options.log.debug(`${op.kind === "set" ? "Wrote" : "Cleared"} slot ${op.slot} on ${lock.name}; ${confirmed ? `confirmed (${via})` : `not confirmed${why ? ` (${why})` : ""}`}.`);
        return observation(expected, confirmed ? via : "none", now(), why);
    }
    /**
     * Reads the slot back once: a direct User Code Get where HA has it, else the lock's report to a
     * Get. A direct read that fails after an accepted write is a lock that does not answer: it is
     * not asked again (no read loop on a silent lock).
     */
    async function verify(lock, slot, expected) {
        if (options.ccApi) {
            const reader = options.ccApi;
            const readBack = await reader.readBack(lock, slot).then((found) => ({ found }), (error) => {
                options.log.debug(`No answer from ${lock.name} to the read of slot ${slot}.`, error);
                return null;
            });
            if (readBack === null)
                return { verdict: { kind: "unverified", why: "no_answer" }, via: "cc_read" };
            // No report to the driver's own Get (HA answers null once the driver gave up waiting): the
            // lock is silent. A second Get and a watch for its report would only wait out another
            // timeout on a lock that has already not answered.
            return { verdict: writeVerdict(expected, readBack.found), via: "cc_read" };
        }
        return { verdict: await confirmByReport(lock, slot, expected, options), via: "lock_report" };
    }
    /** The lock sent a duplicate-code refusal since `since`; the notice may trail the Set by a moment. */
    async function refusedSince(lock, since) {
        const notices = options.refusals;
        if (!notices)
            return false;
        for (let waited = 0;; waited += REFUSAL_POLL_MS) {
            if (notices.refusedSince(lock.deviceId, since))
                return true;
            if (waited >= REFUSAL_GRACE_MS)
                return false;
            await new Promise((resolve) => setTimeout(resolve, REFUSAL_POLL_MS));
        }
    }
}
/** How long a failed or mismatched Set waits for the lock's refusal notice to come through HA. */
const REFUSAL_GRACE_MS = 500;
const REFUSAL_POLL_MS = 50;
function observation(expected, via, at, why) {
    const verifiedAt = at.toISOString();
    if (expected.status === "empty")
        return { status: "empty", confirmed: via !== "none", verifiedAt, via };
    return {
        status: "set",
        pin: expected.pin,
        confirmed: via !== "none",
        verifiedAt,
        via,
        ...(via === "none" && why ? { why } : {}),
    };
}
/**
 * What a slot holds, before Latchkey writes to a slot HA cannot list: the lock's answer to a
 * User Code Get, directly where HA has the command, else through the lock's report.
 */
function createSlotReader(options, now) {
    return async (lock, slot) => {
        const direct = options.ccApi ? await options.ccApi.read(lock, slot) : null;
        if (direct)
            return observation(direct, "cc_read", now());
        const reported = await askAndWatch(lock, slot, options, (watch) => watch.content(options.verifyTimeoutMs));
        if (!reported)
            throw new HaCommandError("unreadable", `${lock.name} did not report what slot ${slot} holds, so nothing is written there yet. (A lock that keeps its codes in the User Credential command class needs Home Assistant 2026.6 or newer, with its credential actions.)`);
        return observation(reported, "lock_report", now());
    };
}
/**
 * Asks the lock for one slot (User Code Get through the invoke_cc_api service, which every HA
 * Latchkey supports has) and waits for its report through HA's value trigger. The watch starts
 * before the Get, so the report it causes is always seen.
 */
async function askAndWatch(lock, slot, options, until) {
    const watch = await watchSlot(options.client, lock, slot, options.log);
    try {
        await options.client.callService("zwave_js", "invoke_cc_api", { command_class: USER_CODE_CC, method_name: "get", parameters: [slot] }, { entity_id: lock.id });
        return await until(watch);
    }
    finally {
        await watch.close();
    }
}
/**
 * Where HA cannot read a slot on demand, the lock's report confirms the write. The driver reads
 * the slot back by itself only about a second after the write, and HA's trigger misses that
 * report when the driver had never read the slot (it is then a "value added"): so Latchkey asks
 * the lock for the slot right after the write (User Code Get through the invoke_cc_api service,
 * available on every HA Latchkey supports) and takes the first report that matches: no fixed
 * wait. zwave-js cancels its own read-back when a report updates the slot to the value it
 * expected, so on a slot it had read before this is the only read-back on the air.
 */
async function confirmByReport(lock, slot, expected, options) {
    return askAndWatch(lock, slot, options, (watch) => watch.wait(expected, options.verifyTimeoutMs));
}
/**
 * HA says "not found" when the driver has no User Code value for the slot: the slot is beyond the
 * lock's range, or the lock has no User Code CC at all (a User Credential-only lock, which the
 * User Code services can never reach). Say so, instead of passing on the driver's wording.
 */
function explainMissingSlot(error, lock, slot) {
    if (!(error instanceof HaCommandError) ||
        error.code !== "home_assistant_error" ||
        !/not found/i.test(error.message))
        return error;
    return new HaCommandError("slot_not_found", `${lock.name} has no User Code slot ${slot} in Home Assistant. If the lock keeps its codes in the User Credential command class, Latchkey needs Home Assistant 2026.6 or newer (its credential actions) to manage it.`);
}

/** How long a lock's checksum may take before its unread slots are read one by one instead. */
const CHECKSUM_TIMEOUT_MS = 10_000;
/**
 * Finds out what the running HA offers for reading and writing lock codes, and builds the
 * service's link to it: the best read-back path, User Credential locks where HA has the
 * credential actions, an inventory where HA can list codes.
 */
async function openHaLink(ha, log, timing) {
    const callTimeoutMs = timing.callTimeoutMs ?? 30_000;
    const ccApi = await UserCodeCcApi.detect(ha, await firstZwaveLockDevice(ha));
    const credentialLocks = await detectCredentialLocks(ha, log);
    // Fed by the event intake (events-wiring.ts): the writer holds a refusal against its write.
    const refusals = new RefusalNotices();
    const userCodeWriter = createZwaveWriter({
        client: ha,
        log,
        ccApi,
        refusals,
        callTimeoutMs,
        verifyTimeoutMs: timing.verifyTimeoutMs,
    });
    const matter = await detectMatterSupport(ha, log, callTimeoutMs);
    const userCodeInventory = await detectCodeInventory(ha);
    const inventory = routeInventory(credentialLocks, ha, userCodeInventory);
    const askLock = ccApi ? (lock) => ccApi.slotCount(lock) : null;
    // The driver's listing knows every User Code lock's slot count from its interview: asking the
    // lock itself (a round trip on the radio) is left for an HA that cannot list codes.
    const userCodeSlotCount = userCodeInventory
        ? async (lock) => (await listedSlotCount(ha, lock).catch(() => null)) ?? (askLock ? askLock(lock) : null)
        : askLock;
    const link = {
        client: ha,
        // Only worth it where the codes can be listed afterwards.
        ...(inventory
            ? { rereadCodes: (lock, slots) => rereadUserCodes(ha, ccApi, lock, slots) }
            : {}),
        ...(ccApi
            ? {
                // One User Code Checksum Get tells whether a lock holds exactly the codes Latchkey knows.
                contentProbe: async (lock, candidates) => {
                    if (lock.protocol === "matter" || (await credentialLocks?.isCredentialOnly(lock)))
                        return false;
                    // Asked while the codes document waits: never longer than a short radio round trip.
                    const sum = await withTimeout(ccApi.checksum(lock), CHECKSUM_TIMEOUT_MS, "no checksum").catch(() => null);
                    return sum !== null && candidates.some((pins) => sum === userCodeChecksum(pins));
                },
            }
            : {}),
        watchNode: async (lock, onDeadOrAlive) => {
            if (lock.protocol === "matter")
                return;
            await ha.subscribeNodeStatus(lock.deviceId, (event) => {
                if (event === "dead" || event === "alive")
                    onDeadOrAlive();
            });
        },
        ...withMatterLocks(matter, {
            writer: routeWriter(credentialLocks, createCredentialWriter({ client: ha, log, callTimeoutMs }), userCodeWriter),
            inventory,
            slotCount: rememberSlotCounts(routeSlotCount(credentialLocks, ha, userCodeSlotCount)),
        }),
    };
    const description = `read-back: ${ccApi ? "User Code Get via invoke_cc_api" : "the lock's own reports (value_updated)"}; User Credential locks: ${credentialLocks ? "supported (credential actions)" : "not supported by this Home Assistant"}; Matter locks: ${matter ? "supported (matter lock actions)" : "not supported by this Home Assistant"}`;
    return { link, description, refusals };
}
/**
 * The lock's slots read from the lock again, one User Code Get each (the driver's cache follows
 * the reports). Not the driver's refresh of the whole CC: it skips the codes when the lock's
 * checksum matches the one it stored — and a wiped lock reports 0, the checksum a fresh lock
 * was interviewed with (seen on the real stack), however many codes were written since.
 */
async function rereadUserCodes(ha, ccApi, lock, slots) {
    if (lock.protocol === "matter")
        return;
    if (!ccApi) {
        await ha.command(unknown(), {
            type: "zwave_js/refresh_node_cc_values",
            device_id: lock.deviceId,
            command_class_id: USER_CODE_CC,
        });
        return;
    }
    for (const slot of slots)
        await ccApi.read(lock, slot);
}
async function firstZwaveLockDevice(client) {
    const entries = await client.command(array$1(object$1({ entity_id: string$1(), platform: string$1(), device_id: string$1().nullable() }).loose()), { type: "config/entity_registry/list" });
    return (entries.find((e) => e.platform === "zwave_js" && e.entity_id.startsWith("lock.") && e.device_id)
        ?.device_id ?? undefined);
}

/**
 * What makes a code's name one a person can read and tell apart from the others. Names show in
 * notifications, on lock chips and in HA events, where an invisible or direction-changing
 * character would hide or disguise what it says, and a look-alike ("Ｍｏｍ" beside "Mom")
 * would pass for another person's code.
 */
/**
 * Control characters, format characters (bidi overrides and isolates, zero-width spaces and
 * joiners, the byte-order mark, soft hyphens) and line or paragraph separators. A zero-width
 * joiner inside an emoji sequence ("👩‍🔧") is the one format character allowed.
 */
const UNSEEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
const EMOJI_JOINER = /(?<=\p{Extended_Pictographic}\p{M}*)\u200D(?=\p{Extended_Pictographic})/gu;
/** How a name is kept: Unicode NFC (one code point for "é" however it was typed), trimmed. */
function normalizeName(name) {
    return name.normalize("NFC").trim();
}
/** Whether the name holds a character that is not shown, or that changes the direction of what follows. */
function hasUnseenCharacters(name) {
    return UNSEEN.test(name.replace(EMOJI_JOINER, ""));
}
/**
 * The form two names are compared in: compatibility-folded (full-width and styled letters
 * become plain ones), case-folded, with runs of spaces made one. Names with the same key are
 * the same name to a person reading them.
 */
function nameKey(name) {
    return name.normalize("NFKC").toUpperCase().toLowerCase().normalize("NFKC").replace(/\s+/gu, " ").trim();
}

/** PIN helpers shared by the card (generate, warn) and the add-on (validate). Pure. */
const COMMON_PINS = new Set([
    "1212",
    "6969",
    "1004",
    "2000",
    "2580",
    "0852",
    "1122",
    "4321",
    "1010",
    "123123",
    "112233",
    "121212",
]);
/** Returns why a PIN is easy to guess, or null. Weak PINs are allowed but flagged. */
function pinWeakness(pin) {
    if (/^(\d)\1+$/.test(pin))
        return "repeated";
    if (isStraightRun(pin))
        return "sequence";
    if (COMMON_PINS.has(pin))
        return "common";
    return null;
}
function isStraightRun(pin) {
    if (pin.length < 3)
        return false;
    const digits = Array.from(pin, Number);
    const step = (digits[1] ?? 0) - (digits[0] ?? 0);
    if (step !== 1 && step !== -1)
        return false;
    // 7890 and 3210 wrap around on a keypad row; treat them as runs too.
    return digits.every((d, i) => i === 0 || (((d - (digits[i - 1] ?? 0)) % 10) + 10) % 10 === (step + 10) % 10);
}

/** An issue with its English message filled in. */
function validationIssue(field, problem, values = {}) {
    return { field, problem, values, message: fillPlaceholders(VALIDATION_TEXTS[problem], values) };
}
/** PIN length limits that every given lock accepts. */
function pinLengthLimits(locks) {
    if (locks.length === 0)
        return { ...DEFAULT_PIN_LENGTH };
    return {
        min: Math.max(...locks.map((l) => l.pinLength.min)),
        max: Math.min(...locks.map((l) => l.pinLength.max)),
    };
}
/**
 * Checks a draft against the other codes and the locks it is ticked onto. Messages never
 * contain a PIN: they may end up in logs or toasts. `keptLockIds`: locks the code is already
 * on, which may be missing from HA for a while (entity disabled, node re-interviewed); they
 * stay accepted, and the edit waits for them like for any offline lock.
 */
function validateCode(draft, others, locks, editingId, keptLockIds = []) {
    const errors = [];
    const warnings = [];
    const rivals = others.filter((c) => c.id !== editingId);
    const name = normalizeName(draft.name);
    if (name.length === 0)
        errors.push(validationIssue("name", "validation.name_missing"));
    else if (name.length > MAX_NAME_LENGTH)
        errors.push(validationIssue("name", "validation.name_too_long", { max: MAX_NAME_LENGTH }));
    if (hasUnseenCharacters(name))
        errors.push(validationIssue("name", "validation.name_unseen_characters"));
    // "Ｍｏｍ" beside "Mom", "MOM" beside "mom": the same name to whoever reads a notification.
    const key = nameKey(name);
    const sameName = rivals.find((c) => nameKey(c.name) === key);
    if (sameName)
        errors.push(validationIssue("name", "validation.name_taken", { name: sameName.name }));
    const unknown = draft.lockIds.filter((id) => !locks.has(id) && !keptLockIds.includes(id));
    if (unknown.length > 0)
        errors.push(validationIssue("lockIds", "validation.lock_unknown", { locks: unknown.join(", ") }));
    if (new Set(draft.lockIds).size !== draft.lockIds.length)
        errors.push(validationIssue("lockIds", "validation.lock_twice"));
    const assigned = draft.lockIds.flatMap((id) => {
        const lock = locks.get(id);
        return lock ? [lock] : [];
    });
    const limits = pinLengthLimits(assigned);
    if (!/^\d+$/.test(draft.pin))
        errors.push(validationIssue("pin", "validation.pin_not_digits"));
    else if (limits.min > limits.max)
        errors.push(validationIssue("pin", "validation.pin_no_common_length"));
    else if (draft.pin.length < limits.min || draft.pin.length > limits.max) {
        const range = limits.min === limits.max ? `${limits.min}` : `${limits.min}–${limits.max}`;
        errors.push(validationIssue("pin", "validation.pin_length", { range }));
    }
    for (const rival of rivals) {
        if (rival.pin !== draft.pin)
            continue;
        const shared = draft.lockIds.filter((id) => rival.lockIds.includes(id));
        if (shared.length === 0)
            continue;
        const lockNames = shared.map((id) => locks.get(id)?.name ?? id).join(", ");
        errors.push(validationIssue("pin", "validation.pin_taken", { name: rival.name, locks: lockNames }));
    }
    const weakness = pinWeakness(draft.pin);
    if (weakness && errors.every((e) => e.field !== "pin"))
        warnings.push(validationIssue("pin", `validation.pin_weak_${weakness}`));
    return { errors, warnings };
}

/**
 * How much one household's Latchkey holds. Every snapshot carries every code to every open
 * card, so the store must not grow without bound: the largest common keypad locks have 250
 * slots, a week has 7 days (two windows a day is plenty), and a code is rarely announced in
 * more than a few places.
 */
const MAX_CODES = 250;
const MAX_WEEKLY_WINDOWS = 14;
const MAX_NOTIFY_TARGETS = 10;
/** A draft's rules and notify targets past the limits, as form problems. */
function limitIssues(draft) {
    const issues = [];
    if (draft.rules.weekly.length > MAX_WEEKLY_WINDOWS)
        issues.push(validationIssue("rules", "validation.too_many_windows", { max: MAX_WEEKLY_WINDOWS }));
    if (draft.rules.weekly.some((w) => new Set(w.days).size !== w.days.length))
        issues.push(validationIssue("rules", "validation.window_days_twice"));
    if (new Set(draft.notify.targets).size > MAX_NOTIFY_TARGETS ||
        draft.notify.targets.length > MAX_NOTIFY_TARGETS)
        issues.push(validationIssue("notify", "validation.too_many_targets", { max: MAX_NOTIFY_TARGETS }));
    return issues;
}

/** Pure edits of the store document. The reconciler turns the result into lock writes. */
function createCode(doc, draft, ctx) {
    if (doc.codes.length >= MAX_CODES)
        throw new LatchkeyError("conflict", "error.too_many_codes", { max: MAX_CODES });
    const warnings = check(doc, draft, ctx);
    const at = ctx.now.toISOString();
    const code = {
        id: ctx.newId(),
        ...draft,
        name: draft.name.trim(),
        uses: 0,
        createdAt: at,
        updatedAt: at,
    };
    return { document: { ...doc, codes: [...doc.codes, code] }, codeId: code.id, warnings };
}
function updateCode(doc, codeId, changes, ctx) {
    const current = find(doc, codeId);
    const merged = CodeDraftSchema.parse({ ...current, ...changes });
    const warnings = check(doc, merged, ctx, codeId);
    // A new PIN or new validity starts the use count again; a rename does not.
    const resetUses = merged.pin !== current.pin || merged.rules.maxUses !== current.rules.maxUses;
    const updated = {
        ...current,
        ...merged,
        uses: resetUses ? 0 : current.uses,
        updatedAt: ctx.now.toISOString(),
    };
    return { document: replace(doc, updated), codeId, warnings };
}
function setEnabled(doc, codeId, enabled, ctx) {
    const current = find(doc, codeId);
    if (enabled)
        check(doc, current, ctx, codeId);
    return {
        document: replace(doc, { ...current, enabled, updatedAt: ctx.now.toISOString() }),
        codeId,
        warnings: [],
    };
}
/** Deleting keeps the code's slot claims: the reconciler clears each slot, then releases it. */
function deleteCode(doc, codeId) {
    find(doc, codeId);
    return { document: { ...doc, codes: doc.codes.filter((c) => c.id !== codeId) }, codeId, warnings: [] };
}
/** Takes over a code Latchkey found on a lock: it becomes a named code that owns that slot. */
function adoptCode(doc, lockId, slot, pin, name, ctx) {
    const here = (c) => c.lockId === lockId && c.slot === slot;
    const existing = doc.claims.find(here);
    // A slot changed at the keypad after its code was deleted (or its clear was asked) is a
    // person's code again: that claim gives way. Any other claim means Latchkey manages the slot.
    if (existing && !isForeign(existing, doc.codes))
        throw new LatchkeyError("conflict", "error.slot_already_managed");
    const created = createCode(doc, CodeDraftSchema.parse({ name, pin, lockIds: [lockId] }), ctx);
    const at = ctx.now.toISOString();
    const claim = {
        lockId,
        slot,
        owner: { kind: "code", codeId: created.codeId },
        observed: { status: "set", pin, confirmed: true, verifiedAt: at, via: "lock_report" },
    };
    const others = created.document.claims.filter((c) => !here(c));
    return { ...created, document: { ...created.document, claims: [...others, claim] } };
}
/** A claim whose slot holds what a person set at the keypad, and no Latchkey code owns. */
function isForeign(claim, codes) {
    return claim.held !== undefined && owningCode(claim, new Map(codes.map((c) => [c.id, c]))) === undefined;
}
/** One more keypad use; at `maxUses` the reconciler takes the code off every lock. */
function recordUse(doc, codeId) {
    const current = find(doc, codeId);
    return { document: replace(doc, { ...current, uses: current.uses + 1 }), codeId, warnings: [] };
}
function findCode(doc, codeId) {
    return find(doc, codeId);
}
function find(doc, codeId) {
    const code = doc.codes.find((c) => c.id === codeId);
    if (!code)
        throw new LatchkeyError("not_found", "error.code_gone");
    return code;
}
function replace(doc, code) {
    return { ...doc, codes: doc.codes.map((c) => (c.id === code.id ? code : c)) };
}
function check(doc, draft, ctx, editingId) {
    const kept = editingId === undefined ? [] : (doc.codes.find((c) => c.id === editingId)?.lockIds ?? []);
    const result = validateCode(draft, doc.codes, ctx.locks, editingId, kept);
    const errors = [...result.errors, ...limitIssues(draft)];
    if (errors.length > 0) {
        throw LatchkeyError.validationFailed(errors);
    }
    return result.warnings;
}

/** Pure edits of the claims in the store document; the code book runs them in its queue. */
const at = (lockId, slot) => (c) => c.lockId === lockId && c.slot === slot;
/**
 * Some locks also report a code written over Z-Wave as "added at the keypad", within a moment
 * of the write: such an echo of Latchkey's own write is not a change by a person.
 */
function isOwnEcho(claim, now, windowMs) {
    return (claim.observed.status !== "unknown" && now.getTime() - Date.parse(claim.observed.verifiedAt) < windowMs);
}
/** The claim of a code's slot held at the keypad, waiting for an admin's choice. */
function heldClaim(doc, lockId, slot) {
    const codes = new Map(doc.codes.map((c) => [c.id, c]));
    return doc.claims.find((c) => at(lockId, slot)(c) && c.held && owningCode(c, codes));
}
/**
 * A lock reported a slot (or all of them) changed at its keypad: the claims there are held,
 * matched by lock and slot. A claim whose write has just been confirmed (`isEcho`) is left
 * alone; one still to be read was never written (the read finds out what is there now).
 */
function holdChanged(doc, lockId, slot, reason, isEcho, since) {
    const touched = doc.claims.filter((c) => c.lockId === lockId && (slot === "all" || c.slot === slot) && !c.held && !c.readFirst);
    const affected = new Set(touched.filter((c) => !isEcho(c)).map((c) => c.slot));
    if (affected.size === 0)
        return { document: null, held: [], echo: touched.length > 0 };
    const holds = (c) => c.lockId === lockId && affected.has(c.slot) && !c.held && !c.readFirst;
    const codes = new Map(doc.codes.map((c) => [c.id, c]));
    // Only a code's slot is reported held; a clear-only or orphaned slot becomes a person's code.
    const owners = new Set(doc.claims.filter(holds).flatMap((c) => owningCode(c, codes)?.id ?? []));
    const claims = doc.claims.map((c) => holds(c) ? { ...c, held: { reason, since }, observed: { status: "unknown" } } : c);
    return { document: { ...doc, claims }, held: doc.codes.filter((c) => owners.has(c.id)), echo: false };
}
/** An admin's choice for a held slot: restore Latchkey's code there, or let the lock keep its own. */
function resolveHeld(doc, lockId, slot, keep, now) {
    const claim = heldClaim(doc, lockId, slot);
    const codeId = claim ? ownerCodeId(claim) : undefined;
    if (!claim || codeId === undefined)
        throw new LatchkeyError("not_found", "error.slot_not_held");
    if (keep === "latchkey")
        return { ...doc, claims: doc.claims.map((c) => (c === claim ? { ...c, held: undefined } : c)) };
    // The code leaves that lock; the slot stays as the lock has it and is no longer Latchkey's.
    const codes = doc.codes.map((code) => code.id === codeId
        ? { ...code, lockIds: code.lockIds.filter((id) => id !== lockId), updatedAt: now }
        : code);
    return { ...doc, codes, claims: doc.claims.filter((c) => c !== claim) };
}
/**
 * Claims a slot only to clear it: a code Latchkey found there (unmanaged), or one a person set
 * at the keypad in a slot whose Latchkey code is gone (that claim gives way).
 */
function claimToClear(doc, lockId, slot) {
    const existing = doc.claims.find(at(lockId, slot));
    if (existing && !isForeign(existing, doc.codes))
        throw new LatchkeyError("conflict", "error.slot_managed");
    const claim = { lockId, slot, owner: { kind: "clear" }, observed: { status: "unknown" } };
    return { ...doc, claims: [...doc.claims.filter((c) => !at(lockId, slot)(c)), claim] };
}
/**
 * What a write found the slot to hold. A held slot keeps "unknown": nothing is written to a held
 * slot, so the write ended was already on its way when someone changed the slot elsewhere, and
 * which of the two the lock kept is not known (its confirmation may predate the other change).
 */
function observe(doc, lockId, slot, observed) {
    return {
        ...doc,
        claims: doc.claims.map((c) => (at(lockId, slot)(c) && !c.held ? { ...c, observed } : c)),
    };
}
/**
 * What a slot picked on a lock that cannot list its codes was read to hold. Empty: it is the
 * code's, and written next. Anything else: someone's code is there, and the claim goes (the
 * code gets another slot). Null when no such claim is waiting for its read.
 */
function readFirstResult(doc, lockId, slot, observed) {
    const claim = doc.claims.find((c) => at(lockId, slot)(c) && c.readFirst);
    if (!claim)
        return null;
    const kept = observed.status === "empty";
    const claims = kept
        ? doc.claims.map((c) => (c === claim ? { ...c, observed, readFirst: undefined } : c))
        : doc.claims.filter((c) => c !== claim);
    return { document: { ...doc, claims }, kept };
}

/** What Latchkey keeps about one lock; a lock with nothing of its own has no entry. */
function storedLock(doc, lockId) {
    return doc.locks.find((l) => l.lockId === lockId);
}
/** The document with one lock's settings changed; an entry left with nothing of its own goes. */
function withLock(doc, lockId, change) {
    const next = change(storedLock(doc, lockId) ?? { lockId });
    const others = doc.locks.filter((l) => l.lockId !== lockId);
    const empty = next.alerts === undefined && next.autoRefilledAt === undefined;
    return { ...doc, locks: empty ? others : [...others, next] };
}
/**
 * A lock's own alert choices, replacing the ones it had: a kind left out follows the
 * household's default again.
 */
function setLockAlerts(doc, lockId, alerts) {
    const chosen = Object.keys(alerts).length > 0 ? { ...alerts } : undefined;
    return withLock(doc, lockId, ({ alerts: _before, ...rest }) => ({
        ...rest,
        ...(chosen ? { alerts: chosen } : {}),
    }));
}
/** When Latchkey last refilled a lock's lost codes on its own (`refill_lost_codes`). */
function markAutoRefilled(doc, lockId, at) {
    return withLock(doc, lockId, (before) => ({ ...before, autoRefilledAt: at }));
}

/** At most one automatic refill per lock in this long: a lock that keeps forgetting is held, not looped. */
const AUTO_REFILL_EVERY_MS = 24 * 60 * 60 * 1000;
/**
 * The slots a lock lost on its own — a battery swap, a factory reset: every slot where Latchkey
 * had confirmed an active code's PIN was listed empty again. One emptied slot among others still
 * there is no loss of the lock's memory (a keypad or another app removed that one), so nothing is
 * returned then; nor for slots held, still to be read, unconfirmed, or unknown to the listing.
 */
function lostSlots(doc, lockId, listed, now, timeZone) {
    const codes = new Map(doc.codes.map((c) => [c.id, c]));
    const confirmed = doc.claims.filter((claim) => {
        if (claim.lockId !== lockId || claim.held || claim.readFirst)
            return false;
        if (claim.observed.status !== "set" || !claim.observed.confirmed)
            return false;
        if (listed.unknown.has(claim.slot))
            return false;
        const code = owningCode(claim, codes);
        return code !== undefined && desiredPin(code, now, timeZone) === claim.observed.pin;
    });
    const emptied = confirmed.filter((claim) => !listed.taken.has(claim.slot));
    return emptied.length > 0 && emptied.length === confirmed.length ? emptied : [];
}
/**
 * A lock said itself that it deleted all its user codes (Access Control 12: a factory reset, a
 * "delete all" at its keypad): every slot where Latchkey had put an active code's PIN is lost —
 * confirmed or not (a lock that hides PINs never confirms one). A slot held, still to be read,
 * or whose PIN is still being written is left out: the plan writes it as it would have.
 */
function wipedSlots(doc, lockId, now, timeZone) {
    const codes = new Map(doc.codes.map((c) => [c.id, c]));
    return doc.claims.filter((claim) => {
        if (claim.lockId !== lockId || claim.held || claim.readFirst || claim.observed.status !== "set")
            return false;
        const code = owningCode(claim, codes);
        return code !== undefined && desiredPin(code, now, timeZone) === claim.observed.pin;
    });
}
/**
 * The lock's other slots after it deleted all its codes: what Latchkey knew to be there (a
 * disabled code's PIN still to clear, someone's code to clear) is gone, so nothing is cleared.
 */
function markWiped(doc, lockId, at) {
    const claims = doc.claims.map((c) => c.lockId === lockId && !c.held && !c.readFirst && c.observed.status === "set"
        ? {
            ...c,
            observed: {
                status: "empty",
                confirmed: true,
                verifiedAt: at,
                via: "lock_report",
            },
        }
        : c);
    return { ...doc, claims };
}
/** The lost slots held (nothing written there) with reason `codes_lost`, until a refill. */
function holdLost(doc, lost, since) {
    const lostSet = new Set(lost);
    const claims = doc.claims.map((c) => lostSet.has(c)
        ? { ...c, held: { reason: "codes_lost", since }, observed: { status: "unknown" } }
        : c);
    const owners = new Set(lost.flatMap((c) => (c.owner.kind === "code" ? [c.owner.codeId] : [])));
    return { document: { ...doc, claims }, codes: doc.codes.filter((c) => owners.has(c.id)) };
}
/**
 * A lock's lost slots let go: with nothing known to be in them, the reconciler writes each
 * code's PIN there again. Throws when none of the lock's slots waits for a refill.
 */
function refillLost(doc, lockId) {
    const lost = (c) => c.lockId === lockId && c.held?.reason === "codes_lost";
    const refilled = doc.claims
        .filter(lost)
        .flatMap((c) => (c.owner.kind === "code" ? [{ codeId: c.owner.codeId, slot: c.slot }] : []));
    if (refilled.length === 0)
        throw new LatchkeyError("not_found", "error.nothing_to_refill");
    const claims = doc.claims.map((c) => (lost(c) ? { ...c, held: undefined } : c));
    return { document: { ...doc, claims }, refilled };
}
/** Whether a lock may be refilled without a tap now: never before, or not within the last day. */
function mayAutoRefill(autoRefilledAt, now) {
    return autoRefilledAt === undefined || now.getTime() - Date.parse(autoRefilledAt) >= AUTO_REFILL_EVERY_MS;
}

/**
 * The codes document — codes and the slots they claim — and the one queue every change of it
 * goes through: a change runs after every earlier one, and is saved before it is acknowledged.
 * Knows nothing of Home Assistant; the sync loop turns what it holds into lock writes.
 */
class CodeBook {
    constructor(deps) {
        this.deps = deps;
        this.queue = Promise.resolve();
        this.listeners = new Set();
        this.doc = deps.document;
    }
    get document() {
        return this.doc;
    }
    /** Called after every saved change. */
    onCommit(listener) {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
    }
    /** Runs `work` after every earlier change; only inside it may the document be committed. */
    transact(work) {
        const read = () => this.doc;
        const tx = {
            get doc() {
                return read();
            },
            commit: (next) => this.commit(next),
        };
        const run = this.queue.then(() => work(tx), () => work(tx));
        this.queue = run.catch(() => undefined);
        return run;
    }
    /** Resolves once every change queued so far has run. */
    settled() {
        return this.queue.then(() => undefined);
    }
    findCode(codeId) {
        return this.doc.codes.find((c) => c.id === codeId);
    }
    publicCode(codeId) {
        const code = this.findCode(codeId);
        return code ? withoutPin(code) : undefined;
    }
    codeName(codeId) {
        return this.findCode(codeId)?.name ?? null;
    }
    /** The code, or the "code gone" error a person sees. */
    requireCode(codeId) {
        return findCode(this.doc, codeId);
    }
    pins() {
        return this.doc.codes.map((c) => c.pin);
    }
    /** Which code a slot is for, for naming who used a keypad. */
    codeAt() {
        const owners = new Map(this.doc.claims.map((c) => [`${c.lockId}#${c.slot}`, ownerCodeId(c)]));
        return (lockId, slot) => owners.get(`${lockId}#${slot}`);
    }
    /** The code whose slot is held there, waiting for an admin's choice. */
    heldCodeId(lockId, slot) {
        const claim = heldClaim(this.doc, lockId, slot);
        return claim ? ownerCodeId(claim) : undefined;
    }
    createCode(draft) {
        return this.edit((doc, ctx) => createCode(doc, draft, ctx));
    }
    updateCode(codeId, changes) {
        return this.edit((doc, ctx) => updateCode(doc, codeId, changes, ctx));
    }
    deleteCode(codeId) {
        return this.edit((doc) => deleteCode(doc, codeId));
    }
    setEnabled(codeId, enabled) {
        return this.edit((doc, ctx) => setEnabled(doc, codeId, enabled, ctx));
    }
    adoptCode(lockId, slot, pin, name) {
        return this.edit((doc, ctx) => adoptCode(doc, lockId, slot, pin, name, ctx));
    }
    /** Counts a keypad use of a code (for `maxUses`); returns the code as it is now. */
    async recordUse(codeId, counts) {
        if (!counts || !this.findCode(codeId))
            return this.findCode(codeId);
        await this.edit((doc) => recordUse(doc, codeId));
        return this.findCode(codeId);
    }
    /**
     * A lock reported a slot (or all of them) changed at its keypad: the claims there are held
     * (core/claim-edits.ts). They are picked inside the queue, from the document as it is then.
     */
    holdChanged(lockId, slot, reason, isEcho) {
        return this.transact(async (tx) => {
            const outcome = holdChanged(tx.doc, lockId, slot, reason, isEcho, this.deps.now().toISOString());
            if (outcome.document)
                await tx.commit(outcome.document);
            return { held: outcome.held, echo: outcome.echo };
        });
    }
    resolveHeld(lockId, slot, keep) {
        return this.apply((doc) => resolveHeld(doc, lockId, slot, keep, this.deps.now().toISOString()));
    }
    /** A lock's own alert choices (kinds left out follow the household's options). */
    lockAlerts(lockId) {
        return storedLock(this.doc, lockId)?.alerts;
    }
    setLockAlerts(lockId, alerts) {
        return this.apply((doc) => setLockAlerts(doc, lockId, alerts));
    }
    /**
     * Holds the slots a lock lost on its own (core/lost-codes.ts), picked inside the queue from the
     * document as it is then. Null when the lock lost nothing.
     */
    holdLost(lockId, listed, timeZone) {
        return this.transact(async (tx) => {
            const now = this.deps.now();
            const lost = lostSlots(tx.doc, lockId, listed, now, timeZone);
            if (lost.length === 0)
                return null;
            const outcome = holdLost(tx.doc, lost, now.toISOString());
            await tx.commit(outcome.document);
            return { codes: outcome.codes, slots: lost.map((c) => c.slot) };
        });
    }
    /**
     * A lock said it deleted all its user codes: the slots of Latchkey's codes there are held as
     * lost (core/lost-codes.ts), the rest known empty. Null when none of Latchkey's codes was there.
     */
    holdWiped(lockId, timeZone) {
        return this.transact(async (tx) => {
            const now = this.deps.now();
            const lost = wipedSlots(tx.doc, lockId, now, timeZone);
            if (lost.length === 0)
                return null;
            const outcome = holdLost(tx.doc, lost, now.toISOString());
            await tx.commit(markWiped(outcome.document, lockId, now.toISOString()));
            return { codes: outcome.codes, slots: lost.map((c) => c.slot) };
        });
    }
    /** Puts a lock's lost codes back; `auto`: Latchkey did it on its own, which it may once a day. */
    refillLost(lockId, { auto = false } = {}) {
        return this.transact(async (tx) => {
            const outcome = refillLost(tx.doc, lockId);
            const document = auto
                ? markAutoRefilled(outcome.document, lockId, this.deps.now().toISOString())
                : outcome.document;
            await tx.commit(document);
            return outcome.refilled;
        });
    }
    /** Whether Latchkey may refill this lock on its own now (at most once a day). */
    mayAutoRefill(lockId) {
        return mayAutoRefill(storedLock(this.doc, lockId)?.autoRefilledAt, this.deps.now());
    }
    claimToClear(lockId, slot) {
        return this.apply((doc) => claimToClear(doc, lockId, slot));
    }
    observe(lockId, slot, observed) {
        return this.apply((doc) => observe(doc, lockId, slot, observed));
    }
    /** What a slot to be read first holds; returns whether its claim was kept (the slot was empty). */
    readFirstResult(lockId, slot, observed) {
        return this.transact(async (tx) => {
            const outcome = readFirstResult(tx.doc, lockId, slot, observed);
            if (outcome)
                await tx.commit(outcome.document);
            return outcome?.kept ?? false;
        });
    }
    apply(edit) {
        return this.transact(async (tx) => {
            await tx.commit(edit(tx.doc));
        });
    }
    async edit(edit) {
        return this.transact(async (tx) => {
            const outcome = edit(tx.doc, {
                locks: this.deps.locks(),
                now: this.deps.now(),
                newId: () => randomUUID(),
            });
            await tx.commit(outcome.document);
            return outcome;
        });
    }
    async commit(next) {
        await this.deps.save(next);
        this.doc = next;
        for (const listener of this.listeners)
            listener();
    }
}

/** The HA integrations whose locks Latchkey can manage, and what it calls them. */
const PROTOCOLS = { zwave_js: "zwave", matter: "matter" };
/**
 * The locks Latchkey manages in HA: `lock.*` entities of the `zwave_js` platform (and of `matter`
 * where HA can manage Matter PINs) that are not disabled. Pure; the registries and states come
 * from `readHaSnapshot`.
 */
function discoverLocks(ha, facts, settings) {
    const devices = new Map(ha.devices.map((d) => [d.id, d]));
    const areas = new Map(ha.areas.map((a) => [a.area_id, a.name]));
    const states = new Map(ha.states.map((s) => [s.entity_id, s]));
    const locks = [];
    const platforms = facts.platforms ?? new Set(["zwave_js"]);
    for (const entry of ha.entities) {
        const protocol = PROTOCOLS[entry.platform];
        if (!protocol || !platforms.has(entry.platform) || entry.disabled_by || !entry.device_id)
            continue;
        const id = LockIdSchema.safeParse(entry.entity_id);
        if (!id.success)
            continue;
        const device = devices.get(entry.device_id);
        const state = states.get(entry.entity_id);
        const friendly = state?.attributes.friendly_name;
        const measured = facts.slotCounts.get(entry.device_id);
        const configured = settings.slotCounts[id.data];
        const areaId = entry.area_id ?? device?.area_id ?? null;
        locks.push({
            id: id.data,
            deviceId: entry.device_id,
            nodeId: nodeIdOf(device?.identifiers ?? []),
            // HA 2024.3 builds friendly_name as "<device> <entity name>" and leaves a trailing space for an empty entity name.
            name: (typeof friendly === "string"
                ? friendly
                : (entry.name ?? device?.name_by_user ?? device?.name ?? entry.entity_id)).trim(),
            area: areaId ? (areas.get(areaId) ?? null) : null,
            available: state !== undefined && state.state !== "unavailable",
            nodeStatus: facts.nodeStatus.get(entry.device_id) ?? "unknown",
            slotCount: measured ?? configured ?? settings.defaultSlotCount,
            slotCountSource: measured !== undefined ? "lock" : "setting",
            pinLength: { ...(facts.pinLengths?.get(entry.device_id) ?? DEFAULT_PIN_LENGTH) },
            protocol,
        });
    }
    return locks.sort((a, b) => a.name.localeCompare(b.name));
}
/** zwave_js device identifiers look like ["zwave_js", "<home id>-<node id>"]. */
function nodeIdOf(identifiers) {
    for (const [domain, value] of identifiers) {
        const match = domain === "zwave_js" ? /^\d+-(\d+)$/.exec(value) : null;
        if (match?.[1])
            return Number(match[1]);
    }
    return undefined;
}
function lockMap(locks) {
    return new Map(locks.map((l) => [l.id, l]));
}

/**
 * The locks back from being away between two reads of HA: unreachable at the first (their node
 * dead, or their entity unavailable) and reachable at the second. While HA starts, every entity
 * is unavailable until its integration is up, whatever the locks do: unavailability seen then
 * says nothing about a lock (its node found dead still does). Their codes may be gone, so they
 * are checked again (service.ts); a false return would only cost frames.
 */
function returnedLocks(before, now, beforeWhileHaRunning) {
    const wasAway = (lock) => lock.nodeStatus === "dead" || (!lock.available && beforeWhileHaRunning);
    return [...now.values()].filter((lock) => {
        const was = before.get(lock.id);
        return was !== undefined && wasAway(was) && isReachable(lock);
    });
}

/**
 * The codes found on each lock, Latchkey's or not: what HA's inventory listed (slot → PIN, null
 * if unreadable) and which slots it could not tell (never read by the driver); where HA cannot
 * list a lock's codes, what reading single slots found; and the slots changed at a keypad that
 * are still to be read. What is read is kept until Latchkey restarts; a slot it forgot is read again.
 */
class FoundCodes {
    constructor(
    /** Reads HA again, for a lock that could not list its codes. */
    relistLater, relistMs = 60_000) {
        this.relistLater = relistLater;
        this.relistMs = relistMs;
        this.listed = new Map();
        this.unknown = new Map();
        this.read = new Map();
        this.changed = new Map();
        /** Locks whose codes have never been listed (the listing failed): no new slot is picked there. */
        this.failed = new Set();
        /** Counts the listings taken: what was settled against one listing is asked again after the next. */
        this.listings = 0;
    }
    /** A new inventory. A lock that failed to list keeps what it listed before; one never listed waits, and is asked again. */
    take(listings, failed) {
        const listed = new Map([...listings].map(([lockId, listing]) => [lockId, listing.taken]));
        const unknown = new Map([...listings].map(([lockId, listing]) => [lockId, listing.unknown]));
        const never = new Set();
        for (const lockId of failed) {
            const before = this.listed.get(lockId);
            if (before)
                listed.set(lockId, before);
            else
                never.add(lockId);
            unknown.set(lockId, this.unknown.get(lockId) ?? new Set());
        }
        this.listed = listed;
        this.unknown = unknown;
        this.failed = never;
        this.listings++;
        clearTimeout(this.relist);
        if (never.size === 0)
            return;
        this.relist = setTimeout(this.relistLater, this.relistMs);
        this.relist.unref();
    }
    /** Which listing the facts come from (a new number after every listing). */
    get listingNumber() {
        return this.listings;
    }
    /** Whether the listing left slots of a lock unknown (never read by the driver). */
    hasUnknown(lockId) {
        return (this.unknown.get(lockId)?.size ?? 0) > 0;
    }
    /**
     * What each taken slot of a lock was listed to hold — where no slot changed at the keypad
     * waits to be read; null otherwise. Unknown slots are not in it.
     */
    listedHoldings(lockId) {
        const listed = this.listed.get(lockId);
        if (!listed || this.failed.has(lockId))
            return null;
        if ([...this.changed.values()].some((c) => c.lockId === lockId))
            return null;
        return new Map(listed);
    }
    /** The lock itself confirmed that the slots nobody had read are empty (its User Code checksum). */
    settleUnknown(lockId) {
        this.unknown.set(lockId, new Set());
    }
    /**
     * What HA listed for a lock (and Latchkey's own writes since): its taken slots and the ones
     * nobody knows. Undefined where HA cannot list that lock's codes, or never could.
     */
    listing(lockId) {
        const listed = this.listed.get(lockId);
        if (!listed || this.failed.has(lockId))
            return undefined;
        return { taken: new Set(listed.keys()), unknown: this.unknown.get(lockId) ?? new Set() };
    }
    /** Locks whose codes could not be listed yet. */
    get unlisted() {
        return this.failed;
    }
    /**
     * Whether a slot picked for a code must be read before it is written: HA cannot list the
     * lock's codes, or its listing could not tell what the slot holds.
     */
    mustReadFirst(lockId, slot) {
        if (this.failed.has(lockId))
            return true;
        return !this.listed.has(lockId) || (this.unknown.get(lockId)?.has(slot) ?? false);
    }
    /** What was found in a slot; undefined where nothing was found, or what was found is stale. */
    holding(lockId, slot) {
        // Changed at the keypad and not read yet: listed again once the read tells what is there.
        if (this.changed.has(key(lockId, slot)))
            return undefined;
        return (this.listed.get(lockId) ?? this.read.get(lockId))?.get(slot);
    }
    /** The slots found taken, per lock; a slot changed at the keypad counts until it is read. */
    takenSlots() {
        const taken = new Map(this.everyLock().map(([lockId, slots]) => [lockId, new Set(slots.keys())]));
        for (const { lockId, slot } of this.changed.values())
            taken.set(lockId, new Set(taken.get(lockId)).add(slot));
        return taken;
    }
    /** Taken slots with a PIN or an unreadable code (not a tag or fingerprint). */
    codeSlots() {
        return this.everyLock().flatMap(([lockId, slots]) => [...slots.keys()]
            .filter((slot) => {
            const holding = this.holding(lockId, slot);
            return holding !== undefined && holding !== NOT_A_PIN;
        })
            .map((slot) => ({ lockId, slot })));
    }
    /** PINs found on the locks: secrets too, though Latchkey did not set them. */
    pins() {
        return this.everyLock().flatMap(([, slots]) => [...slots.values()].filter((pin) => typeof pin === "string"));
    }
    /**
     * A lock reported slots changed at its keypad where Latchkey owns no claim. The driver may
     * keep what it cached before (a lock that sends only its Access Control notification), so
     * each slot is read; until then it counts as taken.
     */
    changedAtKeypad(lockId, slots) {
        for (const slot of slots)
            this.changed.set(key(lockId, slot), { lockId, slot });
    }
    /** Slots changed at a keypad that are still to be read. */
    slotsToRead() {
        return [...this.changed.values()];
    }
    /** A write found a slot empty or holding its PIN: the inventory follows until the lock is listed again. */
    learn(lockId, slot, observed) {
        this.known(lockId, slot);
        const listed = this.listed.get(lockId);
        if (listed && observed.status === "set")
            listed.set(slot, observed.pin);
        if (listed && observed.status === "empty")
            listed.delete(slot);
        // Where nothing lists the lock, only what reads found is kept: Latchkey's own slots are in its claims.
        if (!listed)
            this.read.get(lockId)?.delete(slot);
    }
    /** A read found what a slot holds: someone's code (an empty PIN: one the lock does not give out), or nothing. */
    learnRead(lockId, slot, observed) {
        this.known(lockId, slot);
        if (observed.status === "unknown")
            return;
        const slots = this.listed.get(lockId) ?? this.read.get(lockId) ?? new Map();
        if (observed.status === "empty")
            slots.delete(slot);
        else
            slots.set(slot, observed.pin === "" ? null : observed.pin);
        if (!this.listed.has(lockId))
            this.read.set(lockId, slots);
    }
    stop() {
        clearTimeout(this.relist);
    }
    known(lockId, slot) {
        this.unknown.get(lockId)?.delete(slot);
        this.changed.delete(key(lockId, slot));
    }
    everyLock() {
        return [...this.listed, ...[...this.read].filter(([lockId]) => !this.listed.has(lockId))];
    }
}
const key = (lockId, slot) => `${lockId}#${slot}`;

/** zwave-js NodeStatus numbers as HA's `zwave_js/node_status` returns them. */
const NODE_STATUS = {
    0: "unknown",
    1: "asleep",
    2: "awake",
    3: "dead",
    4: "alive",
};
const NodeStatusResultSchema = object$1({ status: union$1([number$2(), string$1()]) }).loose();
/** Asks HA for each lock device's node status; a lock HA cannot tell about stays "unknown". */
async function readNodeStatuses(client, deviceIds) {
    const statuses = new Map();
    await Promise.all(deviceIds.map(async (deviceId) => {
        try {
            const result = await client.command(NodeStatusResultSchema, {
                type: "zwave_js/node_status",
                device_id: deviceId,
            });
            const status = typeof result.status === "number"
                ? NODE_STATUS[result.status]
                : _enum$1(["unknown", "asleep", "awake", "dead", "alive"]).safeParse(result.status).data;
            statuses.set(deviceId, status ?? "unknown");
        }
        catch {
            statuses.set(deviceId, "unknown");
        }
    }));
    return statuses;
}
/**
 * True when a state change can change what Latchkey may do with a lock: a known lock became
 * (un)available, or a lock entity appeared or went away. Ordinary state changes of other
 * locks (a template lock, say) do not count, so they never trigger a re-read of HA.
 */
function availabilityChanged(locks, entityId, newState, oldState) {
    if (!entityId.startsWith("lock."))
        return false;
    const lock = locks.get(entityId);
    if (lock === undefined)
        return oldState === null || newState === null;
    const state = object$1({ state: string$1() }).safeParse(newState);
    const available = state.success && state.data.state !== "unavailable";
    return lock.available !== available;
}
/** True when a lock entity appeared, went away, or went into or out of "unavailable". */
function availabilityMoved(entityId, newState, oldState) {
    if (!entityId.startsWith("lock."))
        return false;
    if (newState === null || oldState === null)
        return true;
    const stateOf = (raw) => object$1({ state: string$1() }).safeParse(raw).data?.state;
    return (stateOf(newState) === "unavailable") !== (stateOf(oldState) === "unavailable");
}

/**
 * What a lock reports as a state rather than as an event. The Z-Wave JS driver files a jam
 * ("Lock state" 11) and a keypad lockout ("Keypad state" 16) as Access Control state variables:
 * no `zwave_js_notification` is fired, HA's binary sensor for that state on the lock's device
 * turns on instead (checked on HA 2026.11; test/stack/zwave/README.md). Entity ids are the
 * household's to rename, so the sensors are found by their zwave_js unique id
 * ("<home>.<node>-113-<endpoint>-Access Control-Lock state.11").
 */
const STATE_SENSORS = [
    { pattern: /-113-\d+-Access Control-Lock state\.11$/, kind: "jammed" },
    { pattern: /-113-\d+-Access Control-Keypad state\.16$/, kind: "keypad_disabled" },
    // "Power has been applied" (Power Management, Notification type 8, event 1): a lock's batteries
    // are back in. Also a state to the driver, no notification; HA makes this sensor on the lock's
    // device at the lock's first such report (unknown → on), and a second one while it is on
    // changes nothing (test/stack/research-power-applied.ts on HA 2026.11).
    { pattern: /-113-\d+-Power Management-Power status\.1$/, kind: "power_applied" },
];
/** The jam, keypad-lockout and power-applied sensors of Latchkey's locks, by entity id. Pure. */
function discoverLockSensors(ha, locks) {
    const lockOfDevice = new Map(locks.map((lock) => [lock.deviceId, lock.id]));
    const sensors = new Map();
    for (const entry of ha.entities) {
        if (entry.platform !== "zwave_js" || !entry.entity_id.startsWith("binary_sensor.") || !entry.device_id)
            continue;
        const lockId = lockOfDevice.get(entry.device_id);
        const uniqueId = entry.unique_id;
        const kind = uniqueId ? STATE_SENSORS.find((s) => s.pattern.test(uniqueId))?.kind : undefined;
        if (lockId && kind)
            sensors.set(entry.entity_id, { lockId, kind });
    }
    return sensors;
}

/** Only the registry fields Latchkey reads; HA sends more, and `loose` keeps parsing forward-compatible. */
const EntityEntrySchema = object$1({
    entity_id: string$1(),
    platform: string$1(),
    device_id: string$1().nullable(),
    area_id: string$1().nullable().optional(),
    disabled_by: string$1().nullable().optional(),
    name: string$1().nullable().optional(),
    original_name: string$1().nullable().optional(),
    /** The integration's id of the entity; for zwave_js it names the value (".../Lock state.11"). */
    unique_id: string$1().optional(),
})
    .loose();
const DeviceEntrySchema = object$1({
    id: string$1(),
    name: string$1().nullable(),
    name_by_user: string$1().nullable().optional(),
    area_id: string$1().nullable().optional(),
    identifiers: array$1(tuple([string$1(), string$1()])),
})
    .loose();
const AreaEntrySchema = object$1({ area_id: string$1(), name: string$1() }).loose();
const StateSchema$1 = object$1({
    entity_id: string$1(),
    state: string$1(),
    attributes: record$2(string$1(), unknown()),
    last_changed: string$1(),
})
    .loose();
const ConfigSchema = object$1({
    time_zone: string$1(),
    version: string$1(),
    state: string$1().optional(),
    language: string$1().optional(),
})
    .loose();
/** Everything discovery needs, read in parallel after every (re)connect. */
async function readHaSnapshot(client) {
    const [entities, devices, areas, states, config] = await Promise.all([
        client.command(array$1(EntityEntrySchema), { type: "config/entity_registry/list" }),
        client.command(array$1(DeviceEntrySchema), { type: "config/device_registry/list" }),
        client.command(array$1(AreaEntrySchema), { type: "config/area_registry/list" }),
        client.command(array$1(StateSchema$1), { type: "get_states" }),
        client.command(ConfigSchema, { type: "get_config" }),
    ]);
    return {
        entities,
        devices,
        areas,
        states,
        timeZone: config.time_zone,
        language: config.language ?? "en",
        running: (config.state ?? "RUNNING") === "RUNNING",
    };
}

/** Everything Latchkey learns about the locks from HA, read after every (re)connect. */
async function readLocks(sources, options, log) {
    const ha = await readHaSnapshot(sources.client);
    // Node status is Z-Wave's: a Matter lock's reachability shows in its entity's availability.
    const deviceIds = ha.entities
        .filter((e) => e.platform === "zwave_js" && e.entity_id.startsWith("lock."))
        .flatMap((e) => (e.device_id ? [e.device_id] : []));
    const nodeStatus = await readNodeStatuses(sources.client, deviceIds);
    const settings = { defaultSlotCount: options.default_slot_count, slotCounts: options.lock_slot_counts };
    const platforms = new Set(["zwave_js", ...(sources.platforms ?? [])]);
    let locks = discoverLocks(ha, { nodeStatus, slotCounts: new Map(), platforms }, settings);
    const { slotCount: askCount, pinLength: askLength } = sources;
    if (askCount || askLength) {
        // A lock that cannot say now keeps the slot count and PIN lengths from the settings.
        const measured = await Promise.all(locks.map(async (lock) => ({
            deviceId: lock.deviceId,
            count: askCount ? await askCount(lock).catch(() => null) : null,
            length: askLength ? await askLength(lock).catch(() => null) : null,
        })));
        const slotCounts = new Map(measured.flatMap((m) => (m.count === null ? [] : [[m.deviceId, m.count]])));
        const pinLengths = new Map(measured.flatMap((m) => (m.length === null ? [] : [[m.deviceId, m.length]])));
        locks = discoverLocks(ha, { nodeStatus, slotCounts, pinLengths, platforms }, settings);
    }
    const matter = locks.filter((l) => l.protocol === "matter").length;
    log.info(`Found ${locks.length - matter} Z-Wave lock(s)${matter > 0 ? ` and ${matter} Matter lock(s)` : ""}: ${locks.map((l) => `${l.name} (${l.id}, ${l.protocol === "matter" ? "matter" : l.nodeStatus})`).join(", ") || "none"}.`);
    const home = {
        locks,
        timeZone: ha.timeZone,
        language: ha.language,
        haRunning: ha.running,
        sensors: discoverLockSensors(ha, locks),
        doorStates: new Map(ha.states.flatMap((s) => locks.some((l) => l.id === s.entity_id) ? [[s.entity_id, s.state]] : [])),
    };
    if (!sources.inventory)
        return { ...home, occupied: null, unlisted: new Set() };
    return { ...home, ...(await readInventory(sources.inventory, locks, log)) };
}
async function readInventory(inventory, locks, log) {
    const occupied = new Map();
    const unlisted = new Set();
    for (const lock of locks) {
        try {
            const found = await inventory(lock);
            if (found)
                occupied.set(lock.id, found);
        }
        catch (error) {
            unlisted.add(lock.id);
            log.warn(`Could not list the codes on ${lock.name}; no new slot is picked there until it can.`, error);
        }
    }
    return { occupied, unlisted };
}

const StateSchema = object$1({ state: string$1() }).loose();
/** How often to read HA again while it reports that it is still starting. */
const STARTUP_RECHECK_MS = 2_000;
/**
 * What Latchkey knows about the locks from Home Assistant: the locks themselves, the home's
 * time zone and language, and the codes found on each lock. Re-read after every (re)connect,
 * when a lock's availability changes, while HA is starting, and while a lock could not list
 * its codes.
 */
class LockDirectory {
    constructor(deps) {
        this.deps = deps;
        this.locks = new Map();
        this.sources = null;
        this.zone = "UTC";
        this.sensors = new Map();
        /** Each lock's state as HA last said ("locked", "unlocked", "jammed", …). */
        this.doorStates = new Map();
        this.lang = "en";
        this.watchedNodes = new Set();
        this.reread = new Set();
        /** The last read of HA was taken with HA running, not starting (core/lock-returns.ts). */
        this.lastReadWhileRunning = true;
        /** Locks whose slots were asked to be read again, listed once that had time. */
        this.awaitingListing = new Set();
        this.vouch = null;
        this.listeners = new Set();
        /** The read of HA in flight, and the one that follows it when something changed meanwhile. */
        this.reading = null;
        this.following = null;
        this.found = new FoundCodes(() => {
            this.refreshInBackground();
        }, deps.relistMs);
    }
    /** Called after every read of HA, and awaited by it: the sync loop plans with the new facts. */
    onRefreshed(listener) {
        this.listeners.add(listener);
    }
    /** Reads HA through these sources from now on. */
    connect(sources) {
        this.sources = sources;
    }
    /**
     * Reads HA. One read at a time: asked while one is in flight, one more read follows it
     * (shared by everyone who asks meanwhile), so the facts always come from the newest read —
     * an older read that finished last once left a lock that was back marked unavailable.
     */
    refresh() {
        if (!this.reading) {
            this.reading = this.readOnce().finally(() => {
                this.reading = null;
            });
            return this.reading;
        }
        this.following ??= this.reading
            .catch(() => undefined)
            .then(() => {
            this.following = null;
            return this.refresh();
        });
        return this.following;
    }
    async readOnce() {
        const sources = this.sources;
        if (!sources)
            return;
        const reading = await readLocks(sources, this.deps.options, this.deps.log);
        const before = this.locks;
        this.locks = lockMap(reading.locks);
        // A lock back from being away (its batteries swapped, a reset) may have forgotten its codes
        // while the driver's cache still lists them: it is checked.
        this.recheck(returnedLocks(before, this.locks, this.lastReadWhileRunning));
        this.lastReadWhileRunning = reading.haRunning;
        this.watchNodes(sources);
        this.sensors = reading.sensors;
        for (const [lockId, state] of reading.doorStates)
            this.doorStates.set(lockId, state);
        this.zone = reading.timeZone;
        this.lang = reading.language;
        if (reading.occupied)
            this.found.take(reading.occupied, reading.unlisted);
        this.recheckWhileStarting(reading.haRunning);
        for (const listener of this.listeners)
            await listener();
    }
    /** Tells the directory how to ask a lock whether it holds what Latchkey believes (its checksum). */
    vouchWith(vouch) {
        this.vouch = vouch;
    }
    /**
     * Locks that may have forgotten their codes (back from being away, their power applied again).
     * One question first: a lock whose checksum matches what Latchkey believes lost nothing, and
     * nothing more is sent. Otherwise (a mismatch, a lock with no checksum) the slots listed taken
     * are read from the lock again, and the lock is listed once that had time — so lost codes are
     * noticed (service.ts).
     */
    recheck(locks) {
        const rereadCodes = this.sources?.rereadCodes;
        if (!rereadCodes || locks.length === 0)
            return;
        const check = async (lock) => {
            const vouched = this.vouch ? await this.vouch(lock).catch(() => false) : false;
            if (vouched) {
                this.deps.log.info(`${lock.name}'s checksum matches the codes Latchkey knows there: nothing was lost.`);
                return false;
            }
            await rereadCodes(lock, [...(this.found.listing(lock.id)?.taken ?? [])]).catch((error) => {
                this.deps.log.warn(`Could not ask ${lock.name}'s codes to be read again.`, error);
            });
            return true;
        };
        void Promise.all(locks.map(check)).then((reread) => {
            const toList = locks.filter((_lock, i) => reread[i]);
            if (toList.length === 0)
                return;
            for (const lock of toList)
                this.awaitingListing.add(lock.id);
            clearTimeout(this.rereadTimer);
            this.rereadTimer = setTimeout(() => {
                for (const lockId of this.awaitingListing)
                    this.reread.add(lockId);
                this.awaitingListing.clear();
                this.refreshInBackground();
            }, this.deps.rereadMs ?? 3_000);
            this.rereadTimer.unref();
        });
    }
    /**
     * The locks read again after being away whose listing is in, each handed out once: only there
     * may empty slots mean the lock forgot its codes (any other listing may just follow someone
     * clearing a code through HA).
     */
    takeReread() {
        const locks = [...this.reread];
        this.reread.clear();
        return locks;
    }
    /**
     * HA is back after a lost connection: its node status subscriptions went with the old one,
     * so each lock's node is watched anew by the read that follows.
     */
    reconnected() {
        this.watchedNodes.clear();
        this.refreshInBackground();
    }
    /** Each lock's node, watched once per connection: dead or alive again, the locks are read again. */
    watchNodes(sources) {
        const { watchNode } = sources;
        if (!watchNode)
            return;
        for (const lock of this.locks.values()) {
            if (this.watchedNodes.has(lock.id))
                continue;
            this.watchedNodes.add(lock.id);
            watchNode(lock, () => {
                this.refreshInBackground();
            }).catch((error) => {
                this.watchedNodes.delete(lock.id);
                this.deps.log.warn(`Could not follow ${lock.name}'s node status.`, error);
            });
        }
    }
    /** A state change in HA: re-read when it changes what Latchkey may do with a lock. */
    stateChanged(entityId, newState, oldState) {
        const state = this.locks.has(entityId) ? StateSchema.safeParse(newState).data?.state : undefined;
        if (state !== undefined)
            this.doorStates.set(entityId, state);
        // While a read is in flight the facts it compares with are about to change: any move of a
        // lock into or out of "unavailable" (or of HA's entity list) then asks for the read after it.
        const moved = this.reading !== null && availabilityMoved(entityId, newState, oldState);
        if (moved || availabilityChanged(this.locks, entityId, newState, oldState))
            this.refreshInBackground();
    }
    /** Refreshes, logging a failure instead of passing it on (timers, event handlers). */
    refreshInBackground() {
        void this.refresh().catch((e) => {
            this.deps.log.error("Re-reading Home Assistant failed.", e);
        });
    }
    get timeZone() {
        return this.zone;
    }
    /** HA's language, for what the add-on tells the household (English until HA was read). */
    get language() {
        return this.lang;
    }
    get current() {
        return this.locks;
    }
    list() {
        return [...this.locks.values()];
    }
    lockOf(lockId) {
        return this.locks.get(lockId);
    }
    /** Whether Latchkey knows this lock; cheap, for filters that see every state change in HA. */
    hasLock(entityId) {
        return this.locks.has(entityId);
    }
    /** A jam or keypad-lockout sensor of one of the locks. */
    sensor(entityId) {
        return this.sensors.get(entityId);
    }
    /** The lock's state as HA last reported it (read with the locks, then from its state changes). */
    doorState(lockId) {
        return this.doorStates.get(lockId);
    }
    lockName(lockId) {
        return this.locks.get(lockId)?.name ?? lockId;
    }
    /**
     * A Matter lock tells HA nothing of a PIN added or removed from another controller (a vendor
     * app): while there is one, HA is read again every `everyMs`. Listing a Matter lock walks its
     * user table (one GetUser per user on the lock's radio), so this is hourly by default; the
     * Z-Wave locks are listed from the driver's cache, with nothing on the air.
     */
    relistMatterLocksEvery(everyMs) {
        if (everyMs <= 0 || this.matterRelist)
            return;
        this.matterRelist = setInterval(() => {
            if (this.list().some((lock) => lock.protocol === "matter"))
                this.refreshInBackground();
        }, everyMs);
        this.matterRelist.unref();
    }
    stop() {
        this.found.stop();
        clearTimeout(this.startupRecheck);
        clearInterval(this.matterRelist);
        clearTimeout(this.rereadTimer);
    }
    /**
     * After a restart HA answers on its websocket before Z-Wave JS has set up its locks, and the
     * events that would tell us about them can pass before our subscriptions are back: read again
     * until HA says it is running.
     */
    recheckWhileStarting(running) {
        clearTimeout(this.startupRecheck);
        if (running)
            return;
        this.deps.log.info(`Home Assistant is still starting; reading the locks again in ${Math.round(STARTUP_RECHECK_MS / 1000)} s.`);
        this.startupRecheck = setTimeout(() => {
            this.refreshInBackground();
        }, STARTUP_RECHECK_MS);
        this.startupRecheck.unref();
    }
}

/**
 * Gives every (code, lock) pair a slot. Existing claims never move (a slot stays stable across
 * edits); new pairs get the lowest slot that is neither claimed nor holding a code Latchkey
 * did not write. Pairs on locks not (yet) discovered wait: their slot count is unknown. Where
 * what a free-looking slot holds is not known (`mustReadFirst`: HA cannot list the lock's codes,
 * or its listing could not tell) it may hold a code set at the keypad: the new claim is marked
 * to be read before anything is written to it.
 */
function allocateSlots(codes, claims, locks, range, occupiedByOthers, mustReadFirst = () => false) {
    const result = [...claims];
    const full = [];
    const taken = new Map();
    const takenOn = (lockId) => {
        let set = taken.get(lockId);
        if (!set) {
            set = new Set([...(occupiedByOthers.get(lockId) ?? [])]);
            taken.set(lockId, set);
        }
        return set;
    };
    for (const claim of claims)
        takenOn(claim.lockId).add(claim.slot);
    const claimed = new Set(claims.flatMap((c) => (c.owner.kind === "code" ? [`${c.owner.codeId}|${c.lockId}`] : [])));
    for (const code of [...codes].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))) {
        for (const lockId of code.lockIds) {
            const lock = locks.get(lockId);
            if (!lock || claimed.has(`${code.id}|${lockId}`))
                continue;
            const slot = lowestFree(takenOn(lockId), range.first, Math.min(range.last ?? lock.slotCount, lock.slotCount));
            if (slot === null) {
                full.push({ codeId: code.id, lockId });
                continue;
            }
            takenOn(lockId).add(slot);
            claimed.add(`${code.id}|${lockId}`);
            result.push({
                lockId,
                slot,
                owner: { kind: "code", codeId: code.id },
                observed: { status: "unknown" },
                ...(mustReadFirst(lockId, slot) ? { readFirst: true } : {}),
            });
        }
    }
    return { claims: result, full };
}
function lowestFree(taken, first, last) {
    for (let slot = Math.max(1, first); slot <= last; slot++)
        if (!taken.has(slot))
            return slot;
    return null;
}

/**
 * The minimum operations that take the locks from what they are known to hold to what the
 * codes say they should hold: each claim's rule (./claim-rules.ts). Pure: a slot already right
 * yields nothing, so re-running after a restart or crash sends only what is still missing.
 */
function reconcile(codes, claims, now, timeZone) {
    const byId = new Map(codes.map((c) => [c.id, c]));
    const operations = [];
    const release = [];
    for (const claim of claims) {
        const { action } = claimRule(claim, byId, now, timeZone);
        const target = {
            lockId: claim.lockId,
            slot: claim.slot,
            codeId: claim.owner.kind === "code" ? claim.owner.codeId : null,
        };
        if (action.kind === "set")
            operations.push({ kind: "set", ...target, pin: action.pin });
        else if (action.kind === "clear" || action.kind === "read")
            operations.push({ kind: action.kind, ...target });
        else if (action.kind === "release")
            release.push(claim);
    }
    return { operations, release };
}

/** Capped exponential backoff: base, 2·base, 4·base … up to max. */
function backoffDelay(attempts, baseMs, maxMs) {
    return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
}

/**
 * One queue per lock: operations on a lock run one at a time, different locks in parallel.
 * `submit` takes the reconciler's whole plan each time; the queue becomes that plan (minus what
 * is running), so a stale operation never runs after the user changed their mind.
 */
class Executor {
    constructor(options) {
        this.options = options;
        this.lanes = new Map();
        this.idleWaiters = [];
        this.stopped = false;
    }
    submit(operations) {
        const byLock = new Map();
        for (const op of operations)
            byLock.set(op.lockId, [...(byLock.get(op.lockId) ?? []), op]);
        for (const lockId of new Set([...this.lanes.keys(), ...byLock.keys()])) {
            const lane = this.lane(lockId);
            const wanted = byLock.get(lockId) ?? [];
            lane.queue = wanted.filter((op) => !lane.running || !sameOperation(op, lane.running));
            for (const [slot, failure] of [...lane.failures.entries()]) {
                const { refused } = failure;
                // A refusal holds only the write refused: another PIN for the slot is sent.
                const stillWanted = refused
                    ? wanted.some((op) => sameOperation(op, refused))
                    : wanted.some((op) => op.slot === slot);
                if (!stillWanted)
                    lane.failures.delete(slot);
            }
            this.pump(lockId);
        }
        this.options.onChange();
        this.notifyIfIdle();
    }
    statusOf(lockId, slot) {
        const lane = this.lanes.get(lockId);
        if (!lane)
            return undefined;
        const failure = lane.failures.get(slot);
        if (lane.running?.slot === slot && !(lane.overdue && failure))
            return { state: "syncing" };
        // Field by field: the refused operation carries its PIN, which never leaves the executor.
        if (failure)
            return {
                state: "failed",
                reason: failure.reason,
                attempts: failure.attempts,
                nextRetryAt: failure.nextRetryAt,
                ...(failure.problem ? { problem: failure.problem } : {}),
            };
        if (!lane.queue.some((op) => op.slot === slot))
            return undefined;
        const lock = this.options.lockOf(lockId);
        if (!lock)
            return { state: "waiting", ...syncReason("sync_reason.lock_gone") };
        if (!isReachable(lock))
            return { state: "waiting", ...syncReason("sync_reason.lock_offline") };
        return { state: "pending" };
    }
    /** The operation running on a lock (until its outcome is recorded), if any. */
    inFlight(lockId) {
        return this.lanes.get(lockId)?.running ?? null;
    }
    /** Re-checks paused lanes, e.g. after a lock came back online. */
    resume() {
        for (const lockId of this.lanes.keys())
            this.pump(lockId);
    }
    /** Resolves once nothing can run right now (queues empty, or waiting on offline locks or backoff). */
    idle() {
        return new Promise((resolve) => {
            this.idleWaiters.push(resolve);
            this.notifyIfIdle();
        });
    }
    stop() {
        this.stopped = true;
        for (const lane of this.lanes.values())
            if (lane.timer)
                clearTimeout(lane.timer);
    }
    lane(lockId) {
        let lane = this.lanes.get(lockId);
        if (!lane) {
            lane = { queue: [], running: null, overdue: false, failures: new Map(), restUntil: 0, timer: null };
            this.lanes.set(lockId, lane);
        }
        return lane;
    }
    now() {
        return (this.options.now ?? (() => new Date()))().getTime();
    }
    pump(lockId) {
        const lane = this.lane(lockId);
        if (this.stopped || lane.running)
            return;
        const lock = this.options.lockOf(lockId);
        if (!lock || !isReachable(lock) || lane.restUntil > this.now())
            return;
        const next = lane.queue.find((op) => this.isDue(lane, op));
        if (!next)
            return;
        lane.queue = lane.queue.filter((op) => op !== next);
        lane.running = next;
        this.options.onChange();
        void this.run(lockId, lane, next, lock);
    }
    /**
     * Runs one operation. One that overran its time counts as failed (shown, and retried after
     * the backoff), but a write to HA cannot be called back: the lane stays taken until it ends,
     * so no other write reaches that lock meanwhile. If it landed after all, that is recorded.
     */
    async run(lockId, lane, op, lock) {
        const limit = this.options.operationTimeoutMs ?? 120_000;
        const controller = new AbortController();
        const timer = setTimeout(() => {
            lane.overdue = true;
            controller.abort();
            this.fail(lockId, lane, op, new Error(`${lock.name} did not finish the change within ${Math.round(limit / 1000)} s.`));
            this.options.onChange();
        }, limit);
        try {
            const observed = await this.options.writer(op, lock, controller.signal);
            clearTimeout(timer);
            lane.failures.delete(op.slot);
            lane.restUntil = 0;
            await this.options.onObserved(op, observed);
        }
        catch (error) {
            clearTimeout(timer);
            if (!lane.overdue)
                this.fail(lockId, lane, op, error);
        }
        finally {
            lane.running = null;
            lane.overdue = false;
            this.options.onChange();
            this.pump(lockId);
            this.notifyIfIdle();
        }
    }
    /** An operation may run now: no failure on its slot, or its backoff is over; a refused write never. */
    isDue(lane, op) {
        const failure = lane.failures.get(op.slot);
        if (!failure)
            return true;
        if (failure.nextRetryAt === null)
            return false;
        return failure.nextRetryAt.getTime() <= this.now();
    }
    /** The lock said no to this write: recorded and shown, never retried, and the lane does not rest. */
    refuse(lane, op, refusal) {
        lane.failures.set(op.slot, {
            reason: refusal.message,
            attempts: 1,
            nextRetryAt: null,
            problem: refusal.problem,
            refused: op,
        });
        this.options.onRefused?.(op, refusal.message);
    }
    fail(lockId, lane, op, error) {
        if (error instanceof WriteRefused) {
            this.refuse(lane, op, error);
            return;
        }
        const attempts = (lane.failures.get(op.slot)?.attempts ?? 0) + 1;
        const delay = backoffDelay(attempts, this.options.retry.baseMs, this.options.retry.maxMs);
        const nextRetryAt = new Date(this.now() + delay);
        // HA and driver errors may quote what was sent; the reason reaches the card and the log.
        const reason = redact(error instanceof Error ? error.message : "The write failed.", op.kind === "set" ? [op.pin] : []);
        lane.failures.set(op.slot, { reason, attempts, nextRetryAt });
        this.options.onFailure?.(op, reason, attempts, delay);
        lane.restUntil = nextRetryAt.getTime();
        if (lane.timer)
            clearTimeout(lane.timer);
        lane.timer = setTimeout(() => {
            lane.timer = null;
            this.options.onRetryDue();
            this.pump(lockId);
        }, delay);
    }
    notifyIfIdle() {
        const busy = [...this.lanes.entries()].some(([lockId, lane]) => {
            if (lane.running)
                return true;
            const lock = this.options.lockOf(lockId);
            if (!lock || !isReachable(lock) || lane.restUntil > this.now())
                return false;
            return lane.queue.some((op) => this.isDue(lane, op));
        });
        if (busy)
            return;
        for (const resolve of this.idleWaiters.splice(0))
            resolve();
    }
}
function sameOperation(a, b) {
    if (a.kind !== b.kind || a.slot !== b.slot)
        return false;
    return a.kind !== "set" || (b.kind === "set" && a.pin === b.pin);
}

/**
 * A slot the driver never read may hold a code set at the keypad, so Latchkey reads it before
 * writing there: one Get and its report per slot, a third of a first write's frames. One
 * question settles them all: if the lock's own checksum matches every code Latchkey knows on
 * it with the unknown slots empty, they are empty. Asked at most once per lock and listing, and
 * only when a new code is about to be read into such a slot.
 */
class UnknownSlotSettler {
    constructor(probe, found, log) {
        this.probe = probe;
        this.found = found;
        this.log = log;
        this.asked = new Set();
    }
    /**
     * Settles the locks where `planned` would read slots first; true when one was settled.
     * `inFlight` is the write running on a lock, which may or may not have landed when it answers.
     */
    async settle(planned, stored, lockOf, inFlight) {
        const storedSlots = new Set(stored.map((c) => `${c.lockId}#${c.slot}`));
        const locks = new Set(planned.filter((c) => c.readFirst && !storedSlots.has(`${c.lockId}#${c.slot}`)).map((c) => c.lockId));
        let settled = false;
        for (const lockId of locks) {
            const lock = lockOf(lockId);
            const key = `${lockId}#${this.found.listingNumber}`;
            // A lock that cannot answer now is not asked (the plan waits for it anyway).
            if (!lock || !isReachable(lock) || this.asked.has(key) || !this.found.hasUnknown(lockId))
                continue;
            this.asked.add(key);
            const expected = expectedContents(this.found, lockId, stored, inFlight(lockId));
            if (typeof expected === "string") {
                this.log.debug(`Not every PIN on ${lock.name} is known (${expected}): its unread slots are read one by one.`);
                continue;
            }
            const matches = await this.probe(lock, expected).catch(() => false);
            this.log.info(matches
                ? `${lock.name}'s checksum matches the ${expected[0]?.size ?? 0} code(s) Latchkey knows there: its unread slots are empty, none is read before writing.`
                : `${lock.name}'s checksum does not vouch for its unread slots: each is read before Latchkey writes there.`);
            if (matches) {
                this.found.settleUnknown(lockId);
                settled = true;
            }
        }
        return settled;
    }
}
/**
 * What a lock holds if it holds what Latchkey believes, its unknown slots empty: the listing, with
 * Latchkey's own slots as it last saw them (HA's copy of a slot's digits may lag a write). A claim
 * not yet written or read leaves its slot as the listing has it: nothing was written there yet,
 * bar the write in flight (`running`), which may or may not have landed — so two candidates then.
 * Where a PIN is not known (a slot held, a code the lock does not give out), why.
 */
function expectedContents(found, lockId, stored, running) {
    const holdings = found.listedHoldings(lockId);
    if (!holdings)
        return "its listing is missing or a keypad change awaits a read";
    for (const claim of stored.filter((c) => c.lockId === lockId)) {
        if (claim.held)
            return `slot ${claim.slot} is held`;
        if (claim.observed.status === "set")
            holdings.set(claim.slot, claim.observed.pin);
        else if (claim.observed.status === "empty")
            holdings.delete(claim.slot);
    }
    const pins = new Map();
    for (const [slot, holding] of holdings) {
        if (typeof holding !== "string")
            return `slot ${slot} is listed without its digits`;
        pins.set(slot, holding);
    }
    return withWriteInFlight(pins, running);
}
/**
 * The lock holds `pins`, or `pins` with the running write landed: Z-Wave answers one command at
 * a time, so the checksum is taken either before that write or after it.
 */
function withWriteInFlight(pins, running) {
    if (!running || running.kind === "read")
        return [pins];
    const landed = new Map(pins);
    if (running.kind === "set")
        landed.set(running.slot, running.pin);
    else
        landed.delete(running.slot);
    return [pins, landed];
}

/** After this many failed tries in a row, people and automations hear about it. */
const SYNC_FAILURE_REPORT_AT = 3;
function hasTimeRules(code) {
    return (code.rules.validFrom !== undefined || code.rules.validUntil !== undefined || code.rules.weekly.length > 0);
}
/** Reads of slots changed at a keypad that no claim covers (a claim's own read or write tells). */
function keypadReads(claims, directory) {
    const claimed = new Set(claims.map((c) => `${c.lockId}#${c.slot}`));
    return directory.found
        .slotsToRead()
        .filter(({ lockId, slot }) => directory.hasLock(lockId) && !claimed.has(`${lockId}#${slot}`))
        .map(({ lockId, slot }) => ({ kind: "read", lockId, slot, codeId: null }));
}
/**
 * Keeps the locks in step with the book: allocate slots → reconcile → the executor's per-lock
 * queues, again after every change, every read of HA, every write's outcome and every clock tick
 * while a code has time rules. Reports a slot that keeps failing.
 */
class SyncLoop {
    constructor(deps) {
        this.deps = deps;
        this.writer = null;
        this.settler = null;
        this.full = new Set();
        this.executor = new Executor({
            writer: (op, lock) => {
                if (!this.writer)
                    return Promise.reject(new LatchkeyError("unavailable", "error.ha_offline"));
                return this.writer(op, lock);
            },
            lockOf: (id) => deps.directory.lockOf(id),
            onObserved: (op, observed) => this.recordOutcome(op, observed),
            onChange: () => {
                deps.onChange();
            },
            onFailure: (op, reason, attempts, delayMs) => {
                deps.log.warn(`Could not ${op.kind} slot ${op.slot} on ${deps.directory.lockName(op.lockId)} (attempt ${attempts}): ${reason} Retrying in ${Math.round(delayMs / 1000)} s.`);
                // Told once per stuck slot, not at every retry: a battery lock may stay away for hours.
                if (attempts === SYNC_FAILURE_REPORT_AT)
                    this.failureListener?.(op, reason, attempts);
            },
            onRefused: (op, reason) => {
                deps.log.warn(`${deps.directory.lockName(op.lockId)} refused the write to slot ${op.slot}: ${reason}`);
                this.failureListener?.(op, reason, 1);
            },
            onRetryDue: () => {
                this.syncInBackground();
            },
            retry: deps.retry,
            now: deps.now,
            ...(deps.operationTimeoutMs === undefined ? {} : { operationTimeoutMs: deps.operationTimeoutMs }),
        });
    }
    /** Writes go through this writer from now on; `probe`, where the locks can say, settles unknown slots. */
    connect(writer, probe) {
        this.writer = writer;
        this.settler = probe ? new UnknownSlotSettler(probe, this.deps.directory.found, this.deps.log) : null;
    }
    /** What a write (or a read) found the slot to hold goes into the book and the directory; then plan again. */
    async recordOutcome(op, observed) {
        const { book, directory } = this.deps;
        if (op.kind === "read") {
            // A claim's slot found empty is the code's; anything else is someone's code, listed as such.
            await book.readFirstResult(op.lockId, op.slot, observed);
            directory.found.learnRead(op.lockId, op.slot, observed);
        }
        else {
            directory.found.learn(op.lockId, op.slot, observed);
            await book.observe(op.lockId, op.slot, observed);
        }
        await this.sync();
    }
    /** After a read of HA: paused lanes may run again, and the plan may have changed. */
    async afterRefresh() {
        this.executor.resume();
        const planned = await this.sync();
        this.deps.log.info(planned === 0
            ? "All locks are in step with the codes; nothing to write."
            : `${planned} lock write(s) planned.`);
    }
    /** Plans and submits lock writes; returns how many. Serialized with every other change of the book. */
    sync() {
        const { book, directory, options } = this.deps;
        return book.transact(async (tx) => {
            const doc = tx.doc;
            // A lock whose codes are unknown gets no new slot: a free-looking one may be someone's code.
            const listed = new Map([...directory.current].filter(([lockId]) => !directory.found.unlisted.has(lockId)));
            const allocate = () => allocateSlots(doc.codes, doc.claims, listed, { first: options.slot_first, last: options.slot_last }, directory.found.takenSlots(), (lockId, slot) => directory.found.mustReadFirst(lockId, slot));
            let allocation = allocate();
            // New slots to be read first: one checksum may show the lock's unread slots are empty.
            if (await this.settler?.settle(allocation.claims, doc.claims, (id) => directory.lockOf(id), (id) => this.executor.inFlight(id)))
                allocation = allocate();
            this.full = new Set(allocation.full.map((f) => `${f.codeId}|${f.lockId}`));
            const plan = reconcile(doc.codes, allocation.claims, this.deps.now(), directory.timeZone);
            const released = new Set(plan.release);
            const claims = allocation.claims.filter((c) => !released.has(c));
            if (claims.length !== doc.claims.length || allocation.claims.length !== doc.claims.length)
                await tx.commit({ ...doc, claims });
            const operations = [...plan.operations, ...keypadReads(claims, directory)];
            this.executor.submit(operations);
            return operations.length;
        });
    }
    syncInBackground() {
        void this.sync().catch((e) => {
            this.deps.log.error("Planning lock writes failed.", e);
        });
    }
    /** (code, lock) pairs that found no free slot at the last plan, as `codeId|lockId`. */
    get fullPairs() {
        return this.full;
    }
    /** The write running on a lock (until its outcome is recorded), if any. */
    inFlight(lockId) {
        return this.executor.inFlight(lockId);
    }
    runtime(lockId, slot) {
        return this.executor.statusOf(lockId, slot);
    }
    /** Called once when a slot has failed a few times in a row. */
    onSyncFailure(listener) {
        this.failureListener = listener;
    }
    /**
     * Time rules (validity, weekly windows) change what the locks should hold without anyone
     * touching a code: re-plan every tick while any code has one. A plan with nothing to do
     * costs a few milliseconds and writes nothing.
     */
    startClock(tickMs) {
        this.clock ??= setInterval(() => {
            if (this.deps.book.document.codes.some(hasTimeRules))
                this.syncInBackground();
        }, tickMs);
        this.clock.unref();
    }
    /** Resolves when no lock write can make progress right now. */
    idle() {
        return this.executor.idle();
    }
    stop() {
        if (this.clock)
            clearInterval(this.clock);
        this.executor.stop();
    }
}

/**
 * Latchkey's add-on side in one place for the API and the event handlers: the code book, the
 * lock directory and the sync loop, wired so that every edit is followed by a plan, and the
 * snapshots clients see. Lock writes follow from the plan, never from an edit directly.
 */
class LatchkeyService {
    constructor(deps) {
        this.deps = deps;
        this.client = null;
        this.listeners = new Set();
        /** Sends a notify service call (a share); its data holds a PIN, so nothing here logs it. */
        this.notify = async (service, data) => {
            if (!this.client)
                throw new LatchkeyError("unavailable", "error.ha_offline");
            await this.client.callService("notify", service.replace(/^notify\./, ""), data);
        };
        this.now = deps.now ?? (() => new Date());
        this.locks = new LockDirectory({
            options: deps.options,
            log: deps.log,
            ...(deps.relistMs === undefined ? {} : { relistMs: deps.relistMs }),
            ...(deps.rereadMs === undefined ? {} : { rereadMs: deps.rereadMs }),
        });
        this.book = new CodeBook({
            save: deps.save,
            document: deps.document,
            locks: () => this.locks.current,
            now: this.now,
        });
        this.loop = new SyncLoop({
            book: this.book,
            directory: this.locks,
            options: deps.options,
            log: deps.log,
            now: this.now,
            retry: deps.retry ?? { baseMs: 5_000, maxMs: 15 * 60_000 },
            ...(deps.operationTimeoutMs === undefined ? {} : { operationTimeoutMs: deps.operationTimeoutMs }),
            onChange: () => {
                this.emit();
            },
        });
        this.book.onCommit(() => {
            this.emit();
        });
        this.locks.onRefreshed(async () => {
            await this.noticeLostCodes().catch((e) => {
                deps.log.error("Checking the locks for lost codes failed.", e);
            });
            await this.loop.afterRefresh();
            // A lock found dead or alive again changes no state in HA (2026.11 keeps a dead node's lock
            // available): only this read tells clients.
            this.emit();
        });
    }
    /** Connects the service to HA: read the locks and sync; again after every reconnect. */
    async attach(link) {
        this.client = link.client;
        this.locks.connect(link);
        const probe = link.contentProbe;
        if (probe)
            this.locks.vouchWith(async (lock) => {
                const expected = expectedContents(this.locks.found, lock.id, this.book.document.claims, this.loop.inFlight(lock.id));
                return typeof expected !== "string" && (await probe(lock, expected));
            });
        this.loop.connect(link.writer, link.contentProbe);
        link.client.onReconnect(() => {
            this.locks.reconnected();
        });
        link.client.onDisconnect(() => {
            this.emit();
        });
        await this.locks.refresh();
    }
    snapshot(user) {
        const doc = this.book.document;
        const claimed = new Set(doc.claims.map((c) => `${c.lockId}#${c.slot}`));
        // A person enrolled by tag or fingerprint is no code: Latchkey stays off that slot and says nothing.
        const unmanaged = this.locks.found.codeSlots().filter((s) => !claimed.has(`${s.lockId}#${s.slot}`));
        return buildSnapshot({
            document: doc,
            locks: this.locks.list(),
            unmanaged,
            full: this.loop.fullPairs,
            unlisted: this.locks.found.unlisted,
            user,
            now: this.now(),
            timeZone: this.locks.timeZone,
            runtime: (lockId, slot) => this.loop.runtime(lockId, slot),
            connected: this.client?.connected ?? false,
            showNames: this.deps.options.show_code_names_to_everyone,
            lastDoorActivity: this.deps.lastDoorActivity?.() ?? [],
            alerts: (lockId) => this.alertChoices(lockId),
        });
    }
    /** Which door events alert at a lock now: its own choices over the household's options. */
    alertChoices(lockId) {
        return lockAlertChoices(householdAlerts(this.deps.options), this.book.lockAlerts(lockId));
    }
    /** A lock's own alert choices, replacing the ones it had. */
    async setLockAlerts(lockId, alerts) {
        if (!this.locks.hasLock(lockId))
            throw new LatchkeyError("not_found", "error.lock_gone");
        await this.book.setLockAlerts(lockId, alerts);
        return this.alertChoices(lockId);
    }
    /** Called with every change clients would see. */
    onChange(listener) {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
    }
    /** New activity exists: clients re-read it. */
    announceActivity() {
        this.emit();
    }
    /** What the add-on says to the household, in HA's language (English until HA was read). */
    messages() {
        return messages(this.locks.language);
    }
    /** Every secret the service knows, for the log redaction layer. */
    secrets() {
        return [...this.book.pins(), ...this.locks.found.pins()];
    }
    interpretContext() {
        return { locks: this.locks.list(), codes: this.book.document.codes, codeAt: this.book.codeAt() };
    }
    namesVisibleToAll() {
        return this.deps.options.show_code_names_to_everyone;
    }
    createCode(draft) {
        return this.thenSync(this.book.createCode(draft));
    }
    updateCode(codeId, changes) {
        return this.thenSync(this.book.updateCode(codeId, changes));
    }
    deleteCode(codeId) {
        return this.thenSync(this.book.deleteCode(codeId));
    }
    setEnabled(codeId, enabled) {
        return this.thenSync(this.book.setEnabled(codeId, enabled));
    }
    /** Counts a keypad use of a code (for `maxUses`); returns the code as it is now. */
    recordUse(codeId, counts) {
        return this.thenSync(this.book.recordUse(codeId, counts));
    }
    adoptUnmanaged(lockId, slot, name) {
        const pin = this.locks.found.holding(lockId, slot);
        if (pin === undefined || pin === NOT_A_PIN)
            throw new LatchkeyError("not_found", "error.slot_not_unmanaged");
        if (pin === null)
            throw new LatchkeyError("conflict", "error.pin_unreadable");
        return this.thenSync(this.book.adoptCode(lockId, slot, pin, name));
    }
    async clearUnmanaged(lockId, slot) {
        if (!this.locks.hasLock(lockId))
            throw new LatchkeyError("not_found", "error.lock_gone");
        if (this.locks.found.holding(lockId, slot) === NOT_A_PIN)
            throw new LatchkeyError("not_found", "error.slot_not_unmanaged");
        await this.thenSync(this.book.claimToClear(lockId, slot));
    }
    /** An admin's choice for a held slot: restore Latchkey's code there, or let the lock keep its own. */
    resolveHeld(lockId, slot, keep) {
        return this.thenSync(this.book.resolveHeld(lockId, slot, keep));
    }
    /**
     * A lock reported a code changed at its own keypad. A slot Latchkey owns is held (nothing
     * written) until an admin chooses; an echo of Latchkey's own recent write is ignored. A slot
     * it does not own is read, so that a code set there shows as one Latchkey did not set.
     * Returns the codes whose slots are now held, and whether the report was only such an echo.
     * `ownEchoes`: a keypad report right after Latchkey's own write may be its echo (some locks
     * report a code written over Z-Wave as "added at the keypad"); a change whose origin is known
     * to be someone else's (HA's echo of another client's call) is never one.
     */
    async holdChangedSlots(lockId, slot, reason, { ownEchoes = true } = {}) {
        const now = this.now();
        const windowMs = this.deps.ownEchoMs ?? 10_000;
        const outcome = await this.book.holdChanged(lockId, slot, reason, (c) => ownEchoes && isOwnEcho(c, now, windowMs));
        const { found } = this.locks;
        const claimed = new Set(this.book.document.claims.filter((c) => c.lockId === lockId).map((c) => c.slot));
        const slots = slot === "all" ? [...(found.takenSlots().get(lockId) ?? [])] : [slot];
        found.changedAtKeypad(lockId, slots.filter((s) => !claimed.has(s)));
        await this.loop.sync();
        return outcome;
    }
    /**
     * A Z-Wave lock said its power was applied (its batteries back in): it may have forgotten its
     * codes though the driver never found it away. Checked as a lock back from being away is — its
     * checksum first, its slots read only where that does not match.
     */
    powerApplied(lockId) {
        const lock = this.locks.lockOf(lockId);
        if (!lock || lock.protocol === "matter")
            return;
        this.deps.log.info(`${lock.name} says its power was applied: checking it still holds Latchkey's codes.`);
        this.locks.recheck([lock]);
    }
    /** Called once for each lock found to have lost Latchkey's codes. */
    onCodesLost(listener) {
        this.lostListener = listener;
    }
    /** Puts every code a lock lost on its own back on it (an admin's tap). */
    refillLostCodes(lockId) {
        if (!this.locks.hasLock(lockId))
            throw new LatchkeyError("not_found", "error.lock_gone");
        return this.thenSync(this.book.refillLost(lockId));
    }
    /**
     * A lock said itself that all its user codes were deleted (Access Control 12: a factory reset at
     * the lock). Where Latchkey's codes were there, they are lost as a lock that forgot them is: held
     * and told once, refilled with one tap or by `refill_lost_codes`. Returns whether any were, now
     * or before and still waiting for their refill (the lock saying it again is no news).
     */
    async allCodesDeletedAtLock(lockId) {
        const lock = this.locks.lockOf(lockId);
        if (!lock)
            return false;
        const held = await this.book.holdWiped(lockId, this.locks.timeZone);
        if (!held)
            return this.book.document.claims.some((c) => c.lockId === lockId && c.held?.reason === "codes_lost");
        // Someone else's codes went too: those slots are read, so they no longer show as the lock's.
        const claimed = new Set(this.book.document.claims.filter((c) => c.lockId === lockId).map((c) => c.slot));
        const { found } = this.locks;
        found.changedAtKeypad(lockId, [...(found.takenSlots().get(lockId) ?? [])].filter((s) => !claimed.has(s)));
        await this.tellLost(lock, held);
        await this.loop.sync();
        return true;
    }
    /**
     * After a lock back from being away was read again and listed: if its slots came back empty
     * where Latchkey had confirmed its codes, it has lost them. Its slots are held — not rewritten behind anyone's back,
     * and never in a loop — and told once; with `refill_lost_codes` they are refilled at once,
     * at most once a day per lock.
     */
    async noticeLostCodes() {
        for (const lockId of this.locks.takeReread()) {
            const lock = this.locks.lockOf(lockId);
            const listed = this.locks.found.listing(lockId);
            if (!lock || !listed)
                continue;
            const held = await this.book.holdLost(lock.id, listed, this.locks.timeZone);
            if (held)
                await this.tellLost(lock, held);
        }
    }
    /** Lost codes held: refilled now if the household lets Latchkey (once a day), and told once. */
    async tellLost(lock, held) {
        const refilled = this.deps.options.refill_lost_codes && this.book.mayAutoRefill(lock.id);
        if (refilled)
            await this.book.refillLost(lock.id, { auto: true });
        this.deps.log.warn(`${lock.name} lost ${held.slots.length} of Latchkey's codes (slots ${held.slots.join(", ")}); ${refilled ? "refilling them" : "holding them until an admin refills them"}.`);
        await this.lostListener?.({ lockId: lock.id, codes: held.codes, slots: held.slots, refilled });
    }
    /** Resolves when no lock write can make progress right now. For tests and orderly shutdown. */
    async idle() {
        await this.book.settled();
        await this.loop.idle();
    }
    stop() {
        this.loop.stop();
        this.locks.stop();
    }
    async thenSync(edit) {
        const result = await edit;
        await this.loop.sync();
        return result;
    }
    emit() {
        for (const listener of this.listeners)
            listener();
    }
}

/**
 * The model's schemas are zod/mini (small in the card), and mini objects parse field by field.
 * A store holds thousands of claims: the same shapes, with the same checks inside, rebuilt as
 * zod's compiled (JIT) objects parse about five times faster. `schema.test.ts` holds the two to
 * the same answers.
 */
const [unknownObservation, emptyObservation, setObservation] = SlotObservationSchema.def.options;
const StoredObservationSchema = discriminatedUnion$1("status", [
    object$1(unknownObservation.def.shape),
    object$1(emptyObservation.def.shape),
    object$1(setObservation.def.shape),
]);
const [codeOwner, clearOwner] = SlotOwnerSchema.def.options;
const StoredClaimSchema = object$1({
    ...SlotClaimSchema.def.shape,
    owner: discriminatedUnion$1("kind", [object$1(codeOwner.def.shape), object$1(clearOwner.def.shape)]),
    observed: StoredObservationSchema,
});
/**
 * The store document. Every version keeps its schema here, and `migrate` lifts any older
 * document to the current one step by step; add a schema and a step when the shape changes,
 * never edit an old schema. What spans records (`claimedTwice`) is checked after the parse: a
 * check on the document object itself made zod's parse of a 5,000-claim store several
 * milliseconds slower than the check's own work.
 */
/** Version 1 (frozen): a claim named its code by id; "cleared-by-user" meant "clear this slot". */
const StoreV1Schema = object$1({
    version: literal$1(1),
    codes: array$1(CodeSchema),
    claims: array$1(object$1({
        lockId: LockIdSchema,
        slot: SlotNumberSchema,
        codeId: CodeIdSchema,
        observed: StoredObservationSchema,
        held: optional$1(object$1({ reason: HoldReasonSchema, since: IsoTimeSchema })),
    })),
});
/** Version 2: a claim names its owner (a code, or "clear this slot"), and may have to be read first. */
const StoreV2Schema = object$1({
    version: literal$1(2),
    codes: array$1(CodeSchema),
    claims: array$1(StoredClaimSchema),
});
/**
 * What Latchkey keeps about a lock itself: its own alert choices (kinds left out follow the
 * household's options) and when it last refilled codes the lock had lost on its own.
 */
const StoredLockSchema = object$1({
    lockId: LockIdSchema,
    alerts: optional$1(object$1(LockAlertsSchema.def.shape)),
    autoRefilledAt: optional$1(IsoTimeSchema),
});
/** Version 3: per-lock settings beside the codes and claims. */
const StoreV3Schema = object$1({
    version: literal$1(3),
    codes: array$1(CodeSchema),
    claims: array$1(StoredClaimSchema),
    locks: array$1(StoredLockSchema),
});
/** v2 → v3: no lock has settings of its own yet. */
function storeV2ToV3(doc) {
    return { version: 3, codes: doc.codes, claims: doc.claims, locks: [] };
}
/** The magic code id version 1 used for a slot an admin asked to clear. */
const V1_CLEAR_ONLY = "cleared-by-user";
/** v1 → v2: each claim's `codeId` becomes its owner. */
function storeV1ToV2(doc) {
    return {
        version: 2,
        codes: doc.codes,
        claims: doc.claims.map(({ codeId, ...claim }) => ({
            ...claim,
            owner: codeId === V1_CLEAR_ONLY ? { kind: "clear" } : { kind: "code", codeId },
        })),
    };
}
/** A slot two claims hold, said for a person ("slot 3 on lock.front_door is claimed twice"); null when none is. */
function claimedTwice(doc) {
    const seen = new Set();
    for (const claim of doc.claims) {
        const key = `${claim.lockId}#${claim.slot}`;
        if (seen.has(key))
            return `slot ${claim.slot} on ${claim.lockId} is claimed twice`;
        seen.add(key);
    }
    return null;
}
const CURRENT_STORE_VERSION = 3;
const StoreDocumentSchema = StoreV3Schema;
function emptyStore() {
    return { version: 3, codes: [], claims: [], locks: [] };
}

class StoreFormatError extends Error {
    constructor() {
        super(...arguments);
        this.name = "StoreFormatError";
    }
}
const VersionedSchema = object$1({ version: number$2().int().min(1) });
/** Steps that lift a document of version N to N+1; each parses what it lifts with that version's schema. */
const steps = {
    1: (doc) => {
        const parsed = StoreV1Schema.safeParse(doc);
        if (!parsed.success)
            throw new StoreFormatError(describeZodError(parsed.error, "The store file (format 1) is not valid"));
        return storeV1ToV2(parsed.data);
    },
    2: (doc) => {
        const parsed = StoreV2Schema.safeParse(doc);
        if (!parsed.success)
            throw new StoreFormatError(describeZodError(parsed.error, "The store file (format 2) is not valid"));
        return storeV2ToV3(parsed.data);
    },
};
/** Parses a store document of any known version into the current one. Throws StoreFormatError. */
function migrate(raw) {
    const versioned = VersionedSchema.safeParse(raw);
    if (!versioned.success)
        throw new StoreFormatError("The store file has no valid version number.");
    let version = versioned.data.version;
    if (version > CURRENT_STORE_VERSION) {
        throw new StoreFormatError(`The store file was written by a newer Latchkey (format ${version}; this one reads up to ${CURRENT_STORE_VERSION}).`);
    }
    let doc = raw;
    while (version < CURRENT_STORE_VERSION) {
        const step = steps[version];
        if (!step)
            throw new StoreFormatError(`No migration from store format ${version}.`);
        doc = step(doc);
        version += 1;
    }
    const parsed = StoreDocumentSchema.safeParse(doc);
    if (!parsed.success)
        throw new StoreFormatError(describeZodError(parsed.error, "The store file is not valid"));
    const twice = claimedTwice(parsed.data);
    if (twice)
        throw new StoreFormatError(`The store file is not valid — ${twice}.`);
    return parsed.data;
}

/**
 * One JSON document in the data folder, kept twice: the main file and a copy. A save writes
 * both (each atomically: temp file, fsync, rename, fsync of the folder) before it returns, so
 * when a change is acknowledged both files hold it, and the loss or tearing of either one
 * loses nothing. A kill mid-save leaves the main file old or new and the copy old; the next
 * start takes the main file and writes the copy again.
 */
class FileStore {
    constructor(folder, log) {
        this.folder = folder;
        this.log = log;
        this.path = join(folder, "latchkey.json");
        this.backupPath = join(folder, "latchkey.backup.json");
    }
    async load() {
        await mkdir(this.folder, { recursive: true, mode: 0o700 });
        const leftovers = (await removeLeftoverTemps(this.path)) + (await removeLeftoverTemps(this.backupPath));
        if (leftovers > 0)
            this.log.info(`Removed ${leftovers} temporary file(s) of store writes cut short earlier.`);
        const main = await this.read(this.path);
        const backup = await this.read(this.backupPath);
        if (main.kind === "ok") {
            if (backup.kind !== "ok" || backup.text !== main.text) {
                if (backup.kind === "bad")
                    await this.moveAside(this.backupPath);
                await writeFileAtomic(this.backupPath, main.text);
            }
            return { document: main.document, source: "main" };
        }
        if (main.kind === "missing" && backup.kind === "missing")
            return { document: emptyStore(), source: "new" };
        if (backup.kind === "ok") {
            const why = main.kind === "bad" ? main.reason : "it is missing";
            this.log.warn(`Store file ${this.path} could not be used (${why}); using its copy ${this.backupPath}.`);
            if (main.kind === "bad")
                await this.moveAside(this.path);
            await writeFileAtomic(this.path, backup.text);
            return { document: backup.document, source: "backup" };
        }
        const reasons = [main, backup].map((r) => (r.kind === "bad" ? r.reason : "missing")).join("; ");
        throw new Error(`Neither the store file nor its backup can be read (${reasons}). Latchkey will not start rather than lose codes; fix or remove ${this.path}.`);
    }
    async save(document) {
        const text = JSON.stringify(document);
        await writeFileAtomic(this.path, text);
        await writeFileAtomic(this.backupPath, text);
    }
    /** A bad file is kept for inspection (mode 0600 as written), out of the way of the next save. */
    async moveAside(path) {
        await rename(path, `${path}.unreadable-${Date.now()}`);
    }
    async read(path) {
        let text;
        try {
            text = await readFile(path, "utf8");
        }
        catch (error) {
            if (isMissing(error))
                return { kind: "missing" };
            throw error;
        }
        let raw;
        try {
            raw = JSON.parse(text);
        }
        catch {
            // JSON.parse's own message quotes the text around the fault, which may hold a PIN.
            return { kind: "bad", reason: "it is not complete JSON (torn or edited by hand)" };
        }
        try {
            return { kind: "ok", document: migrate(raw), text };
        }
        catch (error) {
            return { kind: "bad", reason: error instanceof Error ? error.message : "unreadable" };
        }
    }
}
function isMissing(error) {
    return error instanceof Error && "code" in error && error.code === "ENOENT";
}

// The shared model is zod/mini, which carries no message texts; zod's English ones make the
// add-on's validation errors readable ("Too small: expected …" rather than "Invalid input").
config(en$1());
async function main() {
    let config;
    try {
        config = await loadConfig(process.env);
    }
    catch (error) {
        if (error instanceof ConfigError) {
            process.stderr.write(`${new Date().toISOString()} ERROR ${error.message}\n`);
            process.exit(1);
        }
        throw error;
    }
    let service = null;
    const token = config.ha.token;
    const log = createLogger({
        level: config.options.log_level,
        secrets: () => [...(service?.secrets() ?? []), token],
        write: (line) => process.stdout.write(`${line}\n`),
    });
    // A promise nobody awaited that fails (a library's background work, such as a subscription it
    // renews after a reconnect) is logged; it does not end the add-on and the codes it keeps.
    process.on("unhandledRejection", (reason) => {
        log.error("A background task failed; Latchkey keeps running.", reason);
    });
    const store = new FileStore(config.dataDir, log);
    const { document, source } = await store.load();
    log.info(`Loaded ${document.codes.length} code(s) from the ${source === "new" ? "new, empty" : source} store.`);
    const activity = new ActivityLog(config.dataDir, log, {
        count: config.options.activity_max_entries,
        days: config.options.activity_max_days,
    });
    await activity.load();
    const journal = new Journal(activity);
    const svc = new LatchkeyService({
        save: (next) => store.save(next),
        document,
        log,
        options: config.options,
        retry: { baseMs: config.tuning.retryBaseMs, maxMs: 15 * 60_000 },
        ownEchoMs: config.tuning.ownEchoMs,
        relistMs: config.tuning.relistMs,
        rereadMs: config.tuning.codeActionRelistMs,
        lastDoorActivity: () => activity.lastDoorActivity(),
    });
    service = svc;
    const haConfig = config.ha;
    let client = null;
    const api = await startApiServer({
        port: config.options.api_port,
        host: process.env.LATCHKEY_API_HOST ?? "0.0.0.0",
        service: svc,
        journal,
        log,
        tuning: config.tuning.api,
        // Built next to this bundle: addon/dist/ in a checkout, /app in the add-on image.
        panelFile: fileURLToPath(new URL("latchkey-panel.js", import.meta.url)),
        identify: async (hello, ingressUserId) => {
            if (ingressUserId && client) {
                const user = await userFromIngress(client, ingressUserId);
                return user ? { user } : null;
            }
            if (!hello.accessToken)
                return null;
            const check = await checkToken(haConfig.wsUrl, hello.accessToken);
            return check.kind === "accepted" ? { user: check.user, token: hello.accessToken } : null;
        },
        rights: {
            listUsers: () => (client ? listUsers(client) : Promise.reject(new Error("not connected to HA"))),
            checkToken: (accessToken) => checkToken(haConfig.wsUrl, accessToken),
        },
    });
    log.info(`Latchkey API listening on port ${config.options.api_port}.`);
    const shutdown = () => {
        log.info("Stopping.");
        svc.stop();
        client?.close();
        void api.close().then(() => process.exit(0));
    };
    process.on("SIGTERM", shutdown);
    process.on("SIGINT", shutdown);
    client = await connectWithRetry(haConfig, log);
    const ha = client;
    const tuning = config.tuning;
    ha.onAuthLost(() => {
        exit(log, "Home Assistant no longer accepts Latchkey's token. Check ha_token (or restart the add-on).");
    });
    const { link, description, refusals } = await openHaLink(ha, log, {
        verifyTimeoutMs: tuning.verifyTimeoutMs,
    });
    log.info(`Connected to Home Assistant ${ha.haVersion} (${haConfig.mode}); ${description}.`);
    await wireHaEvents({
        ha,
        service: svc,
        activity,
        journal,
        options: config.options,
        log,
        stateGraceMs: tuning.stateGraceMs,
        relistAfterCodeActionMs: tuning.codeActionRelistMs,
        refusals,
    });
    svc.loop.startClock(tuning.clockTickMs);
    svc.locks.relistMatterLocksEvery(tuning.matterRelistMs);
    watchCodeEnds({ book: svc.book, journal, log, now: () => new Date(), tickMs: tuning.clockTickMs });
    await svc.attach(link);
}
/** HA may be starting or restarting: retry with capped backoff, but stop on a token HA rejects. */
async function connectWithRetry(ha, log) {
    for (let attempt = 1;; attempt++) {
        try {
            const client = await HaClient.connect(ha.wsUrl, ha.token, log);
            const user = await client.command(object$1({ is_admin: boolean$1(), name: string$1().nullable() }).loose(), { type: "auth/current_user" });
            if (!user.is_admin)
                throw new FatalConfigError(`The token belongs to “${user.name ?? "a user"}”, who is not a Home Assistant administrator. Latchkey needs an administrator's token.`);
            return client;
        }
        catch (error) {
            if (error instanceof FatalConfigError)
                throw error;
            if (error === ERR_INVALID_AUTH)
                throw new FatalConfigError("Home Assistant rejected the access token. Create a new long-lived token of an administrator and set ha_token.");
            const delay = backoffDelay(attempt, 1_000, 60_000);
            log.warn(`Cannot reach Home Assistant at ${ha.wsUrl} (attempt ${attempt}); retrying in ${Math.round(delay / 1000)} s.`);
            await new Promise((resolve) => setTimeout(resolve, delay));
        }
    }
}
function exit(log, message) {
    log.error(message);
    process.exit(1);
}
main().catch((error) => {
    process.stderr.write(`${new Date().toISOString()} ERROR ${error instanceof Error ? error.message : "Latchkey stopped unexpectedly."}\n`);
    process.exit(1);
});
