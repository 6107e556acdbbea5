/**
 * Fixed vocabularies the generated data draws from: countries and cities, referrers, devices,
 * destination sites. Plain lists, no logic.
 */

export interface CityInfo {
  city: string;
  subregion: string;
  region: string;
}

/** ISO 3166-1 alpha-2 codes (as Bitly returns them) with a few cities each; some have none. */
export const COUNTRIES: ReadonlyArray<{ code: string; cities: readonly CityInfo[] }> = [
  {
    code: 'US',
    cities: [
      { city: 'New York', subregion: 'New York County', region: 'New York' },
      { city: 'Los Angeles', subregion: 'Los Angeles County', region: 'California' },
      { city: 'Chicago', subregion: 'Cook County', region: 'Illinois' },
      { city: 'San Francisco', subregion: 'San Francisco County', region: 'California' },
      { city: 'Seattle', subregion: 'King County', region: 'Washington' },
      { city: 'Austin', subregion: 'Travis County', region: 'Texas' },
    ],
  },
  {
    code: 'GB',
    cities: [
      { city: 'London', subregion: 'Greater London', region: 'England' },
      { city: 'Manchester', subregion: 'Greater Manchester', region: 'England' },
      { city: 'Edinburgh', subregion: 'City of Edinburgh', region: 'Scotland' },
    ],
  },
  {
    code: 'DE',
    cities: [
      { city: 'Berlin', subregion: 'Berlin', region: 'Berlin' },
      { city: 'Munich', subregion: 'Upper Bavaria', region: 'Bavaria' },
      { city: 'Hamburg', subregion: 'Hamburg', region: 'Hamburg' },
      { city: 'Cologne', subregion: 'Cologne District', region: 'North Rhine-Westphalia' },
    ],
  },
  {
    code: 'FR',
    cities: [
      { city: 'Paris', subregion: 'Paris', region: 'Île-de-France' },
      { city: 'Lyon', subregion: 'Rhône', region: 'Auvergne-Rhône-Alpes' },
    ],
  },
  {
    code: 'CA',
    cities: [
      { city: 'Toronto', subregion: 'Toronto', region: 'Ontario' },
      { city: 'Vancouver', subregion: 'Metro Vancouver', region: 'British Columbia' },
      { city: 'Montréal', subregion: 'Montréal', region: 'Quebec' },
    ],
  },
  {
    code: 'IN',
    cities: [
      { city: 'Mumbai', subregion: 'Mumbai Suburban', region: 'Maharashtra' },
      { city: 'Bengaluru', subregion: 'Bangalore Urban', region: 'Karnataka' },
    ],
  },
  {
    code: 'BR',
    cities: [
      { city: 'São Paulo', subregion: 'São Paulo', region: 'São Paulo' },
      { city: 'Rio de Janeiro', subregion: 'Rio de Janeiro', region: 'Rio de Janeiro' },
    ],
  },
  {
    code: 'JP',
    cities: [
      { city: 'Tokyo', subregion: 'Tokyo', region: 'Tokyo' },
      { city: 'Osaka', subregion: 'Osaka', region: 'Osaka' },
    ],
  },
  {
    code: 'AU',
    cities: [
      { city: 'Sydney', subregion: 'Sydney', region: 'New South Wales' },
      { city: 'Melbourne', subregion: 'Melbourne', region: 'Victoria' },
    ],
  },
  { code: 'ES', cities: [{ city: 'Madrid', subregion: 'Madrid', region: 'Community of Madrid' }, { city: 'Barcelona', subregion: 'Barcelona', region: 'Catalonia' }] },
  { code: 'IT', cities: [{ city: 'Rome', subregion: 'Rome', region: 'Lazio' }, { city: 'Milan', subregion: 'Milan', region: 'Lombardy' }] },
  { code: 'NL', cities: [{ city: 'Amsterdam', subregion: 'Amsterdam', region: 'North Holland' }] },
  { code: 'MX', cities: [{ city: 'Mexico City', subregion: 'Mexico City', region: 'Mexico City' }] },
  { code: 'SE', cities: [{ city: 'Stockholm', subregion: 'Stockholm', region: 'Stockholm County' }] },
  { code: 'NG', cities: [{ city: 'Lagos', subregion: 'Lagos', region: 'Lagos' }] },
  { code: 'ZA', cities: [{ city: 'Johannesburg', subregion: 'City of Johannesburg', region: 'Gauteng' }] },
  { code: 'KR', cities: [{ city: 'Seoul', subregion: 'Seoul', region: 'Seoul' }] },
  { code: 'PL', cities: [{ city: 'Warsaw', subregion: 'Warsaw', region: 'Masovian' }] },
  { code: 'IE', cities: [{ city: 'Dublin', subregion: 'Dublin', region: 'Leinster' }] },
  { code: 'SG', cities: [{ city: 'Singapore', subregion: 'Singapore', region: 'Singapore' }] },
  { code: 'CH', cities: [] },
  { code: 'AT', cities: [] },
  { code: 'BE', cities: [] },
  { code: 'DK', cities: [] },
  { code: 'NO', cities: [] },
  { code: 'PT', cities: [] },
  { code: 'AR', cities: [] },
  { code: 'PH', cities: [] },
  { code: 'ID', cities: [] },
  { code: 'TR', cities: [] },
];

