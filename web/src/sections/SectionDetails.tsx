import { useState } from 'react';
import { ApiError } from '../api/client';
import { liftOverride } from '../api/endpoints';
import { ConfirmButton } from '../forms/ConfirmButton';
import { canWrite } from '../session/permissions';
import { useTranslation } from 'react-i18next';
import type { SectionProperties, User } from '../api/types';
import { formatDateTime, formatNumber } from '../i18n/format';
import { THREAT_COLOURS } from '../map/palette';
import { LevelHistory } from './LevelHistory';
import { OverrideForm } from './OverrideForm';
import { useSectionHistory } from './useSectionHistory';

interface SectionDetailsProps {
  section: SectionProperties;
  user: User;
  /** Moves when the node reports a level change, so that the history is read again. */
  revision: number;
  /** Partners an override may be released to, and the mechanism's default for them. */
  partners: readonly string[];
  defaultRelease: readonly string[];
  onOverridden: () => void;
}

/** A border section: its threat level now, why (score or override), its history and, for a coordinator, the override. */
export function SectionDetails({ section, user, revision, partners, defaultRelease, onOverridden }: SectionDetailsProps) {
  const { t, i18n } = useTranslation();
  const [saved, setSaved] = useState(0);
  const { history, failure } = useSectionHistory(section.id, revision + saved);
  const current = history?.current;
  const level = current?.level ?? section.threatLevel;
  const [liftFailure, setLiftFailure] = useState<string | null>(null);
  // Overrides are the host nation's; the coordinator who set one may end it early.
  const overrides = canWrite(user, 'early-warning.override', { owner: user.nodeNation });
  const lift = async () => {
    setLiftFailure(null);
    try {
      await liftOverride(section.id);
      setSaved((value) => value + 1);
      onOverridden();
    } catch (error) {
      setLiftFailure(error instanceof ApiError ? error.message : t('section.overrideFailed'));
    }
  };
  return (
    <article className="details section-details" data-testid="section-details" data-level={level}>
      <h2>{t('details.section', { id: section.id })}</h2>
      <dl>
        <dt>{t('details.threat')}</dt>
        <dd data-testid="section-level">
          <span className="swatch dot" style={{ background: THREAT_COLOURS[level] }} aria-hidden="true" />
          {t(`threat.${level}`)}
          {current?.source === 'override' && ` (${t('section.overridden')})`}
        </dd>
        {current && (
          <>
            <dt>{t('section.score')}</dt>
            <dd data-testid="section-score">{formatNumber(current.score, i18n.language, 2)}</dd>
            {current.source === 'override' && (
              <>
                <dt>{t('section.computedLevel')}</dt>
                <dd>{t(`threat.${current.computedLevel}`)}</dd>
              </>
            )}
            {current.override && (
              <>
                <dt>{t('section.reason')}</dt>
                <dd>{current.override.reason}</dd>
                <dt>{t('section.expiresAt')}</dt>
                <dd>{formatDateTime(current.override.expiresAt, i18n.language)}</dd>
              </>
            )}
            {current.override && overrides && current.override.setBy === user.id && (
              <dd className="record-actions">
                <ConfirmButton
                  label={t('section.lift')}
                  question={t('section.liftQuestion', { level: t(`threat.${current.computedLevel}`) })}
                  confirm={t('section.lift')}
                  verb="early-warning.override"
                  onConfirm={() => void lift()}
                />
              </dd>
            )}
          </>
        )}
        <dt>{t('details.length')}</dt>
        <dd>{t('details.km', { value: formatNumber(section.lengthKm, i18n.language) })}</dd>
      </dl>
      {failure && <p className="form-error">{t('error.loading', { message: failure })}</p>}
      {liftFailure && (
        <p className="form-error" role="alert">
          {liftFailure}
        </p>
      )}
      <h3>{t('section.history')}</h3>
      {history && <LevelHistory entries={history.history} />}
      {overrides && (
        <OverrideForm
          key={section.id}
          sectionId={section.id}
          current={level}
          partners={partners}
          defaultRelease={defaultRelease}
          onSaved={() => {
            setSaved((value) => value + 1);
            onOverridden();
          }}
        />
      )}
    </article>
  );
}
