import { pino, type Logger } from 'pino';

const CENSOR = '[redacted]';

/** Values no log line may contain, wherever they hide (see {@link protectSecret}). */
const secrets = new Set<string>();

/**
 * Adds a value (the bot token) that every logger made by {@link createLogger} censors in its output,
 * however deep it sits in a logged object or inside an error's message or stack. Path-based
 * redaction only reaches the paths it names; this is the last check on each line before it is written.
 */
export function protectSecret(value: string | undefined | null): void {
  // A short value would censor ordinary words; a token is 59+ characters.
  if (value && value.length >= 16) secrets.add(value);
}

function censorSecrets(line: string): string {
  let out = line;
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(CENSOR);
  return out;
}

/**
 * Structured logs (JSON lines) on stderr, so that stdout stays for what a command prints. The token
 * and any Authorization header are redacted wherever they appear in a logged object: by path for the
 * usual places, and by value (the token itself, anywhere in the line) as the last line of defence.
 */
export function createLogger(level: string, destination: NodeJS.WritableStream | number = 2): Logger {
  protectSecret(process.env.DISCORD_TOKEN);
  return pino(
    {
      level,
      base: { app: 'crosscheck' },
      redact: {
        paths: [
          'token',
          '*.token',
          '*.*.token',
          'authorization',
          '*.authorization',
          'Authorization',
          '*.Authorization',
          'headers.authorization',
          'headers.Authorization',
          '*.headers.authorization',
          '*.headers.Authorization',
          '*.*.headers.authorization',
          '*.*.headers.Authorization',
          'DISCORD_TOKEN',
          '*.DISCORD_TOKEN',
        ],
        censor: CENSOR,
      },
      hooks: { streamWrite: censorSecrets },
    },
    typeof destination === 'number'
      ? pino.destination({ fd: destination, sync: false })
      : (destination as pino.DestinationStream),
  );
}
