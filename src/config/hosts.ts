import { isIP } from 'node:net';

/** One entry of `FETCH_ALLOW_HOSTS`: a host (lower case; an IPv6 address without brackets), and a port or any. */
export interface AllowedHost {
  readonly host: string;
  /** Null: every port of the host. */
  readonly port: number | null;
}

/** A host name as URLs carry it: labels of letters, digits and hyphens (punycode for the rest). */
const HOST_NAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.?$/;

/** An IPv6 address as URLs write it (`0:0::1` → `::1`), so that entries and URLs compare. */
function canonicalIPv6(address: string): string {
  return new URL(`http://[${address}]/`).hostname.slice(1, -1);
}

/** One `host[:port]` entry (`intranet.example`, `news.example:8080`, `10.1.2.3`, `[::1]:8080`), or null when malformed. */
export function parseAllowedHost(entry: string): AllowedHost | null {
  const text = entry.trim().toLowerCase();
  let host: string;
  let port: string | undefined;
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  if (bracketed) {
    host = bracketed[1]!;
    port = bracketed[2];
    if (isIP(host) !== 6) return null;
    host = canonicalIPv6(host);
  } else if (isIP(text) === 6) {
    // A bare IPv6 address has no port: `::1`.
    host = canonicalIPv6(text);
  } else {
    const match = /^([^:]+)(?::(\d+))?$/.exec(text);
    if (!match) return null;
    host = match[1]!.replace(/\.$/, '');
    port = match[2];
    if (isIP(host) !== 4 && !HOST_NAME.test(host)) return null;
  }
  if (port === undefined) return { host, port: null };
  const number = Number(port);
  return Number.isInteger(number) && number >= 1 && number <= 65_535 ? { host, port: number } : null;
}

/**
 * `FETCH_ALLOW_HOSTS`: comma-separated `host[:port]` entries, blanks ignored. Throws a message naming
 * the position of the first malformed entry (never its text).
 */
export function parseAllowedHosts(value: string): AllowedHost[] {
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  return entries.map((entry, index) => {
    const parsed = parseAllowedHost(entry);
    if (!parsed) {
      throw new Error(
        `must be host names or host:port pairs separated by commas (news.example, intranet.example:8080, 10.0.0.7, [::1]:8080): entry ${index + 1} of ${entries.length} is not one`,
      );
    }
    return parsed;
  });
}

/** Whether `host` (lower case, IPv6 without brackets) on `port` is one of `allowed`. */
export function isAllowedHost(allowed: readonly AllowedHost[], host: string, port: number): boolean {
  const name = host
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  return allowed.some((entry) => entry.host === name && (entry.port === null || entry.port === port));
}
