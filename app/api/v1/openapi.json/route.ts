import { buildOpenApi } from '@/lib/openapi/build-openapi';

// Public on purpose: the description of the API holds no data, and tools fetch it before they
// have a token. Everything it describes still needs a session or token.
export const dynamic = 'force-static';

export function GET() {
  return Response.json(buildOpenApi());
}
