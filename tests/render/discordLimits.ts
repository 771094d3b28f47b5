import type { APIEmbed } from 'discord.js';
import { expect } from 'vitest';

// Discord's limits, written out here rather than imported: the tests must not share a mistake with the code.
export const LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  total: 6000,
  customId: 100,
  label: 80,
  actionRows: 5,
  selectOptions: 25,
  selectOptionText: 100,
  selectPlaceholder: 150,
  files: 10,
  fileBytes: 10 * 1024 * 1024,
};

/** One embed within Discord's limits: title, description, footer and every field, none of them empty where Discord refuses it. */
export function expectEmbedWithin(embed: APIEmbed): void {
  expect(embed.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.title);
  expect(embed.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.description);
  if (embed.footer) expect(embed.footer.text.length).toBeGreaterThan(0);
  expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.footer);
  expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.fields);
  for (const field of embed.fields ?? []) {
    expect(field.name.length).toBeGreaterThan(0);
    expect(field.value.length).toBeGreaterThan(0);
    expect(field.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
    expect(field.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
  }
}
