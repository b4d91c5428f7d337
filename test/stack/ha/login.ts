// HA's HTTP login flow and token endpoint (homeassistant/components/auth/login_flow.py,
// homeassistant/components/auth/__init__.py TokenView).
import { LoginFlowForm, LoginFlowResult, TokenResponse } from "./auth-schemas.js";
import { haRequest } from "./http.js";

export function clientIdFor(url: string): string {
  return `${url}/`;
}

export function exchangeCode(url: string, clientId: string, code: string): Promise<TokenResponse> {
  return haRequest(`${url}/auth/token`, TokenResponse, {
    form: { grant_type: "authorization_code", code, client_id: clientId },
  });
}

export function refreshAccessToken(
  url: string,
  clientId: string,
  refreshToken: string,
): Promise<TokenResponse> {
  return haRequest(`${url}/auth/token`, TokenResponse, {
    form: { grant_type: "refresh_token", refresh_token: refreshToken, client_id: clientId },
  });
}

/** Username/password login with the homeassistant auth provider → tokens. */
export async function loginWithPassword(
  url: string,
  clientId: string,
  username: string,
  password: string,
): Promise<TokenResponse> {
  const form = await haRequest(`${url}/auth/login_flow`, LoginFlowForm, {
    json: { client_id: clientId, handler: ["homeassistant", null], redirect_uri: clientId },
  });
  const step = await haRequest(`${url}/auth/login_flow/${form.flow_id}`, LoginFlowResult, {
    json: { client_id: clientId, username, password },
  });
  if (step.type !== "create_entry") {
    const why = step.type === "abort" ? step.reason : JSON.stringify(step.errors);
    throw new Error(`login of ${username} failed: ${why}`);
  }
  return exchangeCode(url, clientId, step.result);
}
