/**
 * The subset of Discord's request validation that is cheap to mirror and catches real bot
 * bugs (too-long replies, oversized embeds, bad autocomplete choices, bad command schemas).
 * Errors use Discord's "Invalid Form Body" shape so discord.js builds the same
 * DiscordAPIError message it would in production.
 */

export interface DiscordFieldError {
  code: string;
  message: string;
}

/** Discord's nested error tree: keys are field names / array indexes, leaves hold `_errors`. */
export interface DiscordErrorTree {
  _errors?: DiscordFieldError[];
  [key: string]: DiscordErrorTree | DiscordFieldError[] | undefined;
}

export interface DiscordErrorBody {
  code: number;
  message: string;
  errors?: DiscordErrorTree;
}

export type FieldPath = (string | number)[];

/** Collects field errors; `toBody()` returns the 50035 response or null when valid. */
export class FormErrors {
  private readonly tree: DiscordErrorTree = {};
  private count = 0;

  add(path: FieldPath, code: string, message: string): void {
    let node = this.tree;
    for (const key of path) {
      const k = String(key);
      node = (node[k] as DiscordErrorTree | undefined) ?? (node[k] = {});
    }
    (node._errors ??= []).push({ code, message });
    this.count++;
  }

  get empty(): boolean {
    return this.count === 0;
  }

