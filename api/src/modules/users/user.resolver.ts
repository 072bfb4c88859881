import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../server/context.js';
import { Topic } from '../../shared/topics.js';
import { requireAdmin } from '../auth/guards.js';
import { createTeam } from './team.service.js';
import { CreateTeamInput, CreateUserInput, UpdateUserInput } from './user.inputs.js';
import { loadUser } from './user.queries.js';
import { createUser, updateUser } from './user.service.js';
import { Team, User } from './user.type.js';

@Resolver()
export class UserResolver {
  @Mutation(() => User, { description: 'Administrators: an agent also gets its personal tray' })
  async createUser(@Arg('input', () => CreateUserInput) input: CreateUserInput, @Ctx() ctx: Context): Promise<User> {
    requireAdmin(ctx.viewer);
    const user = await createUser(ctx.em, input);
    await ctx.deps.topics.publish(Topic.DIRECTORY, undefined, { what: 'USER' });
    return loadUser(ctx.em, user.id);
  }

  @Mutation(() => Team, { description: 'Administrators' })
  async createTeam(@Arg('input', () => CreateTeamInput) input: CreateTeamInput, @Ctx() ctx: Context): Promise<Team> {
    requireAdmin(ctx.viewer);
    const team = await createTeam(ctx.em, input.name, input.memberIds ?? []);
    await ctx.deps.topics.publish(Topic.DIRECTORY, undefined, { what: 'TEAM' });
    return team;
  }

  @Mutation(() => User, { description: 'Administrators: a raised maximum routes waiting chats to the agent at once' })
  async updateUser(@Arg('id', () => ID) id: string, @Arg('input', () => UpdateUserInput) input: UpdateUserInput, @Ctx() ctx: Context): Promise<User> {
    requireAdmin(ctx.viewer);
    await updateUser(ctx.deps, ctx.em, id, input);
    await ctx.deps.topics.publish(Topic.DIRECTORY, undefined, { what: 'USER' });
    return loadUser(ctx.em, id);
  }
}
