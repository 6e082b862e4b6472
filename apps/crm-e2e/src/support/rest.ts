import { ADMIN } from './server';

export interface RestAnswer<T> {
  status: number;
  body: T;
}

/** One call to the product's REST API, as any client makes it; the body is parsed when there is one. */
export async function rest<T = unknown>(
  serverUrl: string,
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
): Promise<RestAnswer<T>> {
  const res = await fetch(`${serverUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

/** Signs in over REST; the status alone (200, 401, 429) when the test is about whether it works. */
export async function loginStatus(serverUrl: string, user: { email: string; password: string }): Promise<number> {
  return (await rest(serverUrl, 'POST', '/api/auth/login', null, { email: user.email, password: user.password }))
    .status;
}

/** The e2e admin's token, for setting the stage over REST. */
export async function adminToken(serverUrl: string): Promise<string> {
  const answer = await rest<{ accessToken: string }>(serverUrl, 'POST', '/api/auth/login', null, ADMIN);
  if (answer.status !== 200) throw new Error(`admin login refused: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.accessToken;
}

/** Adds a staff member over REST (what the team page's form does) and answers their id. */
export async function createMember(
  serverUrl: string,
  token: string,
  member: { name: string; email: string; password: string; role: 'admin' | 'supervisor' | 'agent' | 'marketer' },
): Promise<string> {
  const answer = await rest<{ id: string }>(serverUrl, 'POST', '/api/users', token, member);
  if (answer.status !== 201) throw new Error(`member refused: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.id;
}
