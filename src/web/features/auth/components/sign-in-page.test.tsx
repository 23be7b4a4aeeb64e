import { beforeAll, describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { startApiServer } from '../../../../../mocks/api/node';
import { API } from '../../../../../mocks/api/handlers';
import { SIGNED_IN_ADMIN } from '../../../../../mocks/api/access';
import { LOAD_LAZY_CHUNKS_MS, loadLazyChunks, renderApp } from '@/testing/render-app';

const server = startApiServer();
beforeAll(loadLazyChunks, LOAD_LAZY_CHUNKS_MS);

function signedOutUntilSignIn() {
  let signedIn = false;
  server.use(
    http.get(`${API}/session`, () => (signedIn ? HttpResponse.json(SIGNED_IN_ADMIN) : HttpResponse.json({ error: 'Sign in to continue.' }, { status: 401 }))),
    http.post(`${API}/session`, async ({ request }) => {
      const body = (await request.json()) as { password?: string };
      if (body.password !== 'correct horse battery') return HttpResponse.json({ error: 'Email or password is wrong.' }, { status: 401 });
      signedIn = true;
      return new HttpResponse(null, { status: 204 });
    }),
  );
}

describe('signing in', () => {
  it('shows the sign-in page without a session, one generic error for a wrong password, then the app', async () => {
    signedOutUntilSignIn();
    const user = userEvent.setup();
    renderApp('/', undefined, { session: 'fetch' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in to callboard' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Settings' })).not.toBeInTheDocument();

    await user.type(screen.getByLabelText('Email'), 'asha@example.com');
    await user.type(screen.getByLabelText('Password'), 'wrong password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('That email and password do not match an account.');

    await user.clear(screen.getByLabelText('Password'));
    await user.type(screen.getByLabelText('Password'), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('list', { name: 'Campaigns' })).toBeInTheDocument();
    expect(screen.getByText('asha@example.com')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
  });

  it('says how long to wait when sign-in is throttled', async () => {
    server.use(
      http.get(`${API}/session`, () => HttpResponse.json({ error: 'Sign in to continue.' }, { status: 401 })),
      http.post(`${API}/session`, () => HttpResponse.json({ error: 'Too many attempts.' }, { status: 429, headers: { 'Retry-After': '8' } })),
    );
    const user = userEvent.setup();
    renderApp('/', undefined, { session: 'fetch' });
    await user.type(await screen.findByLabelText('Email'), 'asha@example.com');
    await user.type(screen.getByLabelText('Password'), 'whatever it is');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many attempts. Try again in 8 s.');
  });

  it('signs out to the sign-in page', async () => {
    let signedIn = true;
    server.use(
      http.get(`${API}/session`, () => (signedIn ? HttpResponse.json(SIGNED_IN_ADMIN) : HttpResponse.json({ error: 'Sign in to continue.' }, { status: 401 }))),
      http.delete(`${API}/session`, () => {
        signedIn = false;
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const user = userEvent.setup();
    renderApp('/', undefined, { session: 'fetch' });
    await user.click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { name: 'Sign in to callboard' })).toBeInTheDocument();
  });

  it('re-reads the session when any read answers 401 (the session ended elsewhere)', async () => {
    let signedIn = true;
    server.use(
      http.get(`${API}/session`, () => (signedIn ? HttpResponse.json(SIGNED_IN_ADMIN) : HttpResponse.json({ error: 'Sign in to continue.' }, { status: 401 }))),
      http.get(`${API}/campaigns`, () => {
        signedIn = false;
        return HttpResponse.json({ error: 'Sign in to continue.' }, { status: 401 });
      }),
    );
    renderApp('/', undefined, { session: 'fetch' });
    expect(await screen.findByRole('heading', { name: 'Sign in to callboard' })).toBeInTheDocument();
  });

  it('says so in demo mode, with nobody to sign out', async () => {
    server.use(http.get(`${API}/session`, () => HttpResponse.json({ user: { email: 'demo@callboard.local', role: 'admin' }, demo: true })));
    renderApp('/', undefined, { session: 'fetch' });
    expect(await screen.findByText('Demo mode: signed in as demo admin.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Sign out' })).not.toBeInTheDocument();
  });
});
