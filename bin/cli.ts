// The tracker's command line. `npx tracker --help` lists the commands.
import 'dotenv/config';
import { Command, Option } from 'commander';
import { databaseUrl } from '../lib/db/config';
import { runUserAdd } from './commands/user-add';
import { runSeedCommand, runMigrateCommand } from './commands/database';
import { runDemo } from './commands/demo';
import { runExport, type ExportOptions } from './commands/export';
import { runImport, type ImportOptions } from './commands/import';
import { runBackup, runRestore, type BackupOptions } from './commands/backup';

const program = new Command()
  .name('tracker')
  .description('Recommendation tracker command line. Uses DATABASE_URL (default: the SQLite file in data/).')
  .showHelpAfterError();

program
  .command('migrate')
  .description('apply pending database migrations')
  .action(() => runMigrateCommand(databaseUrl()));

program
  .command('seed')
  .description('migrate, then load the vocabularies and the founding reports (idempotent)')
  .action(() => runSeedCommand(databaseUrl()));

program
  .command('demo')
  .description('add the clearly labelled sample status history and evidence (the UI shows a "sample data" banner)')
  .action(() => runDemo(databaseUrl()));

const collect = (value: string, previous: string[]) => [...previous, value];
program
  .command('export')
  .description('write the quarterly summary of a quarter to a file (PDF, XLSX or CSV); progress is printed to stderr')
  .requiredOption('--quarter <quarter>', 'the quarter, e.g. 2026-Q3 (not in the future)')
  .addOption(new Option('--format <format>', 'file format').choices(['pdf', 'xlsx', 'csv']).makeOptionMandatory())
  .addOption(new Option('--csv <table>', "with --format csv: all items, or the quarter's status changes").choices(['items', 'changes']).default('items'))
  .requiredOption('--out <file>', 'file to write; an existing file is kept unless --force')
  .option('--seminar <id>', 'only this seminar (id or code prefix, e.g. 2015); repeat for several', collect, [])
  .option('--theme <id>', 'only this primary theme (id or slug); repeat for several', collect, [])
  .option('--sector <id>', 'only this owner sector (id or slug); repeat for several', collect, [])
  .option('--force', 'overwrite --out if it exists')
  .action((options: ExportOptions) => runExport(databaseUrl(), options));

program
  .command('import')
  .description('import a seminar report (PDF, DOCX or text): saved as a draft to review in the browser, unless --dry-run or --confirm')
  .argument('<file>', 'the report')
  .option('--dry-run', 'only show what would be imported; save nothing')
  .option('--json', 'print the result as JSON on stdout')
  .option('--confirm', 'import at once (needs --kind, and --title and --date unless the report states them)')
  .option('--title <title>', "the seminar's title (default: from the report)")
  .option('--date <date>', "the seminar's date, YYYY-MM-DD (default: from the report)")
  .option('--kind <kind>', 'the kind of event: seminar, round_table, conference or workshop')
  .option('--venue <venue>', 'where it was held (default: from the report)')
  .option('--organiser <organiser>', 'who organised it')
  .option('--theme <slug>', 'primary theme for recommendations without a suggested one')
  .option('--sector <slug>', 'owner sector for recommendations without suggested ones; repeat for several', collect, [])
  .action((file: string, options: ImportOptions) => runImport(databaseUrl(), file, options));

program
  .command('backup')
  .description('back up the whole database while the app runs: a portable archive (--out), or a copy of the SQLite file (--sqlite-file); progress on stderr')
  .option('--out <file>', 'write a portable archive (.tar.gz) of every table, from one snapshot; restore it with `tracker restore`')
  .option('--sqlite-file <file>', "SQLite only: a copy of the database file made with SQLite's online backup")
  .option('--force', 'overwrite the file if it exists')
  .action((options: BackupOptions) => runBackup(databaseUrl(), options));

program
  .command('restore')
  .description('load a backup archive into an empty database (DATABASE_URL, SQLite or PostgreSQL), migrating it first; refuses a database that holds data')
  .argument('<file>', 'the archive written by `tracker backup --out`')
  .action((file: string) => runRestore(databaseUrl(), file));

const user = program.command('user').description('manage users');
user
  .command('add')
  .description('create a user; the password is read from standard input, or generated and printed once')
  .requiredOption('--email <email>', 'email address (the sign-in name)')
  .requiredOption('--name <name>', 'display name')
  .addOption(new Option('--role <role>', 'role').choices(['admin', 'editor', 'viewer']).makeOptionMandatory())
  .action((options: { email: string; name: string; role: string }) => runUserAdd(databaseUrl(), options));

try {
  await program.parseAsync(process.argv);
} catch (error) {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
