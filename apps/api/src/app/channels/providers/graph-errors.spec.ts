import { backoffMs, graphError, networkError, retryAfterMs } from './graph-errors';
import { ProviderThrottledError, ProviderUnavailableError, RecipientRejectedError } from './provider-errors';

const graph = (code: number, details = 'x') => ({
  error: { message: 'm', type: 'OAuthException', code, error_data: { details } },
});

describe('Graph API failures become provider error kinds', () => {
  it('429 and the rate-limit codes are throttling, with Retry-After when given', () => {
    const e = graphError(429, graph(130429), '2');
    expect(e).toBeInstanceOf(ProviderThrottledError);
    expect((e as ProviderThrottledError).retryAfterMs).toBe(2_000);
    expect(graphError(400, graph(80007), null)).toBeInstanceOf(ProviderThrottledError);
    expect(graphError(400, graph(130429), null)).toBeInstanceOf(ProviderThrottledError);
  });

  it('5xx and a rejected access token mean the provider is unavailable', () => {
    expect(graphError(500, null, null)).toBeInstanceOf(ProviderUnavailableError);
    expect(graphError(503, graph(2), null)).toBeInstanceOf(ProviderUnavailableError);
    expect(graphError(401, graph(190), null)).toBeInstanceOf(ProviderUnavailableError);
  });

  it('any other 4xx rejects the recipient with the Graph code', () => {
    const e = graphError(400, graph(131026, 'Receiver is incapable of receiving this message'), null);
    expect(e).toBeInstanceOf(RecipientRejectedError);
    expect((e as RecipientRejectedError).providerCode).toBe('131026');
    expect(e.message).toContain('Receiver is incapable');
    expect((graphError(404, 'not json', null) as RecipientRejectedError).providerCode).toBeNull();
  });

  it('timeouts and refused connections are unavailability', () => {
    expect(networkError(Object.assign(new Error('t'), { name: 'TimeoutError' }), 50).message).toContain('50 ms');
    expect(
      networkError(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }), 50).message,
    ).toContain('ECONNREFUSED');
  });

  it('reads Retry-After as seconds or a date, and backs off exponentially with a cap', () => {
    expect(retryAfterMs('1.5')).toBe(1_500);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(retryAfterMs('soon')).toBeNull();
    expect([1, 2, 3, 4].map((n) => backoffMs(n, 100))).toEqual([100, 200, 400, 800]);
    expect(backoffMs(10, 1_000, 5_000)).toBe(5_000);
  });
});
