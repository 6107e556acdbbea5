/**
 * The overview's group picker (F6), shown when the account has several groups. Choosing one
 * changes the page's address (`#account&group=…`), so the page shows that group and a reload or a
 * bookmark keeps it. The list comes from the background's cache and fills in beside the charts,
 * which never wait for it.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import type { GroupList } from '@/utils/messaging/protocol';
import { GROUPS_FACET } from '@/utils/stats/account-groups';
import type { ReportApi } from './report-api';

/**
 * The account's groups for the picker: the cached list at once, again when the background
 * announces a renewed one; the last list stays when a refresh fails (nothing to pick is null).
 */
export function useGroupList(api: Pick<ReportApi, 'getGroups' | 'subscribe'>): { groups: GroupList | null; refreshGroups(): void } {
  const [groups, setGroups] = useState<GroupList | null>(null);
  const ask = (refresh?: boolean) =>
    void api.getGroups(refresh ? { refresh } : {}).then(
      (reply) => {
        if (reply.state === 'data') setGroups(reply.data);
      },
      () => {},
    );
  useEffect(() => {
    ask();
    return api.subscribe((push) => {
      if (push.type === 'facetUpdated' && push.facet === GROUPS_FACET) ask();
    });
  }, [api]);
  return { groups, refreshGroups: () => ask(true) };
}

interface Props {
  /** null until the (cached) list has come. */
  groups: GroupList | null;
  /** The group shown. */
  value: string | null;
  onPick(guid: string): void;
}

export function GroupPicker({ groups, value, onPick }: Props) {
  if (!groups || groups.length < 2) return null;
  return (
    <p class="group-picker">
      <label for="group-picker">{t('reportGroupPicker')}</label>
      <select id="group-picker" data-testid="group-picker" value={value ?? undefined} onChange={(event) => onPick(event.currentTarget.value)}>
        {groups.map((group) => (
          <option key={group.guid} value={group.guid}>
            {group.name}
          </option>
        ))}
      </select>
    </p>
  );
}
