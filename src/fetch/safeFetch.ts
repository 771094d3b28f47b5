import { promises as dns, type LookupAddress } from 'node:dns';
import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { type AllowedHost, isAllowedHost } from '../config/hosts.js';
import { type BlockedKind, blockedKind } from './addresses.js';

/**
 * Fetching what strangers paste, safely: a link in a chat may point at the bot's own machine, its
 * network or its cloud's metadata service. Only http and https; every address a name resolves to
 * is checked, and the connection goes to the checked address (no second lookup that DNS rebinding
 * could answer differently); each redirect is checked again; time, size and content types are bounded.
 */

/** What kind of document was fetched, which sets its size cap. */
export type DocumentKind = 'html' | 'text' | 'pdf';

/** The media types fetched, and what each is. Anything else is refused ("type not allowed"). */
export const ALLOWED_TYPES: Readonly<Record<string, DocumentKind>> = {
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'text/plain': 'text',
  'text/markdown': 'text',
  'application/pdf': 'pdf',
};

const MB = 1024 * 1024;

/** Size caps, in bytes as decoded (a compressed body is counted unpacked): 5 MB for pages and text, 20 MB for a PDF. */
export const DEFAULT_LIMITS: Readonly<Record<DocumentKind, number>> = { html: 5 * MB, text: 5 * MB, pdf: 20 * MB };

/** Connecting (DNS, TCP and TLS) may take this long; a server that cannot be reached in 5 s is not worth waiting for. */
export const CONNECT_TIMEOUT_MS = 5000;
/** The whole fetch, every redirect and the body included: a reply to Discord cannot wait much longer. */
export const TOTAL_TIMEOUT_MS = 15_000;
/** Redirects followed; a sixth is refused. */
export const MAX_REDIRECTS = 5;

/**
 * Browser-like, so that sites serve their ordinary page, and honest: it names the bot. (No project
 * address is given because the project has none published.)
 */
export const USER_AGENT = 'Mozilla/5.0 (compatible; CrosscheckBot/0.1)';

const ACCEPT = 'text/html,application/xhtml+xml,text/markdown;q=0.9,text/plain;q=0.8,application/pdf;q=0.8,*/*;q=0.1';

/** Resolves a host name to every address it has (node's `dns.lookup` with `all: true` by default). */
export type Resolve = (hostname: string) => Promise<readonly LookupAddress[]>;

const systemResolve: Resolve = (hostname) => dns.lookup(hostname, { all: true, verbatim: true });

export interface SafeFetchOptions {
  /** Hosts (`FETCH_ALLOW_HOSTS`) whose addresses are not checked: tests, an intranet. Default: none. */
  allowHosts?: readonly AllowedHost[];
  /** How names are resolved; tests give their own. Default: the system's resolver. */
  resolve?: Resolve;
  /** Default {@link CONNECT_TIMEOUT_MS}. */
  connectTimeoutMs?: number;
  /** Default {@link TOTAL_TIMEOUT_MS}. */
  timeoutMs?: number;
  /** Default {@link MAX_REDIRECTS}. */
  maxRedirects?: number;
  /** Size caps by kind; default {@link DEFAULT_LIMITS}. */
  limits?: Partial<Record<DocumentKind, number>>;
  /** Default {@link USER_AGENT}. */
  userAgent?: string;
  /** Stops the fetch (it then fails with the signal's reason, or as cancelled). */
  signal?: AbortSignal;
  /**
   * What makes the requests: node's `http.request` and `https.request` by default. Tests pass
   * wrappers that count them (a refused link must make none) rather than spying on node's modules.
   */
  transport?: { http: typeof http.request; https: typeof https.request };
}

