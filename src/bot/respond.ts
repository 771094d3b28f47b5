import { MessageFlags, type ButtonInteraction, type ChatInputCommandInteraction } from 'discord.js';
import type { DiscordReply } from '../render/discord.js';

type Work = () => Promise<DiscordReply> | DiscordReply;

/** The work's reply if it is ready within `ms`, else null (the work goes on). */
async function readyWithin(pending: Promise<DiscordReply>, ms: number): Promise<DiscordReply | null> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([pending, new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Sends a reply that is being worked out: at once if it is ready within `deferAfterMs`, otherwise
 * the reply is deferred first ("Crosscheck is thinking…") so Discord's 3-second deadline is never missed.
 */
export async function replyWhenReady(
  interaction: ChatInputCommandInteraction,
  work: Work,
  { ephemeral, deferAfterMs }: { ephemeral: boolean; deferAfterMs: number },
): Promise<void> {
  const flags = ephemeral ? { flags: MessageFlags.Ephemeral as const } : {};
  const pending = Promise.resolve().then(work);
  const early = await readyWithin(pending, deferAfterMs);
  if (early) {
    await interaction.reply({ ...early, ...flags });
    return;
  }
  await interaction.deferReply(flags);
  await interaction.editReply(await pending);
}

/** Replaces the message a button sits on, deferring the update the same way when the work is slow. */
export async function updateWhenReady(interaction: ButtonInteraction, work: Work, { deferAfterMs }: { deferAfterMs: number }): Promise<void> {
  const pending = Promise.resolve().then(work);
  const early = await readyWithin(pending, deferAfterMs);
  if (early) {
    await interaction.update(early);
    return;
  }
  await interaction.deferUpdate();
  await interaction.editReply(await pending);
}
