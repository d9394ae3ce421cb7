import { createClient } from '../../lib/db/client';
import { prepareDatabase } from '../../lib/db/prepare';
import { loadDemoData } from '../../lib/demo/demo-data';
import { SYSTEM_ACTOR } from '../../lib/auth/actor';

export async function runDemo(url: string) {
  await prepareDatabase(url, SYSTEM_ACTOR);
  const db = createClient(url);
  try {
    const result = await loadDemoData(db, SYSTEM_ACTOR);
    console.log(
      result.loaded
        ? `Loaded sample data: ${result.statusChanges} status changes, ${result.evidence} evidence notes. The app shows a "sample data" banner.`
        : 'Sample data is already loaded; nothing changed.',
    );
  } finally {
    await db.$disconnect();
  }
}
