// The app version this page runs: the server's version when the page first asked (the build that served it). Every
// wallboard request carries it as X-Callboard-Version, so the display list shows what each screen runs, and an
// admin sees which screens still run an old build. One value per page load; a reload starts again.
export const APP_VERSION_HEADER = 'X-Callboard-Version';

let running: string | null = null;

/** Keeps the first version seen; later ones are the server's, not this page's (useVersionReload acts on those). */
export function rememberRunningVersion(version: string | undefined): void {
  if (running === null && version) running = version;
}

export function runningVersionHeaders(): Record<string, string> {
  return running === null ? {} : { [APP_VERSION_HEADER]: running };
}

/** Tests only: a fresh page. */
export function forgetRunningVersion(): void {
  running = null;
}
