import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SEMINAR_CHOICES } from '@/lib/seminars/list-seminar-options';
import { OlderSeminarsNote } from './older-seminars-note';

const render = (total: number) => renderToStaticMarkup(createElement(OlderSeminarsNote, { total }));

describe('seminar filter note', () => {
  it('says nothing while every seminar is offered', () => {
    expect(render(SEMINAR_CHOICES)).toBe('');
  });

  it('says how many are offered and points to the seminars page when there are more', () => {
    const html = render(SEMINAR_CHOICES + 480);
    expect(html).toContain(`The ${SEMINAR_CHOICES} most recent of 500 seminars.`);
    expect(html).toContain('href="/seminars"');
  });
});
