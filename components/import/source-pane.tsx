'use client';

// The report's text with every proposed item's span highlighted and numbered. The text itself is
// drawn by a memoised child that depends only on the source, the spans and the selected item, so
// typing in an item's text does not redraw a report of many pages. The editor selects text here
// (with the mouse, or with the keyboard in the plain-text view) and adds it as a recommendation.
import { memo, useCallback, useEffect, useId, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { sourceSegments, type SpanMark } from './source-segments';

export type Reveal = { key: string; scrollPage: boolean } | null;

type Props = {
  source: string;
  spans: SpanMark[];
  selectedKey: string | null;
  reveal: Reveal;
  onAdd: (start: number, end: number) => void;
  onPickItem: (key: string) => void;
  /** The items a range overlaps, by number, to warn before adding it. */
  overlapsOf: (start: number, end: number) => number[];
};

type Picked = { start: number; end: number } | null;

const PREVIEW = 80;

export const SourcePane = memo(function SourcePane({ source, spans, selectedKey, reveal, onAdd, onPickItem, overlapsOf }: Props) {
  const [keyboard, setKeyboard] = useState(false);
  const [picked, setPicked] = useState<Picked>(null);
  const textRoot = useRef<HTMLPreElement>(null);
  const plain = useRef<HTMLTextAreaElement>(null);
  const hintId = useId();
  const pickedId = useId();

  // Mouse (or touch) selections in the highlighted text, as offsets into the source.
  useEffect(() => {
    if (keyboard) return;
    function onSelectionChange() {
      const root = textRoot.current;
      const selection = document.getSelection();
      if (!root || !selection || selection.rangeCount === 0 || selection.isCollapsed) return;
      const range = selection.getRangeAt(0);
      if (!root.contains(range.startContainer) && !root.contains(range.endContainer)) return;
      const start = offsetIn(root, range.startContainer, range.startOffset, 'start');
      const end = offsetIn(root, range.endContainer, range.endOffset, 'end');
      if (start === null || end === null || start >= end) return;
      setPicked({ start, end });
    }
    document.addEventListener('selectionchange', onSelectionChange);
    return () => document.removeEventListener('selectionchange', onSelectionChange);
  }, [keyboard]);

  const add = useCallback(() => {
    if (!picked) return;
    onAdd(picked.start, picked.end);
    setPicked(null);
    document.getSelection()?.removeAllRanges();
  }, [picked, onAdd]);

  const overlaps = picked ? overlapsOf(picked.start, picked.end) : [];
  const preview = picked ? source.slice(picked.start, picked.end).replace(/\s+/g, ' ').trim() : '';

  return (
    <div className="space-y-3">
      <p id={hintId} className="text-sm text-muted">
        Each highlight is a proposed recommendation, numbered as in the list. To add one the parser missed, select its text here and choose “Add selection as
        recommendation”.
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <Button onClick={add} disabled={!picked} aria-describedby={`${pickedId} ${hintId}`}>
          Add selection as recommendation
        </Button>
        <Button
          variant="secondary"
          aria-pressed={keyboard}
          onClick={() => {
            setKeyboard((on) => !on);
            setPicked(null);
          }}
        >
          Select with the keyboard
        </Button>
      </div>
      <p id={pickedId} aria-live="polite" className="text-sm break-words">
        {picked ? (
          <>
            Selected: “{preview.length > PREVIEW ? `${preview.slice(0, PREVIEW)}…` : preview}”
            {overlaps.length > 0 && (
              <>
                {' '}
                — overlaps {overlaps.length === 1 ? 'recommendation' : 'recommendations'} {overlaps.join(', ')}
              </>
            )}
          </>
        ) : (
          'No text selected in the source.'
        )}
      </p>
      {keyboard ? (
        <textarea
          ref={plain}
          readOnly
          value={source}
          aria-label="Report text, read-only: select text with Shift and the arrow keys"
          onSelect={(event) => {
            const { selectionStart, selectionEnd } = event.currentTarget;
            setPicked(selectionEnd > selectionStart ? { start: selectionStart, end: selectionEnd } : null);
          }}
          className="block h-[60vh] w-full resize-y rounded-lg border border-border bg-surface p-4 font-sans text-sm leading-relaxed text-text"
        />
      ) : (
        <SourceText ref={textRoot} source={source} spans={spans} selectedKey={selectedKey} reveal={reveal} onPickItem={onPickItem} />
      )}
    </div>
  );
});

type TextProps = {
  source: string;
  spans: SpanMark[];
  selectedKey: string | null;
  reveal: Reveal;
  onPickItem: (key: string) => void;
  ref: React.Ref<HTMLPreElement>;
};

const SourceText = memo(function SourceText({ source, spans, selectedKey, reveal, onPickItem, ref }: TextProps) {
  const container = useRef<HTMLDivElement>(null);
  const segments = sourceSegments(source.length, spans);

  // The selected item's span comes into view inside the pane (and the page, when asked from the list).
  useEffect(() => {
    const box = container.current;
    if (!box || !reveal) return;
    const mark = box.querySelector<HTMLElement>(`mark[data-keys~="${CSS.escape(reveal.key)}"]`);
    if (!mark) return;
    const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    if (reveal.scrollPage) mark.scrollIntoView({ block: 'nearest', behavior: smooth ? 'smooth' : 'auto' });
    box.scrollTo({ top: Math.max(0, mark.offsetTop - box.clientHeight / 3), behavior: smooth ? 'smooth' : 'auto' });
  }, [reveal]);

  return (
    <div
      ref={container}
      role="region"
      aria-label="Report text with the proposed recommendations highlighted"
      tabIndex={0}
      className="relative max-h-[60vh] overflow-auto rounded-lg border border-border bg-surface p-4 lg:max-h-[calc(100vh-12rem)]"
    >
      <pre ref={ref} data-source-text className="font-sans text-sm leading-relaxed break-words whitespace-pre-wrap">
        {segments.map((segment) => {
          const text = source.slice(segment.start, segment.end);
          if (segment.keys.length === 0) {
            return (
              <span key={segment.start} data-start={segment.start}>
                {text}
              </span>
            );
          }
          const selected = selectedKey !== null && segment.keys.includes(selectedKey);
          return (
            // A mouse shortcut to an item's row; keyboard users reach the same row in the list beside it.
            // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions
            <mark
              key={segment.start}
              data-start={segment.start}
              data-keys={segment.keys.join(' ')}
              data-selected={selected || undefined}
              onClick={() => onPickItem(segment.keys[segment.keys.length - 1]!)}
              className={`scroll-mt-24 rounded-sm [box-decoration-break:clone] ${selected ? 'underline decoration-2 underline-offset-2 outline-2 outline-offset-1 outline-[var(--focus)]' : ''}`}
            >
              {segment.starts.map((span) => (
                <span
                  key={span.key}
                  data-badge
                  className={`mr-1 inline-block rounded px-1 text-xs font-semibold no-underline ${span.key === selectedKey ? 'bg-[var(--focus)] text-surface' : 'bg-text text-surface'}`}
                >
                  <span className="sr-only">Recommendation </span>
                  {span.number}
                </span>
              ))}
              {text}
            </mark>
          );
        })}
      </pre>
    </div>
  );
});

/**
 * A selection end point (a DOM node and offset) as an offset into the source. Every run of source
 * text sits in an element with data-start; the number badges are not source text, so an end point
 * inside one counts as the start of its run.
 */
function offsetIn(root: HTMLElement, node: Node, offset: number, side: 'start' | 'end'): number | null {
  if (node.nodeType === Node.TEXT_NODE) {
    const parent = node.parentElement;
    const run = parent?.closest<HTMLElement>('[data-start]');
    if (!parent || !run || !root.contains(run)) return null;
    const start = Number(run.dataset.start);
    if (parent.closest('[data-badge]')) return start;
    return start + offset;
  }
  if (!(node instanceof Element) || !(node === root || root.contains(node))) return null;
  const child = node.childNodes[offset];
  if (child) {
    const run =
      child instanceof HTMLElement
        ? child.matches('[data-start]')
          ? child
          : child.querySelector<HTMLElement>('[data-start]')
        : node.closest<HTMLElement>('[data-start]');
    if (run) return Number(run.dataset.start);
  }
  // Past the last child: the end of the element's text.
  const runs = (node.matches('[data-start]') ? [node] : [...node.querySelectorAll<HTMLElement>('[data-start]')]) as HTMLElement[];
  const last = runs[runs.length - 1];
  if (!last) return side === 'start' ? 0 : null;
  return Number(last.dataset.start) + sourceTextLength(last);
}

function sourceTextLength(run: HTMLElement): number {
  let length = 0;
  for (const child of run.childNodes) if (child.nodeType === Node.TEXT_NODE) length += child.textContent?.length ?? 0;
  return length;
}
