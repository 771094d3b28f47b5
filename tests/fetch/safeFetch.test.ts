/**
 * Fetching what strangers paste: a local HTTP server on 127.0.0.1 (exempted through allowHosts, as
 * FETCH_ALLOW_HOSTS does) serves the shapes the web sends back; every other address is refused
 * with a custom resolver, and no connection is attempted (the requests made are counted). These tests
 * connect only to 127.0.0.1 or ::1.
 */
import { readFileSync } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseAllowedHosts } from '../../src/config/hosts.js';
import { blockedKind } from '../../src/fetch/addresses.js';
import {
  DEFAULT_LIMITS,
  FetchError,
  type FetchFailure,
  type Resolve,
  safeFetch,
  type SafeFetchOptions,
  USER_AGENT,
} from '../../src/fetch/safeFetch.js';

const PAGE = `<!doctype html><html lang="en"><head><title>Flood waters recede in the valley</title></head>
<body><article><h1>Flood waters recede in the valley</h1><p>Residents returned on Tuesday to count the damage.</p></article></body></html>`;

let server: http.Server;
let port: number;
let base: string;
/** Requests the server received, by path: what reached it, with the headers it saw. */
const received: { path: string; headers: http.IncomingHttpHeaders }[] = [];
/** Responses left hanging (the slow routes), ended after each test. */
const hanging = new Set<ServerResponse>();

function route(request: IncomingMessage, response: ServerResponse): void {
  const path = request.url ?? '/';
  received.push({ path, headers: request.headers });
  const redirect = (status: number, location: string) => {
    response.writeHead(status, { location });
    response.end();
  };
  const chain = /^\/chain\/(\d+)$/.exec(path);
  if (chain) {
    const left = Number(chain[1]);
    // Relative and absolute Locations, and every redirect status, as sites mix them.
    const statuses = [301, 302, 303, 307, 308];
    if (left === 0) redirect(302, '/article');
    else redirect(statuses[left % statuses.length]!, left % 2 ? `/chain/${left - 1}` : `${base}/chain/${left - 1}`);
    return;
  }
  switch (path) {
    case '/article':
      response.writeHead(200, { 'content-type': 'text/html; charset=UTF-8' });
      response.end(PAGE);
      return;
    case '/notes.md':
      response.writeHead(200, { 'content-type': 'text/markdown' });
      response.end('# Notes\n\nThe river crested at 4.2 metres.\n');
      return;
    case '/report.pdf':
      response.writeHead(200, { 'content-type': 'application/pdf' });
      response.end('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
      return;
    case '/gzipped':
      response.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
      response.end(gzipSync(PAGE));
      return;
    case '/bomb':
      // 8 MB of spaces packed into a few KB: counted as unpacked.
      response.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
      response.end(gzipSync(Buffer.alloc(8 * 1024 * 1024, ' ')));
      return;
    case '/to-private':
      redirect(302, 'http://10.0.0.1/admin');
      return;
    case '/to-metadata':
      redirect(301, 'http://169.254.169.254/latest/meta-data/iam/security-credentials/');
      return;
    case '/to-file':
      redirect(302, 'file:///etc/passwd');
      return;
    case '/missing':
      response.writeHead(404, { 'content-type': 'text/html' });
      response.end('<h1>Not found</h1>');
      return;
    case '/paywall':
      response.writeHead(403, { 'content-type': 'text/html' });
      response.end('<h1>Subscribe</h1>');
      return;
    case '/broken':
      response.writeHead(503);
      response.end();
      return;
    case '/slow':
      // Headers never come.
      hanging.add(response);
      return;
    case '/slow-body':
      response.writeHead(200, { 'content-type': 'text/html' });
      response.write('<html><body><p>The first paragraph arrives, and then nothing');
      hanging.add(response);
      return;
    case '/endless': {
      response.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const pump = () => {
        while (!response.destroyed && response.write(chunk));
        if (!response.destroyed) response.once('drain', pump);
      };
      response.on('close', () => response.removeAllListeners('drain'));
      pump();
      return;
    }
    case '/huge-declared':
      response.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(30 * 1024 * 1024) });
      response.write('%PDF-1.7\n');
      hanging.add(response);
      return;
    case '/image':
      response.writeHead(200, { 'content-type': 'image/png' });
      response.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
      return;
    case '/untyped':
      response.writeHead(200);
      response.end('what is this');
      return;
    default:
      response.writeHead(500);
      response.end();
  }
}

