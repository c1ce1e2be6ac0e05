import { useTranslation } from 'react-i18next';
import type { Patrol, User } from '../api/types';
import { PatrolCard } from './PatrolCard';

interface PatrolsPanelProps {
  patrols: readonly Patrol[];
  user: User;
  selectedId: string | null;
  canPlan: boolean;
  trackPoints: number | null;
  onPlan: () => void;
  onEdit: (patrol: Patrol) => void;
  onSelect: (patrol: Patrol) => void;
  onChanged: (patrol: Patrol) => void;
}

export function PatrolsPanel(props: PatrolsPanelProps) {
  const { t } = useTranslation();
  return (
    <div className="patrols-panel">
      <div className="panel-toolbar">
        <h2>{t('patrol.title')}</h2>
        {props.canPlan && (
          <button type="button" className="primary" data-verb="patrol.create" onClick={props.onPlan}>
            {t('patrol.plan')}
          </button>
        )}
      </div>
      {props.patrols.length === 0 && <p className="empty">{t('patrol.empty')}</p>}
      {props.patrols.map((patrol) => (
        <PatrolCard
          key={patrol.id}
          patrol={patrol}
          user={props.user}
          selected={patrol.id === props.selectedId}
          onSelect={props.onSelect}
          onEdit={props.onEdit}
          onChanged={props.onChanged}
        />
      ))}
      {props.selectedId && props.trackPoints === 0 && <p className="hint">{t('patrol.trackEmpty')}</p>}
    </div>
  );
}
