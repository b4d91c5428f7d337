import { fileURLToPath } from "node:url";
import { ERR_INVALID_AUTH } from "home-assistant-js-websocket";
import { z } from "zod";
import { startApiServer } from "./api/server";
import { checkToken, userFromIngress } from "./api/identify";
import { ConfigError, loadConfig, type RuntimeConfig } from "./config";
import { HaClient } from "./ha/client";
import { FatalConfigError } from "./ha/errors";
import { createLogger, type Logger } from "./log/logger";
import { ActivityLog } from "./service/activity-log";
import { watchCodeEnds } from "./service/code-ends";
import { Journal } from "./service/journal";
import { wireHaEvents } from "./service/events-wiring";
import { openHaLink } from "./service/ha-link";
import { LatchkeyService } from "./service/service";
import { listUsers } from "./ha/users";
import { FileStore } from "./store/file-store";
import { backoffDelay } from "./sync/backoff";

// The shared model is zod/mini, which carries no message texts; zod's English ones make the
// add-on's validation errors readable ("Too small: expected …" rather than "Invalid input").
z.config(z.locales.en());

async function main(): Promise<void> {
  let config: RuntimeConfig;
  try {
    config = await loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${new Date().toISOString()} ERROR ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  let service: LatchkeyService | null = null;
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
  log.info(
    `Loaded ${document.codes.length} code(s) from the ${source === "new" ? "new, empty" : source} store.`,
  );
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
  let client: HaClient | null = null;
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
      if (!hello.accessToken) return null;
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
async function connectWithRetry(ha: RuntimeConfig["ha"], log: Logger): Promise<HaClient> {
  for (let attempt = 1; ; attempt++) {
    try {
      const client = await HaClient.connect(ha.wsUrl, ha.token, log);
      const user = await client.command(
        z.object({ is_admin: z.boolean(), name: z.string().nullable() }).loose(),
        { type: "auth/current_user" },
      );
      if (!user.is_admin)
        throw new FatalConfigError(
          `The token belongs to “${user.name ?? "a user"}”, who is not a Home Assistant administrator. Latchkey needs an administrator's token.`,
        );
      return client;
    } catch (error) {
      if (error instanceof FatalConfigError) throw error;
      if (error === ERR_INVALID_AUTH)
        throw new FatalConfigError(
          "Home Assistant rejected the access token. Create a new long-lived token of an administrator and set ha_token.",
        );
      const delay = backoffDelay(attempt, 1_000, 60_000);
      log.warn(
        `Cannot reach Home Assistant at ${ha.wsUrl} (attempt ${attempt}); retrying in ${Math.round(delay / 1000)} s.`,
      );
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

function exit(log: Logger, message: string): never {
  log.error(message);
  process.exit(1);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${new Date().toISOString()} ERROR ${error instanceof Error ? error.message : "Latchkey stopped unexpectedly."}\n`,
  );
  process.exit(1);
});
