// Headless onboarding of a fresh HA, an admin long-lived token, and a non-admin user.
// Idempotent: an already onboarded config dir reuses latchkey-test-credentials.json.
import { z } from "zod";
import { AuthCode, CreatedUser, EmptyObject, OnboardingSteps } from "./auth-schemas.js";
import type { HaInstance } from "./ha-instance.js";
import { haWs } from "./ha-ws.js";
import { confirmHttpConfig } from "./http-config.js";
import { haRequest, HaHttpError } from "./http.js";
import { clientIdFor, exchangeCode, loginWithPassword } from "./login.js";
import { type HaCredentials, credentialsPath, readCredentials, writeCredentials } from "./tokens-file.js";

export interface OnboardOptions {
  readonly adminName?: string;
  readonly adminUsername?: string;
  readonly adminPassword?: string;
  readonly nonAdminUsername?: string;
  readonly nonAdminPassword?: string;
}

const TEN_YEARS_DAYS = 3650;

async function longLivedToken(url: string, accessToken: string, clientName: string): Promise<string> {
  const ws = await haWs(url, accessToken);
  try {
    return await ws.callParsed(z.string(), "auth/long_lived_access_token", {
      client_name: clientName,
      lifespan: TEN_YEARS_DAYS,
    });
  } finally {
    await ws.close();
  }
}

async function onboardingSteps(url: string): Promise<z.infer<typeof OnboardingSteps> | undefined> {
  try {
    return await haRequest(`${url}/api/onboarding`, OnboardingSteps);
  } catch (err) {
    // Once onboarding is complete HA stops registering the onboarding views.
    if (err instanceof HaHttpError && err.status === 404) return undefined;
    throw err;
  }
}

async function createNonAdmin(
  url: string,
  adminToken: string,
  name: string,
  username: string,
  password: string,
): Promise<string> {
  const ws = await haWs(url, adminToken);
  try {
    const created = await ws.callParsed(CreatedUser, "config/auth/create", {
      name,
      group_ids: ["system-users"],
    });
    await ws.call("config/auth_provider/homeassistant/create", {
      user_id: created.user.id,
      username,
      password,
    });
    return created.user.id;
  } finally {
    await ws.close();
  }
}

async function userId(url: string, token: string): Promise<string> {
  const ws = await haWs(url, token);
  try {
    return await ws.callParsed(
      z.object({ id: z.string() }).transform((u) => u.id),
      "auth/current_user",
    );
  } finally {
    await ws.close();
  }
}

export async function onboard(instance: HaInstance, opts: OnboardOptions = {}): Promise<HaCredentials> {
  const { url, configDir } = instance;
  const stored = await readCredentials(configDir);
  const steps = await onboardingSteps(url);
  const userStepDone = steps === undefined || steps.some((s) => s.step === "user" && s.done);
  if (stored !== undefined && userStepDone) {
    await userId(url, stored.admin.token); // fails loudly if the stored token is no longer valid
    await confirmHttpConfig(url, stored.admin.token);
    return { ...stored, url };
  }
  if (userStepDone) {
    throw new Error(
      `${configDir} is onboarded but ${credentialsPath(configDir)} is missing: use a fresh config dir`,
    );
  }

  const clientId = clientIdFor(url);
  const admin = {
    username: opts.adminUsername ?? "admin",
    password: opts.adminPassword ?? "latchkey-admin-pw",
  };
  const { auth_code } = await haRequest(`${url}/api/onboarding/users`, AuthCode, {
    json: { client_id: clientId, name: opts.adminName ?? "Latchkey Admin", language: "en", ...admin },
  });
  const adminTokens = await exchangeCode(url, clientId, auth_code);
  const bearer = adminTokens.access_token;
  const pending = (step: string): boolean => !steps.some((s) => s.step === step && s.done);
  // core_config is normally pre-marked done by seedOnboardingStore (see onboarding-seed.ts).
  if (pending("core_config")) {
    await haRequest(`${url}/api/onboarding/core_config`, EmptyObject, { token: bearer, json: {} });
  }
  if (pending("analytics")) {
    await haRequest(`${url}/api/onboarding/analytics`, EmptyObject, { token: bearer, json: {} });
  }
  if (pending("integration")) {
    await haRequest(`${url}/api/onboarding/integration`, AuthCode, {
      token: bearer,
      json: { client_id: clientId, redirect_uri: `${url}/?auth_callback=1` },
    });
  }
  const adminToken = await longLivedToken(url, bearer, "latchkey-tests-admin");
  await confirmHttpConfig(url, adminToken);

  const guest = {
    username: opts.nonAdminUsername ?? "guest",
    password: opts.nonAdminPassword ?? "latchkey-guest-pw",
  };
  const guestId = await createNonAdmin(url, adminToken, "Latchkey Guest", guest.username, guest.password);
  const guestTokens = await loginWithPassword(url, clientId, guest.username, guest.password);
  const guestToken = await longLivedToken(url, guestTokens.access_token, "latchkey-tests-guest");
  const spare = { username: "spare", password: "latchkey-spare-pw" };
  const spareId = await createNonAdmin(url, adminToken, "Latchkey Spare", spare.username, spare.password);
  const spareTokens = await loginWithPassword(url, clientId, spare.username, spare.password);
  const spareToken = await longLivedToken(url, spareTokens.access_token, "latchkey-tests-spare");

  const creds: HaCredentials = {
    version: 1,
    url,
    clientId,
    admin: {
      userId: await userId(url, adminToken),
      ...admin,
      token: adminToken,
      refreshToken: adminTokens.refresh_token ?? "",
    },
    nonAdmin: { userId: guestId, ...guest, token: guestToken, refreshToken: guestTokens.refresh_token ?? "" },
    spare: { userId: spareId, ...spare, token: spareToken },
  };
  await writeCredentials(configDir, creds);
  return creds;
}
