import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { dispatched } from '../domain-events/dispatcher.js';
import { InteractionResult, InteractionStatus } from './interaction.enums.js';
import { notesOf, trailNamesOf, trailOf } from './interaction-details.js';
import { AgentRef, Interaction, InteractionEvent, Note, TransferTargetInput } from './interaction.type.js';
import {
  addNote,
  closeInteractions,
  joinInteraction,
  leaveInteraction,
  returnToTray,
  setExpertise,
  setInteractionStatus,
  setTags,
  transferInteraction,
  transferInteractions,
} from './lifecycle.service.js';

@Resolver(() => Interaction)
export class LifecycleResolver {
  @FieldResolver(() => [Note], { description: 'Staff notes, oldest first; empty for customers and keys' })
  notes(@Root() interaction: Interaction, @Ctx() ctx: Context): Promise<Note[]> {
    return notesOf(ctx, interaction.id);
  }

  @FieldResolver(() => [InteractionEvent], { description: 'The event trail, oldest first; empty for customers and keys' })
  events(@Root() interaction: Interaction, @Ctx() ctx: Context): Promise<InteractionEvent[]> {
    return trailOf(ctx, interaction.id);
  }

  @FieldResolver(() => [AgentRef], { description: 'The people, teams and trays the event trail mentions, by id, to name them; empty for customers and keys' })
  trailNames(@Root() interaction: Interaction, @Ctx() ctx: Context): Promise<AgentRef[]> {
    return trailNamesOf(ctx, interaction.id);
  }

  @Mutation(() => Interaction, { description: 'Give a held chat back to the tray it came from' })
  returnToTray(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Interaction> {
    return dispatched(ctx.deps, returnToTray(ctx, id));
  }

  @Mutation(() => Interaction, { description: 'To a tray, an agent or a team, with a note; it then ends ESCALATED rather than SUCCESS' })
  transferInteraction(
    @Arg('id', () => ID) id: string,
    @Arg('to', () => TransferTargetInput) to: TransferTargetInput,
    @Ctx() ctx: Context,
    @Arg('note', () => String, { nullable: true }) note?: string,
  ): Promise<Interaction> {
    return dispatched(ctx.deps, transferInteraction(ctx, id, to, note));
  }

  @Mutation(() => [Interaction], { description: 'Supervisors: up to 5 at once, all or none' })
  transferInteractions(
    @Arg('ids', () => [ID]) ids: string[],
    @Arg('to', () => TransferTargetInput) to: TransferTargetInput,
    @Ctx() ctx: Context,
    @Arg('note', () => String, { nullable: true }) note?: string,
  ): Promise<Interaction[]> {
    return dispatched(ctx.deps, transferInteractions(ctx, ids, to, note));
  }

  @Mutation(() => [Interaction], { description: 'Supervisors: up to 5 at once, all or none' })
  closeInteractions(@Arg('ids', () => [ID]) ids: string[], @Arg('result', () => InteractionResult) result: InteractionResult, @Ctx() ctx: Context): Promise<Interaction[]> {
    return dispatched(ctx.deps, closeInteractions(ctx, ids, result));
  }

  @Mutation(() => Interaction)
  setInteractionStatus(@Arg('id', () => ID) id: string, @Arg('status', () => InteractionStatus) status: InteractionStatus, @Ctx() ctx: Context): Promise<Interaction> {
    return dispatched(ctx.deps, setInteractionStatus(ctx, id, status));
  }

  @Mutation(() => Interaction, {
    description: 'Join a held chat as a participant beside its holder: an agent to answer a call for help (back to IN_PROGRESS), a supervisor any time. The customer is told who joined',
  })
  joinInteraction(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Interaction> {
    return dispatched(ctx.deps, joinInteraction(ctx, id));
  }

  @Mutation(() => Interaction, { description: 'A participant leaves the chat; the holder goes on and the customer is told' })
  leaveInteraction(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Interaction> {
    return dispatched(ctx.deps, leaveInteraction(ctx, id));
  }

  @Mutation(() => Interaction)
  addNote(@Arg('id', () => ID) id: string, @Arg('body', () => String) body: string, @Ctx() ctx: Context): Promise<Interaction> {
    return dispatched(ctx.deps, addNote(ctx, id, body));
  }

  @Mutation(() => Interaction, { description: 'Replaces the tags; new ones are created' })
  setTags(@Arg('id', () => ID) id: string, @Arg('tags', () => [String]) tags: string[], @Ctx() ctx: Context): Promise<Interaction> {
    return dispatched(ctx.deps, setTags(ctx, id, tags));
  }

  @Mutation(() => Interaction, { description: 'The skills this chat needs' })
  setExpertise(@Arg('id', () => ID) id: string, @Arg('skills', () => [String]) skills: string[], @Ctx() ctx: Context): Promise<Interaction> {
    return dispatched(ctx.deps, setExpertise(ctx, id, skills));
  }
}
