// What a wallboard shows and how: defaults, then the display's settings held on the server, then the URL, each
// parsed by one schema. A bad value is dropped (the layer below wins), never an error: a typo in a TV's URL must
// not turn the screen into an error page.
import { z } from 'zod';
import { campaignIdSchema } from '@domain/campaign-id';

export type WallboardTheme = 'dark' | 'light';
/** `auto`: one campaign shows its own view; more show the grid pages, then each campaign in turn. */
export type WallboardView = 'auto' | 'campaign' | 'grid';

export interface WallboardSettings {
  theme: WallboardTheme;
  rotateSec: number;
  /**
   * Campaign ids to show, in this order; `active` (every running or paused campaign listed); or `all` (every
   * campaign the server lists: a display's own scope).
   */
  campaigns: readonly string[] | 'active' | 'all';
  view: WallboardView;
  /** Burn-in protection: the canvas drifts a few pixels every few minutes. */
  drift: boolean;
  /** Local time of the daily clean reload, minutes after midnight. */
  reloadAtMin: number;
  /** Night dimming between two local times (minutes after midnight), or off. */
  dim: { fromMin: number; toMin: number } | null;
}

export const DEFAULT_SETTINGS: WallboardSettings = {
  theme: 'dark',
  rotateSec: 20,
  campaigns: 'active',
  view: 'auto',
  drift: true,
  reloadAtMin: 4 * 60,
  dim: null,
};

const clock = /^([01]?\d|2[0-3]):([0-5]\d)$/;
function minutesOf(text: string): number | null {
  const match = clock.exec(text.trim());
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

const clockSchema = z.string().transform((text, ctx) => minutesOf(text) ?? (ctx.addIssue({ code: 'custom', message: 'HH:MM' }), z.NEVER));
const booleanish = z.union([z.boolean(), z.enum(['true', 'false', '1', '0', 'on', 'off']).transform((text) => ['true', '1', 'on'].includes(text))]);
const campaignsSchema = z.union([
  z.enum(['active', 'all']),
  z.array(campaignIdSchema).min(1).max(50),
  z
    .string()
    .transform((text) => text.split(',').map((id) => id.trim()).filter(Boolean))
    .pipe(z.array(campaignIdSchema).min(1).max(50)),
]);
const dimSchema = z.union([
  z.literal('off').transform(() => null),
  z.literal(false).transform(() => null),
  z
    .string()
    .transform((text, ctx) => {
      const [from, to] = text.split('-').map((part) => minutesOf(part));
      if (from === undefined || to === undefined || from === null || to === null) return (ctx.addIssue({ code: 'custom', message: 'HH:MM-HH:MM' }), z.NEVER);
      return { fromMin: from, toMin: to };
    }),
]);

/** One layer of settings (the display's JSON, or the URL's search params): every field optional, bad ones dropped. */
export const wallboardSettingsLayerSchema = z.object({
  theme: z.enum(['dark', 'light']).optional().catch(undefined),
  rotate: z.coerce.number().int().min(5).max(3600).optional().catch(undefined),
  campaigns: campaignsSchema.optional().catch(undefined),
  view: z.enum(['auto', 'campaign', 'grid']).optional().catch(undefined),
  drift: booleanish.optional().catch(undefined),
  reload: clockSchema.optional().catch(undefined),
  dim: dimSchema.optional().catch(undefined),
});
export type WallboardSettingsLayer = z.infer<typeof wallboardSettingsLayerSchema>;

function layer(input: unknown): WallboardSettingsLayer {
  const parsed = wallboardSettingsLayerSchema.safeParse(input ?? {});
  return parsed.success ? parsed.data : {};
}

function apply(base: WallboardSettings, over: WallboardSettingsLayer): WallboardSettings {
  return {
    theme: over.theme ?? base.theme,
    rotateSec: over.rotate ?? base.rotateSec,
    campaigns: over.campaigns ?? base.campaigns,
    view: over.view ?? base.view,
    drift: over.drift ?? base.drift,
    reloadAtMin: over.reload ?? base.reloadAtMin,
    dim: over.dim === undefined ? base.dim : over.dim,
  };
}

/**
 * Defaults, then the display's settings, then the URL (`?theme=light&rotate=30&campaigns=a,b&view=grid`). A display
 * shows its whole scope by default; a manager's wallboard, the active campaigns.
 */
export function resolveSettings(displaySettings: unknown, search: URLSearchParams, defaults: WallboardSettings = DEFAULT_SETTINGS): WallboardSettings {
  return apply(apply(defaults, layer(displaySettings)), layer(Object.fromEntries(search)));
}

/** Whether a local time (minutes after midnight) falls in the dimming window, which may cross midnight. */
export function isDimmed(dim: WallboardSettings['dim'], minuteOfDay: number): boolean {
  if (!dim || dim.fromMin === dim.toMin) return false;
  return dim.fromMin < dim.toMin ? minuteOfDay >= dim.fromMin && minuteOfDay < dim.toMin : minuteOfDay >= dim.fromMin || minuteOfDay < dim.toMin;
}
