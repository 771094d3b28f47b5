/**
 * A local web server on 127.0.0.1 for the tests of adding articles: it serves the pages a test
 * gives it (news pages written for the tests, a PDF, files as a chat's attachments) and counts
 * what it was asked for. Only ever on the loopback address, exempted with FETCH_ALLOW_HOSTS.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseAllowedHosts, type AllowedHost } from '../../src/config/hosts.js';

export interface Page {
  status?: number;
  type?: string;
  body: string | Uint8Array;
}

export interface PageServer {
  /** `http://127.0.0.1:PORT` */
  base: string;
  /** `127.0.0.1:PORT`, as FETCH_ALLOW_HOSTS takes it. */
  host: string;
  allowHosts: AllowedHost[];
  /** The paths asked for, in order. */
  requested: string[];
  /** Serves `page` at `path` from now on. */
  set(path: string, page: Page): string;
  close(): Promise<void>;
}

/** A page of tests/corpus/pages. */
export function testPage(name: string): string {
  return readFileSync(path.resolve(import.meta.dirname, '../corpus/pages', name), 'utf8');
}

export async function startPageServer(pages: Record<string, Page> = {}): Promise<PageServer> {
  const routes = new Map(Object.entries(pages));
  const requested: string[] = [];
  const server = http.createServer((request, response) => {
    const at = (request.url ?? '/').split('?')[0]!;
    requested.push(at);
    const page = routes.get(at);
    if (!page) {
      response.writeHead(404, { 'content-type': 'text/html' });
      response.end('<!doctype html><title>Not found</title><p>No such page.</p>');
      return;
    }
    response.writeHead(page.status ?? 200, { 'content-type': page.type ?? 'text/html; charset=utf-8' });
    response.end(page.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  return {
    base,
    host: `127.0.0.1:${port}`,
    allowHosts: parseAllowedHosts(`127.0.0.1:${port}`),
    requested,
    set(at, page) {
      routes.set(at, page);
      return `${base}${at}`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
