import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../server/context.js';
import { requireAdmin } from '../auth/guards.js';
import { CreateUserInput } from './user.inputs.js';
import { loadUser } from './user.queries.js';
import { createUser } from './user.service.js';
import { User } from './user.type.js';

@Resolver()
export class UserResolver {
  @Mutation(() => User, { description: 'Administrators: an agent also gets its personal tray' })
  async createUser(@Arg('input', () => CreateUserInput) input: CreateUserInput, @Ctx() ctx: Context): Promise<User> {
    requireAdmin(ctx.viewer);
    const user = await createUser(ctx.em, input);
    return loadUser(ctx.em, user.id);
  }
}
