import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { dispatched } from '../domain-events/dispatcher.js';
import { requireAdmin, requireInstallationAdmin } from '../auth/guards.js';
import { scopeOf } from '../auth/viewer.js';
import { createLabel, deleteLabel, labelUsage, renameLabel } from './label.service.js';
import { LabelUse } from './label.type.js';

/** Administrators keep the tags and the expertise (skills) that agents pick from. */
@Resolver()
export class LabelResolver {
  @Query(() => [LabelUse], { description: 'Administrators: every tag with the number of chats you reach carrying it' })
  tagUsage(@Ctx() ctx: Context): Promise<LabelUse[]> {
    requireAdmin(ctx.viewer);
    return labelUsage(ctx.em, 'TAG', scopeOf(ctx.viewer));
  }

  @Query(() => [LabelUse], { description: 'Administrators: every skill with the number of people and chats you reach having or needing it' })
  skillUsage(@Ctx() ctx: Context): Promise<LabelUse[]> {
    requireAdmin(ctx.viewer);
    return labelUsage(ctx.em, 'SKILL', scopeOf(ctx.viewer));
  }

  @Mutation(() => LabelUse, { description: 'Administrators without a security group: a tag offered before any chat carries it' })
  createTag(@Arg('name', () => String) name: string, @Ctx() ctx: Context): Promise<LabelUse> {
    requireInstallationAdmin(ctx.viewer);
    return dispatched(ctx.deps, createLabel(ctx, 'TAG', name));
  }

  @Mutation(() => LabelUse, { description: 'Administrators: every chat carrying the tag shows the new name; an existing name is a CONFLICT' })
  renameTag(@Arg('name', () => String) name: string, @Arg('newName', () => String) newName: string, @Ctx() ctx: Context): Promise<LabelUse> {
    requireInstallationAdmin(ctx.viewer);
    return dispatched(ctx.deps, renameLabel(ctx, 'TAG', name, newName));
  }

  @Mutation(() => Boolean, { description: 'Administrators: the tag is removed from every chat carrying it' })
  deleteTag(@Arg('name', () => String) name: string, @Ctx() ctx: Context): Promise<boolean> {
    requireInstallationAdmin(ctx.viewer);
    return dispatched(ctx.deps, deleteLabel(ctx, 'TAG', name));
  }

  @Mutation(() => LabelUse, { description: 'Administrators without a security group: a skill offered before anyone has it' })
  createSkill(@Arg('name', () => String) name: string, @Ctx() ctx: Context): Promise<LabelUse> {
    requireInstallationAdmin(ctx.viewer);
    return dispatched(ctx.deps, createLabel(ctx, 'SKILL', name));
  }

  @Mutation(() => LabelUse, { description: 'Administrators: every person and chat with the skill gets the new name; an existing name is a CONFLICT' })
  renameSkill(@Arg('name', () => String) name: string, @Arg('newName', () => String) newName: string, @Ctx() ctx: Context): Promise<LabelUse> {
    requireInstallationAdmin(ctx.viewer);
    return dispatched(ctx.deps, renameLabel(ctx, 'SKILL', name, newName));
  }

  @Mutation(() => Boolean, { description: 'Administrators: the skill is removed from every person and chat; chats that needed it are routed again' })
  deleteSkill(@Arg('name', () => String) name: string, @Ctx() ctx: Context): Promise<boolean> {
    requireInstallationAdmin(ctx.viewer);
    return dispatched(ctx.deps, deleteLabel(ctx, 'SKILL', name));
  }
}
