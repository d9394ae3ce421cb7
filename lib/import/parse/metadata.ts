// The seminar's metadata a report states about itself: title, date and venue. Best effort.

import { isHeadingLike } from './headings';
import { splitLines } from './lines';

const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DATE_PATTERNS: { re: RegExp; parts: (m: RegExpExecArray) => [string, string, string] }[] = [
  {
    re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})\\b`, 'gi'),
    parts: (m) => [m[3] ?? '', m[2] ?? '', m[1] ?? ''],
  },
  {
    re: new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'gi'),
    parts: (m) => [m[3] ?? '', m[1] ?? '', m[2] ?? ''],
  },
  { re: /\b(\d{4})-(\d{2})-(\d{2})\b/g, parts: (m) => [m[1] ?? '', m[2] ?? '', m[3] ?? ''] },
];

function isoDate(year: string, month: string, day: string): string | null {
  const m = /^\d+$/.test(month) ? Number(month) : MONTHS.indexOf(month.slice(0, 3).toLowerCase()) + 1;
  const y = Number(year);
  const d = Number(day);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (m < 1 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function firstDate(flat: string): { at: number; end: number; iso: string } | null {
  let date: { at: number; end: number; iso: string } | null = null;
  for (const { re, parts } of DATE_PATTERNS) {
    for (const m of flat.matchAll(re)) {
      const iso = isoDate(...parts(m));
      if (iso && (!date || m.index < date.at)) date = { at: m.index, end: m.index + m[0].length, iso };
      if (iso) break;
    }
  }
  return date;
}

// A place name: capitalised words, maybe joined by "of", "and", "the", "de", and commas ("National Library, Islamabad").
const NAME_WORD = "(?:\\p{Lu}[\\p{L}\\d'’&-]*|\\d{1,4}|of|and|the|de|du|la|for)";
const PLACE = `(\\p{Lu}[\\p{L}'’&-]*(?:[ \\t]+${NAME_WORD})*(?:,[ \\t]*\\p{Lu}[\\p{L}'’&-]*(?:[ \\t]+${NAME_WORD})*){0,3})`;
const TRAILING_SMALL = /(?:\s+(?:of|and|the|de|du|la|for|\d{1,4}))+$/;

function cleanPlace(place: string): string | null {
  const cleaned = place
    .replace(TRAILING_SMALL, '')
    .replace(/[.,]+$/, '')
    .trim();
  // A weekday or month is the date, not the place.
  if (cleaned === '' || /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i.test(cleaned)) return null;
  if (new RegExp(`^${MONTH}\\b`, 'i').test(cleaned)) return null;
  return cleaned;
}

/** "Venue: …", "held at/in …", "<date> in/at …", or a dateline "Rome, 13 - 18 November 2000". */
function findVenue(source: string, flat: string, date: { at: number; end: number } | null): string | null {
  const labelled = /^\s*(?:venue|place|location)\s*[:–-]\s*(.+?)\s*$/im.exec(source);
  if (labelled?.[1]) return cleanPlace(labelled[1]);
  if (date) {
    const after = new RegExp(`^\\s*(?:,\\s*)?(?:at|in)\\s+(?:the\\s+)?${PLACE}`, 'u').exec(flat.slice(date.end, date.end + 200));
    const place = after?.[1] && cleanPlace(after[1]);
    if (place) return place;
  }
  const held = new RegExp(`\\b(?:held|organi[sz]ed|convened|hosted|took place)\\s+(?:\\S+\\s+){0,6}?(?:at|in)\\s+(?:the\\s+)?${PLACE}`, 'u').exec(
    flat.slice(0, 3000),
  );
  const heldPlace = held?.[1] && cleanPlace(held[1]);
  if (heldPlace) return heldPlace;
  const dateline = new RegExp(`^\\s*${PLACE},\\s*\\d{1,2}(?:\\s*[-–]\\s*\\d{1,2})?\\s+${MONTH}\\s+\\d{4}\\s*$`, 'imu').exec(source.slice(0, 3000));
  return (dateline?.[1] && cleanPlace(dateline[1])) || null;
}

export type ReportMetadata = { title: string | null; date: string | null; venue: string | null };

/**
 * Best effort: the first quoted multi-word phrase (or a heading-like first line) as title, the
 * first full date, and the place where the seminar was held.
 */
export function parseReportMetadata(source: string): ReportMetadata {
  const flat = source.replace(/\s+/g, ' ');
  const quoted = [...flat.slice(0, 3000).matchAll(/[“"]([^“”"]{3,150})[”"]/g)]
    .map((m) => (m[1] ?? '').trim())
    .find((t) => /^\p{L}/u.test(t) && t.includes(' '));
  const firstLine = splitLines(source).find((l) => l.norm !== '')?.norm;
  const title = quoted ?? (firstLine && isHeadingLike(firstLine) ? firstLine : null);
  const date = firstDate(flat);
  return { title, date: date?.iso ?? null, venue: findVenue(source, flat, date) };
}
