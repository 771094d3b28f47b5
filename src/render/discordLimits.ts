/** Discord's limits on what a message may carry; a payload over any of them is rejected whole. */
export const DISCORD_LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  /** Title, description, field names and values, footer and author of all embeds together. */
  embedsTotal: 6000,
  customId: 100,
  buttonLabel: 80,
  buttonsPerRow: 5,
  rowsPerMessage: 5,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
  /** Rows of components under a message; a select menu takes a row of its own. */
  actionRows: 5,
  selectOptions: 25,
  /** An option's label, value and description each. */
  selectOptionText: 100,
  selectPlaceholder: 150,
  /** Files attached to one message, and the bytes of each (a server without boosts). */
  files: 10,
  fileBytes: 10 * 1024 * 1024,
} as const;
