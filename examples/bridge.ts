/**
 * A channel bridge. An API key with scope CHANNEL joins an outside messaging app to Parley: a
 * customer's message there starts a conversation (channel WHATSAPP here) or goes into the one
 * already open, written as the customer; what the customer should see of Parley's side (agents'
 * public answers, and the bot's or the campaign's texts) goes back out through the app. The app is
 * simulated in-process (`SimulatedMessagingApp`), standing for WhatsApp's or an SMS gateway's API.
 *
 * What it shows: a key writing the customer's side; the app's own message id used as the
 * clientMessageId, so a message the app delivers twice (their webhooks are at-least-once) is
 * stored once; and the resuming `messages` stream, so an answer written while the bridge's socket
 * was down still goes out, once.
 *
 *   PARLEY_URL=http://localhost:4000 PARLEY_KEY=<a CHANNEL key> PARLEY_CAMPAIGN=<campaign id> node examples/dist/bridge.js
 * then type lines as "<phone>: <text>"; answers are printed as they come.
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createInterface } from 'node:readline';
import { type Channel, ErrorCode, type Message, ParleyClient, ParleyError, type Stream } from '@parley/client';
import { required, runAsScript } from './script.js';

/** A customer's message as the outside app hands it over. */
export interface AppMessage {
  /** The app's id for it: the same when the app delivers it again. */
  id: string;
  /** The customer's address in the app (a phone number). */
  from: string;
  name?: string;
  text: string;
}

/** What goes out to a customer through the app. */
export interface AppReply {
  to: string;
  text: string;
  /** Who wrote it, as Parley shows it; null for the campaign's own texts. */
  author: string | null;
}

/** What the bridge needs of the outside app. */
export interface MessagingApp {
  /** Listens to customers' messages; answers a function that stops listening. */
  onMessage(listener: (message: AppMessage) => void): () => void;
  send(reply: AppReply): Promise<void>;
}

/** The outside app, in-process: `customerWrites` is a customer typing in it; `sent` is what reached customers. */
export class SimulatedMessagingApp implements MessagingApp {
  private readonly events = new EventEmitter();
  readonly sent: AppReply[] = [];

  customerWrites(from: string, text: string, name?: string): AppMessage {
    const message = { id: randomUUID(), from, name, text };
    this.deliver(message);
    return message;
  }

  /** Hands a message to the bridge (again, if it was already): what an app's retried webhook does. */
  deliver(message: AppMessage): void {
    this.events.emit('message', message);
  }

  onMessage(listener: (message: AppMessage) => void): () => void {
    this.events.on('message', listener);
    return () => this.events.off('message', listener);
  }

  async send(reply: AppReply): Promise<void> {
    this.sent.push(reply);
    this.events.emit('sent', reply);
  }

  onSent(listener: (reply: AppReply) => void): void {
    this.events.on('sent', listener);
  }
}

export interface BridgeOptions {
  url: string;
  /** An API key with scope CHANNEL on the campaign. */
  key: string;
  campaignId: string;
  app: MessagingApp;
  /** The Parley channel the app stands for (never WEBCHAT, which is the widget's). */
  channel?: Exclude<Channel, 'WEBCHAT'>;
  log?: (line: string) => void;
}

export interface Bridge {
  readonly client: ParleyClient;
  /** The open conversation of a customer of the app, if any. */
  conversationOf(address: string): string | undefined;
  /** Resolves once every message the app handed over so far is in Parley (or failed). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/** What goes back out: every public message the customer did not write. */
const relayed = (m: Message): boolean => m.visibility === 'PUBLIC' && m.author.kind !== 'CONTACT';

/** Starts relaying between the app and Parley. */
export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const { app, campaignId, channel = 'WHATSAPP', log = (line) => console.log(`[bridge] ${line}`) } = options;
  const conversations = new Map<string, Conversation>();
  // A change missed while the socket was down may have closed one: each is looked at again.
  const client = new ParleyClient({ url: options.url, token: options.key, on: { connected: () => conversations.forEach((c) => void c.closeIfClosed()) } });
  // One customer's messages go in one at a time, in the order the app gave them; replies likewise.
  const inbound = new Map<string, Promise<void>>();
  let outbound = Promise.resolve();
  const reply = (to: string, m: Message) => {
    outbound = outbound.then(() => app.send({ to, text: m.body, author: m.author.name })).catch((err: Error) => log(`could not send to ${to}: ${err.message}`));
  };

