import { Fragment } from 'react';
import { linkTarget, urlParts } from '@/lib/reporting/wrap-url';

/** A web address as a link that wraps after its slashes (the same places as in the PDF), never mid-word. */
export function WebAddress({ url }: { url: string }) {
  return (
    <a href={linkTarget(url)} className="break-words" rel="noopener noreferrer">
      {urlParts(url).map((part, index) => (
        <Fragment key={index}>
          {index > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </a>
  );
}