/**
 * Where the odd link's unplaced clicks come from. Bitly documents no value for clicks it cannot
 * place in a country (v4.json: `value` is any string); `None` is a guess the extension must
 * survive like any other non-code.
 */
export const UNKNOWN_COUNTRY: (typeof COUNTRIES)[number] = { code: 'None', cities: [] };

/**
 * A referrer named like a spreadsheet formula (the odd link's): Bitly passes referrer names and
 * pages through as strings, so an export must keep them inert.
 */
export const HOSTILE_REFERRER: (typeof REFERRING_DOMAINS)[number] = {
  domain: 'evil.example',
  platform: '=HYPERLINK("http://evil","x")',
  paths: ['https://evil.example/=cmd|calc'],
};

/**
 * Referring domains and the platform (Bitly's `referrers` facet value) each belongs to.
 * `paths` are the referring pages reported by `referrers_by_domains`.
 */
export const REFERRING_DOMAINS: ReadonlyArray<{ domain: string; platform: string; paths: readonly string[] }> = [
  { domain: 'direct', platform: 'direct', paths: ['direct'] },
  { domain: 'l.instagram.com', platform: 'Instagram', paths: ['https://l.instagram.com/'] },
  { domain: 'qr.partners.bit.ly', platform: 'Bitly QR Code', paths: ['https://qr.partners.bit.ly/'] },
  { domain: 't.co', platform: 'Twitter', paths: ['https://t.co/', 'https://t.co/x7Kp2LmQa9'] },
  { domain: 'l.facebook.com', platform: 'Facebook', paths: ['https://l.facebook.com/'] },
  { domain: 'lm.facebook.com', platform: 'Facebook', paths: ['https://lm.facebook.com/'] },
  { domain: 'www.linkedin.com', platform: 'LinkedIn', paths: ['https://www.linkedin.com/', 'https://www.linkedin.com/feed/'] },
  { domain: 'lnkd.in', platform: 'LinkedIn', paths: ['https://lnkd.in/'] },
  { domain: 'www.google.com', platform: 'Google', paths: ['https://www.google.com/'] },
  { domain: 'out.reddit.com', platform: 'Reddit', paths: ['https://out.reddit.com/'] },
  { domain: 'www.youtube.com', platform: 'YouTube', paths: ['https://www.youtube.com/'] },
  { domain: 'mail.google.com', platform: 'Gmail', paths: ['https://mail.google.com/'] },
  { domain: 'news.ycombinator.com', platform: 'Hacker News', paths: ['https://news.ycombinator.com/', 'https://news.ycombinator.com/item'] },
  { domain: 'www.tiktok.com', platform: 'TikTok', paths: ['https://www.tiktok.com/'] },
  { domain: 'app.slack.com', platform: 'Slack', paths: ['https://app.slack.com/'] },
];

export const DEVICE_TYPES: readonly string[] = ['Mobile', 'Desktop', 'Tablet', 'Other'];

