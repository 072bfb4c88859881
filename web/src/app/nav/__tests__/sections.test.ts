import { describe, expect, it } from 'vitest';
import { sectionsFor } from '../sections';

describe('the app’s screens by role', () => {
  it('agents get the inbox, contacts and offline messages, supervisors also the monitor, administrators everything', () => {
    expect(sectionsFor('AGENT').map((s) => s.route)).toEqual(['inbox', 'contacts', 'offline-messages']);
    expect(sectionsFor('SUPERVISOR').map((s) => s.route)).toEqual(['inbox', 'contacts', 'offline-messages', 'monitor']);
    expect(sectionsFor('ADMIN').map((s) => s.route)).toEqual(['inbox', 'contacts', 'offline-messages', 'monitor', 'admin']);
    expect(sectionsFor(null)).toEqual([]);
  });
});
