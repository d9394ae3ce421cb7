// Text no database keeps as it was sent: a NUL character (PostgreSQL refuses it in text, a 500
// before this check) and a lone UTF-16 surrogate (UTF-8 cannot encode it: both databases would
// store U+FFFD instead, silently changing what was typed). Every input is checked at the door,
// by the API wrapper (JSON bodies, query and path parameters) and the server-action wrappers (form
// fields), so no field of any schema, present or future, can reach the database with one.
import type { FieldErrors } from '@/lib/api/errors';

export const UNSTORABLE_TEXT_MESSAGE = 'Remove the NUL character or the broken (unpaired surrogate) character from this text.';

// A NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isUnstorableText(text: string): boolean {
  return UNSTORABLE.test(text);
}

/**
 * The path of every string (or object key) in `value` that cannot be stored, keyed as the schemas
 * key their errors ("items.3.text"); empty when all is well. A file's content is not text, but its name is.
 */
export function unstorableTextFields(value: unknown, path: string[] = [], found: FieldErrors = {}): FieldErrors {
  if (typeof value === 'string') {
    if (isUnstorableText(value)) found[path.join('.')] = [UNSTORABLE_TEXT_MESSAGE];
  } else if (Array.isArray(value)) {
    value.forEach((entry, index) => unstorableTextFields(entry, [...path, String(index)], found));
  } else if (value instanceof File) {
    if (isUnstorableText(value.name)) found[path.join('.')] = [UNSTORABLE_TEXT_MESSAGE];
  } else if (typeof value === 'object' && value !== null && !(value instanceof Blob)) {
    for (const [key, entry] of Object.entries(value)) {
      if (isUnstorableText(key)) found[[...path, key].join('.')] = [UNSTORABLE_TEXT_MESSAGE];
      else unstorableTextFields(entry, [...path, key], found);
    }
  }
  return found;
}

/** Like unstorableTextFields, or null when there is nothing to refuse. */
export function unstorableTextErrors(value: unknown): FieldErrors | null {
  const found = unstorableTextFields(value);
  return Object.keys(found).length ? found : null;
}
