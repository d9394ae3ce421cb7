import { Fragment } from 'react';
import type { SourceParagraph } from '@/lib/recommendations/readable-source';

const MARK = 'rounded-sm px-0.5 [box-decoration-break:clone]';

function Paragraph({ paragraph }: { paragraph: SourceParagraph }) {
  return (
    <p className={paragraph.heading ? 'pt-2 font-semibold' : undefined}>
      {paragraph.pieces.map((piece, index) =>
        piece.highlighted ? (
          // The space that joins it to the text before stays outside the highlight.
          <Fragment key={index}>
            {piece.text.startsWith(' ') && ' '}
            <mark className={MARK}>{piece.text.trimStart()}</mark>
          </Fragment>
        ) : (
          <span key={index}>{piece.text}</span>
        ),
      )}
    </p>
  );
}

/**
 * The report as readable paragraphs. The paragraphs holding the highlight are wrapped in #in-source
 * (the link's target, scrolled to), which screen readers hear announced at its start and end.
 */
export function ReadableSource({ paragraphs, code }: { paragraphs: SourceParagraph[]; code: string }) {
  const marked = paragraphs.map((paragraph) => paragraph.pieces.some((piece) => piece.highlighted));
  const first = marked.indexOf(true);
  const last = marked.lastIndexOf(true);
  const range = (from: number, to: number) => paragraphs.slice(from, to).map((paragraph, index) => <Paragraph key={from + index} paragraph={paragraph} />);
  return (
    <div className="max-w-prose space-y-3 leading-relaxed">
      {first < 0 ? (
        range(0, paragraphs.length)
      ) : (
        <>
          {range(0, first)}
          <div id="in-source" className="-mx-2 scroll-mt-24 space-y-3 rounded-md border-l-4 border-accent px-2">
            <span className="sr-only">Start of {code}:</span>
            {range(first, last + 1)}
            <span className="sr-only">End of {code}.</span>
          </div>
          {range(last + 1, paragraphs.length)}
        </>
      )}
    </div>
  );
}

/** The text as extracted from the file, line for line, with the range marked. */
export function RawSource({ before, highlight, after }: { before: string; highlight: string; after: string }) {
  return (
    <pre className="whitespace-pre-wrap break-words font-sans text-sm leading-relaxed">
      {before}
      <mark id="in-source" className={`scroll-mt-24 ${MARK}`}>
        {highlight}
      </mark>
      {after}
    </pre>
  );
}
