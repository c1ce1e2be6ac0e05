import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { draftFromRecommendation, fetchRecommendations } from '../api/endpoints';
import type { PatrolProposal, RecommendationRequest, Unit } from '../api/types';
import { localInputValue, toInstant } from '../forms/datetime';
import { DateInput } from '../forms/DateInput';
import { FieldError, errorId } from '../forms/FieldError';
import { useSubmission } from '../forms/useSubmission';
import { formatNumber } from '../i18n/format';

const LABELS: Readonly<Record<string, string>> = { from: 'recommend.from', to: 'recommend.to', maxLengthKm: 'recommend.maxLength' };
const FIELDS = Object.keys(LABELS);
const id = (field: string) => errorId('recommend', field);

/** Tomorrow, 06:00 to 18:00 local time: the usual day patrol. */
function tomorrowAt(hour: number): string {
  const date = new Date();
  date.setDate(date.getDate() + 1);
  date.setHours(hour, 0, 0, 0);
  return localInputValue(date);
}

/**
 * Joint patrol routes along the axes that best cover the gaps, each score explained term by term
 * (section, level weight, days since the last patrol); one click makes the proposal a draft
 * patrol, to be checked and proposed like any other.
 */
export function Recommendations({ units, onDrafted }: { nations: readonly string[]; units: readonly Unit[]; onDrafted: (patrolId: string) => void }) {
  const { t, i18n } = useTranslation();
  const [from, setFrom] = useState(() => tomorrowAt(6));
  const [to, setTo] = useState(() => tomorrowAt(18));
  const [maxLength, setMaxLength] = useState('60');
  const [asked, setAsked] = useState<RecommendationRequest | null>(null);
  const [proposals, setProposals] = useState<PatrolProposal[] | null>(null);
  const [drafting, setDrafting] = useState<number | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const { busy, errors, run, changed } = useSubmission(FIELDS, LABELS);
  const callSign = (unitId: string) => units.find((unit) => unit.id === unitId)?.callSign ?? unitId;
  const language = i18n.language === 'en' ? 'en' : 'fr';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const request: RecommendationRequest = { from: toInstant(from), to: toInstant(to), maxLengthKm: Number(maxLength.replace(',', '.')) || 0 };
    await run(
      async () => {
        setProposals(await fetchRecommendations(request));
        setAsked(request);
      },
      () => t('recommend.failed'),
    );
  };

  const draft = async (rank: number) => {
    if (!asked) return;
    setDrafting(rank);
    setFailure(null);
    try {
      onDrafted((await draftFromRecommendation(rank, asked)).patrol.id);
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : t('recommend.failed'));
    } finally {
      setDrafting(null);
    }
  };

  const described = (field: string) => ({ 'data-field': field, ...(errors[field] ? { 'aria-invalid': true, 'aria-describedby': id(field) } : {}) });

  return (
    <section className="recommendations" aria-labelledby="recommend-title">
      <h3 id="recommend-title">{t('recommend.title')}</h3>
      <form className="entity-form compact" onSubmit={(event) => void submit(event)} onChange={changed} noValidate>
        <div className="form-row">
          <div className="field" data-field="from">
            <label htmlFor="recommend-from">{t('recommend.from')}</label>
            <DateInput id="recommend-from" type="datetime-local" value={from} onChange={setFrom} {...described('from')} />
            <FieldError id={id('from')} message={errors.from} />
          </div>
          <div className="field" data-field="to">
            <label htmlFor="recommend-to">{t('recommend.to')}</label>
            <DateInput id="recommend-to" type="datetime-local" value={to} onChange={setTo} {...described('to')} />
            <FieldError id={id('to')} message={errors.to} />
          </div>
        </div>
        <div className="field">
          <label htmlFor="recommend-length">{t('recommend.maxLength')}</label>
          <input
            id="recommend-length"
            inputMode="decimal"
            value={maxLength}
            onChange={(event) => setMaxLength(event.target.value)}
            {...described('maxLengthKm')}
          />
          <FieldError id={id('maxLengthKm')} message={errors.maxLengthKm} />
        </div>
        <FieldError id={id('form')} message={errors.form} />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy} data-verb="patrol.create">
            {t('recommend.ask')}
          </button>
        </div>
      </form>
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
      {proposals && proposals.length === 0 && <p className="empty">{t('recommend.none')}</p>}
      {proposals && proposals.length > 0 && (
        <ol className="proposal-list" data-testid="proposals">
          {proposals.map((proposal) => (
            <li key={proposal.rank} className="proposal" data-rank={proposal.rank}>
              <p>
                <strong>{t('recommend.proposal', { rank: proposal.rank, axis: proposal.axisName })}</strong>
                <span className="score"> · {t('recommend.score', { score: formatNumber(proposal.score, i18n.language, 1) })}</span>
              </p>
              <p className="row-meta">
                {t('recommend.stretch', {
                  from: formatNumber(proposal.fromKm, i18n.language, 0),
                  to: formatNumber(proposal.toKm, i18n.language, 0),
                  length: formatNumber(proposal.lengthKm, i18n.language, 1),
                })}{' '}
                · {proposal.units.map(callSign).join(' + ')}
              </p>
              <p className="explanation">{proposal.explanation[language]}</p>
              <div className="table-scroll">
                <table className="score-terms">
                  <thead>
                    <tr>
                      <th scope="col">{t('coverage.section')}</th>
                      <th scope="col">{t('coverage.level')}</th>
                      <th scope="col">{t('coverage.since')}</th>
                      <th scope="col">{t('recommend.points')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {proposal.terms.map((term) => (
                      <tr key={term.section}>
                        <td>{term.section}</td>
                        <td>{t(`threat.${term.level}`)}</td>
                        <td>
                          {term.daysSincePatrol === null
                            ? t('coverage.never')
                            : t('coverage.days', {
                                count: Math.floor(term.daysSincePatrol),
                                value: formatNumber(Math.floor(term.daysSincePatrol), i18n.language, 0),
                              })}
                        </td>
                        <td>
                          {formatNumber(term.levelWeight, i18n.language, 1)} × {formatNumber(term.staleness, i18n.language, 2)} ={' '}
                          {formatNumber(term.points, i18n.language, 1)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <button type="button" className="primary" disabled={drafting !== null} data-verb="patrol.create" onClick={() => void draft(proposal.rank)}>
                {t('recommend.draft')}
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
