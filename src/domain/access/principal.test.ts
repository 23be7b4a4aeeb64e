import { describe, expect, it } from 'vitest';
import {
  canChangeOwnedBy,
  canExport,
  canManage,
  canManageUsers,
  canReadCampaign,
  canSeeContacts,
  displayCreateSchema,
  isDisplayOnline,
  isMasked,
  loginSchema,
  mayCreateShareLink,
  shareLinkCreateSchema,
  type Principal,
} from './principal';

const admin: Principal = { kind: 'user', email: 'admin@example.com', role: 'admin' };
const manager: Principal = { kind: 'user', email: 'asha@example.com', role: 'manager' };
const maskedShare: Principal = { kind: 'share', linkId: 'sl_1', campaignIds: ['c1'], pii: 'masked', contacts: true };
const fullShare: Principal = { kind: 'share', linkId: 'sl_2', campaignIds: ['c1', 'c2'], pii: 'full', contacts: false };
const listDisplay: Principal = { kind: 'display', displayId: 'd_1', campaignIds: ['c2'] };
const activeDisplay: Principal = { kind: 'display', displayId: 'd_2', campaignIds: 'active' };
const active = new Set(['c3']);

describe('canReadCampaign', () => {
  it.each([
    { who: 'a manager, any campaign', principal: manager, campaign: 'c9', allowed: true },
    { who: 'a share link, its campaign', principal: maskedShare, campaign: 'c1', allowed: true },
    { who: 'a share link, another campaign', principal: maskedShare, campaign: 'c2', allowed: false },
    { who: 'a display with a list, listed', principal: listDisplay, campaign: 'c2', allowed: true },
    { who: 'a display with a list, an active one not listed', principal: listDisplay, campaign: 'c3', allowed: false },
    { who: 'an "active" display, an active campaign', principal: activeDisplay, campaign: 'c3', allowed: true },
    { who: 'an "active" display, a finished campaign', principal: activeDisplay, campaign: 'c1', allowed: false },
  ])('$who: $allowed', ({ principal, campaign, allowed }) => {
    expect(canReadCampaign(principal, campaign, active)).toBe(allowed);
  });
});

describe('what each principal sees and does', () => {
  it.each([
    { who: 'admin', principal: admin, masked: false, contacts: true, exports: true, manage: true, users: true },
    { who: 'manager', principal: manager, masked: false, contacts: true, exports: true, manage: true, users: false },
    { who: 'masked share with contacts', principal: maskedShare, masked: true, contacts: true, exports: true, manage: false, users: false },
    { who: 'full share without contacts', principal: fullShare, masked: false, contacts: false, exports: false, manage: false, users: false },
    { who: 'display', principal: activeDisplay, masked: true, contacts: false, exports: false, manage: false, users: false },
  ])('$who', ({ principal, masked, contacts, exports, manage, users }) => {
    expect(isMasked(principal)).toBe(masked);
    expect(canSeeContacts(principal)).toBe(contacts);
    expect(canExport(principal)).toBe(exports);
    expect(canManage(principal)).toBe(manage);
    expect(canManageUsers(principal)).toBe(users);
  });

  it('lets a manager change only their own links, and an admin any', () => {
    expect(canChangeOwnedBy(manager, 'asha@example.com')).toBe(true);
    expect(canChangeOwnedBy(manager, 'ravi@example.com')).toBe(false);
    expect(canChangeOwnedBy(admin, 'ravi@example.com')).toBe(true);
    expect(canChangeOwnedBy(maskedShare, 'asha@example.com')).toBe(false);
  });

  it('lets only an admin share full PII unless the setting allows managers', () => {
    const strict = { managersMayShareFullPii: false };
    expect(mayCreateShareLink(admin, 'full', strict)).toEqual({ ok: true });
    expect(mayCreateShareLink(manager, 'masked', strict)).toEqual({ ok: true });
    expect(mayCreateShareLink(manager, 'full', strict)).toEqual({ ok: false, reason: expect.stringContaining('admin') });
    expect(mayCreateShareLink(manager, 'full', { managersMayShareFullPii: true })).toEqual({ ok: true });
    expect(mayCreateShareLink(fullShare, 'masked', strict).ok).toBe(false);
  });
});

describe('shareLinkCreateSchema', () => {
  it('fills the defaults: 7 days, masked, no contacts', () => {
    expect(shareLinkCreateSchema.parse({ campaignIds: ['c1', 'c1', 'c2'] })).toEqual({
      campaignIds: ['c1', 'c2'],
      ttlHours: 168,
      pii: 'masked',
      contacts: false,
    });
  });

  it.each([
    { case: 'no campaigns', body: { campaignIds: [] } },
    { case: 'a bad campaign id', body: { campaignIds: ['../etc'] } },
    { case: 'under an hour', body: { campaignIds: ['c1'], ttlHours: 0 } },
    { case: 'over 90 days', body: { campaignIds: ['c1'], ttlHours: 2161 } },
    { case: 'a fractional ttl', body: { campaignIds: ['c1'], ttlHours: 1.5 } },
    { case: 'an unknown pii mode', body: { campaignIds: ['c1'], pii: 'some' } },
    { case: 'a long label', body: { campaignIds: ['c1'], label: 'x'.repeat(81) } },
  ])('refuses $case', ({ body }) => {
    expect(shareLinkCreateSchema.safeParse(body).success).toBe(false);
  });

  it('accepts the limits: 1 hour and 90 days, an 80-character label', () => {
    expect(shareLinkCreateSchema.parse({ campaignIds: ['c1'], ttlHours: 1, label: 'x'.repeat(80) }).ttlHours).toBe(1);
    expect(shareLinkCreateSchema.parse({ campaignIds: ['c1'], ttlHours: 2160 }).ttlHours).toBe(2160);
  });
});

describe('displayCreateSchema and loginSchema', () => {
  it('takes a list or "active", and JSON settings of modest size', () => {
    expect(displayCreateSchema.parse({ name: ' Floor 2 ', campaignIds: 'active' })).toEqual({ name: 'Floor 2', campaignIds: 'active', settings: {} });
    expect(displayCreateSchema.parse({ name: 'TV', campaignIds: ['c1'], settings: { rotateSec: 20, tiles: ['connectRate'] } }).settings).toEqual({
      rotateSec: 20,
      tiles: ['connectRate'],
    });
    expect(displayCreateSchema.safeParse({ name: 'TV', campaignIds: 'all' }).success).toBe(false);
    expect(displayCreateSchema.safeParse({ name: 'TV', campaignIds: [], settings: {} }).success).toBe(false);
    expect(displayCreateSchema.safeParse({ name: 'TV', campaignIds: 'active', settings: { blob: 'x'.repeat(5000) } }).success).toBe(false);
  });

  it('normalises the email and caps the password', () => {
    expect(loginSchema.parse({ email: ' Asha@Example.COM ', password: 'pw' }).email).toBe('asha@example.com');
    expect(loginSchema.safeParse({ email: 'not-an-email', password: 'pw' }).success).toBe(false);
    expect(loginSchema.safeParse({ email: 'a@example.com', password: 'x'.repeat(1025) }).success).toBe(false);
  });
});

it('counts a display online for two minutes after it was last heard from', () => {
  expect(isDisplayOnline(null, 1_000)).toBe(false);
  expect(isDisplayOnline(0, 120_000)).toBe(true);
  expect(isDisplayOnline(0, 120_001)).toBe(false);
});
