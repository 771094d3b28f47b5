/**
 * A single-shard Discord gateway (API v10, JSON encoding, no compression) on top of `ws`.
 *
 * It mirrors the session semantics @discordjs/ws relies on:
 * - HELLO on connect; IDENTIFY → READY (+ GUILD_CREATE per guild); heartbeats are ACKed;
 * - every dispatch gets a sequence number and is kept in the session's log, so RESUME can
 *   replay what the client missed and then send RESUMED;
 * - a session survives abnormal closes (4000, 1006, the client's own 4200 "resuming"
 *   close) but dies on 1000/1001 and on non-resumable codes, as on Discord.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  GatewayDispatchEvents,
  GatewayIntentBits,
  GatewayOpcodes,
  type APIApplication,
  type APIUser,
  type GatewayIdentifyData,
  type GatewayReadyDispatchData,
  type GatewayResumeData,
} from 'discord.js';
import { WebSocket, WebSocketServer } from 'ws';
import type { FakeGuild } from './fixtures.js';
import { sessionId } from './ids.js';
import { Signal } from './signal.js';

/** A payload the client sent us (any opcode), for assertions. */
export interface GatewayReceived {
  connectionId: number;
  op: number;
  d: unknown;
  at: number;
}

/** One WebSocket connection as seen by the server. */
export interface GatewayConnectionRecord {
  id: number;
  /** Request path, e.g. `/` for the initial gateway URL or `/resume` for `resume_gateway_url`. */
  path: string;
  query: Record<string, string>;
  openedAt: number;
  closedAt?: number;
  closeCode?: number;
  /** Who initiated the close, when known. */
  closedBy?: 'server' | 'client';
}

export interface GatewayDispatch {
  op: GatewayOpcodes.Dispatch;
  t: string;
  s: number;
  d: unknown;
}

interface Session {
  id: string;
  seq: number;
  log: GatewayDispatch[];
  conn?: Connection;
  invalid: boolean;
  shard: [number, number];
  createdAt: number;
}

interface Connection {
  id: number;
  ws: WebSocket;
  state: 'unauthenticated' | 'ready' | 'closed';
  session?: Session;
  /** Zombie simulation: heartbeats on this connection are not ACKed. */
  ackPaused: boolean;
  record: GatewayConnectionRecord;
  closingByServer: boolean;
}

export interface GatewayConfig {
  heartbeatIntervalMs: number;
  /** When set, IDENTIFY/RESUME with another token closes with 4004. */
  token?: string;
  /** Close with 4014 when IDENTIFY asks for GuildMembers / GuildPresences / MessageContent. */
  rejectPrivilegedIntents: boolean;
  bot: APIUser;
  application: APIApplication;
  guilds: FakeGuild[];
  /** Base WebSocket URL (`ws://127.0.0.1:PORT`), known once the HTTP server listens. */
  wsUrl: () => string;
}

/** Close codes after which Discord will not accept a RESUME for the session. */
const SESSION_KILLING_CODES = new Set([1000, 1001, 4004, 4007, 4009, 4010, 4011, 4012, 4013, 4014]);

const PRIVILEGED_INTENTS =
  GatewayIntentBits.GuildMembers | GatewayIntentBits.GuildPresences | GatewayIntentBits.MessageContent;

/** Keeps replay memory bounded in long tests; Discord also forgets old events. */
const MAX_LOG = 1000;

export class FakeGateway {
  readonly identifies: GatewayIdentifyData[] = [];
  readonly resumes: GatewayResumeData[] = [];
  readonly received: GatewayReceived[] = [];
  readonly connections: GatewayConnectionRecord[] = [];
  heartbeatCount = 0;

  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sessions = new Map<string, Session>();
  private readonly live = new Set<Connection>();
  private nextConnectionId = 1;
  private readonly identifySignal = new Signal<number>();
  private readonly resumeSignal = new Signal<number>();
  private readonly readySignal = new Signal<Session>();

  constructor(private readonly config: GatewayConfig) {}

  get identifyCount(): number {
    return this.identifies.length;
  }

  get resumeCount(): number {
    return this.resumes.length;
  }

