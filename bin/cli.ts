// The tracker's command line. `npx tracker --help` lists the commands.
import 'dotenv/config';
import { Command, Option } from 'commander';
import { databaseUrl } from '../lib/db/config';
import { runUserAdd } from './commands/user-add';
import { runSeedCommand, runMigrateCommand } from './commands/database';
import { runDemo } from './commands/demo';

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
