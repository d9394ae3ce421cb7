// First-load JavaScript per page, gzipped: what a browser must fetch and run before the page it
// just loaded is interactive. Turbopack's `next build` prints no size table, so it is measured from
// the page itself: the HTML the benchmark's server sends (with the session cookie for app pages),
// every script it loads from /_next/static (its <script src> tags, except `noModule` polyfills that
// current browsers skip, and the client-component chunks named in its inline RSC payload, which
// hydration loads), each file read from the build and gzipped (level 9, as gzip-size and the size
// table of webpack builds did). The inline scripts (mostly the RSC payload) are reported beside it.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export type FirstLoadPage = { name: string; path: string; route: string; cookie?: string };

export type FirstLoadJs = {
  available: true;
  path: string;
  /** The app route (app-path-routes-manifest.json's name), e.g. "/recommendations/[code]". */
  route: string;
  /** Distinct /_next/static scripts the page loads. */
  scripts: number;
  /** Their gzipped size, in kB (1,000 bytes). */
  gzipKB: number;
  rawKB: number;
  /** The page's inline scripts (the RSC payload, Next's bootstrap), gzipped together, in kB: data rather than code, and not counted above. */
  inlineGzipKB: number;
  /** The HTML document, gzipped, in kB. */
  htmlGzipKB: number;
};
export type FirstLoadMissing = { available: false; path: string; route: string; reason: string };
export type FirstLoadEntry = FirstLoadJs | FirstLoadMissing;

const kB = (bytes: number) => Math.round(bytes / 100) / 10;
const gzipBytes = (data: Buffer | string) => gzipSync(data, { level: 9 }).length;

/** The same-origin /_next/static scripts a page's HTML loads, in order, without duplicates. */
export function scriptsOfPage(html: string): { scripts: string[]; inline: string[] } {
  const scripts = new Set<string>();
  const inline: string[] = [];
  const staticPath = (url: string) => {
    const at = url.indexOf('/_next/static/');
    return at < 0 || (at > 0 && !/^https?:\/\/[^/]+$/.test(url.slice(0, at))) ? null : url.slice(at).split(/[?#]/)[0]!;
  };
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attributes = match[1]!;
    const body = match[2]!;
    const src = /\bsrc=["']([^"']+)["']/i.exec(attributes)?.[1];
    if (src) {
      if (/\bnomodule\b/i.test(attributes)) continue;
      const file = staticPath(src);
      if (file) scripts.add(file);
      continue;
    }
    inline.push(body);
    // Client components' chunks are named in the RSC payload (escaped inside a JS string).
    for (const chunk of body.matchAll(/\/_next\/static\/chunks\/[\w.~-]+\.js/g)) scripts.add(chunk[0]);
  }
  return { scripts: [...scripts], inline };
}

/** A script's bytes: from the build when it is there, else from the server. */
async function scriptBytes(root: string, distDir: string, baseUrl: string, urlPath: string): Promise<Buffer> {
  const file = path.join(root, distDir, 'static', urlPath.slice('/_next/static/'.length));
  if (existsSync(file)) return readFileSync(file);
  const response = await fetch(new URL(urlPath, baseUrl), { headers: { 'accept-encoding': 'identity' }, signal: AbortSignal.timeout(30_000) });
  if (!response.ok) throw new Error(`${urlPath} answered ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}

export async function measureFirstLoadJs(options: {
  root: string;
  distDir: string;
  baseUrl: string;
  pages: FirstLoadPage[];
}): Promise<Record<string, FirstLoadEntry>> {
  const out: Record<string, FirstLoadEntry> = {};
  const sizes = new Map<string, { raw: number; gzip: number }>();
  for (const page of options.pages) {
    const base = { path: page.path, route: page.route };
    try {
      const response = await fetch(new URL(page.path, options.baseUrl), {
        headers: { accept: 'text/html', ...(page.cookie ? { cookie: page.cookie } : {}) },
        redirect: 'manual',
        signal: AbortSignal.timeout(120_000),
      });
      const html = await response.text();
      if (response.status !== 200) {
        const where = response.headers.get('location');
        out[page.name] = { available: false, ...base, reason: `answered ${response.status}${where ? ` (to ${where})` : ''}` };
        continue;
      }
      const { scripts, inline } = scriptsOfPage(html);
      let raw = 0;
      let gzip = 0;
      for (const script of scripts) {
        let size = sizes.get(script);
        if (!size) {
          const bytes = await scriptBytes(options.root, options.distDir, options.baseUrl, script);
          size = { raw: bytes.length, gzip: gzipBytes(bytes) };
          sizes.set(script, size);
        }
        raw += size.raw;
        gzip += size.gzip;
      }
      out[page.name] = {
        available: true,
        ...base,
        scripts: scripts.length,
        gzipKB: kB(gzip),
        rawKB: kB(raw),
        inlineGzipKB: kB(inline.length ? gzipBytes(inline.join('\n')) : 0),
        htmlGzipKB: kB(gzipBytes(html)),
      };
    } catch (error) {
      out[page.name] = { available: false, ...base, reason: (error as Error).message };
    }
  }
  return out;
}
