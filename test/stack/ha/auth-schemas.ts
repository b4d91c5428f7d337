// HTTP auth/onboarding response shapes of HA 2024.3 (homeassistant/components/auth,
// homeassistant/components/onboarding/views.py).
import { z } from "zod";

export const OnboardingSteps = z.array(z.object({ step: z.string(), done: z.boolean() }));
export const AuthCode = z.object({ auth_code: z.string() });
export const EmptyObject = z.object({});

export const TokenResponse = z.object({
  access_token: z.string(),
  token_type: z.literal("Bearer"),
  expires_in: z.number(),
  refresh_token: z.string().optional(),
});
export type TokenResponse = z.infer<typeof TokenResponse>;

export const LoginFlowForm = z.object({
  type: z.literal("form"),
  flow_id: z.string(),
  step_id: z.string(),
  errors: z.record(z.string(), z.string()).nullable().optional(),
});
export const LoginFlowResult = z.discriminatedUnion("type", [
  z.object({ type: z.literal("create_entry"), result: z.string() }),
  z.object({ type: z.literal("form"), errors: z.record(z.string(), z.string()).nullable().optional() }),
  z.object({ type: z.literal("abort"), reason: z.string() }),
]);

/** ws `auth/current_user` (homeassistant/components/auth/__init__.py websocket_current_user). */
export const CurrentUser = z.object({
  id: z.string(),
  name: z.string().nullable(),
  is_owner: z.boolean(),
  is_admin: z.boolean(),
  credentials: z.array(z.object({ auth_provider_type: z.string(), auth_provider_id: z.string().nullable() })),
  mfa_modules: z.array(z.object({ id: z.string(), name: z.string(), enabled: z.boolean() })),
});
export type CurrentUser = z.infer<typeof CurrentUser>;

/** ws `config/auth/create` → {user} (homeassistant/components/config/auth.py). */
export const CreatedUser = z.object({
  user: z.object({
    id: z.string(),
    username: z.string().nullable(),
    name: z.string().nullable(),
    is_owner: z.boolean(),
    is_active: z.boolean(),
    local_only: z.boolean(),
    system_generated: z.boolean(),
    group_ids: z.array(z.string()),
  }),
});
