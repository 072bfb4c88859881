import type { ApolloServerPlugin } from '@apollo/server';
import { type DocumentNode, type ExecutionResult, type FormattedExecutionResult, getOperationAST, Kind } from 'graphql';
import type { Context } from '../shared/context.js';

/**
 * Answers to introspection-only queries, by document and variables. Such an answer depends on the
 * schema alone, which never changes while the process runs, and a tool's full introspection query
 * costs tens of milliseconds to execute: a flood of them was a flood of executions that queued
 * every other client behind it. From the cache each costs one serialisation.
 */
export class IntrospectionCache {
  private readonly answers = new Map<string, FormattedExecutionResult>();
  /** Answers being computed: a flood arrives all at once, before the first answer is cached. */
  private readonly pending = new Map<string, Promise<FormattedExecutionResult | undefined>>();

  constructor(private readonly size = 16) {}

  /** The key of a query that selects only `__schema`, `__type` and `__typename`, or null. */
  static keyOf(document: DocumentNode, query: string | undefined, operationName: string | null | undefined, variables: unknown): string | null {
    if (!query) return null;
    const operation = getOperationAST(document, operationName);
    if (operation?.operation !== 'query') return null;
    const introspectionOnly = operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && s.name.value.startsWith('__'));
    return introspectionOnly ? JSON.stringify([query, operationName ?? null, variables ?? null]) : null;
  }

  get(key: string): FormattedExecutionResult | undefined {
    const answer = this.answers.get(key);
    if (answer) {
      // Most recently used last: the first entry is the one to evict.
      this.answers.delete(key);
      this.answers.set(key, answer);
    }
    return answer;
  }

  set(key: string, answer: FormattedExecutionResult | ExecutionResult): void {
    if (answer.errors?.length) return;
    this.answers.set(key, { data: answer.data } as FormattedExecutionResult);
    if (this.answers.size > this.size) this.answers.delete(this.answers.keys().next().value!);
  }

  /** The same for Apollo over HTTP. */
  plugin(): ApolloServerPlugin<Context> {
    return {
      requestDidStart: async () => {
        let key: string | null = null;
        let done: (() => void) | null = null;
        return {
          responseForOperation: async ({ document, request, response }) => {
            key = IntrospectionCache.keyOf(document, request.query, request.operationName, request.variables);
            if (!key) return null;
            const answer = this.get(key) ?? (await this.pending.get(key));
            if (answer) return { http: response.http, body: { kind: 'single', singleResult: answer } };
            // This one executes; the same query arriving meanwhile waits for its answer.
            const settled = new Promise<FormattedExecutionResult | undefined>((resolve) => (done = () => resolve(this.get(key!))));
            this.pending.set(key, settled);
            return null;
          },
          willSendResponse: async ({ response }) => {
            if (!key) return;
            if (response.body.kind === 'single') this.set(key, response.body.singleResult);
            if (done) {
              this.pending.delete(key);
              done();
            }
          },
        };
      },
    };
  }
}