  /** Called from the HTTP server's `upgrade` event. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws, req));
  }

  /** The session whose connection is authenticated and ready, if any (latest wins). */
  readySession(): Session | undefined {
    let found: Session | undefined;
    for (const conn of this.live) {
      if (conn.state === 'ready' && conn.session && !conn.session.invalid) found = conn.session;
    }
    return found;
  }

  /** The session dispatches go to: the ready one, else the latest still-resumable one. */
  private currentSession(): Session | undefined {
    const ready = this.readySession();
    if (ready) return ready;
    let latest: Session | undefined;
    for (const s of this.sessions.values()) {
      if (!s.invalid && (!latest || s.createdAt >= latest.createdAt)) latest = s;
    }
    return latest;
  }

  /**
   * Sends a dispatch (op 0) on the current session. If the client is momentarily
   * disconnected, the event stays in the session log and is replayed on RESUME.
   */
  dispatch(t: string, d: unknown): GatewayDispatch {
    const session = this.currentSession();
    if (!session) throw new Error(`fake-discord: cannot dispatch ${t}: no gateway session (has the client logged in?)`);
    return this.dispatchTo(session, t, d);
  }

  private dispatchTo(session: Session, t: string, d: unknown): GatewayDispatch {
    const payload: GatewayDispatch = { op: GatewayOpcodes.Dispatch, t, s: ++session.seq, d };
    session.log.push(payload);
    if (session.log.length > MAX_LOG) session.log.shift();
    const conn = session.conn;
    if (conn && conn.state !== 'closed') this.send(conn, payload);
    return payload;
  }

  waitForReady(timeoutMs: number): Promise<Session> {
    const ready = this.readySession();
    if (ready) return Promise.resolve(ready);
    return this.readySignal.wait(
      () => true,
      timeoutMs,
      () => `a READY/RESUMED gateway session (${this.describe()})`,
    );
  }

  /** Resolves with the IDENTIFY payload once `count` identifies have happened in total. */
  async waitForIdentify(count: number, timeoutMs: number): Promise<GatewayIdentifyData> {
    if (this.identifies.length < count) {
      await this.identifySignal.wait(
        (n) => n >= count,
        timeoutMs,
        () => `identify #${count} (${this.describe()})`,
      );
    }
    return this.identifies[count - 1]!;
  }

  async waitForResume(count: number, timeoutMs: number): Promise<GatewayResumeData> {
    if (this.resumes.length < count) {
      await this.resumeSignal.wait(
        (n) => n >= count,
        timeoutMs,
        () => `resume #${count} (${this.describe()})`,
      );
    }
    return this.resumes[count - 1]!;
  }

  /**
   * Closes the live connection(s) with `code`. 4000 (unknown error) lets the client resume;
   * 4004/4010–4014 are fatal for discord.js; 4007/4009 force a fresh IDENTIFY;
   * 1006 drops the TCP connection without a close frame.
   */
  closeGateway(code = 4000, reason = 'fake-discord closeGateway'): void {
    for (const conn of this.live) {
      if (SESSION_KILLING_CODES.has(code) && conn.session) conn.session.invalid = true;
      conn.closingByServer = true;
      if (code === 1006) conn.ws.terminate();
      else conn.ws.close(code, reason);
    }
  }

  /** Simulates a zombie connection: heartbeats on the current connection(s) stop being ACKed. */
  stopHeartbeatAcks(): void {
    for (const conn of this.live) conn.ackPaused = true;
  }

  resumeHeartbeatAcks(): void {
    for (const conn of this.live) conn.ackPaused = false;
  }

  /** op 7: the client should close and RESUME. */
  sendReconnect(): void {
    for (const conn of this.live) this.send(conn, { op: GatewayOpcodes.Reconnect, d: null });
  }

  /** op 9: `resumable` true → the client may RESUME on the same socket; false → must IDENTIFY anew. */
  sendInvalidSession(resumable: boolean): void {
    for (const conn of this.live) {
      if (conn.session) {
        if (!resumable) conn.session.invalid = true;
        // The connection is no longer authenticated; the client's next RESUME/IDENTIFY is legitimate.
        if (conn.session.conn === conn) conn.session.conn = undefined;
        conn.session = undefined;
      }
      conn.state = 'unauthenticated';
      this.send(conn, { op: GatewayOpcodes.InvalidSession, d: resumable });
    }
  }

