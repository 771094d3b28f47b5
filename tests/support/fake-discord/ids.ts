import { randomBytes } from 'node:crypto';

/** Discord's epoch (2015-01-01T00:00:00Z); snowflakes encode milliseconds since it. */
const DISCORD_EPOCH = 1_420_070_400_000n;
let increment = 0n;

/**
 * A realistic, unique snowflake. Real-looking ids matter: @discordjs/rest only treats
 * 17–19 digit ids as "major parameters" when bucketing webhook routes, and discord.js
 * derives `createdTimestamp` from them.
 */
export function snowflake(at: number = Date.now()): string {
  increment = (increment + 1n) & 0xfffn;
  return (((BigInt(at) - DISCORD_EPOCH) << 22n) | (1n << 17n) | increment).toString();
}

/** Interaction tokens are opaque to bots; Discord's look like base64 of `interaction:<id>:<secret>`. */
export function interactionToken(id: string): string {
  return Buffer.from(`interaction:${id}:${randomBytes(24).toString('hex')}`).toString('base64url');
}

/** Gateway session ids are 32 hex chars. */
export function sessionId(): string {
  return randomBytes(16).toString('hex');
}

export function isoNow(at: number = Date.now()): string {
  return new Date(at).toISOString();
}
