/**
 * The client's and the examples' pure rules, without a server: which arrivals a resumed stream
 * drops as duplicates, how long a retry waits, what the bot does next from a transcript, and which
 * webhook signatures pass.
 */
import { createHmac } from 'node:crypto';
import type { Message } from '@parley/client';
import { describe, expect, it } from 'vitest';
import { CursorPosition, SequencePosition } from '../client/src/resume.js';
import { backoffDelay } from '../client/src/retry.js';
import { DEFAULT_SCRIPT, nextStep } from '../examples/bot.js';
import { verifySignature } from '../examples/webhook-receiver.js';

describe('a message stream’s position', () => {
  it('takes growing sequences, gaps included, and drops any at or below the last one delivered', () => {
    const position = new SequencePosition(3);
    expect([4, 6, 5, 6, 3, 9].map((s) => position.accept(s))).toEqual([true, true, false, false, false, true]);
    expect(position.last).toBe(9);
  });

  it('from now, takes whatever comes first', () => {
    const position = new SequencePosition();
    expect(position.accept(41)).toBe(true);
    expect(position.accept(41)).toBe(false);
  });
});

describe('a feed’s position', () => {
  it('drops a cursor it delivered, or the one it resumed after', () => {
    const position = new CursorPosition('c0');
    expect(['c1', 'c2', 'c1', 'c0', 'c3'].map((c) => position.accept(c))).toEqual([true, true, false, false, true]);
    expect(position.last).toBe('c3');
  });

  it('remembers a bounded number of cursors, forgetting the oldest', () => {
    const position = new CursorPosition(null, 2);
    ['a', 'b', 'c'].forEach((c) => position.accept(c));
    expect(position.accept('a')).toBe(true);
    expect(position.accept('c')).toBe(false);
  });
});

describe('the wait before a retry', () => {
  const policy = { attempts: 10, baseDelayMs: 100, maxDelayMs: 1_000 };
  it('doubles with each failure, between half and all of it, and never passes the cap', () => {
    expect([1, 2, 3, 4, 5, 9].map((n) => backoffDelay(policy, n, () => 1))).toEqual([100, 200, 400, 800, 1_000, 1_000]);
    expect([1, 2, 3, 4, 5, 9].map((n) => backoffDelay(policy, n, () => 0))).toEqual([50, 100, 200, 400, 500, 500]);
  });
});

describe('the bot’s next step', () => {
  let sequence = 0;
  const line = (kind: 'BOT' | 'CONTACT' | 'SYSTEM', body: string, clientMessageId: string | null = null): Message => ({
    id: `m${++sequence}`,
    interactionId: 'chat',
    sequence,
    body,
    clientMessageId,
    visibility: 'PUBLIC',
    createdAt: '2026-12-06T00:00:00.000Z',
    author: { kind, id: null, name: null },
    attachments: [],
  });
  const [product, order] = DEFAULT_SCRIPT.questions;

  it('greets and asks the first question, even when the customer wrote first', () => {
    const step = nextStep([line('SYSTEM', 'Welcome'), line('CONTACT', 'hello?')], DEFAULT_SCRIPT);
    expect(step).toEqual({
      kind: 'SAY',
      lines: [
        { clientMessageId: 'bot:greeting', body: DEFAULT_SCRIPT.greeting },
        { clientMessageId: 'bot:ask:product', body: product!.text },
      ],
    });
  });

  it('waits for an answer after the question, not before it', () => {
    const transcript = [line('CONTACT', 'hello?'), line('BOT', DEFAULT_SCRIPT.greeting, 'bot:greeting'), line('BOT', product!.text, 'bot:ask:product')];
    expect(nextStep(transcript, DEFAULT_SCRIPT)).toEqual({ kind: 'WAIT' });
    transcript.push(line('CONTACT', 'The kettle'));
    expect(nextStep(transcript, DEFAULT_SCRIPT)).toEqual({ kind: 'SAY', lines: [{ clientMessageId: 'bot:ask:order', body: order!.text }] });
    transcript.push(line('BOT', order!.text, 'bot:ask:order'), line('CONTACT', 'A-1'), line('CONTACT', 'sorry, A-2'));
    expect(nextStep(transcript, DEFAULT_SCRIPT)).toEqual({
      kind: 'HAND_OFF',
      answers: [
        { key: 'product', value: 'The kettle' },
        { key: 'order', value: 'A-1' },
      ],
    });
  });
});

describe('a webhook signature', () => {
  const secret = 'whsec_test';
  const body = Buffer.from('{"id":"e1","type":"STARTED"}');
  const sign = (t: number, key = secret, signed: Buffer = body) => `t=${t},v1=${createHmac('sha256', key).update(`${t}.`).update(signed).digest('hex')}`;
  const now = 1_800_000_000;

  it('passes when made with the secret over these bytes within five minutes', () => {
    expect(verifySignature(secret, body, sign(now - 299), now)).toBe(true);
    expect(verifySignature(secret, body, sign(now + 299), now)).toBe(true);
  });

  it('fails when missing, malformed, stale, made with another secret or over other bytes', () => {
    expect(verifySignature(secret, body, undefined, now)).toBe(false);
    expect(verifySignature(secret, body, 'v1=abc', now)).toBe(false);
    expect(verifySignature(secret, body, sign(now - 301), now)).toBe(false);
    expect(verifySignature(secret, body, sign(now, 'whsec_other'), now)).toBe(false);
    expect(verifySignature(secret, Buffer.from('{"id":"e1","type":"CLOSED"}'), sign(now), now)).toBe(false);
  });
});
