import type { ApolloServerPlugin } from '@apollo/server';
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  getNamedType,
  GraphQLError,
  type GraphQLInputType,
  type GraphQLSchema,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  type OperationDefinitionNode,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { badInput } from '../shared/errors.js';
import type { Config } from '../shared/config.js';
import { variablesTooLarge } from './limits.js';
import { textLimit } from './text-limits.js';

/**
 * Text input is refused before any resolver runs when it holds the NUL character or is longer than
 * its input takes (text-limits.ts): in a literal of the document or in a variable, at any depth of
 * an input object, from anyone, signed in or not. PostgreSQL cannot store NUL in text, and a
 * module that forgot a length let a name of a megabyte through; both reached the database and came
 * back as INTERNAL_SERVER_ERROR. One check here instead of one per field in every module.
 */

/** A variable used where text goes, with the coordinate of that place. */
interface TextUse {
  variable: string;
  type: GraphQLInputType;
  coordinate: string;
}

/** What an operation's own text refuses, and where its variables go: worked out once per operation. */
interface Plan {
  literal: GraphQLError | null;
  uses: TextUse[];
}

const plans = new WeakMap<OperationDefinitionNode, Plan>();

/** The input's name for a refusal: `body` for `PostMessageInput.body` and for `Mutation.addNote(body:)`. */
const fieldOf = (coordinate: string): string => coordinate.replace(/:\)$/, '').split(/[.($]/).pop()!;

function textRefusal(value: string, type: GraphQLInputType | null | undefined, coordinate: string): GraphQLError | null {
  const field = fieldOf(coordinate);
  if (value.includes('\u0000')) return badInput(`${field} may not contain the NUL character (\\u0000)`, field);
  const named = type ? getNamedType(type).name : null;
  if (named !== 'String' && named !== 'ID') return null;
  const limit = textLimit(coordinate);
  return value.length > limit ? badInput(`${field} holds at most ${limit} characters`, field) : null;
}

/** Walks a variable's value as its type says, so each string is judged by the input it fills. */
function valueRefusal(value: unknown, type: GraphQLInputType, coordinate: string): GraphQLError | null {
  if (value === null || value === undefined) return null;
  if (isNonNullType(type)) return valueRefusal(value, type.ofType, coordinate);
  if (isListType(type)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      const refusal = valueRefusal(item, type.ofType, coordinate);
      if (refusal) return refusal;
    }
    return null;
  }
  if (isInputObjectType(type)) {
    if (typeof value !== 'object') return null; // not an object: coercion refuses it
    for (const field of Object.values(type.getFields())) {
      const refusal = valueRefusal((value as Record<string, unknown>)[field.name], field.type, `${type.name}.${field.name}`);
      if (refusal) return refusal;
    }
    return null;
  }
  return typeof value === 'string' ? textRefusal(value, type, coordinate) : null;
}

function fragmentsOf(operation: OperationDefinitionNode, document: DocumentNode): FragmentDefinitionNode[] {
  const all = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const reached = new Map<string, FragmentDefinitionNode>();
  const follow = (node: OperationDefinitionNode | FragmentDefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const fragment = all.get(spread.name.value);
        if (fragment && !reached.has(fragment.name.value)) {
          reached.set(fragment.name.value, fragment);
          follow(fragment);
        }
      },
    });
  follow(operation);
  return [...reached.values()];
}

function planOf(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): Plan {
  const known = plans.get(operation);
  if (known) return known;
  const plan: Plan = { literal: null, uses: [] };
  for (const node of [operation, ...fragmentsOf(operation, document)]) {
    const typeInfo = new TypeInfo(schema);
    // The coordinate of the input being read: the argument or input field we are inside.
    const at: string[] = [];
    const leave = () => void at.pop();
    visit(
      node,
      visitWithTypeInfo(typeInfo, {
        VariableDefinition: { enter: (definition) => void at.push(`$${definition.variable.name.value}`), leave },
        Argument: {
          enter(argument) {
            const directive = typeInfo.getDirective();
            at.push(directive ? `@${directive.name}(${argument.name.value}:)` : `${typeInfo.getParentType()?.name}.${typeInfo.getFieldDef()?.name}(${argument.name.value}:)`);
          },
          leave,
        },
        ObjectField: { enter: (field) => void at.push(`${getNamedType(typeInfo.getParentInputType())?.name}.${field.name.value}`), leave },
        Variable(variable, _key, parent) {
          if (parent && 'kind' in parent && parent.kind === Kind.VARIABLE_DEFINITION) return;
          const type = typeInfo.getInputType();
          if (type && at.length) plan.uses.push({ variable: variable.name.value, type, coordinate: at.at(-1)! });
        },
        StringValue(literal) {
          if (!plan.literal && at.length) plan.literal = textRefusal(literal.value, typeInfo.getInputType(), at.at(-1)!);
        },
      }),
    );
  }
  plans.set(operation, plan);
  return plan;
}

/** Why an operation's text input is refused, or null; an operation that is not there is left to execution. */
export function textInputRefusal(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode | null | undefined,
  variables: Record<string, unknown> | null | undefined,
): GraphQLError | null {
  if (!operation) return null;
  const plan = planOf(schema, document, operation);
  if (plan.literal) return plan.literal;
  for (const use of plan.uses) {
    const refusal = valueRefusal(variables?.[use.variable], use.type, use.coordinate);
    if (refusal) return refusal;
  }
  return null;
}

/** For the WebSocket, which has no body limit of its own to lean on: the variables' size, then their text. */
export function inputRefusal(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode | null | undefined,
  variables: Record<string, unknown> | null | undefined,
  config: Config,
): GraphQLError | null {
  return variablesTooLarge(variables, config) ?? textInputRefusal(schema, document, operation, variables);
}

/** The check over HTTP, once Apollo knows the operation (the variables' size is checked before parsing, in app.ts). */
export function textInputPlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          const refusal = textInputRefusal(schema, document, operation, request.variables);
          // A plugin's error is answered 500 unless it says otherwise.
          if (refusal) throw new GraphQLError(refusal.message, { extensions: { ...refusal.extensions, http: { status: 400 } } });
        },
      };
    },
  };
}
