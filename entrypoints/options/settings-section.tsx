import { useEffect, useState } from 'preact/hooks';
import { t, type MessageKey } from '@/utils/i18n';
import type { GroupsReply } from '@/utils/messaging/protocol';
import type { sendMessage } from '@/utils/messaging/send';
import { RANGES, UNITS } from '@/utils/settings/defaults';
import type { Settings, SettingsPatch } from '@/utils/settings/settings-schema';
import { CARD_METRIC_FACETS as CARD_FACETS } from '@/utils/stats/facet-names';
import { parseSiteList } from '@/utils/settings/site-rules';

const unitLabel: Record<Settings['unit'], MessageKey> = {
  hour: 'settingsUnitHour',
  day: 'settingsUnitDay',
  week: 'settingsUnitWeek',
  month: 'settingsUnitMonth',
};
const rangeLabel: Record<Settings['range'], MessageKey> = {
  '7d': 'settingsRange7',
  '30d': 'settingsRange30',
  '90d': 'settingsRange90',
  all: 'settingsRangeAll',
};
const facetLabel: Record<(typeof CARD_FACETS)[number], MessageKey> = {
  clicks: 'settingsFacetClicks',
  countries: 'settingsFacetCountries',
  referrers: 'settingsFacetReferrers',
};

type Notice = { kind: 'saved' } | { kind: 'cleared' } | { kind: 'error'; key: MessageKey } | null;

/** Settings (F4): every change is checked by the background, saved at once and applied everywhere. */
export function SettingsSection({ send, signedIn }: { send: typeof sendMessage; signedIn: boolean }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [groups, setGroups] = useState<GroupsReply | null>(null);
  const [sites, setSites] = useState('');
  const [notice, setNotice] = useState<Notice>(null);

  useEffect(() => {
    send('getSettings', {}).then((s) => {
      setSettings(s);
      setSites(s.disabledSites.join('\n'));
    });
  }, [send]);
  useEffect(() => {
    if (signedIn) send('getGroups', {}).then(setGroups, () => setGroups(null));
    else setGroups(null);
  }, [send, signedIn]);

  async function change(patch: SettingsPatch) {
    try {
      setSettings(await send('updateSettings', patch));
      setNotice({ kind: 'saved' });
    } catch {
      setNotice({ kind: 'error', key: 'settingsNotSaved' });
    }
  }

  function saveSites() {
    const { hosts, invalid } = parseSiteList(sites);
    if (invalid.length) {
      setNotice({ kind: 'error', key: 'settingsSitesInvalid' });
      return;
    }
    setSites(hosts.join('\n'));
    void change({ disabledSites: hosts });
  }

  async function clearCache() {
    await send('clearCache', {});
    setNotice({ kind: 'cleared' });
  }

  if (!settings) return <section class="card" aria-busy="true" />;
  return (
    <section class="card settings" aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('settingsHeading')}</h2>

      <fieldset>
        <legend>{t('settingsHoverLegend')}</legend>
        <label class="check">
          <input type="checkbox" checked={settings.hoverEnabled} onChange={(e) => change({ hoverEnabled: e.currentTarget.checked })} />
          {t('settingsHoverEnabled')}
        </label>
        <label for="hover-delay">{t('settingsHoverDelay')}</label>
        <input
          id="hover-delay"
          type="number"
          min={0}
          max={3000}
          step={50}
          value={settings.hoverDelayMs}
          disabled={!settings.hoverEnabled}
          onChange={(e) => {
            const value = e.currentTarget.valueAsNumber;
            if (Number.isInteger(value) && value >= 0 && value <= 3000) void change({ hoverDelayMs: value });
            else setNotice({ kind: 'error', key: 'settingsDelayInvalid' });
          }}
        />
        <div role="group" aria-labelledby="facets-label">
          <span id="facets-label">{t('settingsCardFacets')}</span>
          {CARD_FACETS.map((facet) => (
            <label class="check" key={facet}>
              <input
                type="checkbox"
                checked={settings.cardFacets.includes(facet)}
                onChange={(e) =>
                  change({
                    cardFacets: e.currentTarget.checked
                      ? CARD_FACETS.filter((f) => f === facet || settings.cardFacets.includes(f))
                      : settings.cardFacets.filter((f) => f !== facet),
                  })
                }
              />
              {t(facetLabel[facet])}
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('settingsSitesLegend')}</legend>
        <label for="disabled-sites">{t('settingsSitesLabel')}</label>
        <textarea id="disabled-sites" rows={3} spellcheck={false} value={sites} onInput={(e) => setSites(e.currentTarget.value)} onBlur={saveSites} />
      </fieldset>

      <fieldset>
        <legend>{t('settingsStatsLegend')}</legend>
        <div class="row">
          <label>
            {t('settingsUnit')}
            <select value={settings.unit} onChange={(e) => change({ unit: e.currentTarget.value as Settings['unit'] })}>
              {UNITS.map((unit) => (
                <option value={unit} key={unit}>
                  {t(unitLabel[unit])}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('settingsRange')}
            <select value={settings.range} onChange={(e) => change({ range: e.currentTarget.value as Settings['range'] })}>
              {RANGES.map((range) => (
                <option value={range} key={range}>
                  {t(rangeLabel[range])}
                </option>
              ))}
            </select>
          </label>
        </div>
        {groups?.state === 'data' && groups.data.length > 0 && (
          <label>
            {t('settingsDefaultGroup')}
            <select value={settings.defaultGroupGuid ?? ''} onChange={(e) => change({ defaultGroupGuid: e.currentTarget.value || null })}>
              <option value="">{t('settingsDefaultGroupAccount')}</option>
              {groups.data.map((g) => (
                <option value={g.guid} key={g.guid}>
                  {g.name}
                </option>
              ))}
            </select>
          </label>
        )}
      </fieldset>

      <fieldset>
        <legend>{t('settingsCacheLegend')}</legend>
        <label for="cache-lifetime">{t('settingsCacheLifetime')}</label>
        <input
          id="cache-lifetime"
          type="number"
          min={1}
          max={1440}
          value={settings.cacheLifetimeMinutes}
          onChange={(e) => {
            const value = e.currentTarget.valueAsNumber;
            if (Number.isInteger(value) && value >= 1 && value <= 1440) void change({ cacheLifetimeMinutes: value });
            else setNotice({ kind: 'error', key: 'settingsLifetimeInvalid' });
          }}
        />
        <button type="button" onClick={clearCache}>
          {t('settingsClearCache')}
        </button>
      </fieldset>

      <div role="status" aria-live="polite" id="settings-status">
        {notice?.kind === 'saved' && <p class="notice success">{t('settingsSaved')}</p>}
        {notice?.kind === 'cleared' && <p class="notice success">{t('settingsCacheCleared')}</p>}
        {notice?.kind === 'error' && <p class="notice error">{t(notice.key)}</p>}
      </div>
    </section>
  );
}
