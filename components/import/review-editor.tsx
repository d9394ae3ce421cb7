'use client';

// The review screen of a report import (issue 24): the source with every proposed item's span
// highlighted beside the list of items, the seminar's details above, confirm and discard below.
// Every edit is saved after a pause (use-autosave.ts) against the draft's version.
import { useCallback, useEffect, useMemo, useReducer, useRef, useState, useSyncExternalStore } from 'react';
import { useRouter } from 'next/navigation';
import { confirmDraftAction, discardDraftAction, saveDraftAction } from '@/app/(app)/imports/actions';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { useToast } from '@/components/ui/toast';
import type { ActionState } from '@/lib/auth/action';
import type { DraftItem, DraftSeminar, ImportDraftView } from '@/lib/import/draft-types';
import { SEMINAR_KIND_LABEL, SEMINAR_KINDS } from '@/lib/seminars/kinds';
import { addFromSelection, canSplitAt, drop, editText, mergeWithNext, move, overlapping, splitAt, toggleRelated, updateItem } from './draft-editing';
import { ItemRow, itemDomId, type ItemOps, type Term } from './item-row';
import { SourcePane, type Reveal } from './source-pane';
import { spansSignature, type SpanMark } from './source-segments';
import { describeStatus, useAutosave, type SaveResult } from './use-autosave';

/** For useSyncExternalStore: "ready" is false in the server's HTML and true once the browser runs the editor. */
const noSubscription = () => () => {};

type SeminarForm = { title: string; kind: string; date: string; venue: string; organiser: string };
type State = { seminar: SeminarForm; items: DraftItem[]; selectedKey: string | null; reveal: Reveal };
type Snapshot = Pick<State, 'seminar' | 'items'>;

type Action =
  | { type: 'seminar'; field: keyof SeminarForm; value: string }
  | { type: 'items'; items: DraftItem[]; select?: string | null }
  | { type: 'select'; key: string; scrollPage: boolean };

function reducer(state: State, action: Action): State {
  switch (action.type) {
    case 'seminar':
      return { ...state, seminar: { ...state.seminar, [action.field]: action.value } };
    case 'items':
      return action.items === state.items && action.select === undefined
        ? state
        : { ...state, items: action.items, ...(action.select !== undefined ? { selectedKey: action.select, reveal: null } : {}) };
    case 'select':
      if (state.selectedKey === action.key && !action.scrollPage) return state;
      return { ...state, selectedKey: action.key, reveal: { key: action.key, scrollPage: action.scrollPage } };
  }
}

function seminarForm(seminar: DraftSeminar): SeminarForm {
  return { title: seminar.title, kind: seminar.kind ?? '', date: seminar.date ?? '', venue: seminar.venue ?? '', organiser: seminar.organiser ?? '' };
}

function seminarPayload(form: SeminarForm) {
  return { title: form.title, kind: form.kind || null, date: form.date || null, venue: form.venue || null, organiser: form.organiser || null };
}

function newKey(): string {
  return crypto.randomUUID();
}

/** Field errors keyed `items.3.text` as errors per item key and field, by the items' order when they were sent. */
function itemErrors(errors: Record<string, string[]> | undefined, items: DraftItem[]): Record<string, Record<string, string[]>> {
  const byKey: Record<string, Record<string, string[]>> = {};
  for (const [path, messages] of Object.entries(errors ?? {})) {
    const match = /^items\.(\d+)\.(\w+)/.exec(path);
    const item = match ? items[Number(match[1])] : undefined;
    if (!match || !item) continue;
    ((byKey[item.key] ??= {})[match[2]!] ??= []).push(...messages);
  }
  return byKey;
}

function seminarErrors(errors: Record<string, string[]> | undefined): Partial<Record<keyof SeminarForm, string[]>> {
  const out: Partial<Record<keyof SeminarForm, string[]>> = {};
  for (const [path, messages] of Object.entries(errors ?? {})) {
    const field = /^seminar\.(\w+)$/.exec(path)?.[1] as keyof SeminarForm | undefined;
    if (field) (out[field] ??= []).push(...messages);
  }
  return out;
}

