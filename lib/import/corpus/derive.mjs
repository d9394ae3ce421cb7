// Makes the derived fixtures: copies of original fixtures re-laid-out the way PDF text
// extraction lays them out (hard wraps, hyphenated line ends, running headers and page
// numbers between pages, bullets flattened to a Symbol/Wingdings glyph or lost).
// Only the layout changes, never a word, so each copy keeps its original's expected items.
//
//   node lib/import/corpus/derive.mjs        (rewrites every derived fixture; deterministic)

import { readFileSync, writeFileSync } from 'node:fs';

const DIR = new URL('./', import.meta.url);
const read = (file) => readFileSync(new URL(file, DIR), 'utf8');

// Same list as reflow.ts: after these a line-end hyphen is read as a real compound.
const COMPOUND_FIRST_PARTS = new Set(['all', 'anti', 'cross', 'ex', 'full', 'half', 'high', 'long', 'low', 'non', 'self', 'short', 'well']);

/** A long all-lowercase word split in two with a hyphen, or null when it should not be split. */
function hyphenate(word) {
  const m = /^([a-z]{9,})([,.;:]?)$/.exec(word);
  if (!m) return null;
  // Before a common suffix where there is one ("organisa-tion"), else mid-word.
  const suffix = /(?:tion|sion|ment|ness|ship|ance|ence|ities|ity|ally|ing|ised|ized)$/.exec(m[1]);
  const cut = suffix && suffix.index >= 4 ? suffix.index : Math.floor(m[1].length / 2);
  const head = m[1].slice(0, cut);
  if (COMPOUND_FIRST_PARTS.has(head)) return null;
  return [`${head}-`, m[1].slice(cut) + m[2]];
}

/** Hard-wraps one paragraph: `first` before its first line, `cont` before the others. */
function wrap(text, { width, first = '', cont = '', hyphens = false }) {
  const words = text.split(/\s+/).filter(Boolean);
  const lines = [];
  let line = first;
  let empty = true;
  const push = (word) => {
    if (!empty && line.length + 1 + word.length > width) {
      const split = hyphens ? hyphenate(word) : null;
      if (split && line.length + 1 + split[0].length <= width) {
        lines.push(`${line} ${split[0]}`);
        line = cont + split[1];
        return;
      }
      lines.push(line);
      line = cont + word;
      return;
    }
    line = empty ? line + word : `${line} ${word}`;
    empty = false;
  };
  words.forEach(push);
  if (!empty) lines.push(line);
  return lines;
}

/** Inserts a page break (page number, form feed, running header) after every `every` lines. */
function paginate(lines, { every, header, number = (n) => String(n), firstPage = 1 }) {
  const out = [];
  let page = firstPage;
  lines.forEach((line, i) => {
    out.push(line);
    if ((i + 1) % every === 0 && i < lines.length - 1) {
      out.push('', number(page), `\f${header}`, '');
      page += 1;
    }
  });
  return out;
}

/**
 * Lays out a source: each input line is a paragraph (or a bullet, when it starts with "•"),
 * blank lines stay blank. `bullet` replaces the "•" (null: lost, text keeps a hanging indent).
 */
function layout(source, { width, bullet, indent = '   ', hyphens = true }) {
  const out = [];
  for (const raw of source.split('\n')) {
    const line = raw.trim();
    if (line === '') {
      out.push('');
      continue;
    }
    const isBullet = line.startsWith('•');
    if (!isBullet) {
      out.push(...wrap(line, { width, hyphens }));
      continue;
    }
    const text = line.slice(1).trim();
    const first = bullet === null ? indent : `${indent}${bullet}`;
    const cont = bullet === null ? indent : `${indent}${' '.repeat([...bullet].length)}`;
    out.push(...wrap(text, { width, first, cont, hyphens }));
  }
  // Runs of blank lines collapse to one, as in most extractions.
  return out.filter((l, i) => !(l === '' && out[i - 1] === ''));
}

const ROMAN = ['', 'i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii', 'xiii', 'xiv', 'xv'];

export const DERIVED = [
  {
    slug: 'hrw-bangladesh-2008--pdf-symbol-bullets',
    from: 'hrw-bangladesh-2008',
    derived:
      'Bullets as the Symbol-font glyph U+F0B7 plus a tab, hard wraps at 80 columns with a hanging indent, hyphenated line ends, ' +
      'a page break (page number, form feed, running header "Bangladesh Rights Report February 2008") every 14 lines.',
    make: (src) =>
      paginate(layout(src, { width: 80, bullet: '\uf0b7\t', indent: '' }), {
        every: 14,
        header: 'Bangladesh Rights Report February 2008',
        firstPage: 41,
      }),
  },
  {
    slug: 'ca-hesa-chronic-disease-41-1--pdf-o-bullets',
    from: 'ca-hesa-chronic-disease-41-1',
    derived:
      'Sub-bullets flattened to "o " (Courier New), hard wraps at 70 columns, hyphenated line ends, a page break with a roman ' +
      'front-matter page number and the running header "HESA Committee Report" every 12 lines.',
    make: (src) =>
      paginate(layout(src, { width: 70, bullet: 'o ', indent: '  ' }), {
        every: 12,
        header: 'HESA Committee Report',
        number: (n) => ROMAN[n] ?? String(n),
        firstPage: 9,
      }),
  },
  {
    slug: 'bardasht-peace-conference-islamabad-2012--pdf-wingdings-l',
    from: 'bardasht-peace-conference-islamabad-2012',
    derived:
      'Bullets flattened to "l " (Wingdings bullet read as a letter), hard wraps at 85 columns, hyphenated line ends, a page break ' +
      '("- 2 -", form feed, running header "Islamabad  Peace Conference Recommendations") inside a bullet.',
    make: (src) =>
      paginate(layout(src, { width: 85, bullet: 'l ', indent: '' }), {
        every: 13,
        header: 'Islamabad  Peace Conference Recommendations',
        number: (n) => `- ${n} -`,
        firstPage: 2,
      }),
  },
  {
    slug: 'aiv-oecd-of-the-future-2007--pdf-lost-bullets',
    from: 'aiv-oecd-of-the-future-2007',
    derived:
      'Bullet glyphs lost (item text keeps a 4-space hanging indent), hard wraps at 80 columns, hyphenated line ends, a page break ' +
      '(page number, form feed, running header "Advisory Council Report 54") every 16 lines.',
    make: (src) =>
      paginate(layout(src, { width: 80, bullet: null, indent: '    ' }), {
        every: 16,
        header: 'Advisory Council Report 54',
        firstPage: 37,
      }),
  },
  {
    slug: 'ca-fina-innovation-44-1--pdf-wrapped',
    from: 'ca-fina-innovation-44-1',
    derived:
      'Hard wraps at 60 columns, hyphenated line ends, a page break (page number, form feed, running header ' +
      '"STANDING COMMITTEE ON FINANCE") every 18 lines, falling inside items.',
    make: (src) => paginate(layout(src, { width: 60, bullet: '• ' }), { every: 18, header: 'STANDING COMMITTEE ON FINANCE', firstPage: 1 }),
  },
];

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const d of DERIVED) {
    const text = `${d.make(read(`${d.from}.txt`)).join('\n')}\n`;
    writeFileSync(new URL(`${d.slug}.txt`, DIR), text);
    writeFileSync(new URL(`${d.slug}.expected.json`, DIR), read(`${d.from}.expected.json`));
    console.log(d.slug);
  }
}
