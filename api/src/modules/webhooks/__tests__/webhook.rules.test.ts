import { describe, expect, it } from 'vitest';
import { delivered, disabledReason, hookUrlRefusal, signature, validHookUrl, verifySignature } from '../webhook.rules.js';

describe('webhook signatures', () => {
  const body = '{"type":"CLOSED"}';
  it('verify with the same secret, body and a recent time only', () => {
    const header = signature('whsec_a', body, 1_700_000_000);
    expect(header).toMatch(/^t=1700000000,v1=[0-9a-f]{64}$/);
    expect(verifySignature('whsec_a', body, header, 1_700_000_100)).toBe(true);
    expect(verifySignature('whsec_b', body, header, 1_700_000_100)).toBe(false);
    expect(verifySignature('whsec_a', body + ' ', header, 1_700_000_100)).toBe(false);
    expect(verifySignature('whsec_a', body, header, 1_700_001_000)).toBe(false);
    expect(verifySignature('whsec_a', body, 'v1=abc', 1_700_000_000)).toBe(false);
  });
});

describe('webhook rules', () => {
  it('take http(s) URLs without credentials', () => {
    expect(validHookUrl('https://crm.example.com/hooks/parley')).toBe(true);
    expect(validHookUrl('http://127.0.0.1:8080/x')).toBe(true);
    expect(validHookUrl('ftp://example.com')).toBe(false);
    expect(validHookUrl('https://user:pass@example.com')).toBe(false);
    expect(validHookUrl('not a url')).toBe(false);
  });

  it('refuse URLs to addresses only the server reaches, unless private targets are allowed', () => {
    expect(hookUrlRefusal('https://crm.example.com/hooks/parley', false)).toBeNull();
    expect(hookUrlRefusal('http://127.0.0.1:8080/x', false)).toMatch(/loopback address/);
    expect(hookUrlRefusal('http://169.254.169.254/latest/meta-data/', false)).toMatch(/cloud metadata service/);
    expect(hookUrlRefusal('http://[fd00::5]/', false)).toMatch(/private address/);
    expect(hookUrlRefusal('http://127.0.0.1:8080/x', true)).toBeNull();
    expect(hookUrlRefusal('ftp://example.com', true)).toMatch(/http or https/);
    expect(hookUrlRefusal(`https://crm.example.com/${'x'.repeat(2048)}`, true)).toMatch(/at most 2048 characters/);
  });

  it('count 2xx as delivered and disable a hook at its limit of failures in a row', () => {
    expect([200, 204, 299].every(delivered)).toBe(true);
    expect([301, 404, 500].some(delivered)).toBe(false);
    expect(disabledReason(19, 20)).toBeNull();
    expect(disabledReason(20, 20)).toMatch(/20 failed deliveries in a row/);
  });
});
