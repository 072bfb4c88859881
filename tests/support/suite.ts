import { afterAll, beforeAll } from 'vitest';
import { type ApiProcess, startApi } from './api.js';
import { adminToken } from './world.js';

/** A test file's own API process with the administrator signed in: started before its tests, stopped after them. */
export function apiWithAdmin(env: Record<string, string> = {}): { readonly url: string; readonly admin: string } {
  let api: ApiProcess | undefined;
  let admin = '';
  beforeAll(async () => {
    api = await startApi(env);
    admin = await adminToken(api.url);
  });
  afterAll(async () => {
    await api?.stop();
  });
  return {
    get url() {
      return api!.url;
    },
    get admin() {
      return admin;
    },
  };
}
