/**
 * Server-side state of one dispatched interaction: its initial response (callback), the
 * `@original` message and follow-ups, as Discord tracks them per interaction token.
 */
import type { APIMessage } from 'discord.js';
import type { FakeInteractionPayload } from './payloads.js';
import { Signal } from './signal.js';
import type { RecordedRequest } from './types.js';

/** An accepted initial response (`POST /interactions/:id/:token/callback`). */
export interface AcceptedCallback {
  /** InteractionResponseType: 1 PONG, 4 message, 5 deferred, 6 deferred update, 7 update, 8 autocomplete, 9 modal. */
  type: number;
  data?: Record<string, unknown>;
  at: number;
  request: RecordedRequest;
}

export class FakeInteraction {
  /** The accepted initial response; `null` until the bot acknowledges. */
  callback: AcceptedCallback | null = null;
  /** The `@original` response message (or, for component updates, the message that was updated). */
  original: APIMessage | null = null;
  /** True while `@original` is a deferred "is thinking…" placeholder. */
  originalLoading = false;
  readonly followups: APIMessage[] = [];
  /** Set by `expire()`: callbacks get 10062, webhook calls get 50027 — like a token past 15 minutes. */
  expired = false;
  readonly dispatchedAt = Date.now();
  private readonly callbackSignal = new Signal<AcceptedCallback>();

  constructor(readonly payload: FakeInteractionPayload) {}

  get id(): string {
    return this.payload.id;
  }

  get token(): string {
    return this.payload.token;
  }

  get acknowledged(): boolean {
    return this.callback !== null;
  }

  expire(): void {
    this.expired = true;
  }

  /** Resolves with the accepted initial response (immediately if it already happened). */
  waitForCallback(timeoutMs = 5000): Promise<AcceptedCallback> {
    if (this.callback) return Promise.resolve(this.callback);
    return this.callbackSignal.wait(
      () => true,
      timeoutMs,
      () => `a callback for interaction ${this.id}`,
    );
  }

  /** @internal called by the REST handler. */
  accept(callback: AcceptedCallback): void {
    this.callback = callback;
    this.callbackSignal.emit(callback);
  }

  /** @internal */
  dispose(error: Error): void {
    this.callbackSignal.rejectAll(error);
  }
}
