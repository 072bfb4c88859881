// The people of the simulated working day (day.mjs): agents who sign in, open what the agent web
// app opens, take the chats routing gives them, answer and close; and customers who start chats
// through the widget's mutations and write until they are closed. Both send the web app's own
// documents (web-documents.mjs) and tell a ledger (day.mjs) when things happen, on
// `performance.now()`'s clock.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { sleep } from './engine.mjs';

const now = () => performance.now();
/** What every person of the bench signs in with. */
export const PASSWORD = 'bench-password-123';
/** Replies an agent writes before it closes the chat. */
const REPLIES_BEFORE_CLOSE = 3;
/** A customer who is never closed stops after this many messages (the day's end stops it sooner). */
const MOST_MESSAGES = 12;
/** An app whose first frames take longer counts as a failed sign-in rather than holding the storm up. */
const OPEN_WITHIN_MS = 120_000;

// Each browser has connections of its own: a request never waits for a free socket behind another
// person's slow one (engine.mjs's pool of 64 would queue messages behind a storm of sign-ins).
const browsers = new http.Agent({ keepAlive: true });

/** One GraphQL request: `{ data, errors }` as answered, HTTP status aside. */
export function request(port, query, variables = {}, token = null) {
  return new Promise((resolve, reject) => {
    const headers = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
    const req = http.request({ host: '127.0.0.1', port, path: '/graphql', method: 'POST', agent: browsers, headers }, (res) => {
      const parts = [];
      res.on('data', (d) => parts.push(d));
      res.on('end', () => {
        try {
          resolve(JSON.parse(Buffer.concat(parts)));
        } catch (err) {
          reject(new Error(`HTTP ${res.statusCode}: ${err.message}`));
        }
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(JSON.stringify({ query, variables }));
  });
}

const codeOf = (answer) => answer.errors?.[0]?.extensions?.code ?? 'ERROR';

/**
 * A graphql-ws client as the web app configures its own (shared/apollo/createApolloClient.ts): a
 * ping every 10 s, and reconnecting for ever with a backoff, counted in `onRetry`.
 */
function socket(port, token, onRetry) {
  return createClient({
    url: `ws://127.0.0.1:${port}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    keepAlive: 10_000,
    retryAttempts: Infinity,
    shouldRetry: () => true,
    retryWait: (retries) => sleep(Math.min(1000 * 2 ** retries, 5000) + Math.random() * 500),
    on: { connected: (_socket, _payload, wasRetry) => wasRetry && onRetry() },
  });
}

/**
 * An agent at the agent web app's inbox screen. One WebSocket, as the app's Apollo link keeps, with
 * the subscriptions its mounted components open for an agent: `inboxUpdates` (the inbox and the
 * chat notices share it), `myStatusChanged` (the state menu), `directoryChanged` (App.vue),
 * `internalMessageAdded` (the staff chat's notices), `unhandledOfflineMessagesChanged` (the header's
 * count) and `callEvents` from `callCursor` (the call dock); and `messageAdded` for each chat it
 * holds. The app opens one chat at a time; an agent who answers each within a second has each one
 * open in turn, so here each held chat has its stream (from sequence 0: the pane reads the stored
 * messages, then follows from the last).
 */
export class SimAgent {
  /** `env`: { port, doc, ledger }; `person`: { email }. */
  constructor(env, person) {
    this.env = env;
    this.email = person.email;
    this.token = null;
    this.id = null;
    this.client = null;
    this.chats = new Map();
    this.done = new Set();
    this.leaving = false;
    this.reconnects = 0;
    /** Frames counted while the ledger counts: per subscription, and those about its own chats. */
    this.frames = {};
    this.ownFrames = 0;
    /** inboxUpdates frames about no chat of its own: queue counts alone, or other people's chats. */
    this.inboxCountsOnly = 0;
    this.inboxOthers = 0;
  }

  /** The sign-in mutation until it is answered, waiting as told when refused RATE_LIMITED. */
  async signIn() {
    const { port, doc } = this.env;
    let retries = 0;
    for (;;) {
      const answer = await request(port, doc('signIn'), { email: this.email, password: PASSWORD });
      if (answer.data?.signIn) {
        this.token = answer.data.signIn.token;
        this.id = answer.data.signIn.user.id;
        return { retries };
      }
      if (codeOf(answer) !== 'RATE_LIMITED' || retries >= 20) throw new Error(`signIn ${this.email}: ${JSON.stringify(answer.errors)}`);
      retries++;
      await sleep((answer.errors[0].extensions.retryAfterSeconds ?? 1) * 1000);
    }
  }

  /** Opens the screen's subscriptions; resolves once the inbox and the state menu have their first frames. */
  async connect() {
    const { port, doc } = this.env;
    this.client = socket(port, this.token, () => this.reconnects++);
    let inboxReady;
    let statusReady;
    const ready = [new Promise((r) => (inboxReady = r)), new Promise((r) => (statusReady = r))];
    this.follow('inboxUpdates', {}, (data) => {
      this.onInbox(data.inboxUpdates);
      inboxReady();
    });
    this.follow('myStatusChanged', {}, () => statusReady());
    this.follow('directoryChanged');
    this.follow('internalMessageAdded', { after: null });
    this.follow('UnhandledOfflineMessagesChanged');
    const cursor = await request(port, doc('callCursor'), {}, this.token);
    if (!cursor.data) throw new Error(`callCursor: ${JSON.stringify(cursor.errors)}`);
    this.follow('callEvents', { interactionId: null, after: cursor.data.callCursor });
    let timer;
    const late = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${this.email}: no first inbox or state frame in ${OPEN_WITHIN_MS} ms`)), OPEN_WITHIN_MS)));
    await Promise.race([Promise.all(ready), late]).finally(() => clearTimeout(timer));
  }

  async setState(state, pauseReasonId = null) {
    const answer = await request(this.env.port, this.env.doc('setMyState'), { state, pauseReasonId }, this.token);
    if (!answer.data) throw new Error(`setMyState ${state}: ${JSON.stringify(answer.errors)}`);
  }

  /** End of shift: no new chats; the open ones are finished, then the app is closed. */
  async leave(pauseReasonId) {
    this.leaving = true;
    await this.setState('PAUSED', pauseReasonId);
    if (this.chats.size === 0) this.dispose();
  }

  follow(name, variables = {}, onData = () => {}) {
    return this.client.subscribe(
      { query: this.env.doc(name), variables },
      {
        next: (value) => {
          if (this.env.ledger.counting) this.frames[name] = (this.frames[name] ?? 0) + 1;
          if (value.data) onData(value.data);
          else this.env.ledger.fail(`${name} ${codeOf(value)}`);
        },
        error: (err) => this.env.ledger.fail(`${name} ended: ${err?.message ?? err?.code ?? (Array.isArray(err) ? codeOf({ errors: err }) : 'error')}`),
        complete: () => {},
      },
    );
  }

  onInbox(update) {
    let own = false;
    for (const change of update.changes) {
      const it = change.interaction;
      const mine = it?.agent?.id === this.id;
      if (mine || this.chats.has(change.interactionId) || this.done.has(change.interactionId)) own = true;
      if (mine && it.phase === 'IN_SERVICE' && !this.chats.has(it.id) && !this.done.has(it.id)) this.take(it);
    }
    if (!this.env.ledger.counting) return;
    if (own) this.ownFrames++;
    else if (update.changes.length === 0) this.inboxCountsOnly++;
    else this.inboxOthers++;
  }

  take(it) {
    const chat = { id: it.id, name: it.contact.name, seenAt: now(), replies: 0, answered: new Set(), closing: false, stop: null };
    this.chats.set(it.id, chat);
    this.env.ledger.assigned(chat.name, chat.seenAt);
    chat.stop = this.follow('messageAdded', { interactionId: it.id, afterSequence: 0 }, (data) => {
      if (this.env.ledger.counting) this.ownFrames++;
      this.onMessage(chat, data.messageAdded);
    });
  }

  onMessage(chat, message) {
    // The customer's messages say who wrote them in their body; a stream that started again repeats some.
    if (!message.body.startsWith('c:') || chat.answered.has(message.body)) return;
    chat.answered.add(message.body);
    this.env.ledger.reachedAgent(message.body, now(), chat.seenAt);
    setTimeout(() => this.reply(chat).catch((err) => this.env.ledger.fail(`agent reply: ${err.message}`)), Math.random() * 1000);
  }

  async reply(chat) {
    if (chat.closing) return;
    const n = ++chat.replies;
    if (n >= REPLIES_BEFORE_CLOSE) chat.closing = true;
    const body = `a:${chat.name}:${n}`;
    this.env.ledger.posted(body, now());
    const answer = await request(this.env.port, this.env.doc('postMessage'), { input: { interactionId: chat.id, body, clientMessageId: randomUUID() } }, this.token);
    if (!answer.data) this.env.ledger.fail(`agent postMessage ${codeOf(answer)}`);
    if (n === REPLIES_BEFORE_CLOSE) await this.close(chat);
  }

  async close(chat) {
    const answer = await request(this.env.port, this.env.doc('closeInteraction'), { id: chat.id, result: 'SUCCESS' }, this.token);
    if (answer.data) this.env.ledger.closed++;
    else this.env.ledger.fail(`closeInteraction ${codeOf(answer)}`);
    chat.stop?.();
    this.chats.delete(chat.id);
    this.done.add(chat.id);
    if (this.leaving && this.chats.size === 0) this.dispose();
  }

  dispose() {
    void this.client?.dispose();
    this.client = null;
  }
}

