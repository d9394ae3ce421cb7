import { TextAreaField, TextField } from '@/components/ui/field';
import type { ActionState } from '@/lib/auth/action';

export type EvidenceDefaults = { body?: string; evidenceDate?: string; sourceTitle?: string; sourceUrl?: string };

/**
 * The fields of an evidence note, shared by the add and edit forms. `idPrefix` keeps element ids
 * unique when one page holds several of these forms.
 */
export function EvidenceFields({ idPrefix, defaults, state, today }: { idPrefix: string; defaults: EvidenceDefaults; state: ActionState; today: string }) {
  const values = state.values ?? {};
  const errors = state.errors ?? {};
  return (
    <>
      <TextAreaField
        id={`${idPrefix}-body`}
        name="body"
        label="Evidence"
        rows={4}
        maxLength={20000}
        hint="What happened, and how we know. Markdown allowed: **bold**, lists, [links](https://example.org)."
        defaultValue={values.body ?? defaults.body}
        errors={errors.body}
        required
      />
      <TextField
        id={`${idPrefix}-date`}
        name="evidenceDate"
        label="Date of the evidence"
        type="date"
        max={today}
        defaultValue={values.evidenceDate ?? defaults.evidenceDate}
        errors={errors.evidenceDate}
        required
      />
      <TextField
        id={`${idPrefix}-source-title`}
        name="sourceTitle"
        label="Source title (optional)"
        maxLength={300}
        defaultValue={values.sourceTitle ?? defaults.sourceTitle}
        errors={errors.sourceTitle}
      />
      <TextField
        id={`${idPrefix}-source-url`}
        name="sourceUrl"
        label="Source web address (optional)"
        type="url"
        inputMode="url"
        placeholder="https://"
        maxLength={2000}
        defaultValue={values.sourceUrl ?? defaults.sourceUrl}
        errors={errors.sourceUrl}
      />
    </>
  );
}
