import { expect } from 'vitest';

export interface GqlResult<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string; [k: string]: unknown } }[];
  contentType: string | null;
}

/** One GraphQL request over HTTP POST, as any client would send it. */
export async function gql<T = any>(baseUrl: string, query: string, variables: Record<string, unknown> = {}, token?: string | null): Promise<GqlResult<T>> {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: GqlResult['errors'] };
  return { status: res.status, contentType: res.headers.get('content-type'), ...body };
}

/** The data of a request that must succeed. */
export async function ok<T = any>(baseUrl: string, query: string, variables: Record<string, unknown> = {}, token?: string | null): Promise<T> {
  const result = await gql<T>(baseUrl, query, variables, token);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data as T;
}

/** Asserts that a request failed with exactly this error code, and returns its message. */
export function expectCode(result: GqlResult, code: string): string {
  expect(
    result.errors?.map((e) => e.extensions?.code),
    JSON.stringify(result.errors),
  ).toEqual([code]);
  return result.errors![0]!.message;
}
