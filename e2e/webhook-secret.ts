// The webhook secret the e2e server runs with (playwright.config.ts), so a journey can post as Exotel does.
export const E2E_WEBHOOK_SECRET = 'e2e-webhook-secret-0123456789';
