/**
 * The overview's group picker (F6), shown when the account has several groups. Choosing one
 * changes the page's address (`#account&group=…`), so the page shows that group and a reload or a
 * bookmark keeps it.
 */
import { t } from '@/utils/i18n';
import type { GroupsReply } from '@/utils/messaging/protocol';

interface Props {
  groups: GroupsReply | null;
  /** The group shown. */
  value: string | null;
  onPick(guid: string): void;
}

export function GroupPicker({ groups, value, onPick }: Props) {
  if (!groups?.ok || groups.groups.length < 2) return null;
  return (
    <p class="group-picker">
      <label for="group-picker">{t('reportGroupPicker')}</label>
      <select id="group-picker" data-testid="group-picker" value={value ?? undefined} onChange={(event) => onPick(event.currentTarget.value)}>
        {groups.groups.map((group) => (
          <option key={group.guid} value={group.guid}>
            {group.name}
          </option>
        ))}
      </select>
    </p>
  );
}
