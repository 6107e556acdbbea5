/**
 * Runtime shapes of the Bitly v4 responses the extension reads (STYLE.md "Validate at the edge").
 *
 * Only the fields the extension uses are declared, and only what the UI cannot do without is
 * required; every object is a `looseObject`, so fields we do not declare pass through untouched.
 * Field names follow `bitly-api/v4.json` (schema names given per export); the contract tests check
 * every declared key against the spec.
 *
 * valibot is used because it validates without generating code (`new Function` is forbidden by
 * the MV3 content-security policy).
 */
import * as v from 'valibot';

const TIME_UNITS = ['minute', 'hour', 'day', 'week', 'month'] as const;
/** Spec schema `TimeUnit`. */
export const TimeUnitSchema = v.picklist(TIME_UNITS);
export type TimeUnit = v.InferOutput<typeof TimeUnitSchema>;

/** A click or link count: a non-negative integer. */
const Count = v.pipe(v.number(), v.integer(), v.minValue(0));
/** `units` echoes the request: a positive integer or -1 ("all history"). */
const Units = v.pipe(v.number(), v.integer());
const OptionalStrings = v.optional(v.array(v.string()));

/** Fields shared by the metrics responses (spec `BaseMetrics`); optional because the UI knows
 * what it asked for. */
const metricsEcho = {
  unit: v.optional(v.string()),
  units: v.optional(Units),
  unit_reference: v.optional(v.string()),
} as const;

// ---------------------------------------------------------------------------------------------
// Account

/** `GET /v4/user` → spec `User`. */
export const UserSchema = v.looseObject({
  login: v.string(),
  name: v.optional(v.string()),
  default_group_guid: v.string(),
  is_active: v.optional(v.boolean()),
});
export type User = v.InferOutput<typeof UserSchema>;

/** `GET /v4/groups/{group_guid}` → spec `Group`. */
export const GroupSchema = v.looseObject({
  guid: v.string(),
  name: v.string(),
  organization_guid: v.string(),
  is_active: v.optional(v.boolean()),
  role: v.optional(v.string()),
  bsds: OptionalStrings,
});
export type Group = v.InferOutput<typeof GroupSchema>;

/** `GET /v4/groups/{group_guid}/preferences` → spec `GroupPreferences`: the group's default short domain. */
export const GroupPreferencesSchema = v.looseObject({
  group_guid: v.string(),
  domain_preference: v.optional(v.string()),
});
export type GroupPreferences = v.InferOutput<typeof GroupPreferencesSchema>;

/** `GET /v4/groups` → spec `Groups`. */
export const GroupsSchema = v.looseObject({
  groups: v.array(GroupSchema),
});
export type Groups = v.InferOutput<typeof GroupsSchema>;

/** Spec `Organization` (an item of `Organizations`). */
export const OrganizationSchema = v.looseObject({
  guid: v.string(),
  name: v.string(),
  tier: v.string(),
  tier_display_name: v.optional(v.string()),
  tier_family: v.optional(v.string()),
  is_active: v.optional(v.boolean()),
  bsds: OptionalStrings,
});
export type Organization = v.InferOutput<typeof OrganizationSchema>;

/** `GET /v4/organizations` → spec `Organizations`. */
export const OrganizationsSchema = v.looseObject({
  organizations: v.array(OrganizationSchema),
});
export type Organizations = v.InferOutput<typeof OrganizationsSchema>;

/** `GET /v4/bsds` → spec `BSDsResponse`. */
export const BsdsSchema = v.looseObject({
  bsds: v.array(v.string()),
});
export type Bsds = v.InferOutput<typeof BsdsSchema>;

// ---------------------------------------------------------------------------------------------
// Links

/** `POST /v4/expand` → spec `ExpandedBitlink`. */
export const ExpandedBitlinkSchema = v.looseObject({
  id: v.string(),
  long_url: v.string(),
  link: v.optional(v.string()),
  created_at: v.optional(v.string()),
});
export type ExpandedBitlink = v.InferOutput<typeof ExpandedBitlinkSchema>;

/** `GET /v4/bitlinks/{bitlink}`, and the items of link lists → spec `BitlinkBody`. */
export const BitlinkSchema = v.looseObject({
  id: v.string(),
  long_url: v.string(),
  link: v.optional(v.string()),
  // Display-only. The spec says string; null is accepted too rather than failing a whole
  // response over a missing title.
  title: v.nullish(v.string()),
  created_at: v.optional(v.string()),
  archived: v.optional(v.boolean()),
  tags: OptionalStrings,
  custom_bitlinks: OptionalStrings,
});
export type Bitlink = v.InferOutput<typeof BitlinkSchema>;

/** `POST /v4/shorten` (200 or 201) → spec `ShortenBitlinkBody`. */
export const ShortenedBitlinkSchema = v.looseObject({
  id: v.string(),
  link: v.string(),
  long_url: v.string(),
  created_at: v.optional(v.string()),
  archived: v.optional(v.boolean()),
});
export type ShortenedBitlink = v.InferOutput<typeof ShortenedBitlinkSchema>;

// ---------------------------------------------------------------------------------------------
// Link metrics

/** `GET /v4/bitlinks/{bitlink}/clicks` → spec `Clicks`. */
export const ClicksSchema = v.looseObject({
  link_clicks: v.array(v.looseObject({ clicks: Count, date: v.string() })),
  unit: TimeUnitSchema,
  units: Units,
  unit_reference: v.optional(v.string()),
});
export type Clicks = v.InferOutput<typeof ClicksSchema>;

