// What the crash and load tests share before the first request: a throw-away database, the editor
// and their credentials, the items each client owns (and their versions before), and the address of
// the list's bulk-edit action in the build being served.
import { createClient } from '@/lib/db/client';
import { ensureAppBuildForTests } from './app-server';
import { findServerAction } from './bulk-action';
import { createThrowAwayDatabase, type Provider, type ThrowAwayDatabase } from './databases';
import { createEditor, type Editor } from './editor';
import { claimItems, type OwnedItem } from './write-storm';

export type StormSetup = {
  database: ThrowAwayDatabase;
  editor: Editor;
  items: OwnedItem[][];
  versionsBefore: Map<string, number>;
  bulkAction: { id: string; pagePath: string };
};

export async function prepareStorm(provider: Provider, label: string, clients: number, perClient: number): Promise<StormSetup> {
  const [database, distDir] = await Promise.all([createThrowAwayDatabase(provider, label), ensureAppBuildForTests()]);
  const db = createClient(database.url);
  try {
    const editor = await createEditor(db, label);
    const items = await claimItems(db, clients, perClient);
    const versionsBefore = new Map(items.flat().map((item) => [item.id, item.version]));
    const bulkAction = findServerAction(distDir, 'app/(app)/recommendations/actions.ts', 'bulkUpdateAction');
    return { database, editor, items, versionsBefore, bulkAction };
  } catch (error) {
    await database.drop();
    throw error;
  } finally {
    await db.$disconnect();
  }
}
