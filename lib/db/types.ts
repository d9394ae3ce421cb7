// Model input types for shared code, and the proof that typing the app against the SQLite client is
// sound for PostgreSQL too.
//
// The two generated clients come from one schema (the PostgreSQL one is derived from the SQLite one:
// scripts/lib/derive-postgres-schema.mjs), but TypeScript cannot relate two generated client classes
// to each other: their methods return deferred conditional types from two different modules. So the
// app is typed against the SQLite client (Db in client.ts), and the check below does, model by model
// and operation by operation, what the compiler cannot do for the classes as a whole: every call the
// SQLite client accepts, the PostgreSQL client accepts too, and what PostgreSQL returns is what the
// SQLite type promises. If the schemas ever drift apart, `npm run typecheck` names the first
// model.operation that differs.
import type { Prisma as Sqlite } from './generated/sqlite/client';
import type { Prisma as Postgres } from './generated/postgres/client';

export type RecommendationWhereInput = Sqlite.RecommendationWhereInput;
export type RecommendationOrderByWithRelationInput = Sqlite.RecommendationOrderByWithRelationInput;
export type RecommendationUpdateManyMutationInput = Sqlite.RecommendationUpdateManyMutationInput;
export type SeminarWhereInput = Sqlite.SeminarWhereInput;
export type StringFilter<Model = never> = Sqlite.StringFilter<Model>;

type SqliteModels = Sqlite.TypeMap['model'];
type PostgresModels = Postgres.TypeMap['model'];
type Assignable<From, To> = [From] extends [To] ? true : false;
type Args<Operation> = Operation extends { args: infer A } ? A : never;
type Result<Operation> = Operation extends { result: infer R } ? R : never;
type Operations<Models, Model> = Model extends keyof Models ? (Models[Model] extends { operations: infer O } ? O : never) : never;

/** The model.operation pairs where PostgreSQL would refuse an SQLite call or return something else; never when there are none. */
export type ProviderMismatch = {
  [Model in keyof SqliteModels]: {
    [Op in keyof Operations<SqliteModels, Model>]: Op extends keyof Operations<PostgresModels, Model>
      ? Assignable<Args<Operations<SqliteModels, Model>[Op]>, Args<Operations<PostgresModels, Model>[Op]>> extends true
        ? Assignable<Result<Operations<PostgresModels, Model>[Op]>, Result<Operations<SqliteModels, Model>[Op]>> extends true
          ? never
          : `${Model & string}.${Op & string}: PostgreSQL returns another type`
        : `${Model & string}.${Op & string}: PostgreSQL takes other arguments`
      : `${Model & string}.${Op & string}: PostgreSQL has no such operation`;
  }[keyof Operations<SqliteModels, Model>];
}[keyof SqliteModels];

/** Fails to compile, naming the mismatch, unless PostgreSQL's client covers every SQLite call. */
export const PROVIDERS_AGREE: [ProviderMismatch] extends [never] ? true : ProviderMismatch = true;
