import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown, safeUrl } from './markdown';

const render = (source: string) => renderToStaticMarkup(createElement(Markdown, { source }));

describe('markdown: evidence is rendered inert', () => {
  it('markdown: a <script> tag comes out as text, never as an element', () => {
    const html = render('Before <script>alert("x")</script> after');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;');
  });

  it('markdown: an HTML block with an onerror handler stays text', () => {
    const html = render('<img src="x" onerror="alert(1)">\n\n<div onclick="alert(2)">hi</div>');
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<div[^>]*onclick/i);
    // The handler is only visible as escaped text: no tag carries it.
    expect(html).not.toMatch(/<[a-z][^>]*\son(error|click)=/i);
    expect(html).toContain('onerror=&quot;alert(1)&quot;');
  });

  it('markdown: javascript:, data: and vbscript: links lose their address', () => {
    for (const url of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<b>x</b>', 'vbscript:msgbox(1)', 'java%0ascript:alert(1)']) {
      const html = render(`[click](${url}) and <${url}>`);
      expect(html, url).not.toMatch(/href=/i);
    }
    const encoded = render('[click](&#106;avascript:alert(1))');
    expect(encoded).not.toMatch(/href=/);
  });

  it('markdown: web and mail links work and carry rel="noopener noreferrer nofollow"', () => {
    const html = render('[report](https://example.org/report) or [mail](mailto:desk@example.org)');
    expect(html).toContain('<a href="https://example.org/report" rel="noopener noreferrer nofollow"');
    expect(html).toContain('<a href="mailto:desk@example.org" rel="noopener noreferrer nofollow"');
  });

  it('markdown: images are offered as links, not fetched', () => {
    const html = render('![chart](https://example.org/chart.png) ![bad](javascript:alert(1))');
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('<a href="https://example.org/chart.png" rel="noopener noreferrer nofollow"');
    expect(html).toContain('Image: bad');
    expect(html).not.toContain('javascript:');
  });

  it('markdown: ordinary formatting still renders', () => {
    const html = render('**Signed** the *MoU*\n\n- one\n- two');
    expect(html).toContain('<strong>Signed</strong>');
    expect(html).toContain('<li>one</li>');
  });

  it('markdown: safeUrl keeps only absolute http, https and mailto addresses', () => {
    expect(safeUrl('https://example.org')).toBe('https://example.org');
    expect(safeUrl('/relative')).toBeUndefined();
    expect(safeUrl('java\tscript:alert(1)')).toBeUndefined();
    expect(safeUrl('ftp://example.org')).toBeUndefined();
  });
});