  close(): void {
    const error = new Error('fake-discord closed');
    this.identifySignal.rejectAll(error);
    this.resumeSignal.rejectAll(error);
    this.readySignal.rejectAll(error);
    for (const conn of this.live) conn.ws.terminate();
    this.live.clear();
    this.wss.close();
  }

  private describe(): string {
    const live = [...this.live].map((c) => `#${c.id}:${c.state}`).join(', ') || 'none';
    return `identifies=${this.identifies.length} resumes=${this.resumes.length} live connections: ${live}`;
  }

  private onConnection(ws: WebSocket, req: IncomingMessage): void {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const record: GatewayConnectionRecord = {
      id: this.nextConnectionId++,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      openedAt: Date.now(),
    };
    this.connections.push(record);
    const conn: Connection = {
      id: record.id,
      ws,
      state: 'unauthenticated',
      ackPaused: false,
      record,
      closingByServer: false,
    };
    this.live.add(conn);

    ws.on('message', (data, isBinary) => this.onMessage(conn, data.toString(), isBinary));
    ws.on('close', (code) => this.onClose(conn, code));
    ws.on('error', () => {
      /* a client vanishing mid-frame is expected in fault tests */
    });

    // Discord rejects unsupported versions/encodings after the handshake with a close code.
    if (record.query.v !== undefined && record.query.v !== '10') {
      this.closeWith(conn, 4012, 'Invalid API version');
      return;
    }
    if (record.query.encoding !== undefined && record.query.encoding !== 'json') {
      this.closeWith(conn, 4002, 'fake-discord only speaks encoding=json');
      return;
    }
    if (record.query.compress !== undefined) {
      // discord.js only asks for zlib-stream when the optional `zlib-sync` package is installed.
      this.closeWith(conn, 4002, 'fake-discord does not implement compress=zlib-stream');
      return;
    }
    this.send(conn, {
      op: GatewayOpcodes.Hello,
      d: { heartbeat_interval: this.config.heartbeatIntervalMs, _trace: ['["fake-discord",{}]'] },
    });
  }

  private onMessage(conn: Connection, text: string, isBinary: boolean): void {
    let payload: { op?: unknown; d?: unknown };
    try {
      if (isBinary) throw new Error('binary');
      payload = JSON.parse(text) as { op?: unknown; d?: unknown };
    } catch {
      this.closeWith(conn, 4002, 'Error while decoding payload.');
      return;
    }
    const op = typeof payload.op === 'number' ? payload.op : -1;
    this.received.push({ connectionId: conn.id, op, d: payload.d, at: Date.now() });

    switch (op) {
      case GatewayOpcodes.Heartbeat:
        this.heartbeatCount++;
        if (!conn.ackPaused) this.send(conn, { op: GatewayOpcodes.HeartbeatAck, d: null });
        return;
      case GatewayOpcodes.Identify:
        this.onIdentify(conn, payload.d as GatewayIdentifyData);
        return;
      case GatewayOpcodes.Resume:
        this.onResume(conn, payload.d as GatewayResumeData);
        return;
      case GatewayOpcodes.PresenceUpdate:
      case GatewayOpcodes.VoiceStateUpdate:
      case GatewayOpcodes.RequestGuildMembers:
      case GatewayOpcodes.RequestSoundboardSounds:
        // Accepted and recorded; nothing in the tests needs a reaction.
        if (conn.state !== 'ready') this.closeWith(conn, 4003, 'Not authenticated.');
        return;
      default:
        this.closeWith(conn, 4001, 'Unknown opcode.');
    }
  }

  private checkToken(conn: Connection, token: unknown): boolean {
    const expected = this.config.token;
    if (typeof token !== 'string' || token.length === 0 || (expected !== undefined && token !== expected)) {
      this.closeWith(conn, 4004, 'Authentication failed.');
      return false;
    }
    return true;
  }

