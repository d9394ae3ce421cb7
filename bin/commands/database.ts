import { migrate } from '../../lib/db/migrate';
import { prepareDatabase } from '../../lib/db/prepare';
import { SYSTEM_ACTOR } from '../../lib/auth/actor';

export async function runMigrateCommand(url: string) {
  const applied = await migrate(url);
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
}

export async function runSeedCommand(url: string) {
  const { migrations, seed } = await prepareDatabase(url, SYSTEM_ACTOR);
  if (migrations.length) console.log(`Applied migrations: ${migrations.join(', ')}`);
  console.log(
    `Seed: ${seed.seminars} reports, ${seed.recommendations} recommendations, ${seed.themes} themes, ${seed.sectors} sectors created` +
      (seed.recommendations + seed.themes + seed.sectors + seed.seminars === 0 ? ' (already seeded; nothing changed).' : '.'),
  );
}