/**
 * A customer on the widget: starts the chat with the widget's `startInteraction` (anonymous; the
 * visitor token comes back), opens what the widget opens with that token (`messageAdded`,
 * `widgetConversationChanged`, and `callEvents` from `callCursor`: the call button is always
 * mounted), writes at once and then every 8 to 12 s, and leaves when the chat is closed.
 */
export class SimCustomer {
  /** `env`: { port, doc, ledger, campaignId }. */
  constructor(env, name) {
    this.env = env;
    this.name = name;
    this.client = null;
    this.stopped = false;
    this.wake = () => {};
  }

  async run() {
    const { port, doc, ledger, campaignId } = this.env;
    ledger.started(this.name, now());
    const answer = await request(port, doc('startInteraction'), { input: { campaignId, channel: 'WEBCHAT', contact: { name: this.name } } });
    const started = answer.data?.startInteraction;
    if (!started?.interaction) {
      ledger.fail(started ? `startInteraction admission ${started.admission}` : `startInteraction ${codeOf(answer)}`);
      return;
    }
    if (this.stopped) return;
    const id = started.interaction.id;
    const token = started.visitorToken;
    this.client = socket(port, token, () => ledger.customerReconnects++);
    const follow = (name, variables, onData) =>
      this.client.subscribe({ query: doc(name), variables }, { next: (v) => v.data && onData(v.data), error: () => ledger.fail(`widget ${name} ended`), complete: () => {} });
    follow('messageAdded', { interactionId: id, afterSequence: 0 }, (data) => {
      if (data.messageAdded.body.startsWith('a:')) ledger.reachedCustomer(data.messageAdded.body, now());
    });
    follow('widgetConversationChanged', {}, (data) => {
      if (data.interactionChanged.interaction?.phase === 'CLOSED') this.stop();
    });
    const cursor = await request(port, doc('callCursor'), {}, token);
    if (cursor.data) follow('callEvents', { interactionId: id, after: cursor.data.callCursor });
    for (let k = 1; !this.stopped && k <= MOST_MESSAGES; k++) {
      const body = `c:${this.name}:${k}`;
      ledger.posted(body, now());
      const sent = await request(port, doc('postMessage'), { input: { interactionId: id, body, clientMessageId: randomUUID() } }, token);
      // A message crossing the close is refused; that is the customer's ordinary race, not a fault.
      if (!sent.data && !this.stopped) ledger.fail(`customer postMessage ${codeOf(sent)}`);
      await Promise.race([sleep(8000 + Math.random() * 4000), new Promise((r) => (this.wake = r))]);
    }
    this.stop();
  }

  stop() {
    this.stopped = true;
    this.wake();
    void this.client?.dispose();
    this.client = null;
  }
}
