import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';
import { ErrorCode } from '../shared/errors.js';
import type { Config } from './config.js';

/**
 * The same limits for HTTP and WebSocket: Apollo applies its validation rules to HTTP only, so
 * the WebSocket server is given this very list (see ws.ts).
 */
export function validationRules(config: Config): ValidationRule[] {
  // graphql-armor throws by default, which Apollo treats as a crash; reporting keeps it a client error.
  const reject = {
    propagateOnRejection: false,
    exposeLimits: true,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) =>
        context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { code: ErrorCode.QUERY_TOO_COMPLEX } })),
    ],
  };
  return [
    maxDepthRule({ n: config.MAX_QUERY_DEPTH, flattenFragments: true, ...reject }),
    maxAliasesRule({ n: config.MAX_ALIASES, ...reject }),
    costLimitRule({ maxCost: config.MAX_QUERY_COST, ...reject }),
  ] as unknown as ValidationRule[];
}

/** Refused before parsing: a document larger than the limit costs nothing to turn away. */
export function documentTooLarge(query: unknown, config: Config): GraphQLError | null {
  if (typeof query !== 'string') return null;
  const bytes = Buffer.byteLength(query, 'utf8');
  if (bytes <= config.MAX_DOCUMENT_BYTES) return null;
  return new GraphQLError(`The document has ${bytes} bytes; the limit is ${config.MAX_DOCUMENT_BYTES}`, {
    extensions: { code: ErrorCode.QUERY_TOO_COMPLEX },
  });
}
