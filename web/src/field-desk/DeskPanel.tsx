import type { User } from '../api/types';
import { can } from '../session/permissions';
import type { Tab } from '../shell/TabStrip';
import { PhonesPanel } from './PhonesPanel';
import { RadioPanel } from './RadioPanel';

/** The tabs of the coordination centre's desk work: radio messages (coordinators), phones (administrators). */
export function deskTabs(user: User): Tab[] {
  return [...(can(user, 'field.radio') ? (['radio'] as const) : []), ...(can(user, 'user.manage') ? (['phones'] as const) : [])];
}

export function DeskPanel({ tab }: { tab: Tab }) {
  if (tab === 'radio') return <RadioPanel />;
  if (tab === 'phones') return <PhonesPanel />;
  return null;
}