beforeAll(async () => {
  server = http.createServer(route);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

afterEach(() => {
  for (const response of hanging) response.destroy();
  hanging.clear();
  received.length = 0;
});

/** The test server exempted, as FETCH_ALLOW_HOSTS=127.0.0.1:<port> does. */
const local = (): SafeFetchOptions => ({ allowHosts: parseAllowedHosts(`127.0.0.1:${port}`) });

async function failure(link: string, options: SafeFetchOptions = local()): Promise<FetchError> {
  try {
    await safeFetch(link, options);
  } catch (error) {
    if (error instanceof FetchError) return error;
    throw error;
  }
  throw new Error(`${link} was fetched`);
}

/**
 * Node's request functions, counted: passed as `transport`, so that a test sees every request made
 * (a refused link must make none) without touching node's modules.
 */
function countRequests() {
  const made = { http: [] as string[], https: [] as string[] };
  const transport = {
    http: ((...args: Parameters<typeof http.request>) => {
      made.http.push(String(args[0]));
      return http.request(...args);
    }) as typeof http.request,
    https: ((...args: Parameters<typeof https.request>) => {
      made.https.push(String(args[0]));
      return https.request(...args);
    }) as typeof https.request,
  };
  return { made, transport };
}

/** A resolver that answers from a table, counting its calls; a name not in it does not exist. */
function resolver(table: Record<string, string[] | string[][]>) {
  const calls: string[] = [];
  const resolve: Resolve = async (hostname) => {
    const n = calls.filter((name) => name === hostname).length;
    calls.push(hostname);
    const entry = table[hostname];
    if (!entry) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    // A list of lists answers each call with the next list (the last one again after that): DNS rebinding.
    const answer = (Array.isArray(entry[0]) ? (entry as string[][])[Math.min(n, entry.length - 1)] : entry) as string[];
    return answer.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return { resolve, calls };
}

describe('safeFetch: what it fetches', () => {
  it('GIVEN a page THEN its bytes, type, kind and charset, and the request named the bot in a browser-like User-Agent', async () => {
    const page = await safeFetch(`${base}/article`, local());

    expect(page).toMatchObject({
      url: `${base}/article`,
      chain: [`${base}/article`],
      status: 200,
      mediaType: 'text/html',
      kind: 'html',
      charset: 'utf-8',
    });
    expect(page.body.toString('utf8')).toBe(PAGE);
    expect(USER_AGENT).toBe('Mozilla/5.0 (compatible; CrosscheckBot/0.1)');
    expect(received[0]?.headers['user-agent']).toBe(USER_AGENT);
    expect(received[0]?.headers.accept).toMatch(/^text\/html,application\/xhtml\+xml/);
  });

  it('GIVEN Markdown, a PDF and a gzipped page THEN each is fetched, the gzipped one unpacked', async () => {
    expect(await safeFetch(`${base}/notes.md`, local())).toMatchObject({ mediaType: 'text/markdown', kind: 'text' });
    const pdf = await safeFetch(`${base}/report.pdf`, local());
    expect(pdf).toMatchObject({ mediaType: 'application/pdf', kind: 'pdf', charset: null });
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await safeFetch(`${base}/gzipped`, local())).body.toString('utf8')).toBe(PAGE);
  });

  it('GIVEN a chain of 5 redirects (every status, relative and absolute) THEN it follows them to the page and says where it went', async () => {
    const page = await safeFetch(`${base}/chain/4`, local());

    expect(page.url).toBe(`${base}/article`);
    expect(page.chain).toEqual([
      `${base}/chain/4`,
      `${base}/chain/3`,
      `${base}/chain/2`,
      `${base}/chain/1`,
      `${base}/chain/0`,
      `${base}/article`,
    ]);
    expect(page.body.toString('utf8')).toBe(PAGE);
  });

  it('GIVEN a name the allow-list exempts THEN it is resolved once, and the connection goes to that answer, not to a second lookup (DNS rebinding)', async () => {
    // First answer: the test server. Any later answer: ::1, where nothing listens on this port.
    const { resolve, calls } = resolver({ 'newsroom.internal': [['127.0.0.1'], ['::1']] });

    const page = await safeFetch(`http://newsroom.internal:${port}/article`, {
      allowHosts: parseAllowedHosts(`newsroom.internal:${port}`),
      resolve,
    });

    expect(page.body.toString('utf8')).toBe(PAGE);
    expect(calls).toEqual(['newsroom.internal']);
    expect(received[0]?.headers.host).toBe(`newsroom.internal:${port}`);
  });
});

describe('safeFetch: what it refuses, with no connection attempted', () => {
  const refusals: [string, string, FetchFailure, RegExp][] = [
    ['a private address', 'http://10.0.0.1/', 'blocked-address', /10\.0\.0\.1 is a private network address/],
    [
      'the cloud metadata address',
      'http://169.254.169.254/latest/meta-data/',
      'blocked-address',
      /a cloud metadata address/,
    ],
    [
      'AWS metadata over IPv6',
      'http://[fd00:ec2::254]/latest/meta-data/',
      'blocked-address',
      /a cloud metadata address/,
    ],
    ['link-local IPv6', 'http://[fe80::1]/', 'blocked-address', /a link-local address/],
    ['unique-local IPv6', 'http://[fd12:3456::1]/', 'blocked-address', /a unique-local IPv6 address/],
    ['IPv4-mapped IPv6', 'http://[::ffff:7f00:1]/', 'blocked-address', /an IPv4-mapped IPv6 address/],
    ['carrier-grade NAT', 'http://100.64.1.2/', 'blocked-address', /shared \(carrier-grade NAT\)/],
    ['multicast', 'http://224.0.0.251/', 'blocked-address', /a multicast address/],
    ['the unspecified address', 'http://0.0.0.0/', 'blocked-address', /an unspecified address/],
    ['loopback written as a number', 'http://2130706433/', 'blocked-address', /127\.0\.0\.1 is a loopback address/],
    ['a file', 'file:///etc/passwd', 'scheme', /^Only http and https links are fetched, not file\.$/],
    ['ftp', 'ftp://files.example/report.pdf', 'scheme', /not ftp/],
    ['a link with a password', 'https://editor:hunter2@news.example/', 'credentials', /user name or password/],
    ['not a link', 'the article about the floods', 'bad-url', /^That is not a link/],
  ];

  it.each(refusals)('GIVEN %s THEN refused (%s)', async (_what, link, reason, message) => {
    const { made, transport } = countRequests();
    const { resolve, calls } = resolver({});

    const error = await failure(link, { ...local(), resolve, transport });

    expect(error.reason).toBe(reason);
    expect(error.message).toMatch(message);
    expect(made).toEqual({ http: [], https: [] });
    expect(calls).toEqual([]);
  });

  it('GIVEN loopback (127.0.0.1 on another port, and ::1) not in the allow-list THEN refused', async () => {
    const { made, transport } = countRequests();

    expect((await failure(`http://127.0.0.1:${port + 1}/article`, { ...local(), transport })).message).toMatch(
      /a loopback address/,
    );
    expect((await failure(`http://[::1]:${port}/article`, { ...local(), transport })).message).toMatch(
      /::1 is a loopback address/,
    );
    expect((await failure(`${base}/article`, { transport })).reason).toBe('blocked-address');
    expect(made).toEqual({ http: [], https: [] });
    expect(received).toEqual([]);
  });

  it('GIVEN a name that resolves to a private address, or to a public and a private one THEN refused after one lookup, before connecting', async () => {
    const { made, transport } = countRequests();
    const { resolve, calls } = resolver({
      'intranet.example': ['192.168.1.20'],
      'mixed.example': ['93.184.215.14', '10.20.30.40'],
      'v6.example': ['2606:4700::6810:84e5', 'fc00::5'],
    });

    for (const host of ['intranet.example', 'mixed.example', 'v6.example']) {
      const error = await failure(`https://${host}/news/story`, { resolve, transport });
      expect(error.reason).toBe('blocked-address');
      expect(error.message).toMatch(new RegExp(`^Not fetched: ${host.replace('.', '\\.')} leads to an? `));
    }
    expect(calls).toEqual(['intranet.example', 'mixed.example', 'v6.example']);
    expect(made).toEqual({ http: [], https: [] });
  });

  it('GIVEN a name that does not exist THEN "could not be found", and no connection', async () => {
    const { made, transport } = countRequests();
    const error = await failure('https://no-such-paper.example/story', { resolve: resolver({}).resolve, transport });
    expect(error.reason).toBe('no-such-host');
    expect(error.message).toBe('no-such-paper.example could not be found (no such site, or a typo in the link).');
    expect(made).toEqual({ http: [], https: [] });
  });

  it('GIVEN the allow-list names a host with a port THEN another port of that host is refused', async () => {
    const error = await failure(`http://127.0.0.1:${port + 1}/`, {
      allowHosts: parseAllowedHosts(`127.0.0.1:${port}`),
    });
    expect(error.reason).toBe('blocked-address');
  });
});

describe('safeFetch: redirects are checked again', () => {
  it('GIVEN a redirect to a private address THEN refused, with the one request to the allowed server only', async () => {
    const { made, transport } = countRequests();

    const error = await failure(`${base}/to-private`, { ...local(), transport });

    expect(error).toMatchObject({ reason: 'blocked-address', url: 'http://10.0.0.1/admin' });
    expect(error.message).toMatch(/10\.0\.0\.1 is a private network address/);
    expect(made).toEqual({ http: [`${base}/to-private`], https: [] });
    expect(received.map((request) => request.path)).toEqual(['/to-private']);
  });

  it('GIVEN a redirect to the metadata address or to a file THEN refused', async () => {
    expect((await failure(`${base}/to-metadata`)).message).toMatch(/cloud metadata/);
    expect((await failure(`${base}/to-file`)).reason).toBe('scheme');
  });

  it('GIVEN 6 redirects THEN refused as too many, after following 5', async () => {
    const error = await failure(`${base}/chain/5`);
    expect(error.reason).toBe('too-many-redirects');
    expect(error.message).toBe('The link redirects more than 5 times; open it in a browser and paste where it ends.');
    expect(received).toHaveLength(6);
  });
});

describe('safeFetch: failures the user is told about', () => {
  it('GIVEN 404, 403 and 503 THEN each says what happened, with the status', async () => {
    expect(await failure(`${base}/missing`)).toMatchObject({
      reason: 'http-status',
      details: { status: 404 },
      message: `The page was not found (HTTP 404) at ${base}/missing: check the link.`,
    });
    expect((await failure(`${base}/paywall`)).message).toMatch(/HTTP 403.*login or a subscription/);
    expect((await failure(`${base}/broken`)).message).toBe('The site had an error (HTTP 503): try again later.');
  });

  it('GIVEN a server that never answers, or stops halfway THEN a timeout (the whole-fetch limit, shortened)', async () => {
    for (const path of ['/slow', '/slow-body']) {
      const error = await failure(`${base}${path}`, { ...local(), timeoutMs: 300 });
      expect(error.reason).toBe('timeout');
      expect(error.message).toBe('The site did not send the page within 300 ms.');
    }
  });

  it('GIVEN a lookup that never answers THEN a timeout of the connect limit, and no connection', async () => {
    const { made, transport } = countRequests();
    const error = await failure('https://hanging-dns.example/', {
      resolve: () => new Promise(() => undefined),
      connectTimeoutMs: 100,
      transport,
    });
    expect(error).toMatchObject({
      reason: 'timeout',
      message: 'Looking up hanging-dns.example took too long; try again later.',
    });
    expect(made).toEqual({ http: [], https: [] });
  });

  it('GIVEN an endless page THEN aborted once past 5 MB, as too large', async () => {
    const error = await failure(`${base}/endless`);
    expect(error).toMatchObject({ reason: 'too-large', details: { limit: DEFAULT_LIMITS.html } });
    expect(error.message).toBe('The document is larger than 5 MB, more than Crosscheck reads.');
  });

  it('GIVEN a PDF that declares 30 MB THEN refused before reading it; a compressed page counts unpacked', async () => {
    expect((await failure(`${base}/huge-declared`)).message).toBe(
      'The document is larger than 20 MB, more than Crosscheck reads.',
    );
    expect((await failure(`${base}/bomb`)).reason).toBe('too-large');
  });

  it('GIVEN an image or a reply without a type THEN refused as a type not fetched', async () => {
    expect(await failure(`${base}/image`)).toMatchObject({
      reason: 'type-not-allowed',
      message: 'The link is image/png, not a page or a document: only web pages, text, Markdown and PDF are fetched.',
    });
    expect((await failure(`${base}/untyped`)).message).toMatch(/^The site did not say what the link is/);
  });

  it('GIVEN a closed port on an allowed host THEN unreachable, said plainly', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    const error = await failure(`http://127.0.0.1:${closedPort}/`, {
      allowHosts: parseAllowedHosts(`127.0.0.1:${closedPort}`),
    });
    expect(error).toMatchObject({
      reason: 'unreachable',
      message: `Could not reach 127.0.0.1:${closedPort}: the connection was refused.`,
    });
  });
});