const KIND_OPTIONS = [{ value: '', label: 'Choose…' }, ...SEMINAR_KINDS.map((kind) => ({ value: kind, label: SEMINAR_KIND_LABEL[kind] ?? kind }))];
const time = (date: Date) => date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** The same value as long as its signature is the same (React's "adjusting state while rendering" pattern). */
function useKeptWhileSame<T>(value: T, signature: string): T {
  const [kept, setKept] = useState({ value, signature });
  if (kept.signature !== signature) {
    setKept({ value, signature });
    return value;
  }
  return kept.value;
}

export function ReviewEditor({ draft, themes, sectors }: { draft: ImportDraftView; themes: Term[]; sectors: Term[] }) {
  const router = useRouter();
  const showToast = useToast();
  const [state, dispatch] = useReducer(reducer, draft, (view): State => ({
    seminar: seminarForm(view.seminar),
    items: view.items,
    selectedKey: null,
    reveal: null,
  }));
  const [announcement, setAnnouncement] = useState('');
  const [errorsByKey, setErrorsByKey] = useState<Record<string, Record<string, string[]>>>({});
  const [seminarFieldErrors, setSeminarFieldErrors] = useState<Partial<Record<keyof SeminarForm, string[]>>>({});
  const [finish, setFinish] = useState<{ pending: 'confirm' | 'discard' | null; message: string }>({ pending: null, message: '' });
  const source = draft.sourceText;
  // Set once the editor runs in the browser: until then its buttons do nothing (tests wait for it).
  const ready = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

  const save = useCallback(
    async (snapshot: Snapshot, version: number): Promise<SaveResult> => {
      const form = new FormData();
      form.set('draftId', draft.id);
      form.set('expectedVersion', String(version));
      form.set('seminar', JSON.stringify(seminarPayload(snapshot.seminar)));
      // The server keeps the suggestions it computed; they need not travel back.
      form.set('items', JSON.stringify(snapshot.items.map(({ suggestion: _suggestion, ...item }) => item)));
      const answer: ActionState = await saveDraftAction({}, form);
      setErrorsByKey(itemErrors(answer.errors, snapshot.items));
      setSeminarFieldErrors(seminarErrors(answer.errors));
      if (answer.ok) return { ok: true, version: Number(answer.values?.version ?? version + 1) };
      return { ok: false, conflict: Boolean(answer.conflict), message: answer.message ?? 'the server refused the changes.' };
    },
    [draft.id],
  );
  const autosave = useAutosave<Snapshot>({ initialVersion: draft.version, save });
  const { changed } = autosave;

  // Every change of the seminar or the items is saved after a pause; selecting an item is not a change.
  const loaded = useRef({ seminar: state.seminar, items: state.items });
  useEffect(() => {
    if (loaded.current.seminar === state.seminar && loaded.current.items === state.items) return;
    changed({ seminar: state.seminar, items: state.items });
  }, [state.seminar, state.items, changed]);

  // The rows' operations read the current items through a ref, so `ops` is one object for the
  // page's life and the memoised rows are not re-rendered by it.
  const itemsRef = useRef(state.items);
  useEffect(() => {
    itemsRef.current = state.items;
  }, [state.items]);

  const focusLater = useCallback((key: string, part: string) => {
    requestAnimationFrame(() => document.getElementById(itemDomId(key, part))?.focus());
  }, []);

  const ops = useMemo<ItemOps>(() => {
    const numberOf = (key: string) => itemsRef.current.findIndex((item) => item.key === key) + 1;
    const apply = (items: DraftItem[], select?: string | null) => {
      itemsRef.current = items;
      dispatch({ type: 'items', items, select });
    };
    return {
      text: (key, text) => apply(editText(itemsRef.current, key, text)),
      theme: (key, themeId) => apply(updateItem(itemsRef.current, key, { themeId })),
      sectors: (key, sectorIds) => apply(updateItem(itemsRef.current, key, { sectorIds })),
      related: (key, relatedId, accepted) => apply(toggleRelated(itemsRef.current, key, relatedId, accepted)),
      merge: (key) => {
        const number = numberOf(key);
        const next = mergeWithNext(itemsRef.current, key);
        if (next === itemsRef.current) return;
        apply(next, key);
        setAnnouncement(`Recommendations ${number} and ${number + 1} merged into recommendation ${number}.`);
        focusLater(key, 'text');
      },
      split: (key, caret) => {
        const number = numberOf(key);
        const item = itemsRef.current[number - 1];
        if (!item || !canSplitAt(item.text, caret)) {
          setAnnouncement(`To split recommendation ${number}, put the cursor in its text where the second part should start, then choose Split at cursor.`);
          focusLater(key, 'text');
          return;
        }
        const created = newKey();
        apply(
          splitAt(itemsRef.current, key, caret, source, () => created),
          created,
        );
        setAnnouncement(`Recommendation ${number} split in two: recommendations ${number} and ${number + 1}.`);
        focusLater(created, 'text');
      },
      drop: (key) => {
        const number = numberOf(key);
        const before = itemsRef.current;
        const next = drop(before, key);
        if (next === before) return;
        apply(next, null);
        setAnnouncement(`Recommendation ${number} dropped. ${next.length} remain.`);
        const neighbour = next[Math.min(number - 1, next.length - 1)];
        if (neighbour) focusLater(neighbour.key, 'heading');
        else requestAnimationFrame(() => document.getElementById('items-heading')?.focus());
      },
      move: (key, by) => {
        const number = numberOf(key);
        const next = move(itemsRef.current, key, by);
        if (next === itemsRef.current) return;
        apply(next);
        const now = number + by;
        setAnnouncement(`Recommendation ${number} moved ${by < 0 ? 'up' : 'down'}; it is now recommendation ${now}.`);
        // Keep focus on the button pressed, or on the other one when that one is now disabled.
        const part = (by < 0 && now === 1) || (by > 0 && now === next.length) ? (by < 0 ? 'down' : 'up') : by < 0 ? 'up' : 'down';
        focusLater(key, part);
      },
      select: (key, scrollPage) => dispatch({ type: 'select', key, scrollPage }),
    };
  }, [source, focusLater]);

  const addSelection = useCallback(
    (start: number, end: number) => {
      const created = newKey();
      const added = addFromSelection(itemsRef.current, source, start, end, () => created);
      if (!added) return;
      itemsRef.current = added.items;
      dispatch({ type: 'items', items: added.items, select: added.key });
      const number = added.items.findIndex((item) => item.key === added.key) + 1;
      setAnnouncement(`Added as recommendation ${number}.`);
      focusLater(added.key, 'text');
    },
    [source, focusLater],
  );

  const pickItem = useCallback((key: string) => {
    dispatch({ type: 'select', key, scrollPage: false });
    document.getElementById(itemDomId(key, 'row'))?.scrollIntoView({ block: 'nearest' });
  }, []);

  // The source pane redraws when the spans change, not when a text is edited.
  const spans = useMemo<SpanMark[]>(
    () =>
      state.items.flatMap((item, index) =>
        item.start !== null && item.end !== null ? [{ key: item.key, number: index + 1, start: item.start, end: item.end }] : [],
      ),
    [state.items],
  );
  const stableSpans = useKeptWhileSame(spans, spansSignature(spans));
  const overlapsOf = useCallback(
    (start: number, end: number) => overlapping(itemsRef.current, start, end).map((item) => itemsRef.current.indexOf(item) + 1),
    [],
  );

  async function confirm() {
    setFinish({ pending: 'confirm', message: '' });
    if (!(await autosave.flush())) {
      setFinish({ pending: null, message: 'The draft could not be saved, so it was not confirmed. See the message at the top of the page.' });
      return;
    }
    const form = new FormData();
    form.set('draftId', draft.id);
    form.set('expectedVersion', String(autosave.version.current));
    form.set('seminar', JSON.stringify(seminarPayload(state.seminar)));
    const answer = await confirmDraftAction({}, form);
    if (answer.ok) {
      showToast({ tone: 'success', title: 'Imported', message: answer.message });
      router.push(answer.values?.href ?? '/imports');
      return;
    }
    // Problems with the seminar or the items are shown next to their fields as well.
    setSeminarFieldErrors(seminarErrors(answer.errors));
    setErrorsByKey(itemErrors(answer.errors, state.items));
    setFinish({ pending: null, message: answer.message ?? 'The draft was not confirmed.' });
  }

  async function discard() {
    if (!window.confirm('Discard this draft? Nothing from it will be imported.')) return;
    setFinish({ pending: 'discard', message: '' });
    autosave.stop();
    const form = new FormData();
    form.set('draftId', draft.id);
    const answer = await discardDraftAction({}, form);
    if (answer.ok) {
      showToast({ tone: 'success', title: 'Discarded', message: answer.message });
      router.push('/imports');
      return;
    }
    setFinish({ pending: null, message: answer.message ?? 'The draft was not discarded.' });
  }

  const status = autosave.status;
  const failed = status.kind === 'error' || status.kind === 'conflict';
  const count = state.items.length;

  return (
    <div className="space-y-6" data-review-ready={ready || undefined}>
      <div className="sticky top-0 z-10 -mx-4 flex flex-wrap items-center gap-3 border-b border-border bg-bg px-4 py-2 md:-mx-8 md:px-8">
        <p role="status" aria-live="polite" data-autosave={status.kind} className={`text-sm ${failed ? 'font-medium text-danger' : 'text-muted'}`}>
          {describeStatus(status, time)}
        </p>
        {status.kind === 'conflict' && (
          <Button variant="secondary" onClick={() => window.location.reload()} className="min-h-8 px-3 py-1">
            Reload the draft (your unsaved changes here are lost)
          </Button>
        )}
      </div>

      {draft.warnings.length > 0 && (
        <section aria-labelledby="warnings-heading" className="rounded-md border border-border bg-surface-muted p-3 text-sm">
          <h2 id="warnings-heading" className="font-semibold">
            Worth knowing about this file
          </h2>
          <ul className="list-disc pl-5">
            {draft.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="seminar-heading" className="space-y-3 rounded-lg border border-border bg-surface p-4">
        <h2 id="seminar-heading" className="text-lg font-semibold">
          The seminar
        </h2>
        <p className="text-sm text-muted">Proposed from the report; check them. Title, kind and date are needed to confirm.</p>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            id="seminar-title"
            name="title"
            label="Title"
            value={state.seminar.title}
            onChange={(event) => dispatch({ type: 'seminar', field: 'title', value: event.target.value })}
            errors={seminarFieldErrors.title}
          />
          <SelectField
            id="seminar-kind"
            name="kind"
            label="Kind"
            options={KIND_OPTIONS}
            value={state.seminar.kind}
            onChange={(event) => dispatch({ type: 'seminar', field: 'kind', value: event.target.value })}
            errors={seminarFieldErrors.kind}
          />
          <TextField
            id="seminar-date"
            name="date"
            type="date"
            label="Date"
            value={state.seminar.date}
            onChange={(event) => dispatch({ type: 'seminar', field: 'date', value: event.target.value })}
            errors={seminarFieldErrors.date}
          />
          <TextField
            id="seminar-venue"
            name="venue"
            label="Venue"
            value={state.seminar.venue}
            onChange={(event) => dispatch({ type: 'seminar', field: 'venue', value: event.target.value })}
            errors={seminarFieldErrors.venue}
          />
          <TextField
            id="seminar-organiser"
            name="organiser"
            label="Organiser"
            value={state.seminar.organiser}
            onChange={(event) => dispatch({ type: 'seminar', field: 'organiser', value: event.target.value })}
            errors={seminarFieldErrors.organiser}
          />
        </div>
      </section>

      <p aria-live="polite" className="sr-only" data-announcement>
        {announcement}
      </p>

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="source-heading" className="min-w-0 space-y-2 lg:sticky lg:top-14 lg:self-start">
          <h2 id="source-heading" className="text-lg font-semibold">
            The report
          </h2>
          <SourcePane
            source={source}
            spans={stableSpans}
            selectedKey={state.selectedKey}
            reveal={state.reveal}
            onAdd={addSelection}
            onPickItem={pickItem}
            overlapsOf={overlapsOf}
          />
        </section>

        <section aria-labelledby="items-heading" className="min-w-0 space-y-3">
          <h2 id="items-heading" tabIndex={-1} className="text-lg font-semibold">
            Proposed recommendations ({count})
          </h2>
          {count === 0 ? (
            <p>None yet. Select a recommendation’s text in the report and choose “Add selection as recommendation”.</p>
          ) : (
            <ol className="space-y-4" aria-labelledby="items-heading">
              {state.items.map((item, index) => (
                <ItemRow
                  key={item.key}
                  item={item}
                  number={index + 1}
                  isFirst={index === 0}
                  isLast={index === count - 1}
                  selected={item.key === state.selectedKey}
                  themes={themes}
                  sectors={sectors}
                  errors={errorsByKey[item.key]}
                  ops={ops}
                />
              ))}
            </ol>
          )}
        </section>
      </div>

      <section aria-labelledby="finish-heading" className="space-y-3 rounded-lg border border-border bg-surface p-4">
        <h2 id="finish-heading" className="text-lg font-semibold">
          Finish
        </h2>
        <p className="text-sm">
          Confirming creates the seminar and its {count} {count === 1 ? 'recommendation' : 'recommendations'}, with the themes, sectors and links chosen above.
          A draft can be confirmed once.
        </p>
        <div className="flex flex-wrap gap-3">
          <Button onClick={() => void confirm()} disabled={finish.pending !== null || count === 0 || status.kind === 'conflict'}>
            {finish.pending === 'confirm' ? 'Confirming…' : `Confirm the import (${count})`}
          </Button>
          <Button variant="danger" onClick={() => void discard()} disabled={finish.pending !== null}>
            {finish.pending === 'discard' ? 'Discarding…' : 'Discard the draft'}
          </Button>
        </div>
        <div aria-live="assertive">{finish.message && <p className="rounded-md border border-danger p-3 text-sm text-danger">{finish.message}</p>}</div>
      </section>
    </div>
  );
}
