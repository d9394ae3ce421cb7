// The rows the fuzz suites aim at: real ids, so that a refused case gets past "unknown id" and
// reaches the deeper checks, and an accepted case has somewhere to land.
import type { Db } from '@/lib/db';
import { addEvidence } from '@/lib/evidence/add-evidence';
import { createImportDraft } from '@/lib/import/create-import-draft';
import { SAMPLE_REPORT } from '@/lib/import/test-sample-report';
import { linkRecommendations } from '@/lib/recommendations/link-recommendations';
import { seedRecommendations, seedVocabulary } from '@/lib/test/recommendation-factory';
import { seedUser, type SeededUser } from '@/lib/test/user-factory';
import { createApiToken } from '@/lib/tokens/create-api-token';

export type World = {
  editor: SeededUser;
  admin: SeededUser;
  other: SeededUser;
  editorToken: string;
  tokenId: string;
  seminarId: string;
  recommendationId: string;
  recommendationCode: string;
  otherCode: string;
  evidenceId: string;
  linkId: string;
  draftId: string;
  themeId: string;
  sectorId: string;
  otherSectorId: string;
  termUpdatedAt: string;
};

export async function createWorld(db: Db): Promise<World> {
  const editor = await seedUser(db, { role: 'EDITOR' });
  const admin = await seedUser(db, { role: 'ADMIN' });
  const other = await seedUser(db, { role: 'VIEWER' });
  const { token: editorToken } = await createApiToken(db, { name: 'fuzz', scope: 'write' }, editor.actor);
  const { apiToken } = await createApiToken(db, { name: 'fuzz spare', scope: 'read' }, editor.actor);
  const [item, second] = await seedRecommendations(db, { count: 2 });
  const evidence = await addEvidence(db, item!.id, { body: 'A ministry circular.', evidenceDate: new Date(Date.UTC(2016, 0, 5)) }, editor.actor);
  const link = await linkRecommendations(db, { recommendationId: item!.id, targetCode: second!.code }, editor.actor);
  const draft = await createImportDraft(db, { text: SAMPLE_REPORT }, editor.actor);
  const themeId = await seedVocabulary(db, 'theme');
  const sectorId = await seedVocabulary(db, 'sector');
  const otherSectorId = await seedVocabulary(db, 'sector');
  const term = await db.theme.findUniqueOrThrow({ where: { id: themeId }, select: { updatedAt: true } });
  return {
    editor,
    admin,
    other,
    editorToken,
    tokenId: apiToken.id,
    seminarId: item!.seminarId,
    recommendationId: item!.id,
    recommendationCode: item!.code,
    otherCode: second!.code,
    evidenceId: evidence.id,
    linkId: link.id,
    draftId: draft.id,
    themeId,
    sectorId,
    otherSectorId,
    termUpdatedAt: term.updatedAt.toISOString(),
  };
}
