import {
  MessageFlags,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type ModalSubmitInteraction,
  type StringSelectMenuInteraction,
} from 'discord.js';
import type { DiscordReply } from '../render/discordMessage.js';
import { WorkQueue } from './workQueue.js';

type Work = () => Promise<DiscordReply> | DiscordReply;

/**
 * The work's reply if it is ready within `ms`, else null (the work goes on). The race also counts as
 * handling the work's failure, so a failure after a failed deferral is not an unhandled rejection.
 */
async function readyWithin(pending: Promise<DiscordReply>, ms: number): Promise<DiscordReply | null> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([pending, new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

/** A reply without its flags, for edits: an edit cannot change who sees a message. */
function withoutFlags({ flags: _flags, ...message }: DiscordReply): Omit<DiscordReply, 'flags'> {
  return message;
}

const isPrivate = (message: DiscordReply) => message.flags === MessageFlags.Ephemeral;

/** Every answer of this process takes its turn here: see {@link WorkQueue}. */
export const answerQueue = new WorkQueue();

/**
 * Queues the work. Returns its result, and whether to defer at once: when the answers queued ahead
 * would take longer than the threshold anyway, waiting for the timer only wastes the 3 seconds.
 */
function start(work: Work, deferAfterMs: number): { pending: Promise<DiscordReply>; deferNow: boolean } {
  const deferNow = answerQueue.expectedWaitMs() > deferAfterMs;
  const pending = answerQueue.run(work);
  // Handled here so that a failure while the deferral itself fails is not an unhandled rejection;
  // whoever awaits `pending` still gets it.
  pending.catch(() => undefined);
  return { pending, deferNow };
}

/**
 * Runs the work so that Discord hears back within its 3 seconds: the reply itself when it is ready
 * within `deferAfterMs` (nothing sent yet: the caller sends it), otherwise after `defer` has told
 * Discord to wait, the work still under way. Slow (synchronous) work is deferred before it starts,
 * since no timer could fire while it runs.
 */
async function inTime(
  work: Work,
  { deferAfterMs, slow }: { deferAfterMs: number; slow: boolean },
  defer: () => Promise<unknown>,
): Promise<{ early: DiscordReply } | { late: Promise<DiscordReply> }> {
  if (slow) {
    await answerQueue.acknowledge(defer());
    return { late: answerQueue.run(work) };
  }
  const { pending, deferNow } = start(work, deferAfterMs);
  const early = deferNow ? null : await readyWithin(pending, deferAfterMs);
  if (early) return { early };
  await answerQueue.acknowledge(defer());
  return { late: pending };
}

/** How a reply is sent. */
export interface ReplyOptions {
  /** For the asker (or the clicker) alone. A private reply (a notice, a no-answer) always is, whatever this says. */
  ephemeral: boolean;
  /** How long the work may take before the reply is deferred; Discord allows 3 s for the first response. */
  deferAfterMs: number;
  /**
   * The work may block the event loop for seconds (synchronous): the reply is deferred before it
   * starts, since no timer could fire while it runs.
   */
  slow?: boolean;
}

/**
 * The one way the bot replies with what is being worked out, to a command or a click: at once if
 * it is ready within `deferAfterMs`, otherwise the reply is deferred first ("Crosscheck is thinking…")
 * so Discord's 3-second deadline is never missed. Under a burst, when the answers queued ahead would
 * take longer than that anyway, or when the work is `slow`, it defers at once.
 * A private reply (a notice, a no-answer) stays with the asker even when the answer would have been public.
 */
export async function replyWhenReady(
  interaction: ChatInputCommandInteraction | ButtonInteraction | StringSelectMenuInteraction | ModalSubmitInteraction,
  work: Work,
  { ephemeral, deferAfterMs, slow = false }: ReplyOptions,
): Promise<void> {
  const flags = ephemeral ? { flags: MessageFlags.Ephemeral as const } : {};
  const outcome = await inTime(work, { deferAfterMs, slow }, () => interaction.deferReply(flags));
  if ('early' in outcome) {
    await answerQueue.acknowledge(interaction.reply({ ...outcome.early, ...flags }));
    return;
  }
  const late = await outcome.late;
  if (isPrivate(late) && !ephemeral) {
    // A public "thinking…" message cannot be made private: replace it with one for the asker alone.
    await interaction.deleteReply();
    await interaction.followUp(late);
    return;
  }
  await interaction.editReply(withoutFlags(late));
}

/**
 * Who asked for the message a button sits on: the user of the interaction it answers (Discord keeps
 * that through every edit). Null when Discord does not say.
 */
function askerOf(interaction: ButtonInteraction): string | null {
  return interaction.message.interactionMetadata?.user.id ?? null;
}

/**
 * Replaces the message a button sits on, deferring the update the same way when the work is slow.
 * Only the asker's click changes the asker's message: anyone else (or anyone, when Discord does not
 * say who asked) gets the same result as a reply for them alone, and the message stays as it was.
 * A notice goes to the clicker alone and leaves the message as it was.
 */
export async function updateWhenReady(
  interaction: ButtonInteraction,
  work: Work,
  { deferAfterMs, slow = false }: Omit<ReplyOptions, 'ephemeral'>,
): Promise<void> {
  if (askerOf(interaction) !== interaction.user.id) {
    await replyWhenReady(interaction, work, { ephemeral: true, deferAfterMs, slow });
    return;
  }
  const outcome = await inTime(work, { deferAfterMs, slow }, () => interaction.deferUpdate());
  if ('early' in outcome) {
    const { early } = outcome;
    await answerQueue.acknowledge(
      isPrivate(early) ? interaction.reply(early) : interaction.update(withoutFlags(early)),
    );
    return;
  }
  const late = await outcome.late;
  await (isPrivate(late) ? interaction.followUp(late) : interaction.editReply(withoutFlags(late)));
}
