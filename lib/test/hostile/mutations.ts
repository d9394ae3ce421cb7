// From a valid input and a description of its fields, generate inputs that must be refused: one
// field at a time made wrong (wrong type, too long, unstorable, impossible date, unknown id, bad
// number, a link that is not a web address, missing), plus random extra fields on top. Every case
// names the field and the mutation, so a failure reads "note: unstorable".
import fc from 'fast-check';
import { badNumber, extraFields, impossibleDate, legalText, notAString, textWithNul, tooLongText, unknownId, unstorableText } from './values';

export type FieldSpec =
  | { kind: 'text'; max: number; required?: boolean }
  | { kind: 'date'; required?: boolean }
  | { kind: 'enum'; values: readonly string[]; required?: boolean }
  | { kind: 'id'; required?: boolean }
  | { kind: 'ids' }
  | { kind: 'version' }
  | { kind: 'url' }
  | { kind: 'password' }
  /** A nested object or list (JSON only): anything of another shape is refused. */
  | { kind: 'object'; required?: boolean };

export type Fields = Record<string, FieldSpec>;

/** How the input travels: a JSON body (any JSON value fits) or a form (strings, files, repeated keys). */
export type Medium = 'json' | 'form';

export type Mutation = { field: string; how: string; value: unknown; remove?: boolean };

/** A value of the wrong shape for the medium: a non-string in JSON; a file or a repeated key in a form. */
function wrongShape(medium: Medium, sample: unknown): fc.Arbitrary<unknown> {
  if (medium === 'json') return notAString;
  return fc.oneof(
    fc.constant(new File(['<script>window.__xss=1</script>'], 'payload.html', { type: 'text/html' })),
    fc.constant([typeof sample === 'string' ? sample : 'a', 'second value']),
  );
}

function mutationsOf(field: string, spec: FieldSpec, medium: Medium, sample: unknown): fc.Arbitrary<Mutation>[] {
  const to = (how: string, value: fc.Arbitrary<unknown>) => value.map((v): Mutation => ({ field, how, value: v }));
  // A boolean or a one-element list coerces to a number: not a wrong type for a version.
  // A boolean or a one-element list coerces to a number: not a wrong type for a version. An empty
  // list is a valid list of ids, and {} a valid nested object whose fields all have defaults.
  const wrong =
    medium === 'form'
      ? wrongShape(medium, sample)
      : spec.kind === 'version'
        ? fc.constantFrom<unknown>({}, [], [1, 2], 'abc', null)
        : spec.kind === 'ids'
          ? fc.constantFrom<unknown>(5, true, {}, [1], [null], [{}], null)
          : spec.kind === 'object'
            ? fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean(), fc.constant(null), fc.constant([1, 2]))
            : notAString;
  const out: fc.Arbitrary<Mutation>[] = [to('unstorable', medium === 'json' ? unstorableText : textWithNul), to('wrong type', wrong)];
  const required = 'required' in spec && spec.required;
  if (required) {
    out.push(fc.constant({ field, how: 'missing', value: undefined, remove: true }));
    out.push(to('blank', fc.constantFrom('', '   ', '\n\t')));
  }
  switch (spec.kind) {
    case 'text':
      out.push(to('too long', tooLongText(spec.max)));
      break;
    case 'password':
      out.push(to('too long', tooLongText(72)), to('too short', fc.constantFrom('a', 'short', 'ééé')));
      break;
    case 'date':
      out.push(to('impossible date', impossibleDate));
      break;
    case 'enum':
      out.push(to('not one of the choices', fc.oneof(legalText(40), fc.constantFrom(...spec.values.map((v) => v.toLowerCase() + 'x'), ' ', 'null'))));
      break;
    case 'id':
      out.push(to('unknown id', unknownId), to('too long', tooLongText(64)));
      break;
    case 'ids':
      out.push(
        to('unknown ids', fc.array(unknownId, { minLength: 1, maxLength: 3 })),
        to('too many', fc.constant(Array.from({ length: 51 }, (_, i) => `id${i}`))),
      );
      break;
    case 'version':
      out.push(
        to('bad number', medium === 'json' ? badNumber : badNumber.map((n) => String(n))),
        to(
          'stale version',
          fc.integer({ min: 1_000, max: 2 ** 31 - 1 }).map((n) => (medium === 'json' ? n : String(n))),
        ),
      );
      break;
    case 'url':
      out.push(
        to(
          'not a web address',
          fc.constantFrom(
            'javascript:alert(1)',
            'JaVaScRiPt:alert(1)',
            'data:text/html,<script>alert(1)</script>',
            'file:///etc/passwd',
            'vbscript:x',
            'http://',
            '//evil.example',
            'not a link',
          ),
        ),
        to(
          'too long',
          tooLongText(2_000).map((tail) => `https://example.org/${tail}`),
        ),
      );
      break;
  }
  return out;
}

/** One refused input: `base` with one field made wrong and random extra fields added. */
export function refusedInput(
  base: Record<string, unknown>,
  fields: Fields,
  medium: Medium,
): fc.Arbitrary<{ input: Record<string, unknown>; mutation: Mutation }> {
  const options = Object.entries(fields).flatMap(([field, spec]) => mutationsOf(field, spec, medium, base[field]));
  return fc.tuple(fc.oneof(...options), medium === 'json' ? extraFields : fc.constant({})).map(([mutation, extra]) => {
    const input: Record<string, unknown> = { ...extra, ...base };
    if (mutation.remove) delete input[mutation.field];
    else input[mutation.field] = mutation.value;
    return { input, mutation };
  });
}

/** `base` with the named text fields set to legal hostile text (within their limits), and extra fields added. */
export function acceptedInput(base: Record<string, unknown>, fields: Fields, texts: string[], medium: Medium): fc.Arbitrary<Record<string, unknown>> {
  const values = texts.map((field) => {
    const spec = fields[field];
    if (!spec || spec.kind !== 'text') throw new Error(`${field} is not a text field`);
    return legalText(spec.max).map((text) => [field, text] as const);
  });
  return fc
    .tuple(fc.tuple(...values), medium === 'json' ? extraFields : fc.constant({}))
    .map(([pairs, extra]) => ({ ...extra, ...base, ...Object.fromEntries(pairs) }));
}

/** A plain object as FormData: arrays become repeated keys, files stay files, the rest strings. */
export function toFormData(input: Record<string, unknown>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    for (const entry of Array.isArray(value) ? value : [value]) form.append(key, entry instanceof File ? entry : String(entry));
  }
  return form;
}
