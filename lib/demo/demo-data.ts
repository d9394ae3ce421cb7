// The sample data set: illustrative status history and evidence from each seminar's date to today,
// so charts have shape. Deterministic (fixed PRNG seed). Everything it writes is marked as sample
// data, and while it is loaded the UI shows a "sample data" banner. Never loaded by default.
import type { Db, Tx } from '@/lib/db';
import { writeAudit, type AuditActor } from '@/lib/audit/write-audit';
import { requireRole, type Actor } from '@/lib/auth/actor';
import { recomputeCurrentStatus } from '@/lib/status/recompute-status';
import { STATUSES_NEEDING_EVIDENCE, type Status } from '@/lib/status/status';
import { today } from '@/lib/dates';
import { withProgressTally } from '@/lib/progress/tally/with-progress-tally';

export const DEMO_SETTING_KEY = 'demoData';
// The rows it writes are labelled as sample data, whoever loads it.
const DEMO_ACTOR: AuditActor = { id: null, label: 'sample data' };
const DAY = 86_400_000;

function mulberry32(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

// Plausible next steps from each status; the walk stops at IMPLEMENTED or NO_LONGER_RELEVANT.
const NEXT: Record<Status, Status[]> = {
  NOT_STARTED: ['IN_PROGRESS', 'IN_PROGRESS', 'STALLED', 'NO_LONGER_RELEVANT'],
  IN_PROGRESS: ['PARTIALLY_IMPLEMENTED', 'PARTIALLY_IMPLEMENTED', 'STALLED', 'IMPLEMENTED'],
  PARTIALLY_IMPLEMENTED: ['IMPLEMENTED', 'STALLED', 'IN_PROGRESS'],
  STALLED: ['IN_PROGRESS', 'IN_PROGRESS', 'NO_LONGER_RELEVANT'],
  IMPLEMENTED: [],
  NO_LONGER_RELEVANT: [],
};

const EVIDENCE_LINES = [
  'Officials referred to the proposal in a joint statement after the bilateral talks.',
  'A working group met and agreed terms of reference; minutes shared with the institute.',
  'Press reports describe a memorandum of understanding signed by both sides.',
  'Budget documents show an allocation for the first phase.',
  'Follow-up meeting postponed; no progress reported by the ministry this quarter.',
];

export async function isDemoLoaded(db: Db): Promise<boolean> {
  return (await db.setting.findUnique({ where: { key: DEMO_SETTING_KEY } })) !== null;
}

export async function loadDemoData(db: Db, actor: Actor, now = new Date()): Promise<{ loaded: boolean; statusChanges: number; evidence: number }> {
  requireRole(actor, 'ADMIN');
  if (await isDemoLoaded(db)) return { loaded: false, statusChanges: 0, evidence: 0 };
  const random = mulberry32(20_150_212);
  const end = today(now).getTime();
  const items = await db.recommendation.findMany({
    orderBy: { code: 'asc' },
    select: { id: true, code: true, status: true, seminar: { select: { date: true } } },
  });
  let statusChanges = 0;
  let evidence = 0;
  await db.$transaction(async (tx) => {
    await withProgressTally(
      tx,
      items.map((item) => item.id),
      async () => {
        for (const item of items) {
          let status = item.status as Status;
          let at = item.seminar.date.getTime();
          while (NEXT[status].length > 0) {
            at += Math.round((90 + random() * 540) * DAY);
            if (at > end) break;
            const options = NEXT[status];
            const next = options[Math.floor(random() * options.length)]!;
            const date = new Date(at);
            if (STATUSES_NEEDING_EVIDENCE.includes(next) || random() < 0.4) {
              await addEvidence(tx, item.id, date, EVIDENCE_LINES[Math.floor(random() * EVIDENCE_LINES.length)]!);
              evidence += 1;
            }
            // Staff usually record a change a few days after it happens.
            const recordedAt = new Date(Math.min(now.getTime(), at + Math.round(random() * 14) * DAY + 9 * 3_600_000));
            await tx.statusChange.create({
              data: { recommendationId: item.id, fromStatus: status, toStatus: next, effectiveDate: date, recordedAt, note: 'Sample data.' },
            });
            statusChanges += 1;
            status = next;
          }
          await recomputeCurrentStatus(tx, item.id);
        }
      },
    );
    await tx.setting.create({ data: { key: DEMO_SETTING_KEY, value: now.toISOString() } });
    await writeAudit(tx, {
      actor: DEMO_ACTOR,
      action: 'demo.load',
      entityType: 'setting',
      entityId: DEMO_SETTING_KEY,
      after: { statusChanges, evidence },
    });
  });
  return { loaded: true, statusChanges, evidence };
}

async function addEvidence(tx: Tx, recommendationId: string, date: Date, body: string) {
  await tx.evidenceNote.create({
    data: { recommendationId, evidenceDate: date, body: `${body}\n\n*Sample data.*`, sourceTitle: 'Sample data' },
  });
}