/** A document fetched: the body as bytes (decoding text by its charset is the reader's business). */
export interface FetchedDocument {
  /** The address the document came from, after redirects. */
  url: string;
  /** Every address asked for, in order: the link itself first, then each redirect's target. */
  chain: string[];
  status: number;
  /** The media type, lower case, without parameters (`text/html`). */
  mediaType: string;
  kind: DocumentKind;
  /** The `charset` parameter of Content-Type, lower case, or null when not given. */
  charset: string | null;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** Why a fetch failed. Each comes with a message a user can act on. */
export type FetchFailure =
  | 'bad-url'
  | 'scheme'
  | 'credentials'
  | 'blocked-address'
  | 'no-such-host'
  | 'unreachable'
  | 'tls'
  | 'timeout'
  | 'http-status'
  | 'too-many-redirects'
  | 'type-not-allowed'
  | 'too-large'
  | 'bad-encoding'
  | 'cancelled';

/** A fetch that failed; `message` says what happened in words for the person who pasted the link. */
export class FetchError extends Error {
  override name = 'FetchError';
  constructor(
    readonly reason: FetchFailure,
    message: string,
    readonly url: string,
    readonly details: {
      status?: number;
      address?: string;
      blocked?: BlockedKind;
      mediaType?: string;
      limit?: number;
      cause?: unknown;
    } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
  }
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Node's network error codes, as a user reads them. */
const NETWORK: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'the connection was refused',
  ECONNRESET: 'the connection was reset',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  EPIPE: 'the connection was closed',
  ETIMEDOUT: 'the connection timed out',
};

/** "a private network", "an IPv4-mapped IPv6": the kind with its article. */
function article(kind: BlockedKind): string {
  return /^(?:[aeio]|unspecified|IPv4)/.test(kind) ? `an ${kind}` : `a ${kind}`;
}

/** A duration as a user reads it: whole seconds, or milliseconds below one. */
function duration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}

function describeLimit(bytes: number): string {
  return bytes >= MB ? `${Math.round((bytes / MB) * 10) / 10} MB` : `${Math.round(bytes / 1024)} KB`;
}

function statusMessage(status: number, url: string): string {
  if (status === 404 || status === 410) return `The page was not found (HTTP ${status}) at ${url}: check the link.`;
  if (status === 401 || status === 403) {
    return `The site refused to give the page (HTTP ${status}): it may need a login or a subscription, or it turns bots away.`;
  }
  if (status === 429) return `The site says too many requests (HTTP 429): try again in a while.`;
  if (status >= 500) return `The site had an error (HTTP ${status}): try again later.`;
  return `The site answered HTTP ${status} instead of the page.`;
}

/**
 * Fetches `link` with the checks above. Resolves with the document, or rejects with a
 * {@link FetchError} saying why not (never another error).
 */
export async function safeFetch(link: string, options: SafeFetchOptions = {}): Promise<FetchedDocument> {
  const timeoutMs = options.timeoutMs ?? TOTAL_TIMEOUT_MS;
  const controller = new AbortController();
  const timer = setTimeout(
    () =>
      controller.abort(
        new FetchError('timeout', `The site did not send the page within ${duration(timeoutMs)}.`, link),
      ),
    timeoutMs,
  );
  const outer = options.signal;
  const cancel = () =>
    controller.abort(
      outer?.reason instanceof FetchError
        ? outer.reason
        : new FetchError('cancelled', 'The fetch was cancelled.', link),
    );
  if (outer?.aborted) cancel();
  else outer?.addEventListener('abort', cancel, { once: true });
  try {
    return await follow(link, options, controller.signal);
  } catch (error) {
    if (controller.signal.reason instanceof FetchError) throw controller.signal.reason;
    if (error instanceof FetchError) throw error;
    throw new FetchError('unreachable', `The page could not be fetched: ${(error as Error).message}.`, link, {
      cause: error,
    });
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', cancel);
  }
}