/** `GET /v4/bitlinks/{bitlink}/clicks/summary` → spec `ClicksSummary`. */
export const ClicksSummarySchema = v.looseObject({
  total_clicks: Count,
  unit: TimeUnitSchema,
  units: Units,
  unit_reference: v.optional(v.string()),
});
export type ClicksSummary = v.InferOutput<typeof ClicksSummarySchema>;

/**
 * Countries, referrers, referring domains (link), countries and referring networks (group)
 * → spec `ClickMetrics`. Rows are `{clicks, value}` with the label in `value`.
 */
export const ClickMetricsSchema = v.looseObject({
  facet: v.string(),
  metrics: v.array(v.looseObject({ clicks: Count, value: v.string() })),
  ...metricsEcho,
});
export type ClickMetrics = v.InferOutput<typeof ClickMetricsSchema>;

/** Cities (premium) → spec `CityMetrics`. */
export const CityMetricsSchema = v.looseObject({
  facet: v.string(),
  metrics: v.array(
    v.looseObject({
      clicks: Count,
      city: v.string(),
      country: v.string(),
      region: v.optional(v.string()),
      subregion: v.optional(v.string()),
    }),
  ),
  other_metrics: v.optional(
    v.looseObject({
      other_city_clicks: v.optional(Count),
      no_city_clicks: v.optional(Count),
    }),
  ),
  ...metricsEcho,
});
export type CityMetrics = v.InferOutput<typeof CityMetricsSchema>;

/** Devices (premium) → spec `DeviceMetrics`. */
export const DeviceMetricsSchema = v.looseObject({
  facet: v.string(),
  metrics: v.array(v.looseObject({ clicks: Count, device_type: v.string() })),
  ...metricsEcho,
});
export type DeviceMetrics = v.InferOutput<typeof DeviceMetricsSchema>;

/** Spec `Metric`: `{key, value}` with the label in `key` and the **count** in `value`. */
const KeyCountSchema = v.looseObject({ key: v.string(), value: Count });

/** `GET /v4/bitlinks/{bitlink}/referrers_by_domains` → spec `ReferrersByDomains`. */
export const ReferrersByDomainsSchema = v.looseObject({
  facet: v.string(),
  referrers_by_domain: v.array(
    v.looseObject({
      network: v.string(),
      referrers: v.array(KeyCountSchema),
    }),
  ),
  ...metricsEcho,
});
export type ReferrersByDomains = v.InferOutput<typeof ReferrersByDomainsSchema>;

// ---------------------------------------------------------------------------------------------
// QR code

/** `image_format` of `GET /v4/bitlinks/{bitlink}/qr` → spec parameter `ImageFormat`. */
export const QrImageFormatSchema = v.picklist(['png', 'svg']);
export type QrImageFormat = v.InferOutput<typeof QrImageFormatSchema>;

/**
 * `GET /v4/bitlinks/{bitlink}/qr` → spec `FullQRCode`. `qr_code` is a data URI the pages check
 * again (utils/qr/data-uri.ts) before showing it.
 */
export const FullQRCodeSchema = v.looseObject({
  id: v.optional(v.string()),
  link: v.optional(v.string()),
  qr_code: v.pipe(v.string(), v.maxLength(2_000_000)),
  is_hidden: v.optional(v.boolean()),
});
export type FullQRCode = v.InferOutput<typeof FullQRCodeSchema>;

// ---------------------------------------------------------------------------------------------
// Group and organization metrics

/** `GET /v4/groups/{group_guid}/clicks` → spec `GroupClicks`. */
export const GroupClicksSchema = v.looseObject({
  data: v.array(v.looseObject({ ts: v.string(), count: Count })),
  ...metricsEcho,
});
export type GroupClicks = v.InferOutput<typeof GroupClicksSchema>;

/** Group and organization `shorten_counts` → spec `Metrics`. */
export const ShortenCountsSchema = v.looseObject({
  metrics: v.array(KeyCountSchema),
  facet: v.optional(v.string()),
  ...metricsEcho,
});
export type ShortenCounts = v.InferOutput<typeof ShortenCountsSchema>;

/** `GET /v4/groups/{group_guid}/bitlinks/clicks` → spec `SortedLinks`. */
export const SortedLinksSchema = v.looseObject({
  links: v.array(BitlinkSchema),
  sorted_links: v.array(v.looseObject({ clicks: Count, id: v.string() })),
});
export type SortedLinks = v.InferOutput<typeof SortedLinksSchema>;

/** `GET /v4/groups/{group_guid}/bitlinks` → spec `Bitlinks` (pagination: `BitlinksPagination`). */
export const GroupBitlinksSchema = v.looseObject({
  links: v.array(BitlinkSchema),
  pagination: v.looseObject({
    next: v.optional(v.string()),
    search_after: v.optional(v.string()),
    size: v.optional(Count),
  }),
});
export type GroupBitlinks = v.InferOutput<typeof GroupBitlinksSchema>;

// ---------------------------------------------------------------------------------------------
// Errors

/**
 * Error bodies → spec `Error` (400, 402, 403, 404, 410, 417, 422, 5xx) and `SimplifiedError`
 * (429, no `errors`). `message` is the machine code such as `FORBIDDEN`.
 */
export const ErrorBodySchema = v.looseObject({
  message: v.string(),
  description: v.optional(v.string()),
  resource: v.optional(v.string()),
  errors: v.optional(
    v.array(
      v.looseObject({
        field: v.optional(v.string()),
        error_code: v.optional(v.string()),
        message: v.optional(v.string()),
      }),
    ),
  ),
});
export type ErrorBody = v.InferOutput<typeof ErrorBodySchema>;
