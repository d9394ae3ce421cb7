import type { Metadata } from 'next';
import { db } from '@/lib/db';
import { requireActor } from '@/lib/auth/session';
import { listVocabulary } from '@/lib/taxonomy/list-vocabulary';
import { VocabularyAdmin } from '@/components/admin-vocabulary/vocabulary-admin';

export const metadata: Metadata = { title: 'Themes' };

export default async function ThemesAdminPage() {
  const actor = await requireActor('ADMIN');
  return <VocabularyAdmin vocabulary={await listVocabulary(db, 'theme', actor)} />;
}
