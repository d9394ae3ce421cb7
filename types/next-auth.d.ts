import 'next-auth';
import 'next-auth/jwt';

declare module 'next-auth' {
  interface Session {
    user: { id: string; email: string; name: string };
    sessionVersion: number;
    sessionId: string;
  }
  interface User {
    id: string;
    role: string;
    sessionVersion: number;
    sessionId: string;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    sv?: number;
    /** The UserSession row (lib/auth/user-sessions.ts). */
    sid?: string;
  }
}