async function follow(link: string, options: SafeFetchOptions, signal: AbortSignal): Promise<FetchedDocument> {
  const maxRedirects = options.maxRedirects ?? MAX_REDIRECTS;
  const chain: string[] = [];
  let url = parseLink(link);
  for (;;) {
    chain.push(url.href);
    const response = await get(url, options, signal);
    const { statusCode: status = 0, headers } = response;
    if (REDIRECTS.has(status) && headers.location) {
      response.destroy();
      if (chain.length > maxRedirects) {
        throw new FetchError(
          'too-many-redirects',
          `The link redirects more than ${maxRedirects} times; open it in a browser and paste where it ends.`,
          url.href,
        );
      }
      url = parseLink(headers.location, url);
      continue;
    }
    if (status < 200 || status > 299) {
      response.destroy();
      throw new FetchError('http-status', statusMessage(status, url.href), url.href, { status });
    }
    const [type = '', ...parameters] = (headers['content-type'] ?? '').split(';');
    const mediaType = type.trim().toLowerCase();
    const kind = ALLOWED_TYPES[mediaType];
    if (!kind) {
      response.destroy();
      throw new FetchError(
        'type-not-allowed',
        mediaType
          ? `The link is ${mediaType}, not a page or a document: only web pages, text, Markdown and PDF are fetched.`
          : 'The site did not say what the link is (no Content-Type): only web pages, text, Markdown and PDF are fetched.',
        url.href,
        { mediaType },
      );
    }
    const limit = options.limits?.[kind] ?? DEFAULT_LIMITS[kind];
    const charset =
      parameters
        .map((parameter) => /^\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(parameter)?.[1])
        .find(Boolean)
        ?.toLowerCase() ?? null;
    const body = await readBody(response, limit, url.href, signal);
    return { url: url.href, chain, status, mediaType, kind, charset, headers, body };
  }
}

/** A link (or a redirect's Location, relative to `base`) as a URL that may be fetched. */
function parseLink(text: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(text.trim(), base);
  } catch {
    throw new FetchError('bad-url', 'That is not a link: paste the whole address, starting with https://.', text);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError(
      'scheme',
      `Only http and https links are fetched, not ${url.protocol.replace(/:$/, '')}.`,
      url.href,
    );
  }
  if (url.username || url.password) {
    throw new FetchError('credentials', 'Links with a user name or password in them are not fetched.', url.href);
  }
  url.hash = '';
  return url;
}

/** Rejects when `signal` aborts or `ms` pass first (then with `onTimeout`). */
function bounded<T>(work: Promise<T>, ms: number, signal: AbortSignal, onTimeout: () => FetchError): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(onTimeout()), ms);
    const abort = () => reject(signal.reason);
    if (signal.aborted) abort();
    signal.addEventListener('abort', abort, { once: true });
    work.then(resolve, reject).finally(() => {
      clearTimeout(timer);
      signal.removeEventListener('abort', abort);
    });
  });
}

/** The addresses to connect to for `url`, every one checked unless the host is exempt. */
async function vettedAddresses(
  url: URL,
  options: SafeFetchOptions,
  signal: AbortSignal,
  connectTimeoutMs: number,
): Promise<LookupAddress[]> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
  const exempt = isAllowedHost(options.allowHosts ?? [], host, port);
  const family = isIP(host);
  let addresses: LookupAddress[];
  if (family) addresses = [{ address: host, family }];
  else {
    try {
      addresses = [
        ...(await bounded(
          (options.resolve ?? systemResolve)(host),
          connectTimeoutMs,
          signal,
          () => new FetchError('timeout', `Looking up ${host} took too long; try again later.`, url.href),
        )),
      ];
    } catch (error) {
      if (error instanceof FetchError || signal.aborted) throw error;
      throw new FetchError(
        'no-such-host',
        `${host} could not be found (no such site, or a typo in the link).`,
        url.href,
        { cause: error },
      );
    }
    if (addresses.length === 0) {
      throw new FetchError('no-such-host', `${host} could not be found (no address).`, url.href);
    }
  }
  if (exempt) return addresses;
  for (const { address } of addresses) {
    const blocked = blockedKind(address);
    if (blocked) {
      const where = family ? `${host} is` : `${host} leads to`;
      throw new FetchError(
        'blocked-address',
        `Not fetched: ${where} ${article(blocked)} address, not the public internet. Crosscheck fetches only public pages.`,
        url.href,
        { address, blocked },
      );
    }
  }
  return addresses;
}

