import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { db } from '@/lib/db';
import { auditActorOf } from './actor';
import { authenticate } from './authenticate';
import { clientAddress } from './client-address';
import { endUserSession, sessionMaxAgeSeconds } from './user-sessions';
import { log } from '@/lib/log/logger';
import { noteRequestUser } from '@/lib/log/request-context';

export { sessionMaxAgeSeconds };

/** What a failed sign-in reports to the form: never whether the email exists. */
export const SIGN_IN_ERRORS = { invalid: 'InvalidCredentials', locked: 'TooManyAttempts' } as const;

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: 'jwt', maxAge: sessionMaxAgeSeconds(), updateAge: 15 * 60 },
  pages: { signIn: '/login', error: '/login' },
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, req) {
        const result = await authenticate(db, {
          email: String(credentials?.email ?? ''),
          password: String(credentials?.password ?? ''),
          address: clientAddress(req.headers ?? {}),
        });
        if (!result.ok) throw new Error(SIGN_IN_ERRORS[result.code]);
        noteRequestUser(result.user.id);
        return result.user;
      },
    }),
  ],
  logger: {
    // An expired or foreign session cookie is routine (the visitor is simply signed out): one line, no stack.
    error(code, metadata) {
      if (code === 'JWT_SESSION_ERROR') log().warn({ event: 'auth', code }, 'ignored an invalid or expired session cookie');
      else
        log().error(
          { event: 'auth', code, err: metadata instanceof Error ? metadata : (metadata as { error?: unknown } | undefined)?.error },
          `next-auth: ${code}`,
        );
    },
    warn(code) {
      log().warn({ event: 'auth', code }, `next-auth: ${code}`);
    },
    debug() {},
  },
  callbacks: {
    jwt({ token, user }) {
      // The token carries only who, which session generation and which session row; the role is
      // read fresh from the database on every request (lib/auth/session.ts), so role changes apply at once.
      if (user) {
        token.sv = user.sessionVersion;
        token.sid = user.sessionId;
      }
      return token;
    },
    session({ session, token }) {
      session.user = { id: token.sub ?? '', email: token.email ?? '', name: token.name ?? '' };
      session.sessionVersion = token.sv ?? -1;
      session.sessionId = token.sid ?? '';
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      if (!token?.sub) return;
      // Ends the session on the server too: a copy of the cookie stops working with it.
      if (token.sid) await endUserSession(db, token.sid);
      const { writeAudit } = await import('@/lib/audit/write-audit');
      await db.$transaction((tx) =>
        writeAudit(tx, {
          actor: auditActorOf({ id: token.sub!, email: token.email ?? token.sub! }),
          action: 'auth.sign_out',
          entityType: 'user',
          entityId: token.sub,
        }),
      );
    },
  },
};