describe('safeFetch over https', () => {
  it('GIVEN https to a name pinned to 127.0.0.1 THEN the TLS handshake names the host (SNI), and a self-signed certificate is refused as not valid', async () => {
    // A certificate for secure.test made for this test only (tests/fetch/fixtures), trusted by nobody.
    const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, 'fixtures', name));
    const context = tls.createSecureContext({
      key: fixture('selfsigned-test-only.key'),
      cert: fixture('selfsigned-test-only.crt'),
    });
    const names: string[] = [];
    const secure = https.createServer(
      {
        SNICallback: (servername, done) => {
          names.push(servername);
          done(null, context);
        },
      },
      (_request, response) => response.end(PAGE),
    );
    await new Promise<void>((resolve) => secure.listen(0, '127.0.0.1', resolve));
    const securePort = (secure.address() as AddressInfo).port;
    const { resolve, calls } = resolver({ 'secure.test': [['127.0.0.1'], ['::1']] });
    try {
      const error = await failure(`https://secure.test:${securePort}/article`, {
        allowHosts: parseAllowedHosts(`secure.test:${securePort}`),
        resolve,
      });
      expect(error.reason).toBe('tls');
      expect(error.message).toBe(
        "The site's secure connection is not valid (DEPTH_ZERO_SELF_SIGNED_CERT); not fetched.",
      );
      expect(names).toEqual(['secure.test']);
      expect(calls).toEqual(['secure.test']);
    } finally {
      secure.closeAllConnections();
      await new Promise<void>((done) => secure.close(() => done()));
    }
  });
});

