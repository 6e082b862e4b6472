/** The product's REST API as the benchmarks' setup uses it: JSON in, JSON out, any failure thrown. */
export async function call<T>(
  url: string,
  method: string,
  route: string,
  body?: unknown,
  token?: string,
  timeoutMs = 30_000,
): Promise<T> {
  const res = await fetch(`${url}/api${route}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${route} → ${res.status} ${text.slice(0, 300)}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** An access token for a staff member. */
export const login = (url: string, email: string, password: string, timeoutMs?: number): Promise<string> =>
  call<{ accessToken: string }>(url, 'POST', '/auth/login', { email, password }, undefined, timeoutMs).then(
    (r) => r.accessToken,
  );
