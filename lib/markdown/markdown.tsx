import ReactMarkdown, { type Components } from 'react-markdown';

// Evidence notes are Markdown typed by staff and pasted from anywhere, so they are shown as inert
// content: raw HTML stays text (no rehype-raw), only web and mail links survive, links never pass
// on the page's authority or a window handle, and remote images are not fetched (they could
// track who reads the note) but offered as links.

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** The URL when it is an absolute http, https or mailto address; otherwise nothing. */
export function safeUrl(value: string): string | undefined {
  try {
    const url = new URL(value.trim());
    return SAFE_PROTOCOLS.has(url.protocol) ? value.trim() : undefined;
  } catch {
    return undefined;
  }
}

const components: Components = {
  a: ({ href, children }) =>
    href ? (
      <a href={href} rel="noopener noreferrer nofollow" className="underline">
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
  img: ({ src, alt }) => {
    const label = alt ? `Image: ${alt}` : 'Image';
    return typeof src === 'string' && src ? (
      <a href={src} rel="noopener noreferrer nofollow" className="underline">
        {label}
      </a>
    ) : (
      <span>{label}</span>
    );
  },
};

const TYPOGRAPHY =
  'space-y-2 break-words [&_blockquote]:border-l-4 [&_blockquote]:border-border [&_blockquote]:pl-3 [&_code]:rounded [&_code]:bg-surface-muted [&_code]:px-1 [&_h1]:font-semibold [&_h2]:font-semibold [&_h3]:font-semibold [&_ol]:list-decimal [&_ol]:pl-6 [&_pre]:overflow-x-auto [&_ul]:list-disc [&_ul]:pl-6';

/** Renders staff-written Markdown safely (server component; also fine inside client ones). */
export function Markdown({ source, className = '' }: { source: string; className?: string }) {
  return (
    <div className={`${TYPOGRAPHY} ${className}`}>
      <ReactMarkdown components={components} urlTransform={(url) => safeUrl(url)}>
        {source}
      </ReactMarkdown>
    </div>
  );
}
