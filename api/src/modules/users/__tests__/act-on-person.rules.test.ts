import { describe, expect, it } from 'vitest';
import { actOnPersonRefusal } from '../user.rules.js';

describe('who may act on whom', () => {
  it('lets a supervisor act on agents and supervisors, never on an administrator', () => {
    expect(actOnPersonRefusal('SUPERVISOR', 'AGENT')).toBeNull();
    expect(actOnPersonRefusal('SUPERVISOR', 'SUPERVISOR')).toBeNull();
    expect(actOnPersonRefusal('SUPERVISOR', 'ADMIN')).toMatch(/administrators/);
  });

  it('lets administrators and ADMIN keys act on anyone they reach', () => {
    for (const target of ['AGENT', 'SUPERVISOR', 'ADMIN']) {
      expect(actOnPersonRefusal('ADMIN', target)).toBeNull();
      expect(actOnPersonRefusal('KEY', target)).toBeNull();
    }
  });

  it('never lets an agent act on anyone', () => {
    expect(actOnPersonRefusal('AGENT', 'AGENT')).not.toBeNull();
  });
});
