// Finishing onboarding's "core_config" step makes HA 2024.3 start config flows for
// google_translate, met, radio_browser and shopping_list (onboarding/views.py
// CoreConfigOnboardingView.post). Those pip-install packages and call internet services,
// which a loopback-only test HA must not do. Location/units/time zone come from
// configuration.yaml instead, so a fresh config dir gets the step pre-marked as done in
// HA's onboarding store (format: onboarding/__init__.py, STORAGE_VERSION 4). Only ever
// written before the first start, never over an existing store.
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";

export async function seedOnboardingStore(configDir: string): Promise<boolean> {
  const storage = join(configDir, ".storage");
  const file = join(storage, "onboarding");
  if (existsSync(file)) return false;
  await mkdir(storage, { recursive: true });
  const doc = { version: 4, minor_version: 1, key: "onboarding", data: { done: ["core_config"] } };
  await writeFile(file, `${JSON.stringify(doc, null, 2)}\n`, { mode: 0o600 });
  return true;
}
