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

/** A component as a reply carries it: a button or a string select menu. */
interface SentComponent {
  type: number;
  custom_id?: string;
  label?: string;
  placeholder?: string;
  options?: { label: string; value: string; description?: string }[];
}

/**
 * The rows of components within Discord's limits: five rows, five buttons or one menu a row, ids and
 * labels within their lengths, a menu's options (25 at most) with unique values.
 */
export function expectComponentsWithin(rows: readonly { components: readonly unknown[] }[]): void {
  expect(rows.length).toBeLessThanOrEqual(LIMITS.actionRows);
  for (const row of rows) {
    const components = row.components as SentComponent[];
    expect(components.length).toBeGreaterThan(0);
    expect(components.length).toBeLessThanOrEqual(5);
    if (components.some((component) => component.type === 3)) expect(components).toHaveLength(1);
    for (const component of components) {
      if (component.custom_id !== undefined) expect(component.custom_id.length).toBeLessThanOrEqual(LIMITS.customId);
      if (component.label !== undefined) expect(component.label.length).toBeLessThanOrEqual(LIMITS.label);
      if (component.type !== 3) continue;
      expect(component.placeholder?.length ?? 0).toBeLessThanOrEqual(LIMITS.selectPlaceholder);
      const options = component.options ?? [];
      expect(options.length).toBeGreaterThan(0);
      expect(options.length).toBeLessThanOrEqual(LIMITS.selectOptions);
      expect(new Set(options.map((option) => option.value)).size).toBe(options.length);
      for (const option of options) {
        expect(option.label.length).toBeGreaterThan(0);
        for (const text of [option.label, option.value, option.description ?? ''])
          expect(text.length).toBeLessThanOrEqual(LIMITS.selectOptionText);
      }
    }
  }
}
