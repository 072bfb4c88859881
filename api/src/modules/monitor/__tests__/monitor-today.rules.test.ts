import { describe, expect, it } from 'vitest';
import { serviceLevel } from '../../interactions/service-level.rules.js';
import { localClock, type TodayCampaign, type TodayChat, todayByHour } from '../monitor-today.rules.js';

const saoPaulo: TodayCampaign = { id: 'sp', name: 'São Paulo', timeZone: 'America/Sao_Paulo', serviceLevelSeconds: 60 };
const tokyo: TodayCampaign = { id: 'tk', name: 'Tokyo', timeZone: 'Asia/Tokyo', serviceLevelSeconds: 60 };
const at = (iso: string) => new Date(iso);
const chat = (campaignId: string, queued: string, answeredAfterSeconds: number | null, abandoned = false): TodayChat => ({
  campaignId,
  queuedAt: at(queued),
  assignedAt: answeredAfterSeconds === null ? null : new Date(at(queued).getTime() + answeredAfterSeconds * 1000),
  abandoned,
});

describe('local clock', () => {
  it('reads the date and hour on the zone’s wall clock, half-hour zones included', () => {
    expect(localClock(at('2026-11-21T02:30:00Z'), 'America/Sao_Paulo')).toMatchObject({ date: '2026-11-20', hour: 23 });
    expect(localClock(at('2026-11-21T02:30:00Z'), 'Asia/Tokyo')).toMatchObject({ date: '2026-11-21', hour: 11 });
    expect(localClock(at('2026-11-21T18:40:00Z'), 'Asia/Kolkata')).toMatchObject({ date: '2026-11-22', hour: 0 });
  });

  it('follows daylight saving time', () => {
    expect(localClock(at('2026-07-01T12:00:00Z'), 'Europe/Madrid').hour).toBe(14);
    expect(localClock(at('2026-12-01T12:00:00Z'), 'Europe/Madrid').hour).toBe(13);
  });
});

describe('today by hour', () => {
  const now = at('2026-11-21T15:00:00Z'); // 12:00 in São Paulo, 00:00 of the 22nd in Tokyo

  it('puts each chat in the hour it queued on its own campaign’s clock, today only', () => {
    const figures = todayByHour(
      [saoPaulo, tokyo],
      [
        chat('sp', '2026-11-21T12:10:00Z', 20), // 09:10 local
        chat('sp', '2026-11-21T12:50:00Z', null, true), // 09:50, given up
        chat('sp', '2026-11-21T02:30:00Z', 5), // 23:30 yesterday in São Paulo: not today
        chat('tk', '2026-11-21T14:59:00Z', 5), // 23:59 of the 21st in Tokyo, whose today is the 22nd
      ],
      now,
    );
    const sp = figures.campaigns.find((c) => c.campaign.id === 'sp')!;
    expect(sp.date).toBe('2026-11-21');
    expect(sp.hours[9]).toEqual({ hour: 9, received: 2, answered: 1, answeredWithinLevel: 1, abandoned: 1, serviceLevel: 0.5 });
    expect(sp.hours.reduce((n, h) => n + h.received, 0)).toBe(2);
    const tk = figures.campaigns.find((c) => c.campaign.id === 'tk')!;
    expect(tk.date).toBe('2026-11-22');
    expect(tk.hours.every((h) => h.received === 0 && h.serviceLevel === null)).toBe(true);
  });

  it('counts the service level as the monitor does: a chat still waiting within the level does not count yet', () => {
    const chats = [
      chat('sp', '2026-11-21T14:00:00Z', 30), // met
      chat('sp', '2026-11-21T14:10:00Z', 90), // answered late: missed
      chat('sp', '2026-11-21T14:20:00Z', null), // waited 40 minutes: missed
      chat('sp', '2026-11-21T14:59:30Z', null), // waiting 30 s of 60: pending
    ];
    const hour = todayByHour([saoPaulo], chats, now).campaigns[0]!.hours[11]!;
    expect(hour).toEqual({ hour: 11, received: 4, answered: 2, answeredWithinLevel: 1, abandoned: 0, serviceLevel: 1 / 3 });
    expect(hour.serviceLevel).toBe(serviceLevel(chats, 60, now));
  });

  it('adds the campaigns’ hours together, each on its own clock', () => {
    const madrid: TodayCampaign = { id: 'md', name: 'Madrid', timeZone: 'Europe/Madrid', serviceLevelSeconds: 60 };
    // 09:10 in São Paulo and 09:10 in Madrid, five hours apart.
    const figures = todayByHour([saoPaulo, madrid], [chat('sp', '2026-11-21T12:10:00Z', 10), chat('md', '2026-11-21T08:10:00Z', null, true)], now);
    expect(figures.hours[9]).toEqual({ hour: 9, received: 2, answered: 1, answeredWithinLevel: 1, abandoned: 1, serviceLevel: 0.5 });
  });

  it('says when the figures next change on their own: a waiting chat passing its level, or a new day', () => {
    expect(todayByHour([saoPaulo], [chat('sp', '2026-11-21T14:59:30Z', null)], now).nextChange).toEqual(at('2026-11-21T15:00:30.001Z'));
    expect(todayByHour([saoPaulo], [], now).nextChange).toEqual(at('2026-11-22T03:00:00Z'));
    expect(todayByHour([], [], now).nextChange).toBeNull();
  });
});
