import { Field, ID, Int, ObjectType } from 'type-graphql';
import { InteractionChange } from '../interactions/interaction.type.js';

@ObjectType({ simpleResolvers: true, description: 'How many chats wait in one tray' })
export class QueueCount {
  @Field(() => ID) trayId!: string;
  @Field(() => Int) waiting!: number;
}

@ObjectType({ simpleResolvers: true, description: "One frame of a person's inbox" })
export class InboxUpdate {
  @Field({ description: 'True on the first frame and whenever the server lost track (you fell behind, your access changed): drop what you hold, `changes` lists all the inbox holds now' })
  reset!: boolean;

  @Field(() => [InteractionChange], { description: 'Chats that entered (CREATED), changed (UPDATED) or left (REMOVED) the inbox since the last frame, each once, as it stands now' })
  changes!: InteractionChange[];

  @Field(() => [QueueCount], { description: 'Trays you may see whose waiting count changed (0: it emptied); on a reset, every tray with chats waiting' })
  queues!: QueueCount[];
}
