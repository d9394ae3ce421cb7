import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth/options';
import { refuseLockedSignIn } from '@/lib/auth/sign-in-guard';

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

export { handler as GET };

export async function POST(request: Request, context: Context) {
  const refused = await refuseLockedSignIn(request);
  if (refused) return refused;
  return handler(request, context);
}
