import type { ButtonHandler } from '../../src/bot/handlers.js';
import type { ButtonIds } from '../../src/render/discordMessage.js';
import { askedNote } from './askedQuestion.js';
import { figuresOf, figuresOfId } from './figuresOf.js';
import { figuresPage, figuresPageId } from './figuresPage.js';
import { morePassages, morePassagesId } from './morePassages.js';
import { postToChannel, postToChannelId } from './postToChannel.js';
import { showFigures, showFiguresId } from './showFigures.js';
import { sourcesPage, sourcesPageId } from './sourcesPage.js';

/** Every kind of button of the bot; their id prefixes do not overlap, so the order is only that of reading. */
export const buttons: readonly ButtonHandler[] = [
  sourcesPage,
  morePassages,
  showFigures,
  figuresOf,
  figuresPage,
  postToChannel,
];

/** The ids those modules build, for the renderers. */
export const buttonIds: ButtonIds = {
  morePassages: morePassagesId,
  showFigures: showFiguresId,
  figuresOf: figuresOfId,
  figuresPage: figuresPageId,
  sourcesPage: sourcesPageId,
  postToChannel: postToChannelId,
  askedNote,
};
