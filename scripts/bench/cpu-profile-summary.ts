// Reads a V8 CPU profile (.cpuprofile, as `node --cpu-prof` writes it) and says where the time went:
// by package (self time), by function (self time), and the app's own functions with their callees
// (inclusive time). The profile itself opens in Chrome DevTools (Performance, "Load profile").

export type CpuProfile = {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
};

export type TimeShare = { name: string; ms: number; percent: number };
export type ProfileSummary = { totalMs: number; byPackage: TimeShare[]; selfTime: TimeShare[]; appInclusive: TimeShare[] };

type Frame = CpuProfile['nodes'][number]['callFrame'];

/** The package a frame's code belongs to ("next", "@prisma/client"), or the app's file, or V8's label ("(garbage collector)"). */
export function packageOf(frame: Frame): string {
  if (!frame.url) return frame.functionName || '(unknown)';
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(frame.url);
  if (dependency) return dependency[1]!;
  if (frame.url.startsWith('node:')) return frame.url;
  return isAppCode(frame) ? 'app (bundled)' : frame.url;
}

/** Code the build bundled from this repository (server chunks), not a dependency Node loads itself. */
function isAppCode(frame: Frame): boolean {
  return /\/server\/chunks\//.test(frame.url) && !/node_modules_|\[turbopack\]_runtime/.test(frame.url);
}

const label = (frame: Frame) =>
  `${frame.functionName || '(anonymous)'} ${frame.url.replace(/^.*node_modules\//, '').replace(/^.*\/server\/chunks\//, 'chunks/')}:${frame.lineNumber + 1}`;

function top(times: Map<string, number>, totalUs: number, count: number): TimeShare[] {
  return [...times]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, us]) => ({ name, ms: Math.round(us / 1000), percent: Math.round((1000 * us) / totalUs) / 10 }));
}

export function summariseCpuProfile(profile: CpuProfile, count = 25): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const sampled = new Map<number, number>();
  profile.samples.forEach((id, index) => sampled.set(id, (sampled.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
  const totalUs = [...sampled.values()].reduce((sum, us) => sum + us, 0) || 1;

  const byPackage = new Map<string, number>();
  const selfTime = new Map<string, number>();
  const appInclusive = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, us: number) => map.set(key, (map.get(key) ?? 0) + us);
  for (const [id, us] of sampled) {
    const frame = byId.get(id)!.callFrame;
    add(byPackage, packageOf(frame), us);
    add(selfTime, label(frame), us);
    // Each app function on the sampled stack gets the sample once, however deep its recursion.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const caller = byId.get(at)!.callFrame;
      if (!isAppCode(caller) || !caller.functionName) continue;
      const name = label(caller);
      if (seen.has(name)) continue;
      seen.add(name);
      add(appInclusive, name, us);
    }
  }
  return {
    totalMs: Math.round(totalUs / 1000),
    byPackage: top(byPackage, totalUs, count),
    selfTime: top(selfTime, totalUs, count),
    appInclusive: top(appInclusive, totalUs, count),
  };
}

export function formatSummary(summary: ProfileSummary, requests: number): string {
  const table = (title: string, rows: TimeShare[]) =>
    [`${title}:`, ...rows.map((row) => `${String(row.ms).padStart(8)} ms ${row.percent.toFixed(1).padStart(5)}%  ${row.name}`)].join('\n');
  return [
    `CPU time in the server: ${summary.totalMs} ms, ${(summary.totalMs / Math.max(1, requests)).toFixed(2)} ms a request (start-up and idle included)`,
    table('By package (self time)', summary.byPackage),
    table('By function (self time)', summary.selfTime),
    table("The app's own functions (inclusive: with what they call, synchronously)", summary.appInclusive),
  ].join('\n\n');
}
