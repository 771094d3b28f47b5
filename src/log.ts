import { pino, type Logger } from 'pino';

/**
 * Structured logs (JSON lines) on stderr, so that stdout stays for what a command prints. The token
 * and any Authorization header are redacted wherever they appear in a logged object.
 */
export function createLogger(level: string, destination: NodeJS.WritableStream | number = 2): Logger {
  return pino(
    {
      level,
      base: { app: 'crosscheck' },
      redact: {
        paths: ['token', '*.token', '*.*.token', 'headers.authorization', '*.headers.authorization', 'authorization', '*.authorization', 'DISCORD_TOKEN', '*.DISCORD_TOKEN'],
        censor: '[redacted]',
      },
    },
    typeof destination === 'number' ? pino.destination({ fd: destination, sync: false }) : (destination as pino.DestinationStream),
  );
}
