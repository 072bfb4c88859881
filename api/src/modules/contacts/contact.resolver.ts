import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { connectionOf } from '../../shared/connection.js';
import { selects } from '../../shared/selection.js';
import { encodeCursor, InteractionOrder, listInteractions } from '../interactions/interaction.queries.js';
import { InteractionConnection } from '../interactions/interaction.type.js';
import { contactCursor, type ContactRecordView, listContacts, requireContact } from './contact.queries.js';
import { ContactConnection, ContactFilterInput, ContactRecord } from './contact.type.js';

@Resolver(() => ContactRecord)
export class ContactResolver {
  @Query(() => ContactConnection, { description: 'The contacts of your campaigns, newest activity first' })
  async contacts(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => ContactFilterInput, { nullable: true }) filter?: ContactFilterInput,
    @Arg('first', () => Int, { defaultValue: 50 }) first = 50,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<ContactConnection> {
    return connectionOf(await listContacts(ctx, filter ?? {}, first, after ?? null, { count: selects(info, 'totalCount') }), contactCursor);
  }

  @Query(() => ContactRecord, { description: "A contact's record; NOT_FOUND outside your campaigns" })
  contact(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ContactRecord> {
    return requireContact(ctx, id);
  }

  @FieldResolver(() => InteractionConnection, { description: 'Its conversations you may see (the visibility table), newest first' })
  async conversations(
    @Root() contact: ContactRecordView,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('first', () => Int, { defaultValue: 20 }) first = 20,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<InteractionConnection> {
    return connectionOf(await listInteractions(ctx, { contactId: contact.id }, first, after ?? null, InteractionOrder.NEWEST_FIRST, { count: selects(info, 'totalCount') }), encodeCursor);
  }
}
