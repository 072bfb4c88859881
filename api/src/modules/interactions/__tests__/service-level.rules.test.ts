import { describe, expect, it } from 'vitest';
import { serviceLevel, serviceLevelOutcome, ServiceLevelOutcome } from '../service-level.rules.js';

const now = new Date('2026-05-04T10:00:00Z');
const secondsAgo = (s: number) => new Date(now.getTime() - s * 1000);
/** A chat queued `queued` seconds ago and answered `answered` seconds ago, or still waiting. */
const chat = (queued: number, answered: number | null = null) => ({ queuedAt: secondsAgo(queued), assignedAt: answered === null ? null : secondsAgo(answered) });
const LEVEL = 20;

describe('how one chat counts', () => {
  it('is met when answered within the level, exactly at it included', () => {
    expect(serviceLevelOutcome(chat(100, 90), LEVEL, now)).toBe(ServiceLevelOutcome.MET);
    expect(serviceLevelOutcome(chat(100, 80), LEVEL, now)).toBe(ServiceLevelOutcome.MET);
  });

  it('is missed when answered after the level', () => {
    expect(serviceLevelOutcome(chat(100, 79), LEVEL, now)).toBe(ServiceLevelOutcome.MISSED);
  });

  it('is missed while still waiting past the level', () => {
    expect(serviceLevelOutcome(chat(21), LEVEL, now)).toBe(ServiceLevelOutcome.MISSED);
  });

  it('is not counted yet while still waiting within the level', () => {
    expect(serviceLevelOutcome(chat(5), LEVEL, now)).toBe(ServiceLevelOutcome.PENDING);
    expect(serviceLevelOutcome(chat(20), LEVEL, now)).toBe(ServiceLevelOutcome.PENDING);
  });
});

describe('the service level', () => {
  it('is the share of counted chats that were met', () => {
    // met, met, missed (answered late), missed (still waiting), pending (not counted)
    const chats = [chat(100, 95), chat(50, 40), chat(100, 60), chat(30), chat(3)];
    expect(serviceLevel(chats, LEVEL, now)).toBe(0.5);
  });

  it('is 1 when every counted chat was met, and 0 when none was', () => {
    expect(serviceLevel([chat(100, 95), chat(3)], LEVEL, now)).toBe(1);
    expect(serviceLevel([chat(100, 50), chat(30)], LEVEL, now)).toBe(0);
  });

  it('is null without chats, or while every chat is still within the level', () => {
    expect(serviceLevel([], LEVEL, now)).toBeNull();
    expect(serviceLevel([chat(3), chat(10)], LEVEL, now)).toBeNull();
  });
});
