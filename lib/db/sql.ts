// Raw SQL fragments for both databases: the SQLite and PostgreSQL clients re-export these same
// objects from the runtime they share (lib/db/generated/*/internal/prismaNamespace.ts), so shared
// code takes them from here rather than from one provider's generated client. Imported as a
// namespace (`import * as Prisma from '@/lib/db/sql'`), they read as before: Prisma.sql`...`,
// Prisma.join(ids), Prisma.raw(text), Prisma.empty, and the type Prisma.Sql.
export { sqltag as sql, join, raw, empty, Sql } from '@prisma/client/runtime/client';
