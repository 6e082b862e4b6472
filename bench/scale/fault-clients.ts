/**
 * Clients that behave as the app does when a node or Redis fails: on a lost connection they wait
 * (exponential backoff with full jitter, so a dead node's clients do not all come back in the same
 * instant), connect through the "proxy" to any node that answers, rejoin with `afterSeq` and take
 * what they missed from the join's answer; a seq gap in the live stream is filled the same way.
 * A sender keeps what it sent until it is acked and sends it again, with the same clientMessageId,
 * after a reconnect: the server's dedupe makes that safe, which is what the run checks.
 */
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';

const BACKOFF_BASE_MS = 250;
const BACKOFF_MAX_MS = 5_000;
const ACK_TIMEOUT_MS = 10_000;

interface Received {
  seq: number;
  content: string;
}

/** Which nodes the "proxy" may send a (re)connect to; a killed node is taken out, as a health-checking proxy would. */
export interface NodePool {
  pick(preferred: string): string;
}

export class FaultMember {
  socket: Socket | null = null;
  /** Every seq up to this one has been seen: what a catch-up asks to be sent after. */
  lastSeq = 0;
  readonly seen = new Set<number>();
  /** Deliveries of a seq already seen (live and catch-up overlapping): shown, never counted as messages. */
  repeats = 0;
  /** Messages this member received only through a rejoin's or a gap's catch-up. */
  caughtUp = 0;
  /** Disconnect → rejoined, per reconnect. */
  readonly reconnectMs: number[] = [];
  readonly reconnectAt: number[] = [];
  onLive: ((m: Received, at: number) => void) | null = null;
  /** Called each time the member is joined again after a reconnect. */
  onRejoined: (() => void) | null = null;
  private joined = false;
  private attempt = 0;
  private lostAt = 0;
  private closed = false;
  private filling = false;
  /** A gap was seen while a catch-up was out: one more follows it. */
  private fillAgain = false;

  constructor(
    readonly conversationId: string,
    private readonly token: string,
    private url: string,
    private readonly pool: NodePool,
  ) {}

  get connected(): boolean {
    return !!this.socket?.connected;
  }

  get node(): string {
    return this.url;
  }

  async start(): Promise<void> {
    await this.open();
  }

  close(): void {
    this.closed = true;
    this.socket?.close();
  }

  /** Rejoins with afterSeq: what the join answers is what this member missed. */
  async catchUp(): Promise<void> {
    const socket = this.socket;
    if (!socket?.connected) return;
    if (this.filling) {
      this.fillAgain = true;
      return;
    }
    this.filling = true;
    this.fillAgain = false;
    try {
      const ack = await socket
        .timeout(ACK_TIMEOUT_MS)
        .emitWithAck('join_conversation', { conversationId: this.conversationId, afterSeq: this.lastSeq });
      if (ack?.ok) for (const m of ack.data.messages as Received[]) this.take(m, true);
    } catch {
      /* the next disconnect or gap tries again */
    } finally {
      this.filling = false;
    }
    if (this.fillAgain) await this.catchUp();
  }

  private take(m: Received, caughtUp: boolean): boolean {
    if (this.seen.has(m.seq)) {
      this.repeats++;
      return false;
    }
    this.seen.add(m.seq);
    if (caughtUp && this.joined) this.caughtUp++;
    // A message after a hole does not move the mark: the hole is what the next catch-up asks for.
    while (this.seen.has(this.lastSeq + 1)) this.lastSeq++;
    return true;
  }

  private open(): Promise<void> {
    return new Promise((resolve, reject) => {
      const socket = io(`${this.url}/chat`, {
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
        timeout: ACK_TIMEOUT_MS,
        auth: { token: this.token },
      });
      this.socket = socket;
      socket.on('new_message', (p: { message: Received }) => {
        if (this.take(p.message, false)) this.onLive?.(p.message, performance.now());
        if (this.seen.size > this.lastSeq) void this.catchUp();
      });
      socket.once('connect', async () => {
        await this.catchUp();
        if (this.lostAt) {
          this.reconnectMs.push(performance.now() - this.lostAt);
          this.reconnectAt.push(performance.now());
          this.lostAt = 0;
          this.onRejoined?.();
        }
        this.attempt = 0;
        this.joined = true;
        resolve();
      });
      socket.once('connect_error', (err) => {
        socket.close();
        this.retry();
        reject(err);
      });
      socket.on('disconnect', () => this.retry());
    });
  }

  private retry(): void {
    if (this.closed) return;
    if (!this.lostAt) this.lostAt = performance.now();
    const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** this.attempt++);
    setTimeout(() => {
      if (this.closed) return;
      this.url = this.pool.pick(this.url);
      this.open().catch(() => undefined);
    }, Math.random() * ceiling);
  }
}

/** The conversation's customer: sends on the schedule it is given, keeping each send until it is acked. */
export class FaultSender {
  readonly unacked = new Map<string, string>();
  sent = 0;
  acked = 0;
  refused = 0;

  constructor(readonly member: FaultMember) {
    member.onRejoined = () => this.resend();
  }

  send(content: string): void {
    const clientMessageId = randomUUID();
    this.unacked.set(clientMessageId, content);
    this.sent++;
    this.emit(clientMessageId, content);
  }

  /** After a reconnect, everything not acked goes again under its own clientMessageId. */
  resend(): void {
    for (const [id, content] of this.unacked) this.emit(id, content);
  }

  private emit(clientMessageId: string, content: string): void {
    const socket = this.member.socket;
    if (!socket?.connected) return;
    socket
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck('chat_message', { conversationId: this.member.conversationId, clientMessageId, content })
      .then((ack: { ok: boolean }) => {
        if (!this.unacked.delete(clientMessageId)) return;
        if (ack?.ok) this.acked++;
        else this.refused++;
      })
      .catch(() => undefined);
  }
}
