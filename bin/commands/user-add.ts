import { randomBytes } from 'node:crypto';
import { createClient } from '../../lib/db/client';
import { migrate } from '../../lib/db/migrate';
import { SYSTEM_ACTOR } from '../../lib/auth/actor';
import { createUser } from '../../lib/users/create-user';
import { createUserSchema } from '../../lib/validations/user';
import { log } from '../../lib/log/logger';

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

export async function runUserAdd(url: string, options: { email: string; name: string; role: string }) {
  const piped = await readStdin();
  const generated = piped === '';
  const password = generated ? randomBytes(18).toString('base64url') : piped;
  const parsed = createUserSchema.safeParse({ ...options, role: options.role.toUpperCase(), password });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`error: ${issue.path.join('.')}: ${issue.message}`);
    process.exitCode = 2;
    return;
  }
  await migrate(url);
  const db = createClient(url);
  try {
    const user = await createUser(db, parsed.data, SYSTEM_ACTOR);
    log().info({ event: 'user_created', userId: user.id, role: user.role }, 'user created from the command line');
    console.log(`Created ${user.role.toLowerCase()} ${user.email}.`);
    if (generated) console.log(`Password (shown once, hand it over and ask them to change it): ${password}`);
  } finally {
    await db.$disconnect();
  }
}