  toBody(): DiscordErrorBody | null {
    return this.empty ? null : { code: 50035, message: 'Invalid Form Body', errors: this.tree };
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function maxLength(errors: FormErrors, path: FieldPath, value: unknown, max: number): void {
  if (typeof value === 'string' && value.length > max) {
    errors.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
  }
}

function lengthBetween(errors: FormErrors, path: FieldPath, value: unknown, min: number, max: number): void {
  if (typeof value !== 'string' || value.length === 0) {
    errors.add(path, 'BASE_TYPE_REQUIRED', 'This field is required');
  } else if (value.length < min || value.length > max) {
    errors.add(path, 'BASE_TYPE_BAD_LENGTH', `Must be between ${min} and ${max} in length.`);
  }
}

function maxItems(errors: FormErrors, path: FieldPath, value: unknown, max: number): void {
  if (Array.isArray(value) && value.length > max) {
    errors.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
  }
}

export const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  embedTotal: 6000,
  actionRows: 5,
  rowComponents: 5,
  customId: 100,
  buttonLabel: 80,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  modalTitle: 45,
} as const;

const IS_COMPONENTS_V2 = 1 << 15;

/** Characters Discord counts toward the 6000-per-message embed budget. */
function embedSize(embed: Record<string, unknown>): number {
  const len = (v: unknown) => (typeof v === 'string' ? v.length : 0);
  let total = len(embed.title) + len(embed.description);
  if (isObject(embed.footer)) total += len(embed.footer.text);
  if (isObject(embed.author)) total += len(embed.author.name);
  if (Array.isArray(embed.fields)) {
    for (const f of embed.fields) if (isObject(f)) total += len(f.name) + len(f.value);
  }
  return total;
}

function validateEmbeds(errors: FormErrors, path: FieldPath, embeds: unknown): void {
  if (embeds === undefined || embeds === null) return;
  if (!Array.isArray(embeds)) {
    errors.add(path, 'LIST_TYPE_CONVERT', 'Only iterables may be used in a ListType');
    return;
  }
  maxItems(errors, path, embeds, LIMITS.embeds);
  let total = 0;
  embeds.forEach((embed, i) => {
    if (!isObject(embed)) return;
    const p = [...path, i];
    maxLength(errors, [...p, 'title'], embed.title, LIMITS.embedTitle);
    maxLength(errors, [...p, 'description'], embed.description, LIMITS.embedDescription);
    if (embed.footer !== undefined && isObject(embed.footer)) {
      if (typeof embed.footer.text !== 'string' || embed.footer.text.length === 0) {
        errors.add([...p, 'footer', 'text'], 'BASE_TYPE_REQUIRED', 'This field is required');
      }
      maxLength(errors, [...p, 'footer', 'text'], embed.footer.text, LIMITS.footerText);
    }
    if (embed.author !== undefined && isObject(embed.author)) {
      if (typeof embed.author.name !== 'string' || embed.author.name.length === 0) {
        errors.add([...p, 'author', 'name'], 'BASE_TYPE_REQUIRED', 'This field is required');
      }
      maxLength(errors, [...p, 'author', 'name'], embed.author.name, LIMITS.authorName);
    }
    if (Array.isArray(embed.fields)) {
      maxItems(errors, [...p, 'fields'], embed.fields, LIMITS.embedFields);
      embed.fields.forEach((field, j) => {
        if (!isObject(field)) return;
        const fp = [...p, 'fields', j];
        if (typeof field.name !== 'string' || field.name.length === 0) {
          errors.add([...fp, 'name'], 'BASE_TYPE_REQUIRED', 'This field is required');
        }
        if (typeof field.value !== 'string' || field.value.length === 0) {
          errors.add([...fp, 'value'], 'BASE_TYPE_REQUIRED', 'This field is required');
        }
        maxLength(errors, [...fp, 'name'], field.name, LIMITS.fieldName);
        maxLength(errors, [...fp, 'value'], field.value, LIMITS.fieldValue);
      });
    }
    total += embedSize(embed);
  });
  if (total > LIMITS.embedTotal) {
    errors.add(path, 'MAX_EMBED_SIZE_EXCEEDED', `Embed size exceeds maximum size of ${LIMITS.embedTotal}`);
  }
}

function validateAllowedMentions(errors: FormErrors, path: FieldPath, am: unknown): void {
  if (am === undefined || am === null || !isObject(am)) return;
  const parse = Array.isArray(am.parse) ? am.parse : [];
  parse.forEach((p, i) => {
    if (!['users', 'roles', 'everyone'].includes(String(p))) {
      errors.add([...path, 'parse', i], 'BASE_TYPE_CHOICES', 'Value must be one of {"roles", "users", "everyone"}.');
    }
  });
  for (const kind of ['users', 'roles'] as const) {
    const list = am[kind];
    if (Array.isArray(list) && list.length > 0 && parse.includes(kind)) {
      // Discord rejects mixing "parse all users" with an explicit user list.
      errors.add(
        path,
        'ALLOWED_MENTIONS_PARSE_EXCLUSIVE',
        `parse:["${kind}"] and ${kind}: [ids...] are mutually exclusive.`,
      );
    }
    maxItems(errors, [...path, kind], list, 100);
  }
}

/** Legacy (non-V2) components: action rows of buttons / a select. */
function validateComponents(errors: FormErrors, path: FieldPath, components: unknown, flags: number): void {
  if (!Array.isArray(components)) return;
  if (flags & IS_COMPONENTS_V2) {
    maxItems(errors, path, components, 40);
    return;
  }
  maxItems(errors, path, components, LIMITS.actionRows);
  const seen = new Set<string>();
  components.forEach((row, i) => {
    if (!isObject(row)) return;
    const rp = [...path, i];
    if (row.type !== 1) {
      errors.add([...rp, 'type'], 'UNION_TYPE_CHOICES', 'Value of field "type" must be one of (1,).');
      return;
    }
    const children = Array.isArray(row.components) ? row.components : [];
    if (children.length === 0) {
      errors.add([...rp, 'components'], 'BASE_TYPE_MIN_LENGTH', 'Must be 1 or more in length.');
    }
    maxItems(errors, [...rp, 'components'], children, LIMITS.rowComponents);
    children.forEach((c, j) => {
      if (!isObject(c)) return;
      const cp = [...rp, 'components', j];
      const isLinkOrPremium = c.type === 2 && (c.style === 5 || c.style === 6);
      if (!isLinkOrPremium) {
        lengthBetween(errors, [...cp, 'custom_id'], c.custom_id, 1, LIMITS.customId);
        if (typeof c.custom_id === 'string') {
          if (seen.has(c.custom_id)) {
            errors.add(
              [...cp, 'custom_id'],
              'COMPONENT_CUSTOM_ID_DUPLICATED',
              'Component custom id cannot be duplicated',
            );
          }
          seen.add(c.custom_id);
        }
      }
      if (c.type === 2) maxLength(errors, [...cp, 'label'], c.label, LIMITS.buttonLabel);
      if (c.type === 3) {
        // A select menu fills its row; 1 to 25 options, each with a label and a value of 1–100 characters.
        if (children.length > 1)
          errors.add(
            [...rp, 'components'],
            'COMPONENT_LAYOUT_WIDTH_EXCEEDED',
            'The specified component exceeds the maximum width',
          );
        maxLength(errors, [...cp, 'placeholder'], c.placeholder, 150);
        const options = Array.isArray(c.options) ? c.options : [];
        if (options.length === 0)
          errors.add([...cp, 'options'], 'BASE_TYPE_MIN_LENGTH', 'Must be 1 or more in length.');
        maxItems(errors, [...cp, 'options'], c.options, 25);
        options.forEach((o, k) => {
          if (!isObject(o)) return;
          lengthBetween(errors, [...cp, 'options', k, 'label'], o.label, 1, 100);
          lengthBetween(errors, [...cp, 'options', k, 'value'], o.value, 1, 100);
          maxLength(errors, [...cp, 'options', k, 'description'], o.description, 100);
        });
      }
    });
  });
}

/** Validates a message create/edit body; `path` prefixes errors (e.g. `['data']` for callbacks). */
export function validateMessageBody(errors: FormErrors, path: FieldPath, body: unknown): void {
  if (body === undefined || body === null) return;
  if (!isObject(body)) {
    errors.add(path, 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
    return;
  }
  const flags = typeof body.flags === 'number' ? body.flags : 0;
  maxLength(errors, [...path, 'content'], body.content, LIMITS.content);
  validateEmbeds(errors, [...path, 'embeds'], body.embeds);
  validateAllowedMentions(errors, [...path, 'allowed_mentions'], body.allowed_mentions);
  validateComponents(errors, [...path, 'components'], body.components, flags);
  if (flags & IS_COMPONENTS_V2) {
    for (const legacy of ['content', 'embeds'] as const) {
      const v = body[legacy];
      if (v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0) && v !== '') {
        errors.add(
          [...path, legacy],
          'MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2',
          `The '${legacy}' field cannot be used when using MessageFlags.IS_COMPONENTS_V2`,
        );
      }
    }
  }
}

/** True when a (resulting) message would have nothing to show: Discord answers 50006. */
export function isEmptyMessage(body: Record<string, unknown>, fileCount: number): boolean {
  const has = (v: unknown) => (Array.isArray(v) ? v.length > 0 : v !== undefined && v !== null);
  const content = typeof body.content === 'string' ? body.content.trim() : '';
  return (
    content.length === 0 &&
    !has(body.embeds) &&
    !has(body.components) &&
    !has(body.attachments) &&
    !has(body.sticker_ids) &&
    !has(body.poll) &&
    fileCount === 0
  );
}

export function validateAutocompleteChoices(errors: FormErrors, path: FieldPath, data: unknown): void {
  if (!isObject(data) || !Array.isArray(data.choices)) {
    errors.add([...path, 'choices'], 'BASE_TYPE_REQUIRED', 'This field is required');
    return;
  }
  maxItems(errors, [...path, 'choices'], data.choices, LIMITS.choices);
  data.choices.forEach((choice, i) => {
    if (!isObject(choice)) return;
    lengthBetween(errors, [...path, 'choices', i, 'name'], choice.name, 1, LIMITS.choiceName);
    if (typeof choice.value === 'string') {
      maxLength(errors, [...path, 'choices', i, 'value'], choice.value, LIMITS.choiceValue);
    } else if (typeof choice.value !== 'number') {
      errors.add([...path, 'choices', i, 'value'], 'BASE_TYPE_REQUIRED', 'This field is required');
    }
  });
}

export function validateModal(errors: FormErrors, path: FieldPath, data: unknown): void {
  if (!isObject(data)) {
    errors.add(path, 'BASE_TYPE_REQUIRED', 'This field is required');
    return;
  }
  lengthBetween(errors, [...path, 'custom_id'], data.custom_id, 1, LIMITS.customId);
  lengthBetween(errors, [...path, 'title'], data.title, 1, LIMITS.modalTitle);
  const comps = Array.isArray(data.components) ? data.components : [];
  if (comps.length === 0) errors.add([...path, 'components'], 'BASE_TYPE_MIN_LENGTH', 'Must be 1 or more in length.');
  maxItems(errors, [...path, 'components'], comps, 5);
}

// Chat-input names: lowercase letters (any script), digits, `-`, `_`, `'`; 1–32 chars.
const CHAT_INPUT_NAME = /^[-_'\p{Ll}\p{Lo}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

function validateCommandOptions(errors: FormErrors, path: FieldPath, options: unknown, depth: number): void {
  if (options === undefined || options === null) return;
  if (!Array.isArray(options)) {
    errors.add(path, 'LIST_TYPE_CONVERT', 'Only iterables may be used in a ListType');
    return;
  }
  maxItems(errors, path, options, 25);
  const names = new Set<string>();
  let sawOptional = false;
  options.forEach((opt, i) => {
    if (!isObject(opt)) return;
    const p = [...path, i];
    if (typeof opt.name !== 'string' || !CHAT_INPUT_NAME.test(opt.name)) {
      errors.add([...p, 'name'], 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
    } else if (names.has(opt.name)) {
      errors.add([...p, 'name'], 'APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS', 'Option names must be unique');
    } else {
      names.add(opt.name);
    }
    lengthBetween(errors, [...p, 'description'], opt.description, 1, 100);
    if (opt.required === true && sawOptional) {
      errors.add(
        p,
        'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
        'Required options must be placed before non-required options',
      );
    }
    if (opt.required !== true && opt.type !== 1 && opt.type !== 2) sawOptional = true;
    if (Array.isArray(opt.choices)) {
      maxItems(errors, [...p, 'choices'], opt.choices, 25);
      if (opt.autocomplete === true && opt.choices.length > 0) {
        errors.add(
          [...p, 'autocomplete'],
          'APPLICATION_COMMAND_OPTION_AUTOCOMPLETE_AND_CHOICES',
          'Autocomplete and choices are mutually exclusive',
        );
      }
    }
    if ((opt.type === 1 || opt.type === 2) && depth < 2) {
      validateCommandOptions(errors, [...p, 'options'], opt.options, depth + 1);
    }
  });
}

/** Bulk-overwrite body for application commands (PUT .../commands). */
export function validateCommands(body: unknown): FormErrors {
  const errors = new FormErrors();
  if (!Array.isArray(body)) {
    errors.add([], 'LIST_TYPE_CONVERT', 'Only iterables may be used in a ListType');
    return errors;
  }
  maxItems(errors, [], body, 110);
  const seen = new Set<string>();
  body.forEach((cmd, i) => {
    if (!isObject(cmd)) {
      errors.add([i], 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
      return;
    }
    const type = typeof cmd.type === 'number' ? cmd.type : 1;
    if (type === 1) {
      if (typeof cmd.name !== 'string' || !CHAT_INPUT_NAME.test(cmd.name)) {
        errors.add([i, 'name'], 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
      }
      lengthBetween(errors, [i, 'description'], cmd.description, 1, 100);
      validateCommandOptions(errors, [i, 'options'], cmd.options, 0);
    } else {
      lengthBetween(errors, [i, 'name'], cmd.name, 1, 32);
    }
    const key = `${type}:${String(cmd.name)}`;
    if (seen.has(key)) {
      errors.add([i, 'name'], 'APPLICATION_COMMANDS_DUPLICATE_NAME', 'Application command names must be unique');
    }
    seen.add(key);
  });
  return errors;
}
