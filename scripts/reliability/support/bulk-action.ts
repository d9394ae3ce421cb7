// The list page's bulk edit is a server action, not a JSON route: this posts it over HTTP the way
// the browser does (React's reply encoding of `(previousState, formData)`), with the session
// cookie and the page's origin, and reads the action's answer from the RSC stream.
import { readFileSync } from 'node:fs';
import path from 'node:path';

type ManifestEntry = { workers: Record<string, unknown>; filename?: string; exportedName?: string };

/** The action's id in a build, and the page that serves it, from the build's server-reference manifest. */
export function findServerAction(distDir: string, filename: string, exportedName: string): { id: string; pagePath: string } {
  const manifest = JSON.parse(readFileSync(path.join(distDir, 'server', 'server-reference-manifest.json'), 'utf8')) as { node: Record<string, ManifestEntry> };
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.filename !== filename || entry.exportedName !== exportedName) continue;
    const worker = Object.keys(entry.workers).find((name) => name.endsWith('/page'));
    if (!worker) continue;
    // "app/(app)/recommendations/page" → "/recommendations" (route groups are not in the URL).
    const pagePath = `/${worker
      .replace(/^app\//, '')
      .replace(/\/?page$/, '')
      .split('/')
      .filter((part) => part && !/^\(.*\)$/.test(part))
      .join('/')}`;
    return { id, pagePath };
  }
  throw new Error(`${exportedName} from ${filename} is not in ${distDir}'s server-reference manifest`);
}

export type ActionAnswer = { status: number; ok: boolean; code: string | null; text: string };

/**
 * Posts `fields` to a `useActionState` action. React encodes the arguments as a multipart form:
 * part "0" is the argument list with the form data as a reference ("$K1"), and the form's own
 * fields follow, each prefixed "_1_" (React's encodeReply, which the browser runs).
 */
export async function postAction(
  baseUrl: string,
  action: { id: string; pagePath: string },
  cookie: string,
  fields: [string, string][],
  signal?: AbortSignal,
): Promise<ActionAnswer> {
  const body = new FormData();
  for (const [name, value] of fields) body.append(`_1_${name}`, value);
  // Last, as the browser sends it: the server reads the stream in order and resolves "$K1" from
  // the fields it has seen when part "0" arrives.
  body.append('0', JSON.stringify([{}, '$K1']));
  const response = await fetch(`${baseUrl}${action.pagePath}`, {
    method: 'POST',
    headers: { 'Next-Action': action.id, Cookie: cookie, Origin: baseUrl, Accept: 'text/x-component' },
    body,
    signal,
  });
  const text = await response.text();
  // The action's returned state is one JSON object in the stream: {"ok":true,...} or {"code":"...",...}.
  const ok = /"ok":true/.test(text);
  const code = /"code":"([a-z_]+)"/.exec(text)?.[1] ?? null;
  return { status: response.status, ok, code, text };
}
