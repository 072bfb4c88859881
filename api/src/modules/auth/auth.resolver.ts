import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { loadUser } from '../users/user.queries.js';
import { User } from '../users/user.type.js';
import { changePassword, createApiKey, listApiKeys, revokeApiKey, revokeSessions, signIn, updateApiKey } from './auth.service.js';
import { ApiKey, CreateApiKeyInput, CreatedApiKey, Session, UpdateApiKeyInput } from './auth.type.js';
import { requireAdmin, requireUser } from './guards.js';
import { scopeOf } from './viewer.js';
import { logOutAgent } from '../interactions/lifecycle.service.js';
import { dispatched } from '../domain-events/dispatcher.js';

@Resolver()
export class AuthResolver {
  @Query(() => User, { nullable: true, description: 'The signed-in person; null for keys, visitors and anonymous callers' })
  async me(@Ctx() ctx: Context): Promise<User | null> {
    return ctx.viewer.kind === 'USER' ? loadUser(ctx.em, ctx.viewer.userId) : null;
  }

  @Mutation(() => Session)
  async signIn(@Arg('email', () => String) email: string, @Arg('password', () => String) password: string, @Ctx() ctx: Context): Promise<Session> {
    const { token, userId } = await signIn(ctx.deps, ctx.em, { email, password, address: ctx.address });
    return { token, user: await loadUser(ctx.em, userId) };
  }

  @Mutation(() => Boolean, { description: 'Ends this session and closes its sockets' })
  async signOut(@Ctx() ctx: Context): Promise<boolean> {
    const viewer = requireUser(ctx.viewer);
    await dispatched(ctx.deps, revokeSessions(ctx.em, viewer.userId, viewer.sessionId));
    return true;
  }

  @Mutation(() => Boolean, { description: 'Changes your password and ends every session of yours' })
  async changePassword(@Arg('currentPassword', () => String) currentPassword: string, @Arg('newPassword', () => String) newPassword: string, @Ctx() ctx: Context): Promise<boolean> {
    await dispatched(ctx.deps, changePassword(ctx.em, ctx.viewer, currentPassword, newPassword));
    return true;
  }

  @Mutation(() => Boolean, { description: 'Supervisors: end every session of a user and close its sockets' })
  async logoutAgent(@Arg('userId', () => ID) userId: string, @Ctx() ctx: Context): Promise<boolean> {
    await dispatched(ctx.deps, logOutAgent(ctx, userId));
    return true;
  }

  @Mutation(() => CreatedApiKey, { description: 'Administrators: the secret is shown only in this answer' })
  async createApiKey(@Arg('input', () => CreateApiKeyInput) input: CreateApiKeyInput, @Ctx() ctx: Context): Promise<CreatedApiKey> {
    requireAdmin(ctx.viewer);
    const created = await createApiKey(ctx.em, ctx.viewer, input);
    const { secret, ...apiKey } = created;
    return { apiKey, secret };
  }

  @Query(() => [ApiKey], { description: 'Administrators: every key, newest first (secrets are never shown again)' })
  apiKeys(@Ctx() ctx: Context): Promise<ApiKey[]> {
    requireAdmin(ctx.viewer);
    return listApiKeys(ctx.em, scopeOf(ctx.viewer));
  }

  @Mutation(() => ApiKey, { description: 'Administrators: renames a key or changes what customers and agents see of it; messages already sent keep theirs' })
  updateApiKey(@Arg('id', () => ID) id: string, @Arg('input', () => UpdateApiKeyInput) input: UpdateApiKeyInput, @Ctx() ctx: Context): Promise<ApiKey> {
    requireAdmin(ctx.viewer);
    return dispatched(ctx.deps, updateApiKey(ctx.em, id, scopeOf(ctx.viewer), input));
  }

  @Mutation(() => ApiKey, { description: 'Administrators: the key stops working at once, its open sockets are closed' })
  revokeApiKey(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ApiKey> {
    requireAdmin(ctx.viewer);
    return dispatched(ctx.deps, revokeApiKey(ctx.em, id, scopeOf(ctx.viewer)));
  }
}
