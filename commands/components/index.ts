import type { ButtonHandler, ModalHandler, SelectHandler } from '../../src/bot/handlers.js';
import type { ButtonIds } from '../../src/render/discordMessage.js';
import { askAbout, askAboutId, askAboutSubmit } from './askAbout.js';
import { askedNote } from './askedQuestion.js';
import { confirmRemove } from './confirmRemove.js';
import { figuresCsv, figuresCsvId } from './figuresCsv.js';
import { figuresOf, figuresOfId } from './figuresOf.js';
import { figuresPage, figuresPageId } from './figuresPage.js';
import { openSource, openSourceId } from './openSource.js';
import { openTopic, openTopicId } from './openTopic.js';
import { passagesPage, passagesPageId } from './passagesPage.js';
import { postToChannel, postToChannelId } from './postToChannel.js';
import { showFigures, showFiguresId } from './showFigures.js';
import { sourcesPage, sourcesPageId } from './sourcesPage.js';
import { figuresWhyId, whyId, whyVerdicts } from './whyVerdicts.js';

/** Every kind of button of the bot; their id prefixes do not overlap, so the order is only that of reading. */
export const buttons: readonly ButtonHandler[] = [
  sourcesPage,
  passagesPage,
  whyVerdicts,
  showFigures,
  figuresOf,
  figuresPage,
  figuresCsv,
  postToChannel,
  confirmRemove,
  askAbout,
];

/** Every kind of select menu of the bot. */
export const selects: readonly SelectHandler[] = [openTopic, openSource];

/** Every kind of form (modal) of the bot. */
export const modals: readonly ModalHandler[] = [askAboutSubmit];

/** The ids those modules build, for the renderers. */
export const buttonIds: ButtonIds = {
  passagesPage: passagesPageId,
  why: whyId,
  figuresWhy: figuresWhyId,
  showFigures: showFiguresId,
  figuresOf: figuresOfId,
  figuresPage: figuresPageId,
  sourcesPage: sourcesPageId,
  postToChannel: postToChannelId,
  askedNote,
  figuresCsv: figuresCsvId,
  openTopic: openTopicId,
  openSource: openSourceId,
  askAbout: askAboutId,
};
