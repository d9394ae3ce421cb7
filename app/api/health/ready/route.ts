import { checkReadiness } from '@/lib/health/check-readiness';

export const dynamic = 'force-dynamic';

/** For a load balancer: 200 when this server can serve (database answers, migrations applied), else 503. */
export async function GET() {
  const readiness = await checkReadiness();
  return Response.json(readiness, {
    status: readiness.status === 'ready' ? 200 : 503,
    headers: { 'Cache-Control': 'no-store' },
  });
}
