/** The importer's file limit with room for a refusal to be told by the importer, not by the framework. */
function importUploadLimitMb() {
  const configured = Number(process.env.IMPORT_MAX_FILE_MB);
  return Math.ceil((Number.isFinite(configured) && configured > 0 ? configured : 20) * 1.1) + 1;
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // NEXT_SERVER_MINIFY=0 keeps the server code's function names, for CPU profiles (npm run bench:profile).
  experimental: {
    authInterrupts: true,
    serverMinification: process.env.NEXT_SERVER_MINIFY !== '0',
    // A report upload (app/(app)/imports/actions.ts) is a server action carrying the file: allow the
    // importer's file limit (IMPORT_MAX_FILE_MB, 20 MB by default; lib/import/extract/limits.ts) plus
    // the form's other fields. The importer itself refuses a larger file with a clear message.
    serverActions: { bodySizeLimit: `${importUploadLimitMb()}mb` },
    proxyClientMaxBodySize: `${importUploadLimitMb()}mb`,
  },
  // `npm test` type-checks the whole project (npm run typecheck) before anything is built;
  // the build does not repeat it.
  typescript: { ignoreBuildErrors: true },
  // Native drivers stay outside the server bundle; so do the report-import parsers, which run in a
  // worker thread (lib/import/extract/index.ts) and are loaded from node_modules at run time.
  serverExternalPackages: ['better-sqlite3', 'pg', '@prisma/adapter-better-sqlite3', '@prisma/adapter-pg', 'unpdf', 'mammoth', 'yauzl'],
  async headers() {
    // The Content-Security-Policy needs a per-request nonce and is set in proxy.ts.
    const headers = [
      { key: 'X-Content-Type-Options', value: 'nosniff' },
      { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
      { key: 'X-Frame-Options', value: 'DENY' },
      { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()' },
      { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
    ];
    // next-auth's JSON (the session, the CSRF token) is per visitor; lib/api/route.ts sets the same on the API.
    return [
      { source: '/:path*', headers },
      { source: '/api/auth/:path*', headers: [{ key: 'Cache-Control', value: 'no-store' }] },
    ];
  },
};

export default nextConfig;
