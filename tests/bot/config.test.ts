import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { EnvError, readEnv } from '../../src/config/env.js';
import { createLogger } from '../../src/log.js';

const TOKEN = 'MTA4NzY1NDMyMTA5ODc2NTQzMg.GsEcRt.secret-part_0123456789';
const read = (env: Record<string, string>) => readEnv(env, { dotenv: false });

function errorOf(env: Record<string, string>): EnvError {
  try {
    read(env);
  } catch (error) {
    if (error instanceof EnvError) return error;
    throw error;
  }
  throw new Error('readEnv accepted the environment');
}

describe('readEnv', () => {
  // The defaults; no server allowed, which the console does not mind and the bot refuses (src/bot/guilds.ts).
  const DEFAULTS = {
    CORPUS_DIR: 'corpus',
    LOG_LEVEL: 'info',
    ASK_COOLDOWN_SECONDS: 3,
    ALLOWED_GUILD_IDS: [],
    ALLOW_ANY_GUILD: false,
    FETCH_ALLOW_HOSTS: [],
  };

  it('GIVEN nothing set THEN the defaults: no token (the offline console), corpus/, info, 3 s cooldown, no server, no host exempt', () => {
    expect(read({})).toStrictEqual(DEFAULTS);
  });

  it('GIVEN empty or blank values (as `KEY=` in .env) THEN they count as unset', () => {
    expect(
      read({
        DISCORD_TOKEN: '',
        DISCORD_CLIENT_ID: ' ',
        DISCORD_GUILD_ID: '',
        DISCORD_API_URL: '',
        CORPUS_DIR: '',
        LOG_LEVEL: '',
        ASK_COOLDOWN_SECONDS: '',
        ALLOWED_GUILD_IDS: '',
        ALLOW_ANY_GUILD: ' ',
        FETCH_ALLOW_HOSTS: '',
      }),
    ).toEqual(DEFAULTS);
  });

  it('GIVEN good values THEN they are read, trimmed and typed', () => {
    expect(
      read({
        DISCORD_TOKEN: ` ${TOKEN} `,
        DISCORD_CLIENT_ID: '123456789012345678',
        DISCORD_GUILD_ID: '876543210987654321',
        DISCORD_API_URL: 'http://127.0.0.1:5000/api',
        CORPUS_DIR: 'articles',
        LOG_LEVEL: 'debug',
        ASK_COOLDOWN_SECONDS: '30',
      }),
    ).toEqual({
      DISCORD_TOKEN: TOKEN,
      DISCORD_CLIENT_ID: '123456789012345678',
      DISCORD_GUILD_ID: '876543210987654321',
      DISCORD_API_URL: 'http://127.0.0.1:5000/api',
      CORPUS_DIR: 'articles',
      LOG_LEVEL: 'debug',
      ASK_COOLDOWN_SECONDS: 30,
      // ALLOWED_GUILD_IDS defaults to the development server.
      ALLOWED_GUILD_IDS: ['876543210987654321'],
      ALLOW_ANY_GUILD: false,
      FETCH_ALLOW_HOSTS: [],
    });
  });

  it('GIVEN ALLOWED_GUILD_IDS THEN its ids (trimmed, blanks and repeats dropped) replace DISCORD_GUILD_ID', () => {
    expect(
      read({
        DISCORD_GUILD_ID: '876543210987654321',
        ALLOWED_GUILD_IDS: ' 123456789012345678 ,, 223456789012345678,123456789012345678',
      }).ALLOWED_GUILD_IDS,
    ).toEqual(['123456789012345678', '223456789012345678']);
  });

  it('GIVEN a malformed ALLOWED_GUILD_IDS THEN an EnvError says which entry, what an id is and how to copy one, without the values', () => {
    const error = errorOf({ ALLOWED_GUILD_IDS: '123456789012345678;223456789012345678, the-newsroom' });
    expect(error.message).toBe(
      'config: the environment has bad values:\n' +
        '- ALLOWED_GUILD_IDS must be server ids separated by commas, each 17 to 20 digits: entry 1 of 2 is not one ' +
        '(in Discord, enable Developer Mode, then right-click each server → Copy Server ID)',
    );
  });

  it('GIVEN ALLOW_ANY_GUILD THEN true or false only; with a list of servers it is refused as a contradiction; with DISCORD_GUILD_ID no list applies', () => {
    expect(read({ ALLOW_ANY_GUILD: 'TRUE' }).ALLOW_ANY_GUILD).toBe(true);
    expect(read({ ALLOW_ANY_GUILD: 'false' }).ALLOW_ANY_GUILD).toBe(false);
    expect(errorOf({ ALLOW_ANY_GUILD: 'yes please' }).message).toContain('- ALLOW_ANY_GUILD must be true or false');
    expect(errorOf({ ALLOW_ANY_GUILD: 'true', ALLOWED_GUILD_IDS: '123456789012345678' }).message).toContain(
      '- ALLOW_ANY_GUILD cannot be true while ALLOWED_GUILD_IDS lists servers: set one or the other',
    );
    expect(read({ ALLOW_ANY_GUILD: 'true', DISCORD_GUILD_ID: '876543210987654321' })).toMatchObject({
      ALLOW_ANY_GUILD: true,
      ALLOWED_GUILD_IDS: [],
    });
  });

  it('GIVEN WATCH_CHANNEL_ID THEN a channel id, trimmed; anything else is refused with how to copy one', () => {
    expect(read({ WATCH_CHANNEL_ID: ' 123456789012345678 ' }).WATCH_CHANNEL_ID).toBe('123456789012345678');
    expect(read({ WATCH_CHANNEL_ID: '' }).WATCH_CHANNEL_ID).toBeUndefined();
    expect(errorOf({ WATCH_CHANNEL_ID: '#corpus-news' }).message).toBe(
      'config: the environment has bad values:\n' +
        '- WATCH_CHANNEL_ID must be a Discord id: 17 to 20 digits ' +
        '(in Discord, enable Developer Mode, then right-click the channel → Copy Channel ID)',
    );
  });

  it('GIVEN FETCH_ALLOW_HOSTS THEN host[:port] entries, lower case, IPv6 in brackets or bare, written as URLs write them', () => {
    expect(
      read({ FETCH_ALLOW_HOSTS: 'Intranet.Example, news.example:8080,10.0.0.7 ,[0:0::1]:9000, ::1' }).FETCH_ALLOW_HOSTS,
    ).toEqual([
      { host: 'intranet.example', port: null },
      { host: 'news.example', port: 8080 },
      { host: '10.0.0.7', port: null },
      { host: '::1', port: 9000 },
      { host: '::1', port: null },
    ]);
    for (const bad of [
      'http://news.example',
      'news.example:0',
      'news.example:99999',
      'news example',
      '[::1',
      'a:b:c:d',
    ]) {
      expect(errorOf({ FETCH_ALLOW_HOSTS: `ok.example, ${bad}` }).message).toContain(
        '- FETCH_ALLOW_HOSTS must be host names or host:port pairs separated by commas (news.example, intranet.example:8080, 10.0.0.7, [::1]:8080): entry 2 of 2 is not one',
      );
    }
  });

  it('GIVEN a malformed token THEN an EnvError names DISCORD_TOKEN and where to get one, and does not echo it', () => {
    const error = errorOf({ DISCORD_TOKEN: 'my secret token!' });
    expect(error.message).toContain('DISCORD_TOKEN does not look like a bot token');
    expect(error.message).toContain('developer portal → your application → Bot → Reset Token');
    expect(error.message).not.toContain('my secret token!');
    expect(error.message).not.toContain('secret');
  });

  it('GIVEN a non-numeric guild id THEN an EnvError names DISCORD_GUILD_ID and how to copy it, without the value', () => {
    const error = errorOf({ DISCORD_GUILD_ID: 'crosscheck-server' });
    expect(error.message).toMatch(
      /DISCORD_GUILD_ID must be a Discord id: 17 to 20 digits \(in Discord, enable Developer Mode.*Copy Server ID\)/,
    );
    expect(error.message).not.toContain('crosscheck-server');
  });

  it('GIVEN several bad values THEN each is named, and nothing about the good ones', () => {
    const error = errorOf({
      DISCORD_TOKEN: TOKEN,
      DISCORD_CLIENT_ID: '12',
      ASK_COOLDOWN_SECONDS: 'soon',
      LOG_LEVEL: 'loud',
      DISCORD_API_URL: 'ftp://x',
    });
    for (const key of ['DISCORD_CLIENT_ID', 'ASK_COOLDOWN_SECONDS', 'LOG_LEVEL', 'DISCORD_API_URL'])
      expect(error.message).toContain(`- ${key} `);
    expect(error.message).toContain('Application ID');
    expect(error.message).not.toContain('DISCORD_TOKEN');
    for (const value of [TOKEN, 'soon', 'loud', 'ftp://x']) expect(error.message).not.toContain(value);
  });
});

describe('createLogger', () => {
  function capture(): { lines: Record<string, unknown>[]; stream: Writable } {
    const lines: Record<string, unknown>[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
        done();
      },
    });
    return { lines, stream };
  }

  it('GIVEN the token in a logged object THEN it is redacted wherever it sits', () => {
    const { lines, stream } = capture();
    const log = createLogger('info', stream);

    log.info(
      { token: TOKEN, env: { DISCORD_TOKEN: TOKEN }, request: { headers: { authorization: `Bot ${TOKEN}` } } },
      'logged in',
    );

    expect(lines).toHaveLength(1);
    expect(JSON.stringify(lines[0])).not.toContain(TOKEN);
    expect(lines[0]).toMatchObject({
      msg: 'logged in',
      token: '[redacted]',
      env: { DISCORD_TOKEN: '[redacted]' },
      request: { headers: { authorization: '[redacted]' } },
    });
  });

  it('GIVEN a level THEN lower levels are not written', () => {
    const { lines, stream } = capture();
    const log = createLogger('warn', stream);
    log.info('quiet');
    log.warn('loud');
    expect(lines.map((line) => line.msg)).toEqual(['loud']);
  });
});
