import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type OperationDefinitionNode } from 'graphql';
import { keyMayWrite } from '../modules/auth/api-key.rules.js';
import type { Viewer } from '../modules/auth/viewer.js';
import { forbidden } from '../shared/errors.js';
import type { Context } from '../shared/context.js';

/**
 * A READ key never writes: any mutation it sends is refused before a resolver runs, public ones
 * (leaving an offline message) included, over HTTP and WebSocket alike. Each mutation's own rules
 * still decide for keys that may write.
 */
export function readOnlyRefusal(viewer: Viewer, operation: OperationDefinitionNode | null | undefined): GraphQLError | null {
  if (viewer.kind !== 'API_KEY' || operation?.operation !== 'mutation' || keyMayWrite(viewer.scopes)) return null;
  return forbidden('A READ key only reads');
}

export const readOnlyKeysPlugin = (): ApolloServerPlugin<Context> => ({
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue, operation }) {
        const refusal = readOnlyRefusal(contextValue.viewer, operation);
        // Refused before anything ran, so the status says so (Apollo answers 500 for a bare throw here).
        if (refusal) throw new GraphQLError(refusal.message, { extensions: { ...refusal.extensions, http: { status: 403 } } });
      },
    };
  },
});
