import { REST, Routes } from 'discord.js';
import { definitions } from '../commands/index.js';
import { serverOnly } from './bot/guilds.js';
import { readEnvOrReport } from './config/env.js';

/**
 * `npm run deploy-commands`: registers the slash commands with Discord, to one guild when
 * DISCORD_GUILD_ID is set (instant: for development) or globally (for production). Either way they
 * can be used in servers only: the bot also refuses any server not in ALLOWED_GUILD_IDS.
 */
async function deploy(): Promise<number> {
  const env = readEnvOrReport();
  if (!env) return 1;
  const missing = (['DISCORD_TOKEN', 'DISCORD_CLIENT_ID'] as const).filter((key) => !env[key]);
  if (missing.length > 0) {
    process.stderr.write(`deploy-commands: set ${missing.join(' and ')} in .env first (see .env.example).\n`);
    return 1;
  }
  const rest = new REST(env.DISCORD_API_URL ? { api: env.DISCORD_API_URL } : {}).setToken(env.DISCORD_TOKEN!);
  const route = env.DISCORD_GUILD_ID
    ? Routes.applicationGuildCommands(env.DISCORD_CLIENT_ID!, env.DISCORD_GUILD_ID)
    : Routes.applicationCommands(env.DISCORD_CLIENT_ID!);
  try {
    // Servers only (no DMs, no user installs), whatever a command's own definition says.
    const body = definitions.map((data) => serverOnly(data));
    const registered = (await rest.put(route, { body })) as { name: string; type?: number }[];
    const where = env.DISCORD_GUILD_ID
      ? `guild ${env.DISCORD_GUILD_ID}`
      : 'all guilds (global; may take up to an hour to appear)';
    process.stdout.write(
      `Registered ${registered.length} commands in ${where}: ${registered.map((c) => ((c.type ?? 1) === 1 ? `/${c.name}` : `“${c.name}” (message menu)`)).join(', ')}\n`,
    );
    return 0;
  } catch (error) {
    process.stderr.write(`deploy-commands: Discord refused the commands: ${(error as Error).message}\n`);
    return 1;
  }
}

process.exitCode = await deploy();
