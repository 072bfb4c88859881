/**
 * A bot. An API key with scope BOT serves its campaign's chats while they are with a bot (a
 * campaign with `botFirst`, or chats the key starts itself): it greets the customer, asks two
 * questions, and hands the chat to the campaign's General tray with the answers.
 *
 * What it shows: how a bot learns of chats (`interactionChanges`, which has no cursor, so the bot
 * reads the chats with a bot again whenever its socket reconnects or it is told RESYNC); following
 * each chat with the resuming `messages` stream; and a conversation decided from its transcript
 * alone, each line of the bot carrying a fixed clientMessageId, so a bot that restarts or hears a
 * message twice never says anything twice.
 *
 *   PARLEY_URL=http://localhost:4000 PARLEY_KEY=<a BOT key> PARLEY_CAMPAIGN=<campaign id> node examples/dist/bot.js
 */
import { type Interaction, type Message, ParleyClient, ParleyError, type Stream } from '@parley/client';
import { required, runAsScript } from './script.js';

export interface BotScript {
  greeting: string;
  /** Asked in order; each answer is the customer's first message after its question. */
  questions: { key: string; text: string }[];
}

export const DEFAULT_SCRIPT: BotScript = {
  greeting: 'Hello! I am the assistant. Two quick questions, then I will find you a person.',
  questions: [
    { key: 'product', text: 'Which product is it about?' },
    { key: 'order', text: 'What is your order number?' },
  ],
};

/** What the bot does next in a chat. */
export type Step = { kind: 'SAY'; lines: { clientMessageId: string; body: string }[] } | { kind: 'WAIT' } | { kind: 'HAND_OFF'; answers: { key: string; value: string }[] };

/** The next step, from the transcript alone: which of the bot's lines are there, and what the customer answered after each question. */
export function nextStep(transcript: readonly Message[], script: BotScript): Step {
  const said = (clientMessageId: string) => transcript.find((m) => m.author.kind === 'BOT' && m.clientMessageId === clientMessageId);
  const greeting = { clientMessageId: 'bot:greeting', body: script.greeting };
  const answers: { key: string; value: string }[] = [];
  for (const question of script.questions) {
    const line = { clientMessageId: `bot:ask:${question.key}`, body: question.text };
    const asked = said(line.clientMessageId);
    if (!asked) return { kind: 'SAY', lines: said(greeting.clientMessageId) ? [line] : [greeting, line] };
    const answer = transcript.find((m) => m.author.kind === 'CONTACT' && m.sequence > asked.sequence);
    if (!answer) return { kind: 'WAIT' };
    answers.push({ key: question.key, value: answer.body });
  }
  return { kind: 'HAND_OFF', answers };
}

export interface BotOptions {
  url: string;
  /** An API key with scope BOT on the campaign. */
  key: string;
  campaignId: string;
  /** Where chats go with their answers; default: the campaign's General tray. */
  trayId?: string;
  script?: BotScript;
  /** Reads the chats with a bot again this often, for a change that came while the subscription was being set up; 0: never. */
  sweepMs?: number;
  log?: (line: string) => void;
}

export interface Bot {
  readonly client: ParleyClient;
  stop(): Promise<void>;
}

/** Starts serving the campaign's chats with a bot; resolves once those already waiting for it are taken up. */
export async function startBot(options: BotOptions): Promise<Bot> {
  const { campaignId, script = DEFAULT_SCRIPT, sweepMs = 30_000, log = (line) => console.log(`[bot] ${line}`) } = options;
  const chats = new Map<string, Chat>();
  // A reconnected socket may have missed changes: the list is read again each time.
  const client = new ParleyClient({ url: options.url, token: options.key, on: { connected: () => void sweep() } });
  const trayId = options.trayId ?? (await generalTray(client, campaignId));

  const serve = (interaction: Pick<Interaction, 'id' | 'phase'>) => {
    if (interaction.phase !== 'BOT' || chats.has(interaction.id)) return;
    const chat = new Chat(client, interaction.id, script, trayId, log, () => chats.delete(interaction.id));
    chats.set(interaction.id, chat);
    void chat.start();
  };
  async function sweep(): Promise<void> {
    try {
      const listed = new Set<string>();
      for (let after: string | undefined, more = true; more;) {
        const page = await client.interactions({ filter: { campaignId, phases: ['BOT'] }, first: 100, after, order: 'OLDEST_FIRST' });
        for (const chat of page.nodes) {
          listed.add(chat.id);
          serve(chat);
        }
        [after, more] = [page.endCursor ?? undefined, page.hasNextPage];
      }
      // Chats it serves that the list no longer shows may have left while nobody listened; asked one by one, as the list may be older than them.
      for (const chat of chats.values()) if (!listed.has(chat.id)) void chat.checkStillWithBot();
    } catch (err) {
      log(`could not list the chats with a bot: ${(err as Error).message}`);
    }
  }

  const changes = client.interactionChanges(
    { campaignId, phases: ['BOT'] },
    {
      onData: (change) => {
        if (change.kind === 'RESYNC') return void sweep();
        if (change.kind === 'REMOVED') return chats.get(change.interactionId ?? '')?.stop();
        if (change.interaction) serve(change.interaction);
      },
      onError: (err) => log(`interaction changes ended: ${err.message}`),
    },
  );
  await sweep();
  const timer = sweepMs > 0 ? setInterval(() => void sweep(), sweepMs).unref() : undefined;
  log(`serving campaign ${campaignId}, handing off to tray ${trayId}`);
  return {
    client,
    async stop() {
      clearInterval(timer);
      changes.stop();
      for (const chat of chats.values()) chat.stop();
      await client.close();
    },
  };
}

