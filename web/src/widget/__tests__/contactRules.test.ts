import { describe, expect, it } from 'vitest';
import { askedFields, contactErrors, FieldError, firstInvalid, isPhone } from '../contactRules';

const draft = (patch: Partial<{ name: string; email: string; phone: string }> = {}) => ({ name: '', email: '', phone: '', ...patch });

describe('the visitor’s details', () => {
  it('are required exactly as the campaign asks for them', () => {
    const asked = askedFields({ askName: true, askEmail: false, askPhone: true });
    expect([...asked]).toEqual(['name', 'phone']);
    expect(contactErrors(draft({ name: '  ' }), asked)).toEqual({ name: FieldError.REQUIRED, phone: FieldError.REQUIRED });
    expect(contactErrors(draft({ name: 'Ana', phone: '+34 600 123 456' }), asked)).toEqual({});
  });

  it('refuse an e-mail address the server would refuse, even when it is optional', () => {
    expect(contactErrors(draft({ email: 'ana@example' }), new Set())).toEqual({ email: FieldError.EMAIL });
    expect(contactErrors(draft({ email: 'ana@example.com' }), new Set())).toEqual({});
  });

  it('take a phone as 6 to 15 digits with the usual separators and an optional leading +', () => {
    expect(isPhone('+55 (11) 91234-5678')).toBe(true);
    expect(isPhone('600123')).toBe(true);
    expect(isPhone('12345')).toBe(false);
    expect(isPhone('1234567890123456')).toBe(false);
    expect(isPhone('call me')).toBe(false);
    expect(isPhone('600+123456')).toBe(false);
    expect(contactErrors(draft({ phone: 'abc' }), new Set())).toEqual({ phone: FieldError.PHONE });
  });

  it('need an e-mail or a phone when an answer has to reach the visitor', () => {
    expect(contactErrors(draft({ name: 'Ana' }), new Set(), true)).toEqual({ email: FieldError.REACHABLE });
    expect(contactErrors(draft({ phone: '600123456' }), new Set(), true)).toEqual({});
  });

  it('put the focus on the first field to fix, in form order', () => {
    expect(firstInvalid({ phone: FieldError.PHONE, email: FieldError.EMAIL })).toBe('email');
    expect(firstInvalid({})).toBeNull();
  });
});
