// Prisma's schema engine compiled to WebAssembly (@prisma/schema-engine-wasm), driven through
// driver adapters. Prisma's CLI `migrate` needs a native engine binary that it downloads on
// first use; that fails offline and in air-gapped deployments, the wasm build does not.
// Used only by developer scripts and tests (writing migrations, checking drift), never by the app.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';

type Bindings = typeof import('@prisma/schema-engine-wasm');
export type SchemaEngine = Awaited<ReturnType<Bindings['SchemaEngine']['new']>>;
export type Provider = 'sqlite' | 'postgresql';

let bindings: Promise<Bindings> | undefined;

/** Loads the wasm by hand so Node 20 needs no --experimental-wasm-modules flag. */
function loadBindings(): Promise<Bindings> {
  bindings ??= (async () => {
    const require = createRequire(import.meta.url);
    const dir = path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg'));
    const bg = await import('@prisma/schema-engine-wasm/schema_engine_bg');
    const { instance } = await WebAssembly.instantiate(readFileSync(path.join(dir, 'schema_engine_bg.wasm')), {
      './schema_engine_bg.js': bg,
    });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bg;
  })();
  return bindings;
}

export async function openSchemaEngine(options: {
  provider: Provider;
  schemaText: string;
  main: SqlDriverAdapterFactory;
  shadow: SqlDriverAdapterFactory;
}): Promise<SchemaEngine> {
  const { SchemaEngine } = await loadBindings();
  const factory = bindMigrationAwareSqlAdapterFactory({
    adapterName: options.main.adapterName,
    provider: options.main.provider,
    connect: () => options.main.connect(),
    connectToShadowDb: () => options.shadow.connect(),
  });
  const log = () => {};
  return SchemaEngine.new({ datamodels: [['schema.prisma', options.schemaText]] }, log, factory);
}
