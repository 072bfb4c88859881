import { describe, expect, it } from 'vitest';
import { Role } from '../../users/user.enums.js';
import { checkBody, INTERNAL_MESSAGE_MAX_LENGTH, mayWriteTo } from '../internal-message.rules.js';

const agent = { id: 'a', role: Role.AGENT };
const otherAgent = { id: 'b', role: Role.AGENT };
const supervisor = { id: 's', role: Role.SUPERVISOR };
const admin = { id: 'x', role: Role.ADMIN };

describe('internal messages', () => {
  it('a supervisor or an administrator writes to anyone but themselves', () => {
    expect(mayWriteTo(supervisor, agent)).toBe(true);
    expect(mayWriteTo(admin, supervisor)).toBe(true);
    expect(mayWriteTo(supervisor, supervisor)).toBe(false);
  });

  it('an agent writes to a supervisor or an administrator, never to another agent', () => {
    expect(mayWriteTo(agent, supervisor)).toBe(true);
    expect(mayWriteTo(agent, admin)).toBe(true);
    expect(mayWriteTo(agent, otherAgent)).toBe(false);
  });

  it('a body is trimmed, and refused when empty or too long', () => {
    expect(checkBody('  hi  ')).toEqual({ ok: true, body: 'hi' });
    expect(checkBody('   ').ok).toBe(false);
    expect(checkBody('x'.repeat(INTERNAL_MESSAGE_MAX_LENGTH + 1)).ok).toBe(false);
  });
});
