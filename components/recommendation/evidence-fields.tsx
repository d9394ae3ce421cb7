import { TextAreaField, TextField } from '@/components/ui/field';
import type { ActionState } from '@/lib/auth/action';
import { EVIDENCE_BODY_MAX, EVIDENCE_SOURCE_TITLE_MAX, EVIDENCE_SOURCE_URL_MAX } from '@/lib/validations/evidence';

export type EvidenceDefaults = { body?: string; evidenceDate?: string; sourceTitle?: string; sourceUrl?: string };

type Key = keyof EvidenceDefaults;

/** A note of its own (add, edit), and the optional note sent with a status change (dated by the change if left blank). */
const WORDING = {
  note: {
    body: 'Evidence',
    bodyHint: 'What happened, and how we know. Markdown allowed: **bold**, lists, [links](https://example.org).',
    date: 'Date of the evidence',
    dateHint: undefined,
    sourceTitle: 'Source title (optional)',
    sourceUrl: 'Source web address (optional)',
  },
  withStatusChange: {
    body: 'What shows it happened',
    bodyHint: 'Markdown allowed.',
    date: 'Evidence date',
    dateHint: 'Leave blank to use the effective date.',
    sourceTitle: 'Source title',
    sourceUrl: 'Source web address',
  },
};

/**
 * The fields of an evidence note, shared by the add and edit forms and the change-status form, with
 * the limits of the schema the server checks them against (lib/validations/evidence.ts).
 * `idPrefix` keeps element ids unique when one page holds several of these forms (without it, ids
 * follow the names). `withStatusChange` makes them the status change's inline evidence: fields named
 * "evidence.body", ... (lib/validations/status-change.ts), the body required only when the chosen
 * status needs evidence, and the date optional.
 */
export function EvidenceFields({
  idPrefix,
  defaults = {},
  state,
  today,
  withStatusChange,
}: {
  idPrefix?: string;
  defaults?: EvidenceDefaults;
  state: ActionState;
  today: string;
  withStatusChange?: { bodyRequired: boolean };
}) {
  const values = state.values ?? {};
  const errors = state.errors ?? {};
  const inline = withStatusChange !== undefined;
  const text = inline ? WORDING.withStatusChange : WORDING.note;
  const name = (key: Key) => (inline ? `evidence.${key}` : key);
  const id = (suffix: string) => (idPrefix ? `${idPrefix}-${suffix}` : undefined);
  const value = (key: Key) => values[name(key)] ?? defaults[key];
  return (
    <>
      <TextAreaField
        id={id('body')}
        name={name('body')}
        label={withStatusChange?.bodyRequired ? `${text.body} (required)` : text.body}
        rows={inline ? 3 : 4}
        maxLength={EVIDENCE_BODY_MAX}
        hint={text.bodyHint}
        defaultValue={value('body')}
        // The API's evidence object as a whole (`evidence`) has no field of its own: its errors show here.
        errors={errors[name('body')] ?? (inline ? errors.evidence : undefined)}
        required={withStatusChange?.bodyRequired ?? true}
        aria-required={withStatusChange?.bodyRequired ?? true}
      />
      <TextField
        id={id('date')}
        name={name('evidenceDate')}
        label={text.date}
        type="date"
        max={today}
        hint={text.dateHint}
        defaultValue={value('evidenceDate')}
        errors={errors[name('evidenceDate')]}
        required={!inline}
      />
      <TextField
        id={id('source-title')}
        name={name('sourceTitle')}
        label={text.sourceTitle}
        maxLength={EVIDENCE_SOURCE_TITLE_MAX}
        defaultValue={value('sourceTitle')}
        errors={errors[name('sourceTitle')]}
      />
      <TextField
        id={id('source-url')}
        name={name('sourceUrl')}
        label={text.sourceUrl}
        type="url"
        inputMode="url"
        placeholder="https://"
        maxLength={EVIDENCE_SOURCE_URL_MAX}
        defaultValue={value('sourceUrl')}
        errors={errors[name('sourceUrl')]}
      />
    </>
  );
}
