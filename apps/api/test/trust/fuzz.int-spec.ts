import { randomUUID } from 'node:crypto';
import * as fc from 'fast-check';
import { JwtService } from '@nestjs/jwt';
import type { Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import {
  ackSchema,
  clientEventSchemas,
  contractRoutes,
  errorResponseSchema,
  httpStatusByErrorCode,
  namespaceRoles,
  notificationTypes,
  type Namespace,
  type RestRoute,
  type Role,
  type StaffRole,
  type WidgetSession,
} from '@switchboard/contracts';
import { signatureOf } from '../../src/app/channels/whatsapp/whatsapp-signature';
import { NestPinoLogger } from '../../src/app/common/logging/nest-pino-logger';
import { APP_SECRET, VERIFY_TOKEN, waStatus, waText } from '../channels/whatsapp-fixtures';
import { createConversation, joinedSocket, say, startWidgetChat } from '../chat/chat-fixture';
import {
  connectOutcome,
  connected,
  emitAck,
  sleep,
  startTestApp,
  TEST_JWT_SECRET,
  type TestApp,
} from '../support/test-app';
import { hostileKey, hostileString, hostileValue, NASTY_STRINGS } from '../support/fuzz/hostile-values';
import { mutated, payloadOf } from '../support/fuzz/mutations';
import { idOf, kindName, preview, Ref, setRefResolver } from '../support/fuzz/refs';
import { sampleOf } from '../support/fuzz/valid-samples';

/**
 * Property-based fuzzing of the whole public surface: every REST route of the contract and every
 * client → server socket event, as every role and as nobody, with valid samples (so cases reach
 * the services), samples with one thing broken, and hostile values. Whatever comes in, the answer
 * is a contract-shaped error or a success, never a 5xx or an `internal` ack; nobody else's socket
 * drops; the health check stays green; and a customer and an agent talking the whole time lose
 * nothing.
 *
 * Deterministic: FUZZ_SEED (default below) seeds every property; FUZZ_SCALE multiplies the case
 * counts for a deeper local run; FUZZ_SHRINK=1 shrinks a failure (slow against a live server).
 */
const SEED = Number(process.env['FUZZ_SEED'] ?? 20_260_301);
const SCALE = Number(process.env['FUZZ_SCALE'] ?? 1);
const SHRINK = process.env['FUZZ_SHRINK'] === '1';
/** FUZZ_TRACE=<part of a route or event>: every case of those is printed with its answer (to see what gets through). */
const TRACE = process.env['FUZZ_TRACE'];
const runs = (n: number) => Math.max(1, Math.round(n * SCALE));

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const MAX_UPLOAD_BYTES = 256 * 1024;
const REQUEST_TIMEOUT_MS = 15_000;
const ACK_TIMEOUT_MS = 10_000;

// ---------------------------------------------------------------------------------------------
// Who calls
// ---------------------------------------------------------------------------------------------

type NobodyKind = 'no-token' | 'garbage-token' | 'wrong-key' | 'alg-none' | 'expired';
const NOBODY: NobodyKind[] = ['no-token', 'garbage-token', 'wrong-key', 'alg-none', 'expired'];

interface Identity {
  label: string;
  /** null: nobody (no valid token). */
  role: Role | null;
  token: string;
  nobody?: NobodyKind;
  /** Staff only ('' otherwise). */
  email: string;
  password: string;
  userId: string;
  /** A contact's own conversation ('' for staff). */
  conversationId: string;
}

interface Account {
  email: string;
  password: string;
}

let app: TestApp;
let rootToken: string;
const fuzzers: Identity[] = [];
const nobodies: Identity[] = [];
const accounts: Account[] = [];

/** What the case being run is, for refs (a contact's own conversation) and for blaming. */
const current: { identity: Identity | null; label: string } = { identity: null, label: 'setup' };

function fuzzer(role: Role): Identity {
  const found = fuzzers.find((f) => f.role === role);
  if (!found) throw new Error(`no fuzzing ${role}`);
  return found;
}

// ---------------------------------------------------------------------------------------------
// Real ids, filled as things are created
// ---------------------------------------------------------------------------------------------

const POOL_CAP = 300;
const pools: Record<string, string[]> = {};
const attachments: { conversationId: string; attachment: unknown }[] = [];
const pool = (kind: string) => (pools[kind] ??= []);
function remember(kind: string, id: unknown): void {
  if (typeof id !== 'string') return;
  const p = pool(kind);
  if (p.length < POOL_CAP && !p.includes(id)) p.push(id);
}

/** Cursor times a JavaScript Date accepts but PostgreSQL may not, and ids that only look like ids. */
const CURSOR_TIMES = [
  '2026-02-30T10:00:00Z',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999999Z',
  '2026-01-01T24:00:00Z',
  '1970-01-01T00:00:00Z',
  '2026-01-01T00:00:00.1234567Z',
];
const CURSOR_IDS = [
  '------------------------------------',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'gggggggg-gggg-gggg-gggg-gggggggggggg',
  '00000000-0000-0000-0000-000000000000',
];

setRefResolver((ref: Ref): unknown => {
  const who = current.identity;
  const pick = (list: readonly string[]) => (list.length ? list[ref.n % list.length] : randomUUID());
  switch (ref.kind) {
    case 'conversation':
      // A contact mostly names its own conversation, else every case would be a 403.
      if (who?.conversationId && ref.n % 10 < 7) return who.conversationId;
      return pick(pool('conversation'));
    case 'message': {
      const own = who ? pool(`message:${who.label}`) : [];
      if (own.length && ref.n % 2 === 0) return pick(own);
      return pick(pool('message'));
    }
    case 'email':
      return accounts.length ? accounts[ref.n % accounts.length].email : 'nobody@test.local';
    case 'password':
      return accounts.length ? accounts[ref.n % accounts.length].password : 'password-1';
    case 'joined': {
      const joined = who ? pool(`joined:${who.label}`) : [];
      return joined.length ? pick(joined) : pick(pool('conversation'));
    }
    case 'myPassword':
      return who?.password ?? 'password-1';
    case 'attachment': {
      const mine = attachments.filter((a) => a.conversationId === who?.conversationId);
      const list = mine.length && ref.n % 2 ? mine : attachments;
      return list.length
        ? list[ref.n % list.length].attachment
        : { url: '/api/attachments/x', mimeType: 'image/png', size: 1, name: 'x.png' };
    }
    case 'forgedCursor': {
      const real = pool('cursor');
      const [at, id] =
        real.length && ref.n % 3 === 0
          ? Buffer.from(pick(real), 'base64url').toString().split('|')
          : [CURSOR_TIMES[ref.n % CURSOR_TIMES.length], CURSOR_IDS[ref.n % CURSOR_IDS.length]];
      const forged =
        ref.n % 2
          ? `${CURSOR_TIMES[(ref.n >> 1) % CURSOR_TIMES.length]}|${id}`
          : `${at}|${CURSOR_IDS[(ref.n >> 1) % CURSOR_IDS.length]}`;
      return Buffer.from(forged).toString('base64url');
    }
    default:
      return pick(pool(ref.kind));
  }
});

// ---------------------------------------------------------------------------------------------
// Bystanders: observers, the well-behaved sender, the health check
// ---------------------------------------------------------------------------------------------

interface Problem {
  at: number;
  text: string;
}
const bystanderProblems: Problem[] = [];
const blame = (text: string) =>
  bystanderProblems.push({ at: Date.now(), text: `${text} (while fuzzing: ${current.label})` });

interface Watched {
  label: string;
  open: () => Promise<Socket>;
  socket: Socket;
}
const watched: Watched[] = [];

async function watch(label: string, open: () => Promise<Socket>): Promise<Watched> {
  const w: Watched = { label, open, socket: await open() };
  const follow = (s: Socket) => s.on('disconnect', (reason) => blame(`observer ${label} was disconnected: ${reason}`));
  follow(w.socket);
  w.open = async () => {
    const s = await open();
    follow(s);
    return s;
  };
  watched.push(w);
  return w;
}

/** Observers dropped since the last check are opened again, so the next cases are still watched. */
async function reopenDroppedObservers(): Promise<void> {
  for (const w of watched)
    if (!w.socket.connected)
      w.socket = await w
        .open()
        .catch((err) => (blame(`observer ${w.label} cannot reconnect: ${err.message}`), w.socket));
}

const sender = {
  stop: false,
  contactAcked: [] as { cmid: string; seq: number }[],
  agentAcked: [] as { cmid: string; seq: number }[],
  conversationId: '',
  loops: [] as Promise<void>[],
};

/** What the server logged as an error or worse: a failure no answer shows (a listener after commit, a background job). */
const serverErrors: string[] = [];
let collectServerErrors = true;

function recordServerErrors(): void {
  const logger = app.server.app.get(NestPinoLogger);
  for (const level of ['error', 'fatal'] as const) {
    const original = logger[level].bind(logger);
    logger[level] = (message: unknown, ...params: unknown[]) => {
      if (collectServerErrors)
        serverErrors.push(`${preview(message, 400)} ${preview(params, 300)} (while fuzzing: ${current.label})`);
      original(message, ...params);
    };
  }
}

const health = { checks: 0, timer: null as NodeJS.Timeout | null, inFlight: Promise.resolve() };

function startHealthWatch(): void {
  health.timer = setInterval(() => {
    health.inFlight = (async () => {
      try {
        const res = await fetch(`${app.url}/api/health`, { signal: AbortSignal.timeout(5_000) });
        health.checks++;
        if (res.status !== 200) blame(`GET /api/health answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
        else await res.arrayBuffer();
      } catch (err) {
        blame(`GET /api/health failed: ${(err as Error).message}`);
      }
    })();
  }, 300);
}

// ---------------------------------------------------------------------------------------------
// Findings and statistics
// ---------------------------------------------------------------------------------------------

const findings = new Map<string, string>();
/** Per route or event: how many cases, how many reached past validation and authorisation. */
const stats = new Map<
  string,
  { cases: number; allowedCases: number; reached: number; ok: number; statuses: Record<string, number> }
>();
function count(key: string, allowed: boolean, status: string, reached: boolean, ok: boolean): void {
  const s = stats.get(key) ?? { cases: 0, allowedCases: 0, reached: 0, ok: 0, statuses: {} };
  s.cases++;
  if (allowed) s.allowedCases++;
  if (allowed && reached) s.reached++;
  if (ok) s.ok++;
  s.statuses[status] = (s.statuses[status] ?? 0) + 1;
  stats.set(key, s);
}

class CaseFailure extends Error {}

/** Runs `numRuns` cases; returns the failure text instead of throwing, so one route's bug does not hide the next. */
async function fuzz<T>(
  key: string,
  arb: fc.Arbitrary<T>,
  numRuns: number,
  run: (c: T) => Promise<void>,
): Promise<string | null> {
  const result = await fc.check(
    fc.asyncProperty(arb, async (c) => {
      await run(c);
    }),
    { seed: seedOf(key), numRuns, endOnFailure: !SHRINK, interruptAfterTimeLimit: 60_000 },
  );
  if (!result.failed) return null;
  const cause = (result as { errorInstance?: unknown }).errorInstance;
  const error =
    cause instanceof Error ? cause.message : String(cause ?? (result.interrupted ? 'interrupted' : 'failed'));
  const text = `${key}: ${error}\n  (replay: seed ${result.seed}, path "${result.counterexamplePath}")`;
  if (!findings.has(key)) findings.set(key, text);
  return text;
}

function seedOf(key: string): number {
  let h = 0x811c9dc5;
  for (const ch of key) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  return (SEED ^ h) | 0;
}

/** Failures of the fuzz cases and of the bystanders since `mark`, as one error. */
function settle(errors: (string | null)[], mark: number): void {
  const bystanders = bystanderProblems.filter((p) => p.at >= mark).map((p) => p.text);
  const all = [...errors.filter((e): e is string => e !== null), ...bystanders];
  if (all.length) throw new Error(all.join('\n\n'));
}

// ---------------------------------------------------------------------------------------------
// REST
// ---------------------------------------------------------------------------------------------

interface FormPart {
  field: string;
  value: unknown;
  file?: { name: string; type: string; bytes: Uint8Array };
}
type BodySpec =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown; contentType: string; encoding?: string }
  | { kind: 'raw'; data: string | Uint8Array; contentType: string | null; encoding?: string }
  | { kind: 'form'; parts: FormPart[] }
  | { kind: 'webhook'; value: unknown; raw?: string; signature: 'valid' | 'none' | 'wrong' };

interface RestCase {
  id: { value: unknown; raw: boolean };
  query: [string, unknown][] | string;
  body: BodySpec;
  garbageAuth: string;
  extraHeaders: Record<string, string>;
}

const keyOf = (r: RestRoute) => `${r.method} ${r.path}`;
const isPublic = (r: RestRoute) => r.roles === 'public';
const allows = (r: RestRoute, who: Identity) =>
  isPublic(r) || (who.role !== null && (r.roles as readonly string[]).includes(who.role));

/** What a path's `:id` names: known prefixes, else the collection's name (`/api/labels/:id` → `label`). */
const PATH_KINDS: [string, string][] = [
  ['/api/bulk-campaigns', 'campaign'],
  ['/api/channels/templates', 'template'],
];
const idKindOf = (path: string): string =>
  PATH_KINDS.find(([prefix]) => path.startsWith(prefix))?.[1] ?? kindName(path.split('/')[2] ?? '');

const ID_KINDS = ['conversation', 'message', 'user', 'campaign', 'template', 'contact'];
/** Raw (not encoded) path segments: broken percent-encoding and dot segments reach the router as they are. */
const RAW_SEGMENTS = [
  '%E0%A4%A',
  '%00',
  '%',
  '%zz',
  '%2e%2e',
  '..%2f..%2fetc',
  '%C0%80',
  '%ED%A0%80',
  '%FF%FE',
  'null',
  'undefined',
  '-1',
  '1e308',
  'NaN',
  '__proto__',
  '%20',
  '+',
  'a;b=c',
];

const idArb = (route: RestRoute): fc.Arbitrary<RestCase['id']> => {
  const kind = idKindOf(route.path);
  return fc.oneof(
    { arbitrary: fc.nat().map((n) => ({ value: new Ref(kind, n), raw: false })), weight: 55 },
    {
      arbitrary: fc
        .tuple(fc.constantFrom(...ID_KINDS.filter((k) => k !== kind)), fc.nat())
        .map(([k, n]) => ({ value: new Ref(k, n), raw: false })),
      weight: 8,
    },
    { arbitrary: fc.uuid({ version: 4 }).map((u) => ({ value: u, raw: false })), weight: 12 },
    {
      arbitrary: fc
        .oneof(
          hostileString,
          fc.constant('a'.repeat(3000)),
          fc.uuid().map((u) => u.toUpperCase()),
          fc.uuid().map((u) => `${u}x`),
        )
        .map((s) => ({ value: s, raw: false })),
      weight: 18,
    },
    { arbitrary: fc.constantFrom(...RAW_SEGMENTS).map((s) => ({ value: s, raw: true })), weight: 7 },
  );
};

/** Percent-encodes the UTF-8 of `s` (lone surrogates included, which encodeURIComponent refuses). */
const encode = (s: string) =>
  [...Buffer.from(s, 'utf8')]
    .map((b) =>
      /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');
const asText = (v: unknown): string =>
  typeof v === 'string' ? v : v instanceof Ref ? v.toString() : (JSON.stringify(v) ?? 'undefined');

const QUERY_NAMES = [
  'limit',
  'cursor',
  'status',
  'afterSeq',
  'beforeSeq',
  'unreadOnly',
  'to',
  'campaignId',
  'assigneeId',
  'unassigned',
  'limit[]',
  'cursor[__proto__]',
  '__proto__[polluted]',
  'constructor[prototype][polluted]',
  'status[0]',
  'hub.mode',
  'hub.verify_token',
  'hub.challenge',
  'exp',
  'sig',
];
const garbagePairs = fc.array(
  fc.tuple(fc.oneof(fc.constantFrom(...QUERY_NAMES), hostileKey), fc.oneof(hostileString, fc.nat().map(String))),
  { minLength: 1, maxLength: 3 },
);
const rawQuery = fc.oneof(
  fc.constantFrom(
    '&&&',
    '=',
    '==&=',
    'a=%',
    'limit=%E0%A4%A',
    'limit=1&limit=2',
    'cursor[a][b][c][d][e][f]=1',
    'a[999999]=1',
    `${'a[]=1&'.repeat(2_000)}`,
    '%00=%00',
  ),
  fc.string({ unit: 'binary-ascii', maxLength: 60 }).map((s) => s.replace(/[#\s]/g, '')),
);

/** Queries whose refinements a schema alone cannot meet. */
const VALID_QUERIES: Record<string, fc.Arbitrary<unknown>> = {
  'GET /api/conversations/:id/messages': fc.oneof(
    fc.record(
      { afterSeq: fc.nat(40).map(String), limit: fc.integer({ min: 1, max: 200 }).map(String) },
      { requiredKeys: [] },
    ),
    fc.record(
      { beforeSeq: fc.integer({ min: 1, max: 40 }).map(String), limit: fc.integer({ min: 1, max: 200 }).map(String) },
      { requiredKeys: [] },
    ),
  ),
};

function queryArb(route: RestRoute): fc.Arbitrary<RestCase['query']> {
  if (route.path === '/api/channels/whatsapp/webhook' && route.method === 'GET') {
    const verify = fc.record(
      {
        'hub.mode': fc.oneof(fc.constant('subscribe'), hostileString),
        'hub.verify_token': fc.oneof(
          { arbitrary: fc.constant(VERIFY_TOKEN), weight: 3 },
          { arbitrary: hostileString, weight: 1 },
        ),
        'hub.challenge': fc.oneof(fc.nat().map(String), hostileString, fc.constant('<script>alert(1)</script>')),
      },
      { requiredKeys: [] },
    );
    return fc.oneof(
      { arbitrary: verify.map((q) => Object.entries(q)), weight: 4 },
      { arbitrary: garbagePairs, weight: 1 },
    );
  }
  if (!route.query)
    return fc.oneof(
      { arbitrary: fc.constant([] as [string, unknown][]), weight: 8 },
      { arbitrary: garbagePairs, weight: 1 },
      { arbitrary: rawQuery, weight: 1 },
    );
  // Each list's own cursors (a recipients cursor is a position, the others a time and an id), forged ones, garbage.
  const cursor = fc.oneof(
    { arbitrary: fc.nat().map((n) => new Ref(`cursor:${keyOf(route)}`, n)), weight: 3 },
    { arbitrary: fc.nat().map((n) => new Ref('forgedCursor', n)), weight: 2 },
    { arbitrary: hostileString, weight: 1 },
  );
  const valid = (
    VALID_QUERIES[keyOf(route)] ??
    sampleOf(route.query, { cursor, campaignId: idOf('campaign'), assigneeId: idOf('user') }, { query: true })
  ).map((q) => Object.entries(q as Record<string, unknown>));
  const broken = fc
    .tuple(
      valid,
      fc.nat(),
      fc.oneof(hostileString, fc.constantFrom('-1', '0', '1e308', 'NaN', '1.5', '99999999999999999999', 'true', '')),
    )
    .map(([pairs, i, bad]) =>
      pairs.length
        ? pairs.map(([k, v], j): [string, unknown] => [k, j === i % pairs.length ? bad : v])
        : ([['limit', bad]] as [string, unknown][]),
    );
  return fc.oneof(
    { arbitrary: valid, weight: 5 },
    { arbitrary: broken, weight: 3 },
    { arbitrary: fc.tuple(valid, garbagePairs).map(([a, b]) => [...a, ...b]), weight: 1 },
    { arbitrary: rawQuery, weight: 1 },
  );
}

const phone = fc.integer({ min: 0, max: 9_999_999 }).map((n) => `+3460${String(n).padStart(7, '0')}`);
const someText = (max = 200) => sampleOf(z.string().min(1).max(max)) as fc.Arbitrary<string>;
const emoji = fc.oneof(fc.constantFrom('👍', '🎉', '❤️', '😂', 'ok'), someText(32));
const TIME_ZONES = ['Europe/Madrid', 'UTC', 'America/New_York', 'Asia/Kathmandu', 'Pacific/Chatham'];

/** What a message send looks like, REST or socket; `conversationId` only on the socket. */
const messageSample = (withConversation: boolean) =>
  fc.record(
    {
      ...(withConversation ? { conversationId: idOf('conversation') } : {}),
      clientMessageId: fc.oneof(fc.uuid({ version: 4 }), fc.constantFrom('dup-1', 'dup-2'), someText(100)),
      type: fc.oneof(
        { arbitrary: fc.constant('text'), weight: 9 },
        { arbitrary: fc.constantFrom('image', 'file', 'video', 'audio'), weight: 1 },
      ),
      content: someText(300),
      replyToId: fc.oneof({ arbitrary: fc.constant(null), weight: 4 }, { arbitrary: idOf('message'), weight: 1 }),
      attachment: fc.oneof(
        { arbitrary: fc.constant(null), weight: 5 },
        { arbitrary: fc.nat().map((n) => new Ref('attachment', n)), weight: 1 },
      ),
      template: fc.oneof(
        { arbitrary: fc.constant(null), weight: 8 },
        {
          arbitrary: fc.record({
            name: fc.constantFrom('order_update', 'welcome'),
            language: fc.constantFrom('en', 'es'),
            variables: fc.array(someText(20), { maxLength: 3 }),
          }),
          weight: 1,
        },
      ),
      private: fc.boolean(),
    },
    { requiredKeys: ['clientMessageId', 'content', ...(withConversation ? ['conversationId'] : [])] as any },
  );

const campaignSample = fc.record(
  {
    name: someText(200),
    channel: fc.constant('whatsapp'),
    content: fc.oneof(fc.constant('Hola {{name}}'), fc.constant('Hi {{name}}, your code is {{code}}'), someText(300)),
    ratePerSecond: fc.integer({ min: 1, max: 200 }),
    skipInvalid: fc.boolean(),
    recipients: fc.array(
      fc.record(
        {
          phone: fc.oneof({ arbitrary: phone, weight: 9 }, { arbitrary: hostileString, weight: 1 }),
          name: someText(50),
          variables: fc.constant({ code: 'A1' }),
        },
        { requiredKeys: ['phone', 'name'] },
      ),
      { minLength: 1, maxLength: 8 },
    ),
  },
  { requiredKeys: ['name', 'content', 'recipients'] },
);

const botSample = fc.record({
  enabled: fc.boolean(),
  greeting: fc.oneof(fc.constant(''), someText(300)),
  outOfHoursReply: fc.oneof(fc.constant(''), someText(300)),
  timeZone: fc.constantFrom(...TIME_ZONES),
  businessHours: fc
    .subarray([1, 2, 3, 4, 5, 6, 7])
    .chain((days) =>
      fc.tuple(
        ...days.map((day) =>
          fc
            .constantFrom(['09:00', '18:00'], ['00:00', '24:00'], ['08:30', '13:00'])
            .map(([open, close]) => ({ day, open, close })),
        ),
      ),
    ),
  handoffKeywords: fc.array(fc.oneof(fc.constantFrom('agent', 'humano', 'help me'), someText(40)), { maxLength: 5 }),
  handoffReply: someText(300),
});

const preferencesSample = fc
  .shuffledSubarray([...notificationTypes])
  .chain((types) =>
    fc.tuple(
      ...types.map((type) =>
        fc.record({ type: fc.constant(type), inApp: fc.boolean(), toast: fc.boolean(), sound: fc.boolean() }),
      ),
    ),
  )
  .map((items) => ({ items }));

/** Valid bodies that a schema alone cannot give: accounts that exist, passwords that are right, refinements. */
const VALID_BODIES: Record<string, () => fc.Arbitrary<unknown>> = {
  'POST /api/auth/login': () =>
    fc.tuple(fc.nat(), fc.integer({ min: 0, max: 3 })).map(([n, wrong]) => ({
      email: new Ref('email', n),
      password: wrong === 0 ? 'not-the-password-1' : new Ref('password', n),
    })),
  'POST /api/auth/password': () =>
    fc.record({
      currentPassword: fc.oneof(
        { arbitrary: fc.constant(new Ref('myPassword', 0)), weight: 3 },
        { arbitrary: someText(72), weight: 1 },
      ),
      newPassword: sampleOf(z.string().min(8).max(60)),
    }),
  'POST /api/conversations/:id/messages': () => messageSample(false),
  'POST /api/conversations/:id/read': () => fc.record({ upToSeq: fc.nat(40) }),
  'POST /api/messages/:id/reactions': () => fc.record({ emoji }),
  'POST /api/bulk-campaigns': () => campaignSample,
  'POST /api/bulk-campaigns/preview': () => campaignSample,
  'PUT /api/bot/settings': () => botSample,
  'PUT /api/notifications/preferences': () => preferencesSample,
  'POST /api/channels/sandbox/inbound': () =>
    fc.record(
      { from: fc.integer({ min: 0, max: 9 }).map((n) => `+3461000000${n}`), name: someText(50), text: someText(500) },
      { requiredKeys: ['from', 'text'] },
    ),
};

const JSON_TYPES = fc.oneof(
  { arbitrary: fc.constant('application/json'), weight: 24 },
  {
    arbitrary: fc.constantFrom(
      'application/json; charset=utf-8',
      'application/json; charset=utf-16',
      'application/json; charset=latin1',
      'application/json; charset=nonsense',
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/vnd.api+json',
      'application/json, text/html',
      'multipart/form-data; boundary=x',
      'multipart/form-data',
      'application/json; boundary=--',
    ),
    weight: 1,
  },
);
const ENCODING = fc.oneof(
  { arbitrary: fc.constant(undefined), weight: 30 },
  { arbitrary: fc.constantFrom('gzip', 'deflate', 'br', 'identity', 'x-unknown', 'gzip, gzip'), weight: 1 },
);

const rawBody = (valid: fc.Arbitrary<unknown>): fc.Arbitrary<string | Uint8Array> =>
  fc.oneof(
    valid.map((v) => {
      const s = JSON.stringify(v) ?? '';
      return s.slice(0, Math.floor(s.length / 2));
    }),
    valid.map((v) => Buffer.from(JSON.stringify(v) ?? '', 'utf16le')),
    valid.map((v) => `\ufeff${JSON.stringify(v)}`),
    fc.constantFrom(
      '{',
      '}',
      '[',
      '{"a":',
      'nul',
      'null',
      'true',
      '0',
      '"x"',
      '[]',
      '{}{}',
      '{"a":1}garbage',
      ' ',
      '',
      '{"a":"\\ud800"}',
      '{"a":"\\u0000"}',
      '{"a":1e999}',
      '{"a":01}',
      "{'a':1}",
      '{"a":1,}',
      '['.repeat(50_000),
      '{"a":'.repeat(20_000),
    ),
    fc.uint8Array({ maxLength: 300 }),
    fc.constantFrom(
      Uint8Array.from([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]),
      Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xc0, 0x80, 0xed, 0xa0, 0x80, 0xff]), Buffer.from('"}')]),
    ),
  );

const fileArb = fc.record({
  name: fc.oneof(
    fc.constantFrom(
      'p.png',
      'doc.pdf',
      'a.txt',
      'x.html',
      '../../evil.sh',
      '',
      'a'.repeat(300),
      'nul\u0000.png',
      'ñandú 👍.jpg',
      '.htaccess',
      'CON',
      'a"b.png',
      'a\r\nX-Injected: 1.png',
    ),
    hostileString,
  ),
  type: fc.constantFrom(
    'image/png',
    'image/jpeg',
    'application/pdf',
    'text/html',
    'application/x-msdownload',
    '',
    'image/svg+xml',
    'video/mp4',
    'text/plain; charset=utf-8',
    'application/octet-stream',
    'text/csv',
  ),
  bytes: fc.oneof(
    { arbitrary: fc.constant(new Uint8Array(PNG)), weight: 4 },
    { arbitrary: fc.uint8Array({ maxLength: 2_000 }), weight: 4 },
    { arbitrary: fc.constant(new Uint8Array(0)), weight: 1 },
    {
      arbitrary: fc.integer({ min: MAX_UPLOAD_BYTES - 10, max: MAX_UPLOAD_BYTES * 2 }).map((n) => new Uint8Array(n)),
      weight: 1,
    },
  ),
});

const uploadBody: fc.Arbitrary<BodySpec> = fc
  .record({
    conversationId: fc.oneof(
      { arbitrary: idOf('conversation'), weight: 8 },
      { arbitrary: hostileValue(), weight: 2 },
      { arbitrary: fc.constant(undefined), weight: 1 },
    ),
    files: fc.oneof(
      { arbitrary: fc.array(fileArb, { minLength: 1, maxLength: 1 }), weight: 8 },
      { arbitrary: fc.array(fileArb, { maxLength: 3 }), weight: 2 },
    ),
    fileField: fc.oneof({ arbitrary: fc.constant('file'), weight: 9 }, { arbitrary: hostileKey, weight: 1 }),
    extra: fc.option(fc.tuple(hostileKey, hostileString)),
  })
  .map(({ conversationId, files, fileField, extra }) => ({
    kind: 'form' as const,
    parts: [
      ...(conversationId === undefined ? [] : [{ field: 'conversationId', value: conversationId }]),
      ...files.map((file) => ({ field: fileField, value: null, file })),
      ...(extra ? [{ field: extra[0], value: extra[1] }] : []),
    ],
  }));

/** CSV cells that have broken CSV readers and spreadsheets. */
const csvCell = fc.oneof(
  { arbitrary: phone, weight: 6 },
  { arbitrary: someText(30), weight: 4 },
  {
    arbitrary: fc.constantFrom(
      '"',
      '""',
      '"unterminated',
      'a,b',
      '"a,b"',
      'line\nbreak',
      '"line\nbreak"',
      '=1+1',
      '@SUM(A1)',
      '\ufeff',
      '\u0000',
      '',
    ),
    weight: 2,
  },
  { arbitrary: hostileString, weight: 1 },
);
const csvFile = fc.oneof(
  {
    arbitrary: fc
      .record({
        header: fc.oneof(
          fc.constantFrom(
            ['phone', 'name'],
            ['phone'],
            ['phone', 'name', 'code'],
            ['Phone ', 'NAME'],
            ['phone', 'phone'],
            ['name'],
            [],
          ),
          fc.array(hostileString, { maxLength: 3 }),
        ),
        rows: fc.array(fc.array(csvCell, { minLength: 1, maxLength: 4 }), { maxLength: 10 }),
        eol: fc.constantFrom('\r\n', '\n', '\r'),
        bom: fc.boolean(),
      })
      .map(({ header, rows, eol, bom }) =>
        Buffer.from((bom ? '\ufeff' : '') + [header, ...rows].map((r) => r.join(',')).join(eol)),
      ),
    weight: 8,
  },
  { arbitrary: fc.uint8Array({ maxLength: 500 }).map((b) => Buffer.from(b)), weight: 1 },
  {
    arbitrary: fc
      .integer({ min: 1_000, max: 20_000 })
      .map((n) =>
        Buffer.from(`phone\n${Array.from({ length: n }, (_, i) => `+3460${String(i).padStart(7, '0')}`).join('\n')}`),
      ),
    weight: 1,
  },
);

const csvCampaignBody: fc.Arbitrary<BodySpec> = fc
  .record({
    settings: payloadOf(
      fc.record(
        {
          name: someText(100),
          content: fc.constant('Hola {{name}}'),
          ratePerSecond: fc.constantFrom('5', '20', '0', '-1', 'abc', '1e308'),
          skipInvalid: fc.constantFrom('true', 'false', 'yes'),
          template: fc.constantFrom(undefined, '{"name":"welcome","language":"en"}', '{not json', '[]'),
        },
        { requiredKeys: ['name', 'content'] },
      ),
      { weights: [70, 25, 5] },
    ),
    file: fc.option(csvFile, { freq: 8 }),
  })
  .map(({ settings, file }) => ({
    kind: 'form' as const,
    parts: [
      ...(settings && typeof settings === 'object' && !Array.isArray(settings)
        ? Object.entries(settings)
            .filter(([, v]) => v !== undefined)
            .map(([field, value]) => ({ field, value }))
        : [{ field: 'settings', value: settings }]),
      ...(file
        ? [
            {
              field: 'file',
              value: null,
              file: { name: 'recipients.csv', type: 'text/csv', bytes: new Uint8Array(file) },
            },
          ]
        : []),
    ],
  }));

const webhookBody: fc.Arbitrary<BodySpec> = fc
  .record({
    value: fc.oneof(
      {
        arbitrary: fc
          .record({
            phone: fc.integer({ min: 0, max: 9 }).map((n) => `+3462000000${n}`),
            text: someText(200),
            name: someText(40),
            id: fc.uuid(),
          })
          .map(({ phone: p, text, name, id }) => waText(p, text, { name, id: `wamid.${id}` })),
        weight: 3,
      },
      {
        arbitrary: mutated(
          fc
            .record({ text: someText(50), id: fc.uuid() })
            .map(({ text, id }) => waText('+34620000001', text, { id: `wamid.${id}` })),
        ),
        weight: 4,
      },
      {
        arbitrary: fc
          .tuple(fc.constantFrom('sent', 'delivered', 'read', 'failed', 'bogus'), fc.uuid())
          .map(([status, id]) => waStatus(`wamid.${id}`, status)),
        weight: 1,
      },
      { arbitrary: hostileValue(), weight: 2 },
    ),
    raw: fc.option(fc.constantFrom('{', 'not json', '', '{"a":"\\ud800"}', '{"a":"\\u0000"}', '[]', 'null'), {
      freq: 8,
    }),
    signature: fc.constantFrom('valid' as const, 'valid' as const, 'valid' as const, 'none' as const, 'wrong' as const),
  })
  .map((w) => ({ kind: 'webhook' as const, value: w.value, raw: w.raw ?? undefined, signature: w.signature }));

function bodyArb(route: RestRoute): fc.Arbitrary<BodySpec> {
  const key = keyOf(route);
  if (route.method === 'GET') return fc.constant({ kind: 'none' });
  if (key === 'POST /api/attachments')
    return fc.oneof(
      { arbitrary: uploadBody, weight: 9 },
      { arbitrary: jsonBody(fc.record({ conversationId: idOf('conversation') })), weight: 1 },
    );
  if (key === 'POST /api/channels/whatsapp/webhook') return webhookBody;
  const valid = VALID_BODIES[key]?.() ?? (route.body ? sampleOf(route.body) : null);
  if (key === 'POST /api/bulk-campaigns' || key === 'POST /api/bulk-campaigns/preview') {
    return fc.oneof(
      { arbitrary: jsonBody(valid as fc.Arbitrary<unknown>, 3_000_000), weight: 7 },
      { arbitrary: csvCampaignBody, weight: 3 },
    );
  }
  if (!valid) {
    return fc.oneof(
      { arbitrary: fc.constant({ kind: 'none' as const }), weight: 5 },
      { arbitrary: jsonBody(fc.constant({})), weight: 3 },
      {
        arbitrary: rawBody(fc.constant({})).map((data) => ({
          kind: 'raw' as const,
          data,
          contentType: 'application/json',
        })),
        weight: 1,
      },
    );
  }
  return jsonBody(valid);
}

function jsonBody(valid: fc.Arbitrary<unknown>, maxBytes = 1_500_000): fc.Arbitrary<BodySpec> {
  return fc.oneof(
    {
      arbitrary: fc
        .record({ value: payloadOf(valid, { bigWeight: 2, maxBytes }), contentType: JSON_TYPES, encoding: ENCODING })
        .map((b) => ({ kind: 'json' as const, ...b })),
      weight: 17,
    },
    {
      arbitrary: fc
        .record({
          data: rawBody(valid),
          contentType: fc.oneof(fc.constant('application/json'), fc.constant(null)),
          encoding: ENCODING,
        })
        .map((b) => ({ kind: 'raw' as const, ...b })),
      weight: 2,
    },
    {
      arbitrary: valid.map((v) => ({
        kind: 'form' as const,
        parts:
          v && typeof v === 'object'
            ? Object.entries(v as Record<string, unknown>).map(([field, value]) => ({ field, value }))
            : [{ field: 'value', value: v }],
      })),
      weight: 1,
    },
  );
}

const garbageAuthArb = fc.oneof(
  fc.constantFrom(
    'Bearer',
    'Bearer ',
    'Basic YWRtaW46YWRtaW4=',
    'bearer x',
    'Bearer null',
    'Bearer undefined',
    'Bearer a.b.c',
    'Bearer eyJhbGciOiJub25lIn0.e30.',
    'Token abc',
    `Bearer ${'A'.repeat(6_000)}`,
    'Bearer  double-space',
    'Bearer x y z',
    'BEARER eyJ',
  ),
  fc.string({ unit: 'binary-ascii', maxLength: 200 }).map((s) => `Bearer ${s.replace(/[^\x21-\x7e]/g, '')}`),
  fc.string({ unit: 'binary-ascii', maxLength: 60 }).map((s) => s.replace(/[^\x20-\x7e]/g, '').trim()),
);

const extraHeadersArb: fc.Arbitrary<Record<string, string>> = fc.oneof(
  { arbitrary: fc.constant({} as Record<string, string>), weight: 12 },
  {
    arbitrary: fc.constantFrom<Record<string, string>>(
      { accept: 'text/html' },
      { 'x-forwarded-for': 'not-an-ip, \u00ff, 999.999.999.999' },
      { 'x-forwarded-for': Array.from({ length: 300 }, (_, i) => `10.0.${i % 255}.1`).join(', ') },
      { origin: 'http://evil.example' },
      { 'x-hub-signature-256': 'sha256=00' },
      { 'accept-language': 'x'.repeat(2_000) },
      { 'content-length-ignored': '1' },
    ),
    weight: 1,
  },
);

const restCaseArb = (route: RestRoute): fc.Arbitrary<RestCase> =>
  fc.record({
    id: idArb(route),
    query: queryArb(route),
    body: bodyArb(route),
    garbageAuth: garbageAuthArb,
    extraHeaders: extraHeadersArb,
  });

interface Sent {
  url: string;
  init: RequestInit;
  describe: string;
}

function buildRequest(route: RestRoute, who: Identity, c: RestCase): Sent {
  const path = route.path.replace(/:(\w+)/g, () => (c.id.raw ? String(c.id.value) : encode(asText(c.id.value))));
  const query =
    typeof c.query === 'string' ? c.query : c.query.map(([k, v]) => `${encode(k)}=${encode(asText(v))}`).join('&');
  const headers: Record<string, string> = { ...c.extraHeaders };
  const auth =
    who.nobody === 'no-token' ? undefined : who.nobody === 'garbage-token' ? c.garbageAuth : `Bearer ${who.token}`;
  if (auth) headers['authorization'] = auth;
  let body: BodyInit | undefined;
  let shown: unknown;
  const b = c.body;
  switch (b.kind) {
    case 'none':
      break;
    case 'json':
      body = JSON.stringify(b.value) ?? '';
      shown = b.value;
      if (b.contentType) headers['content-type'] = b.contentType;
      if (b.encoding) headers['content-encoding'] = b.encoding;
      break;
    case 'raw':
      body = typeof b.data === 'string' ? b.data : Buffer.from(b.data);
      shown =
        typeof b.data === 'string'
          ? b.data
          : `<${b.data.byteLength} bytes: ${Buffer.from(b.data).subarray(0, 40).toString('hex')}>`;
      if (b.contentType) headers['content-type'] = b.contentType;
      if (b.encoding) headers['content-encoding'] = b.encoding;
      break;
    case 'form': {
      const form = new FormData();
      for (const p of b.parts) {
        if (p.file) form.append(p.field, new Blob([Buffer.from(p.file.bytes)], { type: p.file.type }), p.file.name);
        else form.append(p.field, asText(p.value));
      }
      body = form;
      shown = b.parts.map((p) =>
        p.file
          ? { field: p.field, file: p.file.name, type: p.file.type, bytes: p.file.bytes.byteLength }
          : { field: p.field, value: p.value },
      );
      break;
    }
    case 'webhook': {
      const raw = b.raw ?? JSON.stringify(b.value) ?? '';
      body = raw;
      shown = b.raw ?? b.value;
      headers['content-type'] = 'application/json';
      if (b.signature === 'valid') headers['x-hub-signature-256'] = signatureOf(raw, APP_SECRET);
      if (b.signature === 'wrong') headers['x-hub-signature-256'] = signatureOf(raw, 'not-the-app-secret');
      break;
    }
  }
  const url = `${app.url}${path}${query ? `?${query}` : ''}`;
  const describe = `${route.method} ${url.slice(app.url.length, app.url.length + 400)} as ${who.label}${auth && who.nobody === 'garbage-token' ? ` (Authorization: ${preview(auth, 80)})` : ''}${Object.keys(c.extraHeaders).length ? ` headers ${preview(c.extraHeaders, 200)}` : ''}\n  body (${b.kind}${'contentType' in b ? `, ${b.contentType}` : ''}${'encoding' in b && b.encoding ? `, content-encoding ${b.encoding}` : ''}): ${preview(shown)}`;
  return { url, init: { method: route.method, headers, body }, describe };
}

/** Messages of refusals before any service ran (schema, body parser, cursor); a service explains itself otherwise. */
const GENERIC_REFUSALS = new Set([
  'The request is not valid',
  'The request body is not valid JSON',
  'Invalid cursor',
  'The request body cannot be read: send UTF-8 JSON, compressed only as its Content-Encoding says',
]);
const refusedByService = (error: { code?: string; message?: string } | undefined) =>
  error?.code === 'validation_failed' && !GENERIC_REFUSALS.has(error.message ?? '');

/** Things that must never reach a client: stack frames, file paths, SQL, driver names. */
const LEAK =
  /\bat [\w.<>$]+ \(|node_modules|\/src\/app\/|\.ts:\d+|QueryFailedError|TypeORM|\bSELECT .* FROM\b|\bINSERT INTO\b|syntax error at|duplicate key value|violates .* constraint|<html|<!DOCTYPE/;

const SESSION_ROUTES = /^\/api\/(auth|users)(\/|$)/;

async function runRestCase(route: RestRoute, who: Identity, c: RestCase): Promise<void> {
  const key = keyOf(route);
  current.identity = who;
  current.label = `${key} as ${who.label}`;
  const sent = buildRequest(route, who, c);
  let res: Response;
  let text: string;
  try {
    res = await fetch(sent.url, { ...sent.init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    text = await res.text();
  } catch (err) {
    const cause = (err as Error & { cause?: Error }).cause;
    // fetch itself refuses some header values; nothing was sent.
    if (err instanceof TypeError && !cause) return;
    count(key, allows(route, who), 'no answer', false, false);
    throw new CaseFailure(`no answer: ${(err as Error).message} ${cause?.message ?? ''}\n  ${sent.describe}`);
  }
  const status = res.status;
  const contentType = res.headers.get('content-type') ?? '';
  let body: any;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  const problems: string[] = [];
  if (status >= 500) problems.push(`answered ${status}`);
  // A dot segment or an empty id makes it another route (or none).
  const segments = new URL(sent.url).pathname.split('/').slice(1);
  const sameShape = segments.length === route.path.split('/').length - 1 && segments.every((x) => x !== '');
  const unserved = !c.id.raw && sameShape && status === 404 && body?.error?.message === 'No such route';
  if (unserved) problems.push('the contract has this route but the api does not serve it');
  if (status >= 400) {
    const shape = errorResponseSchema.safeParse(body);
    if (!contentType.includes('application/json'))
      problems.push(`error is ${contentType || 'without a content type'}, not JSON`);
    if (!shape.success) problems.push('error body is not {error:{code,message}}');
    else if (httpStatusByErrorCode[shape.data.error.code] !== status)
      problems.push(`error code ${shape.data.error.code} with status ${status}`);
    if (LEAK.test(text)) problems.push('error body leaks internals');
  }
  const allowed = allows(route, who);
  // A raw segment that does not decode fails in the router before any guard runs; another route (or
  // none) is only held to what holds for every answer.
  const routed = !c.id.raw && sameShape && !unserved;
  if (!isPublic(route) && status !== 429 && routed) {
    if (who.role === null && status !== 401) problems.push(`a caller without a valid token got ${status}, not 401`);
    else if (who.role !== null && !allowed && status !== 403 && status !== 401)
      problems.push(`role ${who.role} is not allowed here but got ${status}, not 403`);
    else if (who.role !== null && allowed && status === 401) problems.push('a live session was refused 401');
  }
  // The body is parsed before its signature is checked, so a body that is no JSON is a 400 either way.
  const unsigned =
    key === 'POST /api/channels/whatsapp/webhook' && c.body.kind === 'webhook' && c.body.signature !== 'valid';
  if (
    unsigned &&
    status !== 401 &&
    !(status === 400 && body?.error?.message === 'The request body is not valid JSON')
  ) {
    problems.push(`an unsigned or wrongly signed webhook got ${status}, not 401`);
  }
  if (routed && status >= 200 && status < 300) {
    const expected = route.status ?? 200;
    if (status !== expected && !(key === 'POST /api/conversations' && status === 200))
      problems.push(`success ${status}, the contract says ${expected}`);
    if (route.response && contentType.includes('application/json')) {
      const parsed = route.response.safeParse(body);
      if (!parsed.success)
        problems.push(`success body does not match the contract: ${preview(parsed.error.issues.slice(0, 3), 400)}`);
    }
    harvest(route, who, body, c);
  }
  const reached =
    !unserved &&
    ((status >= 200 && status < 300) ||
      status === 404 ||
      status === 409 ||
      (status === 400 && refusedByService(body?.error)));
  count(key, allowed, String(status), !!reached, status < 300);
  if (TRACE && key.includes(TRACE)) console.log(`${status} ${sent.describe}\n  answer: ${text.slice(0, 300)}`);
  if (problems.length) {
    throw new CaseFailure(
      `${problems.join('; ')}\n  ${sent.describe}\n  answer ${status} ${contentType}: ${text.slice(0, 500)}`,
    );
  }
  if (status >= 200 && status < 300 && SESSION_ROUTES.test(route.path) && route.method !== 'GET')
    await repairIdentities();
}

function harvest(route: RestRoute, who: Identity, body: any, c: RestCase): void {
  const key = keyOf(route);
  const sentBody = c.body.kind === 'json' ? (c.body.value as any) : undefined;
  if (key === 'POST /api/auth/password' && typeof sentBody?.newPassword === 'string')
    who.password = sentBody.newPassword;
  if (!body || typeof body !== 'object') return;
  // Whatever a collection creates can be pointed at by its `:id` routes.
  if (route.method === 'POST' && !route.path.includes(':')) remember(idKindOf(route.path), body.id);
  switch (key) {
    case 'POST /api/conversations':
      remember('contact', body.contact?.id);
      break;
    case 'POST /api/widget/sessions':
      remember('conversation', body.conversation?.id);
      remember('contact', body.contact?.id);
      break;
    case 'POST /api/conversations/:id/messages':
      remember('message', body.id);
      remember(`message:${who.label}`, body.id);
      break;
    case 'POST /api/channels/sandbox/inbound':
      remember('conversation', body.conversation?.id);
      remember('message', body.message?.id);
      break;
    case 'POST /api/users':
      if (typeof sentBody?.password === 'string' && typeof body.email === 'string')
        accounts.push({ email: body.email, password: sentBody.password });
      break;
    case 'POST /api/attachments': {
      const conversationId =
        c.body.kind === 'form' ? c.body.parts.find((p) => p.field === 'conversationId')?.value : undefined;
      if (body.attachment) attachments.push({ conversationId: asText(conversationId), attachment: body.attachment });
      break;
    }
    case 'GET /api/notifications':
      for (const n of body.items ?? []) remember('notification', n.id);
      break;
  }
  if (typeof body.nextCursor === 'string') {
    remember('cursor', body.nextCursor);
    remember(`cursor:${key}`, body.nextCursor);
  }
}

// ---------------------------------------------------------------------------------------------
// Fuzz identities: kept alive whatever the fuzzing does to them
// ---------------------------------------------------------------------------------------------

async function http(method: string, path: string, token: string | undefined, body?: unknown) {
  return app.http(method, path, { token, body });
}

/** A setup request that must succeed: the pools are only worth something if what they hold exists. */
async function setup(method: string, path: string, body?: unknown): Promise<any> {
  const res = await http(method, path, rootToken, body);
  if (res.status >= 300) throw new Error(`setup ${method} ${path} failed: ${res.status} ${res.text.slice(0, 300)}`);
  return res.body;
}

let users = 0;

/**
 * A staff user made through the API, its session minted directly: a login more is a password
 * check more (tens of ms of CPU) on the machine the server and the suite share.
 */
async function staffUser(role: StaffRole, name: string): Promise<Identity> {
  const n = ++users;
  const password = `fuzz-password-${n}`;
  const user = await setup('POST', '/api/users', { email: `fuzz-${role}-${n}@test.local`, name, role, password });
  const token = await app.sessionToken({ sub: user.id, role, name: user.name }, 3_600);
  return { label: role, role, token, email: user.email, password, userId: user.id, conversationId: '' };
}

async function newContact(label: string): Promise<Identity> {
  const session: WidgetSession = await startWidgetChat(app, `Fuzz ${label}`);
  remember('conversation', session.conversation.id);
  remember('contact', session.contact.id);
  return {
    label,
    role: 'contact',
    token: session.contactToken,
    conversationId: session.conversation.id,
    email: '',
    password: '',
    userId: '',
  };
}

/**
 * After a case that may have ended sessions (logout, a password, a role change, a deactivation),
 * every fuzz identity is checked and, where needed, given back its role, its password and a new
 * session by the first admin, whom fuzzing never gets to touch.
 */
async function repairIdentities(): Promise<void> {
  for (const who of fuzzers) {
    if (who.role === 'contact') {
      const res = await http('GET', `/api/conversations/${who.conversationId}`, who.token);
      if (res.status === 200) continue;
      Object.assign(who, await newContact(who.label));
      continue;
    }
    const me = await http('GET', '/api/auth/me', who.token);
    if (me.status === 200 && me.body.role === who.role && me.body.active) continue;
    // The role back and active (a no-op after a mere logout), then a new session.
    const patch = await http('PATCH', `/api/users/${who.userId}`, rootToken, { role: who.role, active: true });
    if (patch.status === 404) {
      // Deleted (should the contract delete users): a new user of the same role takes its place.
      Object.assign(who, await staffUser(who.role as StaffRole, `Fuzz ${who.role}`));
      remember('user', who.userId);
      continue;
    }
    if (patch.status !== 200) throw new Error(`cannot repair ${who.label}: ${patch.status} ${patch.text}`);
    who.token = await app.sessionToken({ sub: who.userId, role: who.role as Role, name: patch.body.name }, 3_600);
  }
  refreshNobodies();
}

/** Tokens that must not work: signed with another key, unsigned, expired; claims of the fuzz admin. */
function refreshNobodies(): void {
  const admin = fuzzer('admin');
  const claims = JSON.parse(Buffer.from(admin.token.split('.')[1], 'base64url').toString()) as Record<string, unknown>;
  const { iat: _iat, exp: _exp, ...rest } = claims;
  const now = Math.floor(Date.now() / 1000);
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const tokens: Record<NobodyKind, string> = {
    'no-token': '',
    'garbage-token': '',
    'wrong-key': new JwtService({ secret: 'not-the-secret-not-the-secret-not-it' }).sign(rest, { expiresIn: 3600 }),
    'alg-none': `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...rest, iat: now, exp: now + 3600 })}.`,
    expired: new JwtService({ secret: TEST_JWT_SECRET }).sign({ ...rest, iat: now - 7200, exp: now - 3600 }),
  };
  for (const n of nobodies) n.token = tokens[n.nobody ?? 'no-token'];
}

// ---------------------------------------------------------------------------------------------
// Sockets
// ---------------------------------------------------------------------------------------------

const fuzzSockets = new Map<string, Socket>();
/** Fuzz sockets whose own payload may end their connection (over the size limit, a malformed frame). */
const mayDrop = new WeakSet<Socket>();
let maxSocketPayload = 0;

async function fuzzSocket(ns: string, who: Identity): Promise<Socket> {
  const key = `${ns}|${who.label}`;
  const existing = fuzzSockets.get(key);
  if (existing?.connected) return existing;
  existing?.disconnect();
  let outcome: Awaited<ReturnType<typeof connectOutcome>> = { connected: false, error: 'not tried' };
  const open = async () => {
    const s = app.socket(ns, { token: who.token });
    outcome = await connectOutcome(s);
    return s;
  };
  let socket = await open();
  if (!outcome.connected) {
    await repairIdentities();
    socket = await open();
  }
  if (!outcome.connected) throw new Error(`fuzz socket ${key} refused: ${(outcome as { error: string }).error}`);
  // A new connection is in no conversation room yet.
  if (ns === '/chat') pool(`joined:${who.label}`).length = 0;
  socket.on('new_message', (p: { message?: { id?: string } }) => remember('message', p?.message?.id));
  // Another identity's payload must not end this connection either.
  socket.on('disconnect', (reason) => {
    if (!mayDrop.has(socket) && reason !== 'io client disconnect')
      blame(`fuzz socket ${key} was disconnected: ${reason}`);
  });
  fuzzSockets.set(key, socket);
  return socket;
}

type Emitted = { kind: 'ack'; ack: unknown } | { kind: 'disconnected'; reason: string } | { kind: 'timeout' };

/** Emits and waits for the ack, or the disconnect, or the timeout; without an ack a not_found probe follows. */
function emitAndWait(socket: Socket, event: string, args: unknown[], withAck: boolean): Promise<Emitted> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (e: Emitted) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.off('disconnect', onDisconnect);
      resolve(e);
    };
    const onDisconnect = (reason: string) => finish({ kind: 'disconnected', reason });
    const timer = setTimeout(() => finish({ kind: 'timeout' }), ACK_TIMEOUT_MS);
    socket.once('disconnect', onDisconnect);
    const callback = (err: Error | null, ack: unknown) =>
      err
        ? finish(socket.connected ? { kind: 'timeout' } : { kind: 'disconnected', reason: err.message })
        : finish({ kind: 'ack', ack });
    if (withAck) {
      socket.timeout(ACK_TIMEOUT_MS).emit(event, ...args, callback);
    } else {
      socket.emit(event, ...args);
      socket.timeout(ACK_TIMEOUT_MS).emit('fuzz_probe', {}, callback);
    }
  });
}

/** The largest single frame the payload makes: its JSON, or one of its binary attachments. */
function frameBytes(event: string, args: unknown[]): number {
  let largestBinary = 0;
  const json = JSON.stringify([event, ...args], (_k, v) => {
    if (ArrayBuffer.isView(v)) {
      largestBinary = Math.max(largestBinary, v.byteLength);
      return { _placeholder: true, num: 0 };
    }
    return v;
  });
  return Math.max(Buffer.byteLength(json ?? ''), largestBinary);
}

interface SocketCase {
  payload: unknown;
  mode: 'ack' | 'no-ack' | 'no-args' | 'two-args';
  extra: unknown;
}

/** Valid payloads that a schema alone cannot give. */
const VALID_EVENTS: Record<string, () => fc.Arbitrary<unknown>> = {
  '/chat chat_message': () => messageSample(true),
  '/chat mark_read': () => fc.record({ conversationId: idOf('conversation'), upToSeq: fc.nat(40) }),
  '/chat join_conversation': () =>
    fc.record({ conversationId: idOf('conversation'), afterSeq: fc.nat(40) }, { requiredKeys: ['conversationId'] }),
  '/chat react': () => fc.record({ messageId: idOf('message'), emoji }),
  // Typing is only for a room the socket joined.
  '/chat typing': () =>
    fc.record({
      conversationId: fc.oneof(
        { arbitrary: fc.nat().map((n) => new Ref('joined', n)), weight: 3 },
        { arbitrary: idOf('conversation'), weight: 1 },
      ),
      isTyping: fc.boolean(),
    }),
};

const binaryArb = fc.oneof(
  { arbitrary: fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)), weight: 5 },
  { arbitrary: fc.integer({ min: 200_000, max: 400_000 }).map((n) => Buffer.alloc(n)), weight: 1 },
);

const socketCaseArb = (ns: string, event: string, schema: z.ZodType): fc.Arbitrary<SocketCase> => {
  const valid = VALID_EVENTS[`${ns} ${event}`]?.() ?? sampleOf(schema);
  return fc.record({
    payload: fc.oneof(
      // socket.io-client walks a payload recursively for binaries: deeper than this overflows the test's own stack.
      { arbitrary: payloadOf(valid, { bigWeight: 2, maxBytes: 400_000, maxDepth: 1_500 }), weight: 19 },
      { arbitrary: binaryArb, weight: 1 },
      { arbitrary: valid.map((v) => ({ ...(v as object), blob: Buffer.from('binary inside') })), weight: 1 },
    ),
    mode: fc.oneof(
      { arbitrary: fc.constant('ack' as const), weight: 16 },
      { arbitrary: fc.constantFrom('no-ack' as const, 'no-args' as const, 'two-args' as const), weight: 1 },
    ),
    extra: hostileValue(),
  });
};

async function runSocketCase(ns: string, event: string, who: Identity, c: SocketCase, key: string): Promise<void> {
  current.identity = who;
  current.label = `${key} as ${who.label}`;
  const socket = await fuzzSocket(ns, who);
  const args = c.mode === 'no-args' ? [] : c.mode === 'two-args' ? [c.payload, c.extra] : [c.payload];
  const bytes = frameBytes(event, args);
  // A frame over MAX_SOCKET_PAYLOAD_BYTES closes the connection (engine.io); near the limit either is fine.
  const over = bytes > maxSocketPayload * 0.97;
  if (over) mayDrop.add(socket);
  const outcome = await emitAndWait(socket, event, args, c.mode !== 'no-ack');
  const describe = `${key} as ${who.label} (${c.mode}, ${bytes} bytes): ${preview(args)}`;
  const problems: string[] = [];
  let status: string = outcome.kind;
  if (outcome.kind === 'disconnected') {
    if (!over)
      problems.push(`the fuzzing socket was disconnected (${outcome.reason}) by a payload under the size limit`);
  } else if (outcome.kind === 'timeout') {
    problems.push(`no ack within ${ACK_TIMEOUT_MS} ms`);
  } else {
    const shape = ackSchema(z.unknown()).safeParse(outcome.ack);
    if (!shape.success)
      problems.push(`ack is not {ok:true,data} or {ok:false,error:{code,message}}: ${preview(outcome.ack)}`);
    else if (!shape.data.ok) {
      status = shape.data.error.code;
      // Refused by the service after parsing (a reply to a message elsewhere, an attachment of another conversation).
      if (refusedByService(shape.data.error)) status = 'service refused';
      if (shape.data.error.code === 'internal' || shape.data.error.code === 'unavailable')
        problems.push(`ack error ${shape.data.error.code}`);
      if (LEAK.test(JSON.stringify(outcome.ack))) problems.push('ack leaks internals');
      if (c.mode === 'no-ack' && shape.data.error.code !== 'not_found')
        problems.push(`the probe after an unacknowledged event got ${shape.data.error.code}`);
    } else {
      status = 'ok';
      const data = shape.data.data as any;
      if (event === 'join_conversation' && data?.conversation?.id)
        remember(`joined:${who.label}`, data.conversation.id);
      if (event === 'chat_message' && data?.message?.id) {
        remember('message', data.message.id);
        remember(`message:${who.label}`, data.message.id);
      }
    }
  }
  const reached = ['ok', 'not_found', 'forbidden', 'conflict', 'service refused'].includes(status);
  count(key, true, status, c.mode === 'ack' && reached, status === 'ok');
  if (TRACE && key.includes(TRACE)) console.log(`${status} ${describe}\n  answer: ${preview(outcome, 300)}`);
  if (problems.length) throw new CaseFailure(`${problems.join('; ')}\n  ${describe}\n  answer: ${preview(outcome)}`);
}

// ---------------------------------------------------------------------------------------------
// The suite
// ---------------------------------------------------------------------------------------------

/** Taken before the server runs in this process, to tell whether a payload polluted a prototype. */
const PROTOTYPE_BEFORE = {
  object: Object.getOwnPropertyNames(Object.prototype),
  array: Object.getOwnPropertyNames(Array.prototype),
};

const restRoutes = contractRoutes.map((r) => [keyOf(r), r] as const);
const socketEvents = (Object.entries(clientEventSchemas) as [Namespace, Record<string, z.ZodType>][]).flatMap(
  ([ns, events]) => Object.entries(events).map(([event, schema]) => [`${ns} ${event}`, ns, event, schema] as const),
);

describe('fuzzing every route and socket event with hostile input', () => {
  beforeAll(async () => {
    app = await startTestApp({
      RATE_LIMIT_MESSAGES_PER_SECOND: '100000',
      RATE_LIMIT_JOINS_PER_SECOND: '100000',
      RATE_LIMIT_TYPING_PER_SECOND: '100000',
      RATE_LIMIT_UPLOADS_PER_MINUTE: '100000',
      RATE_LIMIT_SEARCHES_PER_SECOND: '100000',
      // Fuzzed logins with wrong passwords must not lock the fuzzing users out (LOGIN_FAILURES_BEFORE_BACKOFF).
      LOGIN_FAILURES_BEFORE_BACKOFF: '1000',
      WHATSAPP_APP_SECRET: APP_SECRET,
      WHATSAPP_VERIFY_TOKEN: VERIFY_TOKEN,
      MAX_UPLOAD_BYTES: String(MAX_UPLOAD_BYTES),
      CHANNEL_SWEEP_INTERVAL_MS: '1000',
    });
    maxSocketPayload = app.server.config.env.MAX_SOCKET_PAYLOAD_BYTES;
    recordServerErrors();
    rootToken = await app.adminToken();

    // Fuzzing users, and users that only exist to be targeted by fuzzed user administration.
    for (const role of ['admin', 'supervisor', 'agent', 'marketer'] as StaffRole[])
      fuzzers.push(await staffUser(role, `Fuzz ${role}`));
    fuzzers.push(await newContact('contact'));
    const targets = [];
    for (const role of ['agent', 'agent', 'supervisor', 'marketer'] as StaffRole[])
      targets.push(await staffUser(role, `Target ${role}`));
    for (const who of [...fuzzers, ...targets].filter((f) => f.role !== 'contact')) {
      accounts.push({ email: who.email, password: who.password });
      remember('user', who.userId);
    }
    for (const nobody of NOBODY)
      nobodies.push({
        label: nobody,
        role: null,
        token: '',
        nobody,
        email: '',
        password: '',
        userId: '',
        conversationId: '',
      });
    refreshNobodies();

    // Things to point at: conversations (internal, widget, WhatsApp), messages, a campaign, a template.
    for (let i = 0; i < 4; i++) {
      const conv = await createConversation(app, rootToken, {
        contact: { name: `Pool ${i}`, phone: `+3460000000${i}` },
        channel: i % 2 ? 'internal' : 'web',
      });
      remember('conversation', conv.id);
      remember('contact', conv.contact.id);
      for (let k = 0; k < 3; k++) {
        remember(
          'message',
          (
            await setup('POST', `/api/conversations/${conv.id}/messages`, {
              clientMessageId: randomUUID(),
              content: `pool message ${k}`,
            })
          ).id,
        );
      }
    }
    const contact = fuzzer('contact');
    const contactSocket = await joinedSocket(app, contact.token, contact.conversationId);
    for (let k = 0; k < 3; k++) {
      const ack = await say(contactSocket, contact.conversationId, `contact message ${k}`);
      remember('message', ack.data.message.id);
      remember('message:contact', ack.data.message.id);
    }
    contactSocket.disconnect();
    const inbound = await setup('POST', '/api/channels/sandbox/inbound', {
      from: '+34611111111',
      name: 'Wendy',
      text: 'hola',
    });
    remember('conversation', inbound.conversation.id);
    remember('message', inbound.message.id);
    // One campaign still sending when fuzzing ends (pause, resume and cancel need a live one), one that finishes at once.
    const recipients = Array.from({ length: 300 }, (_, i) => ({
      phone: `+3460${String(100 + i).padStart(7, '0')}`,
      name: `Recipient ${i}`,
    }));
    remember(
      'campaign',
      (
        await setup('POST', '/api/bulk-campaigns', {
          name: 'Slow pool',
          content: 'Hola {{name}}',
          ratePerSecond: 1,
          recipients,
        })
      ).id,
    );
    remember(
      'campaign',
      (
        await setup('POST', '/api/bulk-campaigns', {
          name: 'Quick pool',
          content: 'Hola {{name}}',
          recipients: recipients.slice(0, 2),
        })
      ).id,
    );
    remember(
      'template',
      (
        await setup('POST', '/api/channels/templates', {
          name: 'order_update',
          language: 'en',
          body: 'Your order {{1}} is ready',
        })
      ).id,
    );
    const firstPage = await setup('GET', '/api/conversations?limit=1');
    remember('cursor', firstPage.nextCursor);
    remember('cursor:GET /api/conversations', firstPage.nextCursor);
    const firstRecipients = await setup('GET', `/api/bulk-campaigns/${pool('campaign')[0]}/recipients?limit=5`);
    remember('cursor:GET /api/bulk-campaigns/:id/recipients', firstRecipients.nextCursor);

    // Observers: their own users, never in any pool, on every namespace their role may open.
    const observerRoles: Record<StaffRole, Namespace[]> = {
      admin: ['/chat', '/notifications', '/stats', '/bulk'],
      supervisor: ['/chat', '/notifications', '/stats'],
      agent: ['/chat', '/notifications'],
      marketer: ['/chat', '/notifications', '/bulk'],
    };
    for (const [role, namespaces] of Object.entries(observerRoles) as [StaffRole, Namespace[]][]) {
      const { token } = await staffUser(role, `Observer ${role}`);
      for (const ns of namespaces) {
        await watch(`${role} on ${ns}`, async () => {
          const s = await connected(app.socket(ns, { token }));
          if (ns === '/chat' && role !== 'marketer')
            for (const id of pool('conversation').slice(0, 6))
              await emitAck(s, 'join_conversation', { conversationId: id });
          if (ns === '/bulk') await emitAck(s, 'subscribe', { campaignId: pool('campaign')[0] });
          return s;
        });
      }
    }
    const observedCustomer = await startWidgetChat(app, 'Observer customer');
    await watch('customer on /chat', () =>
      joinedSocket(app, observedCustomer.contactToken, observedCustomer.conversation.id),
    );

    // The well-behaved pair: a customer writing over its socket, its agent answering over REST.
    const customer = await startWidgetChat(app, 'Well-behaved customer');
    const agent = await staffUser('agent', 'Well-behaved agent');
    sender.conversationId = customer.conversation.id;
    await setup('POST', `/api/conversations/${customer.conversation.id}/assign`, { agentId: agent.userId });
    const customerSocket = await watch('well-behaved customer on /chat', () =>
      joinedSocket(app, customer.contactToken, customer.conversation.id),
    );
    sender.loops.push(
      (async () => {
        for (let i = 1; !sender.stop; i++) {
          const cmid = `customer-${i}`;
          for (let attempt = 1; ; attempt++) {
            if (!customerSocket.socket.connected) await sleep(50);
            // A lost ack is retried with the same clientMessageId, as a real client does: stored once either way.
            const ack = await emitAck(
              customerSocket.socket,
              'chat_message',
              { conversationId: sender.conversationId, clientMessageId: cmid, content: `customer says ${i}` },
              15_000,
            ).catch((err: Error) => ({ ok: false, error: { code: 'no ack', message: err.message } }));
            if (ack.ok) {
              sender.contactAcked.push({ cmid, seq: ack.data.message.seq });
              break;
            }
            blame(`the well-behaved customer's ${cmid} failed (attempt ${attempt}): ${JSON.stringify(ack.error)}`);
            if (attempt >= 5) break;
            await sleep(200);
          }
          await sleep(40);
        }
      })(),
      (async () => {
        for (let i = 1; !sender.stop; i++) {
          const cmid = `agent-${i}`;
          for (let attempt = 1; ; attempt++) {
            const res = await http('POST', `/api/conversations/${sender.conversationId}/messages`, agent.token, {
              clientMessageId: cmid,
              content: `agent answers ${i}`,
            }).catch((err: Error) => ({ status: 0, text: err.message, body: undefined as any }));
            if (res.status === 201 || res.status === 200) {
              sender.agentAcked.push({ cmid, seq: res.body.seq });
              break;
            }
            blame(
              `the well-behaved agent's ${cmid} failed (attempt ${attempt}): ${res.status} ${res.text.slice(0, 200)}`,
            );
            if (attempt >= 5) break;
            await sleep(200);
          }
          await sleep(250);
        }
      })(),
    );
    startHealthWatch();
    current.label = 'nothing yet';
  }, 90_000);

  afterAll(async () => {
    collectServerErrors = false;
    sender.stop = true;
    if (health.timer) clearInterval(health.timer);
    await Promise.all(sender.loops);
    await health.inFlight;
    for (const s of fuzzSockets.values()) s.disconnect();
    if (findings.size) console.log(`fuzz findings (seed ${SEED}):\n\n${[...findings.values()].join('\n\n')}`);
    await app?.close();
  });

  describe('REST: every route of the contract', () => {
    it.each(restRoutes)(
      '%s',
      async (key, route) => {
        const mark = Date.now();
        const errors: (string | null)[] = [];
        for (const who of [...fuzzers, ...nobodies]) {
          const allowed = allows(route, who);
          const n = isPublic(route) ? runs(4) : allowed ? runs(8) : runs(2);
          errors.push(await fuzz(`${key} as ${who.label}`, restCaseArb(route), n, (c) => runRestCase(route, who, c)));
        }
        await reopenDroppedObservers();
        settle(errors, mark);
      },
      120_000,
    );
  });

  describe('Socket.IO: every client event of every namespace', () => {
    it('handshakes with hostile auth are refused with unauthorized or forbidden, never crash', async () => {
      const mark = Date.now();
      const labels = [...fuzzers, ...nobodies].map((f) => f.label);
      const arb = fc.record({
        ns: fc.constantFrom('/chat', '/notifications', '/stats', '/bulk', '/', '/nope', '/chat/', '/CHAT'),
        who: fc.constantFrom(...labels),
        auth: fc.oneof(
          { arbitrary: fc.constant('token' as const), weight: 6 },
          { arbitrary: hostileValue().map((v) => ({ token: v })), weight: 2 },
          { arbitrary: hostileValue(), weight: 1 },
        ),
        // Not engine.io's own parameters (EIO, transport, sid): those fail the transport, before any namespace.
        query: fc.option(
          fc.dictionary(
            fc.constantFrom('token', 'role', 'namespace', '__proto__'),
            fc.constantFrom(...NASTY_STRINGS.filter((s) => !/[\ud800-\udfff]/.test(s))),
          ),
          { freq: 4 },
        ),
      });
      const error = await fuzz('handshake', arb, runs(40), async (c) => {
        const who = [...fuzzers, ...nobodies].find((f) => f.label === c.who) ?? nobodies[0];
        current.identity = who;
        current.label = `handshake on ${c.ns} as ${who.label}`;
        const garbage = who.nobody === 'garbage-token' || who.nobody === 'no-token';
        const auth = c.auth === 'token' ? (garbage ? {} : { token: who.token }) : c.auth;
        const socket = app.socket(c.ns, { auth: auth as Record<string, unknown>, query: c.query ?? undefined });
        const closed = new Promise<{ connected: false; error: string }>((resolve) =>
          socket.once('disconnect', () => resolve({ connected: false, error: 'closed' })),
        );
        const outcome = await Promise.race([
          connectOutcome(socket),
          closed,
          sleep(ACK_TIMEOUT_MS).then(() => ({ connected: false as const, error: 'no answer' })),
        ]);
        socket.disconnect();
        // Socket.IO's parser refuses a CONNECT whose auth is not an object by closing the connection.
        const plainAuth = Object.prototype.toString.call(auth) === '[object Object]';
        const known = c.ns in namespaceRoles;
        const validToken = c.auth === 'token' && who.role !== null;
        // The default namespace exists and refuses everyone.
        const expected =
          c.ns === '/'
            ? 'forbidden'
            : !known
              ? 'Invalid namespace'
              : validToken
                ? (namespaceRoles[c.ns as Namespace] as readonly (Role | null)[]).includes(who.role)
                  ? 'connected'
                  : 'forbidden'
                : 'unauthorized';
        const got = outcome.connected ? 'connected' : outcome.error;
        count('handshake', true, got, got === 'connected', got === 'connected');
        if (got !== expected && !(got === 'closed' && !plainAuth))
          throw new CaseFailure(
            `handshake on ${c.ns} as ${who.label} with auth ${preview(auth)} and query ${preview(c.query)}: expected ${expected}, got ${got}`,
          );
      });
      await reopenDroppedObservers();
      settle([error], mark);
    }, 120_000);

    it.each(socketEvents)(
      '%s',
      async (key, ns, event, schema) => {
        const mark = Date.now();
        const errors: (string | null)[] = [];
        const allowed = fuzzers.filter((f) => (namespaceRoles[ns] as readonly (Role | null)[]).includes(f.role));
        for (const who of allowed) {
          errors.push(
            await fuzz(`${key} as ${who.label}`, socketCaseArb(ns, event, schema), runs(12), (c) =>
              runSocketCase(ns, event, who, c, key),
            ),
          );
        }
        await reopenDroppedObservers();
        settle(errors, mark);
      },
      120_000,
    );

    it('events no namespace has are answered not_found', async () => {
      const mark = Date.now();
      const reserved = new Set([
        'connect',
        'connect_error',
        'disconnect',
        'disconnecting',
        'newListener',
        'removeListener',
      ]);
      const arb = fc.record({
        ns: fc.constantFrom('/chat', '/notifications', '/bulk'),
        event: fc
          .oneof(
            fc.constantFrom(
              '__proto__',
              'constructor',
              'toString',
              'hasOwnProperty',
              'JOIN_CONVERSATION',
              'join_conversation ',
              'chat_message\u0000',
              'new_message',
              'stats_updated',
              'subscribe',
              'mark_read',
            ),
            hostileString,
          )
          .filter((e) => !reserved.has(e)),
        payload: hostileValue(),
      });
      const admin = fuzzer('admin');
      const error = await fuzz('unknown events', arb, runs(30), async (c) => {
        current.identity = admin;
        current.label = `unknown event ${preview(c.event, 40)} on ${c.ns}`;
        const known = Object.keys((clientEventSchemas as Record<string, object>)[c.ns]);
        const outcome = await emitAndWait(await fuzzSocket(c.ns, admin), c.event, [c.payload], true);
        count('unknown events', true, outcome.kind, false, false);
        if (outcome.kind !== 'ack') throw new CaseFailure(`${c.ns} "${c.event}": ${outcome.kind}`);
        const ack = ackSchema(z.unknown()).safeParse(outcome.ack);
        if (!ack.success)
          throw new CaseFailure(`${c.ns} "${preview(c.event)}": ack ${preview(outcome.ack)} is not contract-shaped`);
        if (!known.includes(c.event) && (ack.data.ok || ack.data.error.code !== 'not_found'))
          throw new CaseFailure(
            `${c.ns} "${preview(c.event)}" is no event there, yet the ack is ${preview(outcome.ack)}`,
          );
        if (!ack.data.ok && (ack.data.error.code === 'internal' || ack.data.error.code === 'unavailable'))
          throw new CaseFailure(`${c.ns} "${c.event}": ack ${preview(outcome.ack)}`);
      });
      await reopenDroppedObservers();
      settle([error], mark);
    }, 120_000);

    it('malformed Socket.IO frames close at most their own connection', async () => {
      const mark = Date.now();
      const agent = fuzzer('agent');
      const frames = fc.oneof(
        fc.constantFrom(
          '42/chat,["chat_message",',
          '42/chat,[]',
          '42/chat,[123]',
          '42/chat,["disconnect"]',
          '42/chat,["disconnecting","x"]',
          '42/chat,["newListener","join_conversation"]',
          '42/chat,99999999999999999999["join_conversation",{}]',
          '42/chat,-1["join_conversation",{}]',
          '43/chat,12345[]',
          '45/chat,1-["chat_message",{"_placeholder":true,"num":0}]',
          '45/chat,99999-["chat_message",{}]',
          '42/nope,["x"]',
          '40/stats,{"token":"x"}',
          '40/chat,{"token":"x"}',
          '4',
          '49',
          '4x',
          '',
          '42/chat,{"__proto__":{"polluted":"yes"}}',
          '42/chat,["__proto__",{"polluted":"yes"}]',
        ),
        fc
          .tuple(
            fc.constantFrom('2', '3', '4', '6', '42/chat,', '42/chat,1', '45/chat,1-', '46/chat,1-'),
            fc.string({ unit: 'binary', maxLength: 40 }),
          )
          .map(([a, b]) => a + b),
        hostileValue().map((v) => `42/chat,["typing",${JSON.stringify(v) ?? 'null'}]`),
      );
      const error = await fuzz('raw frames', frames, runs(30), async (frame) => {
        current.identity = agent;
        current.label = `raw frame ${preview(frame, 60)}`;
        const socket = await fuzzSocket('/chat', agent);
        mayDrop.add(socket);
        (socket.io as unknown as { engine: { write(d: string): void } }).engine.write(frame);
        const outcome = await emitAndWait(socket, 'fuzz_probe', [{}], true);
        count('raw frames', true, outcome.kind, false, false);
        if (outcome.kind === 'timeout')
          throw new CaseFailure(`after the frame ${preview(frame)} the connection neither answers nor closes`);
      });
      await sleep(200);
      await reopenDroppedObservers();
      settle([error], mark);
    }, 120_000);
  });

  describe('after the fuzzing', () => {
    it('the observers stayed connected, the health check stayed 200, and it still is', async () => {
      await sleep(300);
      const down = watched.filter((w) => !w.socket.connected).map((w) => w.label);
      expect({ down, problems: bystanderProblems.map((p) => p.text) }).toEqual({ down: [], problems: [] });
      expect(health.checks).toBeGreaterThan(10);
      expect((await http('GET', '/api/health', undefined)).status).toBe(200);
    });

    it('the well-behaved customer and agent lost nothing: every acked message stored once, in order, seqs without gaps', async () => {
      sender.stop = true;
      await Promise.all(sender.loops);
      expect(sender.contactAcked.length).toBeGreaterThan(50);
      expect(sender.agentAcked.length).toBeGreaterThan(10);
      const stored: { seq: number; clientMessageId: string | null; sender: { type: string } }[] = [];
      for (let after = 0; ;) {
        const page = await http(
          'GET',
          `/api/conversations/${sender.conversationId}/messages?afterSeq=${after}&limit=200`,
          rootToken,
        );
        expect(page.status).toBe(200);
        stored.push(...page.body.items);
        if (!page.body.hasMore || page.body.items.length === 0) break;
        after = page.body.items[page.body.items.length - 1].seq;
      }
      expect(stored.map((m) => m.seq)).toEqual(stored.map((_, i) => i + 1));
      const of = (prefix: string) =>
        stored
          .filter((m) => m.clientMessageId?.startsWith(prefix))
          .map((m) => ({ cmid: m.clientMessageId, seq: m.seq }));
      expect(of('customer-')).toEqual(sender.contactAcked);
      expect(of('agent-')).toEqual(sender.agentAcked);
    }, 60_000);

    it('no payload polluted a prototype of the server (it runs in this process)', () => {
      const probe = {} as Record<string, unknown>;
      expect({ polluted: probe['polluted'], isAdmin: probe['isAdmin'], role: probe['role'] }).toEqual({
        polluted: undefined,
        isAdmin: undefined,
        role: undefined,
      });
      expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(PROTOTYPE_BEFORE.object);
      expect(Object.getOwnPropertyNames(Array.prototype)).toEqual(PROTOTYPE_BEFORE.array);
    });

    it('every signed webhook event fuzzing sent was applied, none left failing', async () => {
      const db = app.server.app.get(DataSource);
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM whatsapp_webhook_events WHERE source = 'webhook'`);
      expect(n).toBeGreaterThan(0);
      let failing: unknown[] = [];
      for (let i = 0; i < 50; i++) {
        failing = await db.query(
          `SELECT id, last_error, left(payload::text, 300) AS payload FROM whatsapp_webhook_events WHERE processed_at IS NULL OR last_error IS NOT NULL LIMIT 5`,
        );
        if (failing.length === 0) break;
        await sleep(200);
      }
      expect(failing).toEqual([]);
    }, 30_000);

    it('the server logged no error while being fuzzed', async () => {
      // Work that follows a commit (notifications, campaign runs, the webhook inbox) gets a moment to finish.
      await sleep(1_000);
      expect(serverErrors).toEqual([]);
    });

    it('a good share of cases got past validation and authorisation to the services', () => {
      const rows = [...stats.entries()].map(([key, s]) => ({ key, ...s }));
      const table = rows
        .map(
          (r) =>
            `${r.key.padEnd(58)} ${String(r.cases).padStart(5)} cases, ${String(r.reached).padStart(4)}/${String(r.allowedCases).padEnd(4)} reached, ${String(r.ok).padStart(4)} ok  ${JSON.stringify(r.statuses)}`,
        )
        .join('\n');
      const total = rows.reduce(
        (a, r) => ({ cases: a.cases + r.cases, allowed: a.allowed + r.allowedCases, reached: a.reached + r.reached }),
        { cases: 0, allowed: 0, reached: 0 },
      );
      console.log(
        `fuzz statistics (seed ${SEED}, scale ${SCALE}): ${total.cases} cases, ${total.reached} of ${total.allowed} by allowed callers reached the services\n${table}`,
      );
      expect(total.reached / total.allowed).toBeGreaterThan(0.3);
      // Every route and event had cases that got through to its service at least once.
      const neverReached = rows
        .filter((r) => r.allowedCases > 0 && r.reached === 0 && !['unknown events', 'raw frames'].includes(r.key))
        .map((r) => r.key);
      expect(neverReached).toEqual([]);
    });
  });
});
