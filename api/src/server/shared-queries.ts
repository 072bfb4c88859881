import type { ApolloServerPlugin, GraphQLResponse } from '@apollo/server';
import { execute, type ExecutionResult, type FieldNode, GraphQLObjectType, GraphQLSchema, Kind } from 'graphql';
import { getArgumentValues, getVariableValues } from 'graphql/execution/values.js';
import type { Context } from '../shared/context.js';
import { shareKey } from './shared-subscribe.js';

/**
 * A query root field whose value is one object shared by every caller who may read it (the
 * monitor's snapshot of a filter is shared for a second): it answers that object, or throws the
 * error the field itself would (then the query runs as usual and answers it).
 */
export type SharedRoot = (ctx: Context, args: Record<string, unknown>) => Promise<object>;

const ANSWERS_PER_VALUE = 16;

/**
 * The result of a query over a shared root object, worked out once for every caller who sends the
 * same document and variables while the object lasts: ten supervisors opening the dashboard within
 * a second execute its ten thousand chats once, not ten times (a profile of the snapshot spent most
 * of its time in graphql-js completing the same values). Only where that cannot change the answer:
 * a document of that one root field whose selection reads plain properties (as shared
 * subscriptions, `shared-subscribe.ts`), answered without errors.
 */
export function sharedQueriesPlugin(schema: GraphQLSchema, roots: Record<string, SharedRoot>): ApolloServerPlugin<Context> {
  const queryType = schema.getQueryType()!;
  // The same schema, except that each shared root field reads its value from the root object: the
  // selection below it is executed over the shared value as the field's own resolver would return it.
  const config = schema.toConfig();
  const fromRoot = new GraphQLSchema({
    ...config,
    types: config.types.filter((type) => type !== queryType),
    query: new GraphQLObjectType({
      ...queryType.toConfig(),
      fields: () => {
        const fields = queryType.toConfig().fields;
        for (const name of Object.keys(roots)) fields[name] = { ...fields[name]!, resolve: (root: Record<string, unknown>) => root[name] };
        return fields;
      },
    }),
  });
  // Per shared value (it lasts about a second), the answers to each document and variables seen.
  const results = new WeakMap<object, Map<string, Promise<ExecutionResult>>>();

  return {
    async requestDidStart() {
      return {
        async responseForOperation({ operation, document, request, response, contextValue }): Promise<GraphQLResponse | null> {
          // No operation: the operationName named none of the document's, which Apollo answers itself.
          if (operation?.operation !== 'query' || operation.selectionSet.selections.length !== 1) return null;
          const field = operation.selectionSet.selections[0]!;
          if (field.kind !== Kind.FIELD || !roots[field.name.value]) return null;
          // The variables as execution would see them (defaults filled in, lists coerced): the root
          // value is chosen with them, so it must be the value the field's own resolver would get.
          const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
          if (coerced.errors) return null;
          const args = { schema, document, operationName: request.operationName, variableValues: coerced.coerced };
          const key = shareKey(args, 'query');
          if (key === null) return null;
          let value: object;
          try {
            value = await roots[field.name.value]!(contextValue, getArgumentValues(queryType.getFields()[field.name.value]!, field as FieldNode, coerced.coerced));
          } catch {
            return null;
          }
          let perValue = results.get(value);
          if (!perValue) results.set(value, (perValue = new Map()));
          let result = perValue.get(key);
          if (!result) {
            // Bounded: one caller sending a new filter each time cannot grow what one value holds.
            if (perValue.size >= ANSWERS_PER_VALUE) perValue.clear();
            result = Promise.resolve(execute({ ...args, schema: fromRoot, rootValue: { [field.name.value]: value }, contextValue }));
            perValue.set(key, result);
          }
          const answered = await result;
          if (answered.errors?.length) {
            perValue.delete(key);
            return null;
          }
          return { http: response.http, body: { kind: 'single', singleResult: { data: answered.data } } };
        },
      };
    },
  };
}
