import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { actOnPatrol } from '../api/endpoints';
import type { Patrol, PatrolAction, User } from '../api/types';
import { formatDateTime } from '../i18n/format';
import { ReleaseBadge } from '../shell/ReleaseBadge';
import { PATROL_ACTION_VERB } from '../../../src/domain/patrol-actions.js';
import { ConfirmButton } from '../forms/ConfirmButton';
import { canEditPatrol } from '../session/permissions';
import { offeredActions } from './transitions';

interface PatrolCardProps {
  patrol: Patrol;
  user: User;
  selected: boolean;
  onSelect: (patrol: Patrol) => void;
  onEdit: (patrol: Patrol) => void;
  onChanged: (patrol: Patrol) => void;
}

export function PatrolCard({ patrol, user, selected, onSelect, onEdit, onChanged }: PatrolCardProps) {
  const { t, i18n } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // An approval given on a partner's copy travels to the owner node; the copy changes only when
  // the owner releases the approved version, so the button is put away meanwhile.
  const [approvalSent, setApprovalSent] = useState(false);

  const act = async (action: PatrolAction) => {
    setBusy(true);
    setFailure(null);
    try {
      const updated = await actOnPatrol(patrol.id, action);
      if (action === 'approve' && updated.pendingApprovals.includes(user.nation)) setApprovalSent(true);
      onChanged(updated);
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : t('patrol.failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <article className={`patrol-card${selected ? ' selected' : ''}`} data-patrol-id={patrol.id} data-status={patrol.status}>
      <header>
        <span className="patrol-code" data-testid="patrol-code" title={t('patrol.code')}>
          {patrol.code}
        </span>
        <button type="button" className="link patrol-name" onClick={() => onSelect(patrol)} aria-pressed={selected}>
          {patrol.name}
        </button>
        <span className={`status-chip ${patrol.status}`} data-testid="patrol-status">
          {t(`patrol.statuses.${patrol.status}`)}
        </span>
        <ReleaseBadge owner={patrol.owner} releasableTo={patrol.releasableTo} />
      </header>
      <p className="row-meta">
        {t(`patrol.kinds.${patrol.kind}`)} · {patrol.nations.join(' + ')} · {formatDateTime(patrol.plannedStart, i18n.language)} →{' '}
        {formatDateTime(patrol.plannedEnd, i18n.language)}
      </p>
      <p className="row-meta">{patrol.units.map((unit) => `${unit.callSign} (${unit.nation})`).join(', ')}</p>
      {patrol.status !== 'draft' && patrol.status !== 'cancelled' && (
        // biome-ignore lint/a11y/useAriaPropsSupportedByRole: left as the UI has it: a role would change what screen readers announce, a choice for the UI's accessibility pass.
        <div className="approvals" aria-label={t('patrol.approvals')}>
          <ul>
            {patrol.approvals.map((approval) => (
              <li key={approval.nation} className="approved">
                ✓ {t('patrol.approvedBy', { nation: approval.nation, date: formatDateTime(approval.at, i18n.language) })}
              </li>
            ))}
            {patrol.pendingApprovals.map((nation) => (
              <li key={nation} className="pending">
                … {t('patrol.pending', { nation })}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="patrol-actions">
        {approvalSent && patrol.pendingApprovals.includes(user.nation) && (
          <span className="hint" role="status">
            {t('patrol.approvalSent', { owner: patrol.owner })}
          </span>
        )}
        {canEditPatrol(user, patrol) && (
          <button type="button" data-verb="patrol.edit" disabled={busy} onClick={() => onEdit(patrol)}>
            {t('edit.edit')}
          </button>
        )}
        {offeredActions(patrol, user)
          .filter((action) => !(action === 'approve' && approvalSent))
          .map((action) =>
            action === 'cancel' ? (
              // Cancelling cannot be undone: it is asked twice, and kept apart from the other moves.
              <ConfirmButton
                key={action}
                className="danger quiet push-end"
                label={t('patrol.actions.cancel')}
                question={t('confirm.cancelPatrol', { name: patrol.name })}
                confirm={t('patrol.actions.cancel')}
                disabled={busy}
                verb={PATROL_ACTION_VERB.cancel}
                onConfirm={() => void act('cancel')}
              />
            ) : (
              <button
                key={action}
                type="button"
                disabled={busy}
                className={action === 'approve' || action === 'propose' ? 'primary' : undefined}
                data-verb={PATROL_ACTION_VERB[action]}
                onClick={() => void act(action)}
              >
                {t(`patrol.actions.${action}`)}
              </button>
            ),
          )}
      </div>
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
    </article>
  );
}
