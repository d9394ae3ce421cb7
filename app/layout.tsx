import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { parseTheme, THEME_COOKIE } from '@/lib/theme/theme-preference';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Recommendation Tracker', template: '%s · Recommendation Tracker' },
  description: 'What became of the recommendations made at our seminars.',
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Reading the request makes every page render per request, which the CSP nonce needs.
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang="en" data-theme={theme === 'system' ? undefined : theme}>
      <body className="min-h-screen">
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        {children}
      </body>
    </html>
  );
}
