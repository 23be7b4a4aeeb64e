// The pages and headers every scoped address answers with: the no-leak headers, the one "not available" page per
// kind of link, the JSON 404, and the built web app's index.html.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Sent with every shared page and its API: no token in a Referer, no search-engine copy, nothing cached. */
export const SCOPED_HEADERS: Record<string, string> = {
  'Referrer-Policy': 'no-referrer',
  'X-Robots-Tag': 'noindex, nofollow',
  'Cache-Control': 'no-store',
};

/** One page for every link that does not work, whatever the reason: it must not hint at what exists. */
export const LINK_NOT_VALID_HTML = notValidPage(
  "This link isn't available",
  'It may have expired or been switched off, or the address may be incomplete.',
  'Ask the person who shared it with you for a new link.',
);

/** The same for a wallboard's address: one page for a removed, rotated-away or mistyped display link. */
export const DISPLAY_NOT_VALID_HTML = notValidPage(
  'This display was removed',
  'Its link is no longer valid: it may have been removed or given a new link.',
  'Ask a callboard admin for the display\'s current link.',
);

function notValidPage(title: string, ...lines: string[]): string {
  // Static text with no script or style, so the page works under the strict CSP and loads nothing.
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${title} · callboard</title></head>
<body>
<main>
<h1>${title}</h1>
${lines.map((line) => `<p>${line}</p>`).join('\n')}
</main>
</body>
</html>
`;
}

export const NOT_FOUND_JSON = { error: 'Not found.' };

export function readIndex(dir: string): string | null {
  try {
    return readFileSync(join(dir, 'index.html'), 'utf8');
  } catch {
    return null;
  }
}
