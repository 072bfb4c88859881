import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { type ASTNode, GraphQLError, Kind, type SelectionSetNode, type ValidationContext, type ValidationRule } from 'graphql';
import { ErrorCode } from '../shared/errors.js';
import type { Config } from '../shared/config.js';

/**
 * The same limits for HTTP and WebSocket: Apollo applies its validation rules to HTTP only, so
 * the WebSocket server is given this very list (see ws.ts).
 */
export function validationRules(config: Config): ValidationRule[] {
  // graphql-armor throws by default, which Apollo treats as a crash; reporting keeps it a client error.
  const reject = (limit: string) => ({
    propagateOnRejection: false,
    exposeLimits: true,
    onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(limitRefusal(error.message.replace(/^Syntax Error: /, ''), limit))],
  });
  return [
    maxDepthRule({ n: config.MAX_QUERY_DEPTH, flattenFragments: true, ...reject('MAX_QUERY_DEPTH') }),
    maxAliasesRule({ n: config.MAX_ALIASES, ...reject('MAX_ALIASES') }),
    costLimitRule({ maxCost: config.MAX_QUERY_COST, ...reject('MAX_QUERY_COST') }),
    introspectionDepthRule(MAX_INTROSPECTION_DEPTH),
  ] as unknown as ValidationRule[];
}

/**
 * Every limit refuses with QUERY_TOO_COMPLEX and names itself in `extensions.limit` (the setting
 * that sets it), so a client can tell which one it met. Apollo gives its own code to whatever its
 * validation refuses; `limit` survives that, and the masking (shared/errors.ts) restores the code.
 */
export function limitRefusal(message: string, limit: string, nodes?: readonly ASTNode[]): GraphQLError {
  return new GraphQLError(message, { nodes, extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, limit } });
}

/** Refused before parsing: a document larger than the limit costs nothing to turn away. */
export function documentTooLarge(query: unknown, config: Config): GraphQLError | null {
  if (typeof query !== 'string') return null;
  const bytes = Buffer.byteLength(query, 'utf8');
  if (bytes <= config.MAX_DOCUMENT_BYTES) return null;
  return limitRefusal(`The document has ${bytes} bytes; the limit is ${config.MAX_DOCUMENT_BYTES}`, 'MAX_DOCUMENT_BYTES');
}

/**
 * The variables capped like the document: their JSON (as sent in a GET's URL, or as read from a
 * POST's body or a WebSocket message) over the limit is refused before anything reads them.
 */
export function variablesTooLarge(variables: unknown, config: Config): GraphQLError | null {
  if (variables === undefined || variables === null) return null;
  const bytes = Buffer.byteLength(typeof variables === 'string' ? variables : JSON.stringify(variables), 'utf8');
  if (bytes <= config.MAX_VARIABLES_BYTES) return null;
  return limitRefusal(`The variables have ${bytes} bytes; the limit is ${config.MAX_VARIABLES_BYTES}`, 'MAX_VARIABLES_BYTES');
}

/**
 * graphql-armor leaves `__schema` out of its depth and cost counts, so that tools' introspection
 * query (15 levels with graphql-js's default `typeDepth` of 9) passes the tight limit meant for
 * application queries. Left at that, `__schema { types { ofType { ofType ... } } } }` a hundred
 * levels deep went through. graphql-js's own MaxIntrospectionDepthRule bounds only the nesting of
 * lists (`fields`, `interfaces`...), which is what multiplies; this bounds plain depth, generously.
 */
export const MAX_INTROSPECTION_DEPTH = 20;

export function introspectionDepthRule(limit: number): ValidationRule {
  return (context) => {
    // Depth below each fragment, computed once: a fragment spread twice in every one of thirty
    // nested fragments must not cost 2^30 walks.
    const fragmentDepths = new Map<string, number>();
    const depthOf = (selectionSet: SelectionSetNode | undefined): number => {
      let deepest = 0;
      for (const selection of selectionSet?.selections ?? []) {
        if (selection.kind === Kind.FIELD) deepest = Math.max(deepest, 1 + depthOf(selection.selectionSet));
        else if (selection.kind === Kind.INLINE_FRAGMENT) deepest = Math.max(deepest, depthOf(selection.selectionSet));
        else {
          const name = selection.name.value;
          if (!fragmentDepths.has(name)) {
            fragmentDepths.set(name, 0); // a cycle counts as nothing here; NoFragmentCyclesRule refuses it
            fragmentDepths.set(name, depthOf(context.getFragment(name)?.selectionSet));
          }
          deepest = Math.max(deepest, fragmentDepths.get(name)!);
        }
      }
      return deepest;
    };
    return {
      Field(node) {
        if (node.name.value !== '__schema') return;
        const depth = 1 + depthOf(node.selectionSet);
        if (depth > limit) {
          context.reportError(limitRefusal(`Introspection depth limit of ${limit} exceeded, found ${depth}`, 'INTROSPECTION_DEPTH', [node as ASTNode]));
        }
        return false;
      },
    };
  };
}

/**
 * graphql-ws runs every operation of a socket at once and keeps subscriptions open: without a cap
 * one socket could hold thousands. `open` counts the operations the socket has, this one included.
 */
export function tooManyOperations(open: number, config: Config): GraphQLError | null {
  if (open <= config.MAX_OPERATIONS_PER_SOCKET) return null;
  return new GraphQLError(`Too many operations open on this connection; the limit is ${config.MAX_OPERATIONS_PER_SOCKET}`, {
    extensions: { code: ErrorCode.RATE_LIMITED },
  });
}