/** One request: resolves with the response once its headers arrive. */
async function get(url: URL, options: SafeFetchOptions, signal: AbortSignal): Promise<IncomingMessage> {
  const connectTimeoutMs = options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS;
  const started = Date.now();
  const [pinned] = await vettedAddresses(url, options, signal, connectTimeoutMs);
  const { address, family } = pinned!;
  // The connection goes to the address checked above: net.connect asks this, not the DNS, so a name
  // cannot resolve to a public address for the check and to a private one for the connection.
  const lookup: LookupFunction = (_hostname, lookupOptions, callback) => {
    if (lookupOptions.all) (callback as (error: null, addresses: LookupAddress[]) => void)(null, [{ address, family }]);
    else callback(null, address, family);
  };
  const transport = options.transport ?? { http: http.request, https: https.request };
  const send = url.protocol === 'https:' ? transport.https : transport.http;
  return new Promise<IncomingMessage>((resolve, reject) => {
    const request = send(url, {
      method: 'GET',
      // A connection of its own, never a pooled one made for another address.
      agent: false,
      lookup,
      signal,
      headers: {
        'User-Agent': options.userAgent ?? USER_AGENT,
        Accept: ACCEPT,
        'Accept-Encoding': 'gzip, deflate, br',
        'Accept-Language': 'en;q=0.9, *;q=0.5',
      },
    });
    const connectTimer = setTimeout(
      () =>
        request.destroy(
          new FetchError(
            'timeout',
            `Could not connect to ${url.host} within ${duration(connectTimeoutMs)}; the site may be down.`,
            url.href,
          ),
        ),
      Math.max(0, connectTimeoutMs - (Date.now() - started)),
    );
    request.on('socket', (socket) => {
      socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', () => clearTimeout(connectTimer));
    });
    request.on('response', (response) => {
      clearTimeout(connectTimer);
      resolve(response);
    });
    request.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(connectTimer);
      if (error instanceof FetchError) reject(error);
      else if (signal.aborted) reject(signal.reason);
      else if (error.code && NETWORK[error.code]) {
        reject(
          new FetchError('unreachable', `Could not reach ${url.host}: ${NETWORK[error.code]}.`, url.href, {
            cause: error,
          }),
        );
      } else if (error.code?.startsWith('ERR_TLS') || /CERT|SSL|TLS/.test(error.code ?? '')) {
        reject(
          new FetchError('tls', `The site's secure connection is not valid (${error.code}); not fetched.`, url.href, {
            cause: error,
          }),
        );
      } else reject(error);
    });
    request.end();
  });
}

/** The body, unpacked, as long as it stays within `limit` bytes; aborted as soon as it goes beyond. */
async function readBody(response: IncomingMessage, limit: number, url: string, signal: AbortSignal): Promise<Buffer> {
  const tooLarge = () =>
    new FetchError(
      'too-large',
      `The document is larger than ${describeLimit(limit)}, more than Crosscheck reads.`,
      url,
      { limit },
    );
  const declared = Number(response.headers['content-length']);
  const encoding = (response.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding === 'identity' && Number.isFinite(declared) && declared > limit) {
    response.destroy();
    throw tooLarge();
  }
  let stream: Readable = response;
  if (encoding === 'gzip' || encoding === 'x-gzip') stream = response.pipe(zlib.createGunzip());
  else if (encoding === 'deflate') stream = response.pipe(zlib.createInflate());
  else if (encoding === 'br') stream = response.pipe(zlib.createBrotliDecompress());
  else if (encoding !== 'identity') {
    response.destroy();
    throw new FetchError('bad-encoding', `The site sent the page encoded as ${encoding}, which is not read.`, url);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      size += (chunk as Buffer).length;
      if (size > limit) throw tooLarge();
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    if (error instanceof FetchError) throw error;
    if ((error as NodeJS.ErrnoException).code?.startsWith('Z_')) {
      throw new FetchError('bad-encoding', 'The site sent a damaged compressed page.', url, { cause: error });
    }
    throw new FetchError('unreachable', 'The connection broke while the page was being read; try again.', url, {
      cause: error,
    });
  } finally {
    response.destroy();
    if (stream !== response) stream.destroy();
  }
  return Buffer.concat(chunks, size);
}
