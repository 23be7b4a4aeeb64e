// The MSW server for component tests (jsdom): happy-path handlers, and any request without a handler fails the test.
import { afterAll, afterEach, beforeAll } from 'vitest';
import { setupServer } from 'msw/node';
import { handlers } from './handlers';

export const server = setupServer(...handlers);

/** Call once at the top of a test file: starts the server, resets per-test overrides, stops it at the end. */
export function startApiServer(): typeof server {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return server;
}
