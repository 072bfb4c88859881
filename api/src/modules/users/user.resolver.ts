import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { requirePeopleManager, requireSupervisor, requireUser } from '../auth/guards.js';
import { scopeOf } from '../auth/viewer.js';
import { requireCampaignInScope } from '../campaigns/security-group.service.js';
import { Role } from './user.enums.js';
import { createTeam } from './team.service.js';
import { requirePeopleInScope, requireTeamsInScope } from './people.access.js';
import { CreateTeamInput, CreateUserInput, UpdateUserInput } from './user.inputs.js';
import { listCampaignMembers, listSupervisors, listTeams, listUsers, loadUser, loadUsers } from './user.queries.js';
import { createUser, createUsers, updateUser } from './user.service.js';
import { MAX_PEOPLE_AT_ONCE } from './user.rules.js';
import { dispatched } from '../domain-events/dispatcher.js';
import { setUserActive } from './user-activation.service.js';
import { Team, TeamMember, TeamWithMembers, User } from './user.type.js';

@Resolver()
export class UserResolver {
  @Query(() => [User], { description: 'Supervisors and administrators: people by name' })
  users(
    @Ctx() ctx: Context,
    @Arg('role', () => Role, { nullable: true }) role?: Role | null,
    @Arg('includeInactive', () => Boolean, { defaultValue: false }) includeInactive = false,
  ): Promise<User[]> {
    requireSupervisor(ctx.viewer);
    return listUsers(ctx.em, scopeOf(ctx.viewer), role ?? null, includeInactive);
  }

  @Query(() => [TeamMember], { description: 'Anyone signed in: the supervisors and administrators an agent may write to' })
  supervisors(@Ctx() ctx: Context): Promise<TeamMember[]> {
    requireUser(ctx.viewer);
    return listSupervisors(ctx.em, scopeOf(ctx.viewer));
  }

  @Query(() => [TeamMember], { description: "Supervisors and administrators: a campaign's members, by name" })
  async campaignMembers(@Arg('campaignId', () => ID) campaignId: string, @Ctx() ctx: Context): Promise<TeamMember[]> {
    requireSupervisor(ctx.viewer);
    requireCampaignInScope(scopeOf(ctx.viewer), campaignId);
    return listCampaignMembers(ctx.em, scopeOf(ctx.viewer), campaignId);
  }

  @Query(() => [TeamWithMembers], { description: 'Supervisors and administrators: every team with its members' })
  teams(@Ctx() ctx: Context): Promise<TeamWithMembers[]> {
    requireSupervisor(ctx.viewer);
    return listTeams(ctx.em, scopeOf(ctx.viewer));
  }

  @Mutation(() => User, { description: 'Administrators: an agent also gets its personal tray' })
  async createUser(@Arg('input', () => CreateUserInput) input: CreateUserInput, @Ctx() ctx: Context): Promise<User> {
    requirePeopleManager(ctx.viewer);
    await requireTeamsInScope(ctx.em, ctx.viewer, input.teamIds, 'input.teamIds');
    const user = await dispatched(ctx.deps, createUser(ctx.em, input, scopeOf(ctx.viewer)));
    return loadUser(ctx.em, user.id);
  }

  @Mutation(() => [User], {
    description: `Administrators: people in bulk, in the list's order, each as createUser makes one (an agent gets its personal tray). All or none: every row is checked first, and any row at fault refuses the whole list, nothing created. The refusal names every row at fault, rows counted from 0: \`extensions.row\` and \`extensions.field\` of the first, \`extensions.problems\` all of them as {row, field, message}. A malformed row, an e-mail twice in the list, an unknown team or group: BAD_USER_INPUT; a group outside the caller's reach: FORBIDDEN; an e-mail a person already has: CONFLICT. At most ${MAX_PEOPLE_AT_ONCE} rows (more: BAD_USER_INPUT, field input); each password is hashed slowly on purpose, so a full list takes up to a minute or so.`,
  })
  async createUsers(@Arg('input', () => [CreateUserInput]) input: CreateUserInput[], @Ctx() ctx: Context): Promise<User[]> {
    requirePeopleManager(ctx.viewer);
    const ids = await dispatched(ctx.deps, createUsers(ctx.em, input, scopeOf(ctx.viewer)));
    return loadUsers(ctx.em, ids);
  }

  @Mutation(() => Team, { description: 'Administrators' })
  async createTeam(@Arg('input', () => CreateTeamInput) input: CreateTeamInput, @Ctx() ctx: Context): Promise<Team> {
    requirePeopleManager(ctx.viewer);
    await requirePeopleInScope(ctx.em, ctx.viewer, input.memberIds, 'input.memberIds');
    return dispatched(ctx.deps, createTeam(ctx.em, input.name, input.memberIds ?? []));
  }

  @Mutation(() => User, { description: 'Administrators: a raised maximum routes waiting chats to the agent at once' })
  async updateUser(@Arg('id', () => ID) id: string, @Arg('input', () => UpdateUserInput) input: UpdateUserInput, @Ctx() ctx: Context): Promise<User> {
    requirePeopleManager(ctx.viewer);
    await requireTeamsInScope(ctx.em, ctx.viewer, input.teamIds, 'input.teamIds');
    await dispatched(ctx.deps, updateUser(ctx.em, id, input, scopeOf(ctx.viewer)));
    return loadUser(ctx.em, id);
  }

  @Mutation(() => User, { description: 'Administrators: a deactivated person is signed out at once, their chats go back to their trays, and they can no longer sign in' })
  async setUserActive(@Arg('id', () => ID) id: string, @Arg('active', () => Boolean) active: boolean, @Ctx() ctx: Context): Promise<User> {
    requirePeopleManager(ctx.viewer);
    await dispatched(ctx.deps, setUserActive(ctx, id, active));
    return loadUser(ctx.em, id);
  }
}
