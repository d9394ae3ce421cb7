// What the crash and load tests assert about the database after a storm, read straight from it:
// every acknowledged write is there, with its content and its audit row (matched by the unique
// note or body, and the ids and versions the responses gave); and no change exists without its
// audit row: each history row, each evidence note and each version an item went through is named
// by exactly one audit row. Returns the problems found, in words (none when all is well).
import type { Db } from '@/lib/db';
import type { Ack } from './write-storm';

type Audit = { id: string; action: string; entityId: string | null; after: Record<string, unknown> };

function group<T>(rows: T[], key: (row: T) => string | null | undefined): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const value = key(row);
    if (value === null || value === undefined) continue;
    map.set(value, [...(map.get(value) ?? []), row]);
  }
  return map;
}

const VERSIONED_ACTIONS = new Set(['recommendation.status_change', 'recommendation.update']);

export async function checkWrites(
  db: Db,
  options: {
    editorId: string;
    acks: Ack[];
    /** Each storm item's version before the storm. */
    versionsBefore: Map<string, number>;
    /** No request was cut off (the load test): the database holds exactly the acknowledged writes. */
    exact: boolean;
  },
): Promise<string[]> {
  const problems: string[] = [];
  const [changes, notes, auditRows, items] = await Promise.all([
    db.statusChange.findMany({ where: { authorId: options.editorId }, select: { id: true, recommendationId: true, toStatus: true, note: true } }),
    db.evidenceNote.findMany({ where: { authorId: options.editorId }, select: { id: true, recommendationId: true, body: true, deletedAt: true } }),
    db.auditLog.findMany({ where: { actorId: options.editorId }, select: { id: true, action: true, entityId: true, after: true } }),
    db.recommendation.findMany({ where: { id: { in: [...options.versionsBefore.keys()] } }, select: { id: true, version: true } }),
  ]);
  const audits: Audit[] = auditRows.map((row) => ({ ...row, after: row.after ? (JSON.parse(row.after) as Record<string, unknown>) : {} }));
  const changeAudits = group(
    audits.filter((audit) => audit.action === 'recommendation.status_change'),
    (audit) => (audit.after.change as { id?: string } | undefined)?.id,
  );
  const evidenceAudits = group(
    audits.filter((audit) => audit.action === 'evidence.create'),
    (audit) => audit.entityId,
  );
  const versionAudits = group(
    audits.filter((audit) => VERSIONED_ACTIONS.has(audit.action)),
    (audit) => `${audit.entityId}@${String(audit.after.version)}`,
  );
  const bulkAudits = group(
    audits.filter((audit) => audit.action === 'recommendation.bulk_update'),
    (audit) => (audit.after.change as { note?: string } | undefined)?.note,
  );
  const changesByNote = group(changes, (change) => change.note);
  const notesById = new Map(notes.map((note) => [note.id, note]));
  const notesByBody = group(notes, (note) => note.body);

  /** The status change `note` recorded on `recommendationId`, with its one audit row at `version`. */
  const expectChange = (what: string, recommendationId: string, note: string, status: string, version: number) => {
    const found = (changesByNote.get(note) ?? []).filter((change) => change.recommendationId === recommendationId);
    if (found.length !== 1 || found[0]!.toStatus !== status) {
      problems.push(
        `${what}: acknowledged status change "${note}" to ${status} on ${recommendationId}: ${found.length} history rows (${found.map((change) => change.toStatus).join(', ')})`,
      );
      return null;
    }
    const audit = changeAudits.get(found[0]!.id) ?? [];
    if (audit.length !== 1 || audit[0]!.after.version !== version || audit[0]!.entityId !== recommendationId) {
      problems.push(
        `${what}: status change "${note}" has ${audit.length} audit rows (versions ${audit.map((row) => String(row.after.version)).join(', ')}; acknowledged ${version})`,
      );
      return null;
    }
    return audit[0]!;
  };
  const expectEvidence = (
    what: string,
    note: { id: string; recommendationId: string; body: string; deletedAt: Date | null } | undefined,
    body: string,
    recommendationId: string,
  ) => {
    if (!note || note.body !== body || note.recommendationId !== recommendationId || note.deletedAt) {
      problems.push(`${what}: acknowledged evidence "${body}" on ${recommendationId} is ${note ? 'different in the database' : 'missing'}`);
      return;
    }
    const audit = evidenceAudits.get(note.id) ?? [];
    if (audit.length !== 1 || audit[0]!.after.body !== body) problems.push(`${what}: evidence "${body}" has ${audit.length} audit rows`);
  };

  let expectedChanges = 0;
  let expectedNotes = 0;
  let expectedUpdates = 0;
  for (const ack of options.acks) {
    switch (ack.kind) {
      case 'status': {
        expectedChanges += 1;
        const audit = expectChange('status', ack.recommendationId, ack.note, ack.status, ack.version);
        if (ack.evidenceBody) {
          expectedNotes += 1;
          const note = (notesByBody.get(ack.evidenceBody) ?? [])[0];
          expectEvidence('status with evidence', note, ack.evidenceBody, ack.recommendationId);
          if (audit && note && (audit.after.change as { evidenceId?: string }).evidenceId !== note.id) {
            problems.push(`status "${ack.note}": its audit row does not name the evidence it brought`);
          }
        }
        break;
      }
      case 'evidence':
        expectedNotes += 1;
        expectEvidence('evidence', notesById.get(ack.evidenceId), ack.body, ack.recommendationId);
        break;
      case 'update': {
        expectedUpdates += 1;
        const audit = (versionAudits.get(`${ack.recommendationId}@${ack.version}`) ?? []).filter((row) => row.action === 'recommendation.update');
        if (audit.length !== 1 || audit[0]!.after.priority !== ack.priority) {
          problems.push(`update: acknowledged priority ${ack.priority} at version ${ack.version} of ${ack.recommendationId} has ${audit.length} audit rows`);
        }
        break;
      }
      case 'bulk':
        expectedChanges += ack.items.length;
        for (const item of ack.items) expectChange('bulk', item.id, ack.note, ack.status, item.version);
        if ((bulkAudits.get(ack.note) ?? []).length !== 1)
          problems.push(`bulk "${ack.note}": ${(bulkAudits.get(ack.note) ?? []).length} bulk_update audit rows`);
        break;
    }
  }

  // No change without its audit row.
  for (const change of changes) {
    if ((changeAudits.get(change.id) ?? []).length !== 1)
      problems.push(`history row ${change.id} ("${change.note}") has ${(changeAudits.get(change.id) ?? []).length} audit rows`);
  }
  for (const note of notes) {
    if ((evidenceAudits.get(note.id) ?? []).length !== 1)
      problems.push(`evidence ${note.id} ("${note.body}") has ${(evidenceAudits.get(note.id) ?? []).length} audit rows`);
  }
  for (const item of items) {
    const before = options.versionsBefore.get(item.id)!;
    for (let version = before + 1; version <= item.version; version += 1) {
      const rows = versionAudits.get(`${item.id}@${version}`) ?? [];
      if (rows.length !== 1) problems.push(`${item.id} went through version ${version} with ${rows.length} audit rows`);
    }
    for (const key of versionAudits.keys()) {
      const [id, version] = key.split('@') as [string, string];
      if (id === item.id && Number(version) > item.version)
        problems.push(`${item.id} is at version ${item.version} but an audit row records version ${version}`);
    }
  }

  if (options.exact) {
    const updates = audits.filter((audit) => audit.action === 'recommendation.update').length;
    const counts = { changes: changes.length, notes: notes.length, updates, bulk: [...bulkAudits.values()].flat().length };
    const expected = {
      changes: expectedChanges,
      notes: expectedNotes,
      updates: expectedUpdates,
      bulk: options.acks.filter((ack) => ack.kind === 'bulk').length,
    };
    if (JSON.stringify(counts) !== JSON.stringify(expected))
      problems.push(`the database holds ${JSON.stringify(counts)} but ${JSON.stringify(expected)} were acknowledged`);
  }
  return problems;
}
