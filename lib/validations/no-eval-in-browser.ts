// Zod 4 compiles a fast parser for each object schema with `new Function`, first probing whether
// eval is allowed. The Content-Security-Policy (proxy.ts) forbids eval, so in the browser the probe
// is reported as a CSP violation on every page whose client code builds a schema (Chrome's Issues
// panel; Lighthouse's best-practices audit). Jitless mode skips the probe and the compilation; the
// server keeps the compiled parsers. Import this module before `zod` in every validation module
// that client components import, so it runs before their schemas are built.
import { z } from 'zod';

if (typeof window !== 'undefined') z.config({ jitless: true });
