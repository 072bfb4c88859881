import { Arg, Ctx, Field, ID, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { sendTranscript } from './transcript.service.js';

@ObjectType({ simpleResolvers: true })
export class TranscriptSent {
  @Field(() => String, { description: 'Where it went' }) to!: string;
}

@Resolver()
export class TranscriptResolver {
  @Mutation(() => TranscriptSent, { description: "E-mails the conversation as the customer saw it, in the contact's language, to the contact or to `to`" })
  sendTranscript(@Arg('interactionId', () => ID) interactionId: string, @Arg('to', () => String, { nullable: true }) to: string | null, @Ctx() ctx: Context): Promise<TranscriptSent> {
    return sendTranscript(ctx, interactionId, to);
  }
}