async function generalTray(client: ParleyClient, campaignId: string): Promise<string> {
  const tray = (await client.trays()).find((t) => t.campaignId === campaignId && t.kind === 'GENERAL');
  if (!tray) throw new Error(`No General tray of campaign ${campaignId} is visible to this key`);
  return tray.id;
}

const HISTORY_PAGE = 100;

/** One chat the bot serves: its transcript, followed live, and the steps taken one at a time. */
class Chat {
  private readonly transcript = new Map<number, Message>();
  private stream: Stream<Message> | null = null;
  private acting: Promise<void> = Promise.resolve();
  private finished = false;

  constructor(
    private readonly client: ParleyClient,
    readonly id: string,
    private readonly script: BotScript,
    private readonly trayId: string,
    private readonly log: (line: string) => void,
    private readonly forget: () => void,
  ) {}

  async start(): Promise<void> {
    try {
      // What was said before the bot came (the customer may have written first), then what follows.
      let last = 0;
      for (;;) {
        const page = await this.client.messageHistory(this.id, { afterSequence: last, first: HISTORY_PAGE });
        for (const m of page) this.transcript.set(m.sequence, m);
        last = page.at(-1)?.sequence ?? last;
        if (page.length < HISTORY_PAGE) break;
      }
      if (this.finished) return;
      this.stream = this.client.messages(this.id, {
        afterSequence: last,
        onData: (m) => {
          this.transcript.set(m.sequence, m);
          this.decide();
        },
      });
      this.stream.done.then(
        () => this.stop(),
        (err: Error) => this.giveUp(err),
      );
      this.decide();
    } catch (err) {
      this.giveUp(err as Error);
    }
  }

  /** Called when the chat may have left the bot (a change missed during a drop). */
  async checkStillWithBot(): Promise<void> {
    const phase = await this.client.interaction(this.id).then(
      (chat) => chat.phase,
      () => null,
    );
    if (phase !== 'BOT') this.stop();
  }

  stop(): void {
    if (this.finished) return;
    this.finished = true;
    this.stream?.stop();
    this.forget();
  }

  private decide(): void {
    this.acting = this.acting.then(() => this.act()).catch((err: Error) => this.giveUp(err));
  }

  private async act(): Promise<void> {
    if (this.finished) return;
    const transcript = [...this.transcript.values()].sort((a, b) => a.sequence - b.sequence);
    const step = nextStep(transcript, this.script);
    switch (step.kind) {
      case 'WAIT':
        return;
      case 'SAY':
        for (const line of step.lines) {
          const sent = await this.client.postMessage({ interactionId: this.id, ...line });
          this.transcript.set(sent.sequence, sent);
        }
        return;
      case 'HAND_OFF':
        await this.client.handOff({ interactionId: this.id, trayId: this.trayId, botAnswers: step.answers });
        this.log(`handed ${this.id} off with ${step.answers.map((a) => `${a.key}=${a.value}`).join(', ')}`);
        return this.stop();
    }
  }

  /** The chat went elsewhere (taken, closed, out of sight) or a step failed: the bot lets it go. */
  private giveUp(err: Error): void {
    if (this.finished) return;
    this.log(`left ${this.id}: ${err instanceof ParleyError ? err.codes.join(', ') : err.message}`);
    this.stop();
  }
}

runAsScript(import.meta.url, () =>
  startBot({ url: process.env.PARLEY_URL ?? 'http://localhost:4000', key: required('PARLEY_KEY'), campaignId: required('PARLEY_CAMPAIGN'), trayId: process.env.PARLEY_TRAY }),
);