/** Sites destinations are drawn from: host, a path pattern (`#` = digit, `%` = digit 1-9, `*` = word) and a site name. */
export const DESTINATION_SITES: ReadonlyArray<{ base: string; path: string; site: string }> = [
  { base: 'https://www.nytimes.com', path: '/2026/0%/1#/technology/*-*.html', site: 'The New York Times' },
  { base: 'https://www.theguardian.com', path: '/world/2026/*/*-*', site: 'The Guardian' },
  { base: 'https://github.com', path: '/*/*', site: 'GitHub' },
  { base: 'https://en.wikipedia.org', path: '/wiki/*_*', site: 'Wikipedia' },
  { base: 'https://www.youtube.com', path: '/watch?v=*##*', site: 'YouTube' },
  { base: 'https://medium.com', path: '/@*/*-*-#####', site: 'Medium' },
  { base: 'https://docs.google.com', path: '/forms/d/e/*##*/viewform', site: 'Google Forms' },
  { base: 'https://www.eventbrite.com', path: '/e/*-*-tickets-##########', site: 'Eventbrite' },
  { base: 'https://open.spotify.com', path: '/episode/*##*', site: 'Spotify' },
  { base: 'https://www.amazon.com', path: '/dp/B0###*##', site: 'Amazon.com' },
  { base: 'https://www.etsy.com', path: '/listing/#########/*-*', site: 'Etsy' },
  { base: 'https://shop.acme.example', path: '/products/*-*?variant=#####', site: 'Acme Shop' },
  { base: 'https://www.bbc.co.uk', path: '/news/*-########', site: 'BBC News' },
  { base: 'https://www.reuters.com', path: '/business/*-*-2026-0%-2#/', site: 'Reuters' },
  { base: 'https://apps.apple.com', path: '/us/app/*/id#########', site: 'App Store' },
  { base: 'https://play.google.com', path: '/store/apps/details?id=com.*.*', site: 'Google Play' },
  { base: 'https://www.figma.com', path: '/file/*##*/*', site: 'Figma' },
  { base: 'https://www.ted.com', path: '/talks/*_*_*', site: 'TED' },
  { base: 'https://arxiv.org', path: '/abs/2###.#####', site: 'arXiv' },
  { base: 'https://www.kickstarter.com', path: '/projects/*/*-*', site: 'Kickstarter' },
  { base: 'https://www.meetup.com', path: '/*-*/events/#########/', site: 'Meetup' },
  { base: 'https://www.airbnb.com', path: '/rooms/########', site: 'Airbnb' },
  { base: 'https://www.nature.com', path: '/articles/s41586-02#-#####-#', site: 'Nature' },
  { base: 'https://stackoverflow.com', path: '/questions/########/*-*-*', site: 'Stack Overflow' },
  { base: 'https://developer.mozilla.org', path: '/en-US/docs/Web/API/*', site: 'MDN Web Docs' },
  { base: 'https://www.npmjs.com', path: '/package/*-*', site: 'npm' },
  { base: 'https://www.spiegel.de', path: '/wirtschaft/*-*-a-####', site: 'DER SPIEGEL' },
  { base: 'https://www.lemonde.fr', path: '/economie/article/2026/0%/1#/*-*_######_####.html', site: 'Le Monde' },
  { base: 'https://www.zeit.de', path: '/kultur/2026-0%/*-*', site: 'ZEIT ONLINE' },
  { base: 'https://weekly.substack.com', path: '/p/*-*-*', site: 'The Weekly' },
  { base: 'https://www.linkedin.com', path: '/pulse/*-*-*-#####', site: 'LinkedIn' },
  { base: 'https://zoom.us', path: '/j/##########', site: 'Zoom' },
  { base: 'https://blog.acme.example', path: '/2026/0%/*-*', site: 'Acme Blog' },
  { base: 'https://careers.acme.example', path: '/jobs/####/*-*', site: 'Acme Careers' },
  { base: 'https://www.instagram.com', path: '/p/*##*/', site: 'Instagram' },
  { base: 'https://www.tiktok.com', path: '/@*/video/###################', site: 'TikTok' },
];

export const WORDS: readonly string[] = [
  'spring', 'launch', 'report', 'guide', 'summit', 'update', 'sale', 'podcast', 'webinar', 'recipe',
  'climate', 'city', 'design', 'future', 'market', 'review', 'garden', 'travel', 'health', 'budget',
  'studio', 'open', 'data', 'ocean', 'music', 'festival', 'winter', 'startup', 'energy', 'library',
  'coffee', 'bike', 'school', 'career', 'photo', 'river', 'night', 'local', 'craft', 'science',
];

export const TITLE_PATTERNS: readonly string[] = [
  'The * * everyone is talking about',
  '* * 2026: what to expect',
  'How we rebuilt our * *',
  '* and *: a short guide',
  'Join our * * this week',
  '10 ideas for your next *',
  'Why * matters for *',
  '* * — full episode',
  'Get 30% off * * today',
  'Notes on * *',
];
