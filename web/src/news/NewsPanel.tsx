import { useTranslation } from 'react-i18next';
import type { Candidate, Incident } from '../api/types';
import { ArticleForm } from './ArticleForm';
import { CandidateReview } from './CandidateReview';
import type { CandidateQueue } from './useCandidates';

interface NewsPanelProps {
  queue: CandidateQueue;
  /** Reviews the queue (analysts, coordinators); others may only feed it an article. */
  reviews: boolean;
  eventTypes: Record<string, string[]>;
  partners: readonly string[];
  defaultRelease: readonly string[];
  onAccepted: (candidate: Candidate, incident: Incident | null) => void;
}

/** The analyst's review queue: events found in the news, waiting to become incidents or be set aside. */
export function NewsPanel({ queue, reviews, eventTypes, partners, defaultRelease, onAccepted }: NewsPanelProps) {
  const { t } = useTranslation();
  return (
    <div className="news-panel">
      <div className="panel-toolbar">
        <h2>{t('news.title')}</h2>
        {reviews && (
          <span className="hint" data-testid="candidate-count">
            {t('news.pending', { count: queue.candidates.length })}
          </span>
        )}
      </div>
      <ArticleForm onSubmitted={queue.reload} />
      {!reviews && <p className="hint">{t('news.feedOnly')}</p>}
      {queue.failure && <p className="form-error">{t('error.loading', { message: queue.failure })}</p>}
      {reviews && !queue.loading && queue.candidates.length === 0 && <p className="empty">{t('news.empty')}</p>}
      {queue.candidates.map((candidate) => (
        <CandidateReview
          key={candidate.id}
          candidate={candidate}
          eventTypes={eventTypes}
          partners={partners}
          defaultRelease={defaultRelease}
          onAccepted={(reviewed, incident) => {
            queue.drop(reviewed.id);
            onAccepted(reviewed, incident);
          }}
          onRejected={(reviewed) => queue.drop(reviewed.id)}
        />
      ))}
    </div>
  );
}
