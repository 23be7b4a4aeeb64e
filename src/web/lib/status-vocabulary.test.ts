import { describe, expect, it } from 'vitest';
import styles from '@/styles.css?raw';
import { CALL_STATUSES } from '@domain/call-status';
import { CAMPAIGN_STATUSES } from '@domain/campaign-status';
import { CAMPAIGN_STATUS_ORDER, CALL_STATUS_ORDER, campaignStatusConfig, contactStatusConfig } from './status-vocabulary';

const declared = (variable: string) => new RegExp(`^\\s*${variable}:`, 'm').test(styles);

describe('status vocabulary', () => {
  it('lists every status once', () => {
    expect([...CALL_STATUS_ORDER].sort()).toEqual([...CALL_STATUSES].sort());
    expect([...CAMPAIGN_STATUS_ORDER].sort()).toEqual([...CAMPAIGN_STATUSES].sort());
  });

  it('only names colours that styles.css declares', () => {
    const styles = [...Object.values(contactStatusConfig), ...Object.values(campaignStatusConfig)];
    const variables = styles.flatMap((style) => [style.color, style.softColor]).map((color) => /^var\((--[\w-]+)\)$/.exec(color)?.[1]);
    expect(variables.length).toBe(2 * (CALL_STATUSES.length + 1 + CAMPAIGN_STATUSES.length));
    for (const variable of variables) expect(variable && declared(variable), String(variable)).toBe(true);
  });
});