  const open = async (message: AppMessage): Promise<Conversation> => {
    const started = await client.startInteraction({ campaignId, channel, contact: { externalId: message.from, name: message.name } });
    const conversation = new Conversation(client, message.from, started.interaction.id, reply, () => {
      if (conversations.get(message.from) === conversation) conversations.delete(message.from);
    });
    conversations.set(message.from, conversation);
    log(`${message.from} started ${started.interaction.protocol}`);
    return conversation;
  };

  const relayIn = async (message: AppMessage): Promise<void> => {
    const send = (c: Conversation) => client.postMessage({ interactionId: c.interactionId, body: message.text, clientMessageId: message.id });
    const known = conversations.get(message.from);
    if (!known) return void (await send(await open(message)));
    try {
      await send(known);
    } catch (err) {
      // Closed a moment ago, before the bridge heard of it: the message starts a new conversation.
      if (!(err instanceof ParleyError && err.has(ErrorCode.CONFLICT))) throw err;
      await known.close();
      await send(await open(message));
    }
  };

  const unlisten = app.onMessage((message) => {
    const turn = (inbound.get(message.from) ?? Promise.resolve()).then(() => relayIn(message)).catch((err: Error) => log(`could not relay ${message.id}: ${err.message}`));
    inbound.set(message.from, turn);
  });
  // A CHANNEL key sees its chats in every phase: their message streams never end by themselves.
  const closings = client.interactionChanges(
    { campaignId, phases: ['CLOSED'] },
    {
      onData: (change) => {
        if (change.kind === 'RESYNC') conversations.forEach((c) => void c.closeIfClosed());
        else for (const c of conversations.values()) if (c.interactionId === change.interaction?.id) void c.close();
      },
    },
  );

  return {
    client,
    conversationOf: (address) => conversations.get(address)?.interactionId,
    idle: async () => void (await Promise.all(inbound.values())),
    async stop() {
      unlisten();
      await Promise.all(inbound.values());
      closings.stop();
      await client.close();
    },
  };
}

/** A customer's conversation in Parley, followed for what goes back out until it closes. */
class Conversation {
  private readonly stream: Stream<Message>;
  /** The last sequence heard: when the chat closes, what follows it is read and sent before letting go. */
  private heard = 0;
  private closing: Promise<void> | null = null;

  constructor(
    private readonly client: ParleyClient,
    private readonly address: string,
    readonly interactionId: string,
    private readonly reply: (to: string, m: Message) => void,
    private readonly forget: () => void,
  ) {
    // From the start: the campaign's first texts go out too.
    this.stream = client.messages(interactionId, { afterSequence: 0, onData: (m) => this.hear(m) });
  }

  private hear(m: Message): void {
    this.heard = m.sequence;
    if (relayed(m)) this.reply(this.address, m);
  }

  /** Stops following the closed chat, once the last words (the campaign's closing text) are out. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.forget();
      this.stream.stop();
      const rest = await this.client.messageHistory(this.interactionId, { afterSequence: this.heard }).catch(() => []);
      rest.forEach((m) => this.hear(m));
    })();
    return this.closing;
  }

  async closeIfClosed(): Promise<void> {
    const phase = await this.client.interaction(this.interactionId).then(
      (chat) => chat.phase,
      () => null,
    );
    if (phase === 'CLOSED') await this.close();
  }
}

runAsScript(import.meta.url, async () => {
  const app = new SimulatedMessagingApp();
  app.onSent((reply) => console.log(`to ${reply.to} from ${reply.author ?? 'Parley'}: ${reply.text}`));
  const bridge = await startBridge({ url: process.env.PARLEY_URL ?? 'http://localhost:4000', key: required('PARLEY_KEY'), campaignId: required('PARLEY_CAMPAIGN'), app });
  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    const match = /^\s*([^:]+):\s*(.+)$/.exec(line);
    if (match) app.customerWrites(match[1]!, match[2]!);
    else console.log('Type "<phone>: <text>"');
  });
  return {
    stop: async () => {
      lines.close();
      await bridge.stop();
    },
  };
});