  private onIdentify(conn: Connection, d: GatewayIdentifyData): void {
    if (conn.session) {
      this.closeWith(conn, 4005, 'Already authenticated.');
      return;
    }
    this.identifies.push(d);
    this.identifySignal.emit(this.identifies.length);
    if (!this.checkToken(conn, d?.token)) return;
    if (typeof d.intents !== 'number') {
      this.closeWith(conn, 4013, 'Invalid intent(s).');
      return;
    }
    if (this.config.rejectPrivilegedIntents && (d.intents & PRIVILEGED_INTENTS) !== 0) {
      this.closeWith(conn, 4014, 'Disallowed intent(s).');
      return;
    }
    const shard: [number, number] = d.shard ?? [0, 1];
    if (shard[1] !== 1 || shard[0] !== 0) {
      // /gateway/bot recommends exactly one shard.
      this.closeWith(conn, 4010, 'Invalid shard.');
      return;
    }

    const session: Session = { id: sessionId(), seq: 0, log: [], conn, invalid: false, shard, createdAt: Date.now() };
    this.sessions.set(session.id, session);
    conn.session = session;

    const ready: GatewayReadyDispatchData & Record<string, unknown> = {
      v: 10,
      user: this.config.bot,
      guilds: this.config.guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: session.id,
      session_type: 'normal',
      // Distinct path so tests can prove the client honours resume_gateway_url.
      resume_gateway_url: `${this.config.wsUrl()}/resume`,
      shard,
      application: {
        id: this.config.application.id,
        flags: this.config.application.flags,
        flags_new: this.config.application.flags_new,
      },
      user_settings: {},
      private_channels: [],
      presences: [],
      relationships: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: ['fake'],
      auth: {},
      _trace: ['["fake-discord",{}]'],
    };
    this.dispatchTo(session, GatewayDispatchEvents.Ready, ready);
    // Guilds arrive "lazily" after READY, which is what discord.js waits for before clientReady.
    for (const guild of this.config.guilds) this.dispatchTo(session, GatewayDispatchEvents.GuildCreate, guild.create);
    conn.state = 'ready';
    this.readySignal.emit(session);
  }

  private onResume(conn: Connection, d: GatewayResumeData): void {
    if (conn.session) {
      this.closeWith(conn, 4005, 'Already authenticated.');
      return;
    }
    this.resumes.push(d);
    this.resumeSignal.emit(this.resumes.length);
    if (!this.checkToken(conn, d?.token)) return;
    const session = this.sessions.get(d.session_id);
    if (!session || session.invalid) {
      // Discord answers an unknown/expired session with op 9 d:false; the client then re-identifies.
      this.send(conn, { op: GatewayOpcodes.InvalidSession, d: false });
      return;
    }
    if (typeof d.seq !== 'number' || d.seq > session.seq) {
      session.invalid = true;
      this.closeWith(conn, 4007, 'Invalid seq.');
      return;
    }
    // A session has one socket; a stale one still attached is replaced.
    if (session.conn && session.conn !== conn && session.conn.state !== 'closed') {
      this.closeWith(session.conn, 4000, 'Session resumed elsewhere');
    }
    session.conn = conn;
    conn.session = session;
    for (const missed of session.log) if (missed.s > d.seq) this.send(conn, missed);
    this.dispatchTo(session, GatewayDispatchEvents.Resumed, { _trace: ['["fake-discord",{}]'] });
    conn.state = 'ready';
    this.readySignal.emit(session);
  }

  private closeWith(conn: Connection, code: number, reason: string): void {
    if (SESSION_KILLING_CODES.has(code) && conn.session) conn.session.invalid = true;
    conn.closingByServer = true;
    conn.ws.close(code, reason);
  }

  private onClose(conn: Connection, code: number): void {
    conn.state = 'closed';
    conn.record.closedAt = Date.now();
    conn.record.closeCode = code;
    conn.record.closedBy = conn.closingByServer ? 'server' : 'client';
    this.live.delete(conn);
    const session = conn.session;
    if (session) {
      if (session.conn === conn) session.conn = undefined;
      // A clean 1000/1001 close from the client ends the session on Discord's side.
      if (SESSION_KILLING_CODES.has(code)) session.invalid = true;
    }
  }

  private send(conn: Connection, payload: { op: number; d: unknown; t?: string; s?: number }): void {
    if (conn.ws.readyState !== WebSocket.OPEN) return;
    conn.ws.send(JSON.stringify({ t: null, s: null, ...payload }));
  }
}
