import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { acceptCandidate, rejectCandidate } from '../api/endpoints';
import type { Candidate, Incident, NewIncident } from '../api/types';
import { ReleaseChooser } from '../forms/ReleaseChooser';
import { formatDay } from '../i18n/format';
import { eventTypeLabel, subEventTypeLabel } from '../i18n/taxonomy';

interface CandidateReviewProps {
  candidate: Candidate;
  eventTypes: Record<string, string[]>;
  partners: readonly string[];
  defaultRelease: readonly string[];
  onAccepted: (candidate: Candidate, incident: Incident | null) => void;
  onRejected: (candidate: Candidate) => void;
}

/**
 * One event the extractor found in an article, shown with the sentence it came from so that the
 * analyst judges it on the evidence; type and sub-type can be corrected before accepting.
 */
export function CandidateReview({ candidate, eventTypes, partners, defaultRelease, onAccepted, onRejected }: CandidateReviewProps) {
  const { t, i18n } = useTranslation();
  const { event, article } = candidate;
  const [eventType, setEventType] = useState(event.event_type);
  const [subEventType, setSubEventType] = useState(event.sub_event_type);
  const [release, setRelease] = useState<string[]>([...defaultRelease]);
  const [rejecting, setRejecting] = useState(false);
  const [note, setNote] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const prefix = `candidate-${candidate.id}`;
  const subTypes = eventTypes[eventType] ?? [subEventType];

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setFailure(null);
    try {
      await work();
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : t('news.failed'));
      setBusy(false);
    }
  };

  const accept = () =>
    run(async () => {
      // Only what the analyst changed is sent: the node keeps the extractor's values otherwise.
      const edits: Partial<NewIncident> = {};
      if (eventType !== event.event_type) edits.eventType = eventType;
      if (subEventType !== event.sub_event_type) edits.subEventType = subEventType;
      const answer = await acceptCandidate(candidate.id, {
        ...(Object.keys(edits).length > 0 ? { edits } : {}),
        releasableTo: release,
      });
      onAccepted(answer.candidate, answer.incident);
    });

  const reject = () =>
    run(async () => {
      await rejectCandidate(candidate.id, note.trim() || undefined);
      onRejected(candidate);
    });

  return (
    <article className="candidate" data-candidate-id={candidate.id}>
      <header>
        <strong>{eventTypeLabel(event.event_type, i18n.language)}</strong> · {subEventTypeLabel(event.sub_event_type, i18n.language)}
      </header>
      <blockquote className="evidence" data-testid="candidate-evidence">
        {event.evidence}
      </blockquote>
      <dl className="candidate-facts">
        <dt>{t('news.place')}</dt>
        <dd>{event.location ? [event.location, event.admin1, event.country].filter(Boolean).join(', ') : t('incident.unknown')}</dd>
        <dt>{t('news.date')}</dt>
        <dd>{event.date ? formatDay(event.date.slice(0, 10), i18n.language) : t('incident.unknown')}</dd>
        {event.actors.length > 0 && (
          <>
            <dt>{t('incident.actors')}</dt>
            <dd>{event.actors.join(', ')}</dd>
          </>
        )}
        {event.fatalities !== null && (
          <>
            <dt>{t('incident.fatalities')}</dt>
            <dd>{event.fatalities}</dd>
          </>
        )}
        {article && (
          <>
            <dt>{t('news.article')}</dt>
            <dd>
              {article.url ? (
                <a href={article.url} target="_blank" rel="noopener noreferrer">
                  {article.title}
                </a>
              ) : (
                article.title
              )}
              {(article.source || article.published) && (
                <span className="row-meta">
                  {' '}
                  ({[article.source, article.published ? formatDay(article.published.slice(0, 10), i18n.language) : null].filter(Boolean).join(' · ')})
                </span>
              )}
            </dd>
          </>
        )}
      </dl>
      <details className="candidate-corrections">
        <summary>{t('news.correct')}</summary>
        <div className="form-row">
          <label>
            {t('form.eventType')}
            <select
              value={eventType}
              onChange={(change) => {
                const next = change.target.value;
                setEventType(next);
                setSubEventType(eventTypes[next]?.[0] ?? '');
              }}
            >
              {[...new Set([event.event_type, ...Object.keys(eventTypes)])].map((code) => (
                <option key={code} value={code}>
                  {eventTypeLabel(code, i18n.language)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('form.subEventType')}
            <select value={subEventType} onChange={(change) => setSubEventType(change.target.value)}>
              {[...new Set([subEventType, ...subTypes])].map((code) => (
                <option key={code} value={code}>
                  {subEventTypeLabel(code, i18n.language)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <ReleaseChooser idPrefix={prefix} partners={partners} chosen={release} error={undefined} errorId={`${prefix}-release-error`} onChange={setRelease} />
      </details>
      {rejecting && (
        <label className="reject-note">
          {t('news.rejectNote')}
          <input value={note} onChange={(change) => setNote(change.target.value)} />
        </label>
      )}
      <div className="patrol-actions">
        {!rejecting && (
          <button type="button" className="primary" disabled={busy} data-verb="news.review" onClick={() => void accept()}>
            {t('news.accept')}
          </button>
        )}
        {rejecting ? (
          <>
            <button type="button" disabled={busy} data-verb="news.review" onClick={() => void reject()}>
              {t('news.confirmReject')}
            </button>
            <button type="button" className="link" onClick={() => setRejecting(false)}>
              {t('form.cancel')}
            </button>
          </>
        ) : (
          <button type="button" disabled={busy} data-verb="news.review" onClick={() => setRejecting(true)}>
            {t('news.reject')}
          </button>
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
