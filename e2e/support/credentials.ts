import type { APIRequestContext } from '@playwright/test';

/** Posts email and password to next-auth's credentials endpoint the way its client does. */
export async function postCredentials(request: APIRequestContext, email: string, password: string) {
  const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  return request.post('/api/auth/callback/credentials', {
    form: { email, password, csrfToken, json: 'true', callbackUrl: '/' },
  });
}
