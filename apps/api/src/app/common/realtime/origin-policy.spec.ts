import { OriginPolicy } from './origin-policy';

describe('OriginPolicy', () => {
  const policy = new OriginPolicy(['https://widget.example.com']);

  it('admits the same origin as the Host header', () => {
    expect(policy.allows('http://crm.local:3000', 'crm.local:3000')).toBe(true);
  });

  it('admits CORS_ORIGINS and refuses every other origin', () => {
    expect(policy.allows('https://widget.example.com', 'crm.local')).toBe(true);
    expect(policy.allows('https://evil.example.net', 'crm.local')).toBe(false);
    expect(policy.allows('http://widget.example.com', 'crm.local')).toBe(false);
    expect(policy.allows('null', 'crm.local')).toBe(false);
  });
});
