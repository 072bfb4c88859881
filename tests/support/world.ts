import { vi } from 'vitest';
import { randomBytes } from 'node:crypto';
import { ADMIN } from './api.js';
import { ok } from './graphql.js';

export const PASSWORD = 'a-good-test-password';

const unique = () => randomBytes(4).toString('hex');

export interface Person {
  id: string;
  email: string;
  name: string;
  token: string;
}

export const SIGN_IN = 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }';

export async function signIn(url: string, email: string, password = PASSWORD): Promise<string> {
  const data = await ok(url, SIGN_IN, { e: email, p: password });
  return data.signIn.token;
}

export interface SignInAnswer {
  status: number;
  token?: string;
  /** The error's code, when refused. */
  code?: string;
  retryAfterSeconds?: number;
  /** The Retry-After header, in seconds. */
  retryAfter?: number;
}

/** A sign-in sent through a trusted proxy for a client at `address` (X-Forwarded-For), whatever it answers. */
export async function signInFrom(url: string, address: string, email: string, password = PASSWORD): Promise<SignInAnswer> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ query: SIGN_IN, variables: { e: email, p: password } }),
  });
  const body = (await res.json()) as { data?: { signIn?: { token: string } }; errors?: { extensions?: { code?: string; retryAfterSeconds?: number } }[] };
  const error = body.errors?.[0]?.extensions;
  const retryAfter = res.headers.get('retry-after');
  return {
    status: res.status,
    token: body.data?.signIn?.token,
    code: error?.code,
    retryAfterSeconds: error?.retryAfterSeconds,
    retryAfter: retryAfter === null ? undefined : Number(retryAfter),
  };
}

export async function adminToken(url: string): Promise<string> {
  return signIn(url, ADMIN.email, ADMIN.password);
}

export async function createPerson(url: string, admin: string, role: 'ADMIN' | 'SUPERVISOR' | 'AGENT', extra: Record<string, unknown> = {}): Promise<Person> {
  const email = `${role.toLowerCase()}-${unique()}@tests.parley.dev`;
  const name = `${role} ${email.slice(0, 12)}`;
  const data = await ok(url, 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', { input: { email, name, password: PASSWORD, role, ...extra } }, admin);
  return { id: data.createUser.id, email, name, token: await signIn(url, email) };
}

export interface CampaignFixture {
  id: string;
  name: string;
  generalTrayId: string;
  closedTrayId: string;
}

export async function createCampaign(url: string, admin: string, extra: Record<string, unknown> = {}): Promise<CampaignFixture> {
  const name = `Campaign ${unique()}`;
  const data = await ok(url, 'mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id name } }', { input: { name, ...extra } }, admin);
  const trays = await ok(url, '{ trays { id kind campaignId } }', {}, admin);
  const mine = trays.trays.filter((t: any) => t.campaignId === data.createCampaign.id);
  return {
    id: data.createCampaign.id,
    name,
    generalTrayId: mine.find((t: any) => t.kind === 'GENERAL').id,
    closedTrayId: mine.find((t: any) => t.kind === 'CLOSED').id,
  };
}

export async function createApiKey(url: string, admin: string, scopes: string[], campaignIds: string[] = []): Promise<string> {
  const data = await ok(url, 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id } } }', { input: { name: `key ${unique()}`, scopes, campaignIds } }, admin);
  return data.createApiKey.secret;
}

export const INTERACTION_FIELDS = 'id protocol phase status result lastSequence tray { id kind } agent { id } contact { id name state previousState } campaign { id name }';

/** A chat waiting in the campaign's General tray, started from the widget. */
export async function startWidgetChat(url: string, campaignId: string, name = 'Customer'): Promise<{ id: string; protocol: string; visitorToken: string }> {
  const data = await ok(url, `mutation($input: StartInteractionInput!) { startInteraction(input: $input) { visitorToken interaction { id protocol } } }`, {
    input: { campaignId, channel: 'WEBCHAT', contact: { name }, language: 'en' },
  });
  return { ...data.startInteraction.interaction, visitorToken: data.startInteraction.visitorToken };
}

export const POST = `mutation($input: PostMessageInput!) { postMessage(input: $input) { id sequence body clientMessageId visibility author { kind id name } } }`;

/** Waits until the person counts as present (a socket of theirs is open); fails if they never do. */
export async function untilConnected(url: string, token: string): Promise<void> {
  await vi.waitFor(
    async () => {
      if (!(await ok(url, '{ myStatus { connected } }', {}, token)).myStatus.connected) throw new Error('not connected yet');
    },
    { timeout: 5000, interval: 50 },
  );
}

/** The smallest PNG: one pixel. */
export const PNG_1PX = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/** Uploads bytes the way the web app and the widget do; answers the status and the JSON body. */
export async function uploadFile(url: string, token: string | null, bytes: Buffer, name: string, type = 'application/octet-stream'): Promise<{ status: number; body: any }> {
  const res = await fetch(`${url}/uploads`, {
    method: 'POST',
    headers: { 'content-type': type, 'x-filename': encodeURIComponent(name), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: bytes,
  });
  return { status: res.status, body: await res.json() };
}
