import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth/options';
import { refuseLockedSignIn } from '@/lib/auth/sign-in-guard';

type Context = { params: Promise<{ nextauth: string[] }> };

// next-auth types its route handler as `any`.
const handler = NextAuth(authOptions) as (request: Request, context: Context) => Promise<Response>;

export { handler as GET };

export async function POST(request: Request, context: Context) {
  const refused = await refuseLockedSignIn(request);
  if (refused) return refused;
  return handler(request, context);
}