describe('blockedKind', () => {
  it('GIVEN addresses of every kind THEN public ones pass and the rest are named', () => {
    const kinds = Object.fromEntries(
      [
        '8.8.8.8',
        '172.32.0.1',
        '100.128.0.1',
        '2606:4700::1111',
        '2001:4860:4860::8888',
        '64:ff9b::808:808',
        '10.255.255.255',
        '172.16.0.1',
        '172.31.255.255',
        '192.168.0.1',
        '100.127.255.255',
        '127.8.9.10',
        '169.254.1.1',
        '169.254.169.254',
        '239.255.255.250',
        '255.255.255.255',
        '198.18.0.1',
        '::',
        '::1',
        '::ffff:8.8.8.8',
        'fe80::1%eth0',
        'febf::1',
        'fc00::1',
        'fd00:ec2::254',
        'ff02::1',
        '64:ff9b::a00:1',
        '2002:c0a8:101::1',
        '2001:db8::1',
        'not an address',
      ].map((address) => [address, blockedKind(address)]),
    );
    expect(kinds).toEqual({
      '8.8.8.8': null,
      '172.32.0.1': null,
      '100.128.0.1': null,
      '2606:4700::1111': null,
      '2001:4860:4860::8888': null,
      // NAT64 of a public address is public; of a private one, private.
      '64:ff9b::808:808': null,
      '10.255.255.255': 'private network',
      '172.16.0.1': 'private network',
      '172.31.255.255': 'private network',
      '192.168.0.1': 'private network',
      '100.127.255.255': 'shared (carrier-grade NAT)',
      '127.8.9.10': 'loopback',
      '169.254.1.1': 'link-local',
      '169.254.169.254': 'cloud metadata',
      '239.255.255.250': 'multicast',
      '255.255.255.255': 'broadcast',
      '198.18.0.1': 'benchmarking',
      '::': 'unspecified',
      '::1': 'loopback',
      '::ffff:8.8.8.8': 'IPv4-mapped IPv6',
      'fe80::1%eth0': 'link-local',
      'febf::1': 'link-local',
      'fc00::1': 'unique-local IPv6',
      'fd00:ec2::254': 'cloud metadata',
      'ff02::1': 'multicast',
      '64:ff9b::a00:1': 'private network',
      '2002:c0a8:101::1': 'private network',
      '2001:db8::1': 'documentation',
      'not an address': 'reserved',
    });
  });
});
