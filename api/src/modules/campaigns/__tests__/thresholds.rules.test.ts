import { describe, expect, it } from 'vitest';
import { chatAlert, chatBand, ChatBand, type ChatThresholds } from '../thresholds.rules.js';

const thresholds: ChatThresholds = [120, 300, 600];
const startedAt = new Date('2026-05-04T10:00:00Z');
const after = (seconds: number) => new Date(startedAt.getTime() + seconds * 1000);

describe('chat-time bands', () => {
  it('is green within the first threshold', () => {
    expect(chatBand(thresholds, startedAt, after(0))).toBe(ChatBand.GREEN);
    expect(chatBand(thresholds, startedAt, after(119.999))).toBe(ChatBand.GREEN);
  });

  it('is yellow from the first threshold up to the second', () => {
    expect(chatBand(thresholds, startedAt, after(120))).toBe(ChatBand.YELLOW);
    expect(chatBand(thresholds, startedAt, after(299))).toBe(ChatBand.YELLOW);
  });

  it('is red from the second threshold on, past the third too', () => {
    expect(chatBand(thresholds, startedAt, after(300))).toBe(ChatBand.RED);
    expect(chatBand(thresholds, startedAt, after(3600))).toBe(ChatBand.RED);
  });

  it('is green when this clock reads slightly before the start', () => {
    expect(chatBand(thresholds, startedAt, after(-2))).toBe(ChatBand.GREEN);
  });
});

describe('chat-time alerts', () => {
  it('alerts once the third threshold is reached, not before', () => {
    expect(chatAlert(thresholds, startedAt, after(599))).toBe(false);
    expect(chatAlert(thresholds, startedAt, after(600))).toBe(true);
    expect(chatAlert(thresholds, startedAt, after(601))).toBe(true);
  });
});
