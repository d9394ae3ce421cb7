import { describe, expect, it } from 'vitest';
import { parseProgressQueryLeniently } from './progress';
import { parseFiltersLeniently } from './recommendation-filters';
import { isUnstorableText, unstorableTextErrors, UNSTORABLE_TEXT_MESSAGE } from './storable-text';

describe('text a database cannot keep as sent', () => {
  it('storable text: a NUL and lone surrogates are refused; pairs, emoji, controls, RTL and markup are fine', () => {
    for (const bad of ['\u0000', 'a\u0000b', '\uD800', 'x\uDBFFy', '\uDC00', 'a\uDFFF', '😀\uD83D'])
      expect(isUnstorableText(bad), JSON.stringify(bad)).toBe(true);
    for (const good of ['', 'plain', '😀', '👩🏽‍💻', '\t\u0001\u001B\u007F', '\u202Eabc', '<script>alert(1)</script>', "'; DROP TABLE x; --", 'اردو 中文'])
      expect(isUnstorableText(good), JSON.stringify(good)).toBe(false);
  });

  it('storable text: every offending string is named by its path, keys and file names included; file contents are not text', () => {
    const input = {
      title: 'ok',
      note: 'a\u0000',
      items: [{ text: 'fine' }, { text: '\uD800' }],
      ['bad\u0000key']: 1,
      file: new File(['\u0000'], 'x.txt'),
      upload: new File(['text'], 'report\u0000.pdf'),
    };
    expect(unstorableTextErrors(input)).toEqual({
      note: [UNSTORABLE_TEXT_MESSAGE],
      'items.1.text': [UNSTORABLE_TEXT_MESSAGE],
      'bad\u0000key': [UNSTORABLE_TEXT_MESSAGE],
      upload: [UNSTORABLE_TEXT_MESSAGE],
    });
    expect(unstorableTextErrors({ a: ['x', { b: 'y' }], n: 1, z: null })).toBeNull();
    expect(unstorableTextErrors('\u0000')).toEqual({ '': [UNSTORABLE_TEXT_MESSAGE] });
  });

  it('storable text: a page drops a search or filter id with a NUL as unreadable (it would be an error in PostgreSQL), keeping the rest', () => {
    const list = parseFiltersLeniently({ q: 'water\u0000', theme: ['t1', 'x\u0000'], sector: 's1' });
    expect(list.filters).toMatchObject({ theme: ['t1'], sector: ['s1'] });
    expect(list.filters.q).toBeUndefined();
    expect(list.ignored.map((i) => i.param).sort()).toEqual(['q', 'theme']);
    const dashboard = parseProgressQueryLeniently({ theme: '\u0000', sector: 'ok' });
    expect(dashboard.query).toMatchObject({ theme: [], sector: ['ok'] });
    expect(dashboard.errors).toHaveProperty('theme');
  });
});
