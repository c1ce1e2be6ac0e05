import { useTranslation } from 'react-i18next';
import { CREDIBILITIES, RELIABILITIES, SOURCE_KINDS, type Reliability, type SourceKind } from '../api/types';
import { FieldError } from '../forms/FieldError';
import type { IncidentDraft } from './incidentDraft';

interface SourceFieldsProps {
  draft: IncidentDraft;
  set: <K extends keyof IncidentDraft>(field: K, value: IncidentDraft[K]) => void;
  error: string | undefined;
  errorId: string;
  described: Record<string, unknown>;
}

/** Where the information comes from, and its Admiralty grading (reliability A–F, credibility 1–6). */
export function SourceFields({ draft, set, error, errorId, described }: SourceFieldsProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="source" {...described}>
      <legend>{t('incident.source')}</legend>
      <div className="form-row">
        <div className="field">
          <label htmlFor="incident-sourceKind">{t('form.sourceKind')}</label>
          <select id="incident-sourceKind" value={draft.sourceKind} onChange={(event) => set('sourceKind', event.target.value as SourceKind)}>
            {SOURCE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`sourceKind.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="incident-sourceName">{t('form.sourceName')}</label>
          <input id="incident-sourceName" value={draft.sourceName} onChange={(event) => set('sourceName', event.target.value)} />
        </div>
      </div>
      <div className="form-row">
        <div className="field">
          <label htmlFor="incident-reliability">{t('form.reliability')}</label>
          <select id="incident-reliability" value={draft.reliability} onChange={(event) => set('reliability', event.target.value as Reliability | '')}>
            <option value="">{t('form.notGraded')}</option>
            {RELIABILITIES.map((grade) => (
              <option key={grade} value={grade}>
                {t(`reliability.${grade}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="incident-credibility">{t('form.credibility')}</label>
          <select id="incident-credibility" value={draft.credibility} onChange={(event) => set('credibility', event.target.value)}>
            <option value="">{t('form.notGraded')}</option>
            {CREDIBILITIES.map((grade) => (
              <option key={grade} value={String(grade)}>
                {t(`credibility.${grade}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <FieldError id={errorId} message={error} />
    </fieldset>
  );
}
