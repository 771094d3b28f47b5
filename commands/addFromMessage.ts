import { ApplicationCommandType, ContextMenuCommandBuilder, InteractionContextType, type Message } from 'discord.js';
import type { MessageCommand } from '../src/bot/handlers.js';
import { addArticle, sourceLabel, type AddOutcome, type AddSource } from '../src/engine/add.js';
import { notice } from '../src/render/discordMessage.js';
import { renderAddedItemsForDiscord, renderItemFailuresForDiscord } from '../src/render/added.js';
import { ADD_PERMISSION, mayAdd } from './addAccess.js';

/** Links in a message's text: http(s) up to a space or a closing bracket, without the punctuation that ends a sentence. */
const LINK = /<?(https?:\/\/[^\s<>|]+)>?/gi;

/** Every link and every attachment of the message, each once, links first as written. */
export function itemsOf(message: Pick<Message, 'content' | 'attachments'>): AddSource[] {
  const links = [...(message.content ?? '').matchAll(LINK)].map((match) => {
    const link = match[1]!.replace(/[.,;:!?'"\]]+$/, '');
    // A closing bracket ends the link only when the link opened none ("(see https://x.example/a)").
    return link.endsWith(')') && !link.includes('(') ? link.slice(0, -1) : link;
  });
  const files = [...message.attachments.values()].map((attachment) => ({
    url: attachment.url,
    fileName: attachment.name,
  }));
  return [...new Set(links)].map((url): AddSource => ({ url })).concat(files);
}

export const addFromMessage = {
  data: new ContextMenuCommandBuilder()
    .setName('Add to Crosscheck')
    .setType(ApplicationCommandType.Message)
    .setDefaultMemberPermissions(ADD_PERMISSION)
    .setContexts(InteractionContextType.Guild)
    .toJSON(),

  async execute(interaction, context) {
    const items = itemsOf(interaction.targetMessage);
    if (items.length === 0) {
      await interaction.reply(notice('That message has no link and no file to add.'));
      return;
    }
    const adding = await mayAdd(interaction, context, items.length);
    if (!adding) return;
    await interaction.deferReply();
    const added: Extract<AddOutcome, { ok: true }>[] = [];
    const failed: { what: string; message: string }[] = [];
    for (const item of items) {
      const outcome = await addArticle(adding.target, item, {
        addedBy: interaction.user.id,
        via: 'message',
        fetch: adding.fetch,
      });
      if (outcome.ok) added.push(outcome);
      else failed.push({ what: sourceLabel(item), message: outcome.message });
    }
    context.log.info({ added: added.length, failed: failed.length }, 'message added');
    if (added.length === 0) {
      // Nothing for the team to see: the public "thinking…" gives way to a private account.
      await interaction.deleteReply();
      await interaction.followUp(renderItemFailuresForDiscord(failed));
      return;
    }
    const { flags: _public, ...reply } = renderAddedItemsForDiscord(added, interaction.user.id);
    await interaction.editReply(reply);
    if (failed.length > 0) await interaction.followUp(renderItemFailuresForDiscord(failed));
  },
} satisfies MessageCommand;
