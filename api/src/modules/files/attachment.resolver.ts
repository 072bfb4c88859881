import { Ctx, Field, FieldResolver, Float, ID, Int, ObjectType, Resolver, Root } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { Message } from '../messages/message.type.js';
import { type FileView, filesOfMessages } from './file.service.js';

@ObjectType({ simpleResolvers: true })
export class Attachment {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'Read from the content when it was uploaded' }) mime!: string;
  @Field(() => Int) size!: number;
  @Field(() => Float, { nullable: true, description: 'Audio and video: seconds' }) durationSeconds!: number | null;
  @Field(() => String, { description: 'A download link that works for an hour without a token (images, players, e-mail)' }) url!: string;
}

/** Collects the messages asked about in one tick and loads their files in one query. */
const pending = new WeakMap<Context, { ids: Set<string>; done: Promise<Map<string, FileView[]>> }>();

function filesFor(ctx: Context, messageId: string): Promise<FileView[]> {
  let batch = pending.get(ctx);
  if (!batch) {
    const ids = new Set<string>();
    const done = new Promise<Map<string, FileView[]>>((resolve, reject) =>
      setImmediate(() => {
        pending.delete(ctx);
        filesOfMessages(ctx.deps.orm.em.fork(), [...ids]).then(resolve, reject);
      }),
    );
    pending.set(ctx, (batch = { ids, done }));
  }
  batch.ids.add(messageId);
  return batch.done.then((byMessage) => byMessage.get(messageId) ?? []);
}

@Resolver(() => Message)
export class AttachmentResolver {
  @FieldResolver(() => [Attachment], { description: 'Files sent with the message' })
  async attachments(@Root() message: Message, @Ctx() ctx: Context): Promise<Attachment[]> {
    if (message.attachmentIds.length === 0) return [];
    return (await filesFor(ctx, message.id)).map((f) => ({ ...f, url: ctx.deps.files.url(f.id) }));
  }
}
