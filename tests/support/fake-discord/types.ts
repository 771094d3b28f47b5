/** Public types shared by the fake Discord server modules. */

/** A file part of a multipart request (discord.js sends attachments as `files[n]`). */
export interface RecordedFile {
  field: string;
  filename: string;
  contentType: string;
  size: number;
}

/** One HTTP request the fake received, with the response it gave. */
export interface RecordedRequest {
  /** Increasing number, in arrival order. */
  seq: number;
  method: string;
  /**
   * Path relative to `/api/v10`, still percent-encoded as sent — so it equals discord.js'
   * `Routes.*(...)` output (`Routes.user('@me')` is `/users/%40me`). Raw path outside the API.
   */
  path: string;
  /** The full request path as received, e.g. `/api/v10/users/@me`. */
  rawPath: string;
  query: Record<string, string>;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** Parsed JSON; for multipart the parsed `payload_json` part; raw text for other bodies; `undefined` if empty. */
  body: unknown;
  files: RecordedFile[];
  /** `Date.now()` at arrival. */
  at: number;
  /** Set once the fake has answered. */
  status?: number;
  responseBody?: unknown;
  respondedAt?: number;
}

/** Predicate-friendly request matcher. */
export type RequestPredicate = (request: RecordedRequest) => boolean;

/**
 * A fault to inject on matching requests (checked before normal routing).
 * `path` is relative to `/api/v10`; `:name` segments match one path segment
 * (e.g. `/interactions/:id/:token/callback`), or pass a RegExp. Both the encoded
 * (`%40original`) and decoded (`@original`) spellings match.
 */
export interface FaultSpec {
  method?: string;
  path: string | RegExp;
  /** How many matching requests to affect (default 1). */
  times?: number;
  /** Status to answer with instead of routing (e.g. 429, 500, 503, 403). Omit to only delay. */
  status?: number;
  /** 429 only: seconds, sent as `Retry-After`, `X-RateLimit-Reset-After` and body `retry_after` (default 0.05). */
  retryAfter?: number;
  /** 429 only: a global rate limit (`X-RateLimit-Global: true`, scope "global"). */
  global?: boolean;
  /** 429 only: `X-RateLimit-Scope` (default "user", or "global" when `global`). */
  scope?: 'user' | 'global' | 'shared';
  /** Override the JSON error body. */
  body?: unknown;
  /** Wait this long before answering (with the fault, or normally when `status` is omitted). */
  delayMs?: number;
}

export interface FaultHandle {
  readonly spec: FaultSpec;
  /** Matching requests still to be affected. */
  readonly remaining: number;
  /** Requests this fault has answered so far. */
  readonly hits: RecordedRequest[];
  cancel(): void;
}
