import type { Plugin } from 'graphql-yoga';
import type { DashboardAssets } from './bundle.ts';

/** Only the service itself: scripts, styles, fonts and GraphQL requests from this origin. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The dashboard: `/` and its bundled files under `/dashboard/`. The files are loaded (built when
 * missing or stale) on the first request that needs them, so creating the app does no I/O.
 */
export function useDashboard(load: () => Promise<DashboardAssets>): Plugin {
  let assets: Promise<DashboardAssets> | undefined;
  return {
    async onRequest({ request, url, endResponse }) {
      const path = url.pathname === '/index.html' ? '/' : url.pathname;
      if (path !== '/' && !path.startsWith('/dashboard/')) return;
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      assets ??= load().catch((error: unknown) => {
        assets = undefined;
        throw error;
      });
      let files: DashboardAssets;
      try {
        files = await assets;
      } catch {
        endResponse(
          new Response('The dashboard is not built and cannot be built here: run `npm run build:web`.\n', {
            status: 503,
            headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
          }),
        );
        return;
      }
      const file = files.get(path);
      if (file === undefined) {
        endResponse(new Response('Not found\n', { status: 404, headers: { 'content-type': 'text/plain' } }));
        return;
      }
      const headers = {
        'content-type': file.contentType,
        etag: file.etag,
        'cache-control': 'no-cache',
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
      };
      if (request.headers.get('if-none-match') === file.etag) {
        endResponse(new Response(null, { status: 304, headers }));
        return;
      }
      endResponse(new Response(request.method === 'HEAD' ? null : file.body, { status: 200, headers }));
    },
  };
}
