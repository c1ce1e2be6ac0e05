import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { submitArticle } from '../api/endpoints';
import type { IngestResult } from '../api/types';
import { FieldError, errorId } from '../forms/FieldError';
import { useSubmission } from '../forms/useSubmission';
import { DateInput } from '../forms/DateInput';

const LABELS: Readonly<Record<string, string>> = { published: 'news.published', title: 'news.articleTitle', text: 'news.text', url: 'news.url' };
const FIELDS = Object.keys(LABELS);

/** An analyst pastes an article read elsewhere; the node extracts its events into the queue. */
export function ArticleForm({ onSubmitted }: { onSubmitted: (result: IngestResult) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [published, setPublished] = useState(() => new Date().toISOString().slice(0, 10));
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<string | null>(null);
  const { busy, errors, run, changed } = useSubmission(FIELDS, LABELS);
  const id = (field: string) => errorId('article', field);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setOutcome(null);
    await run(
      async () => {
        const result = await submitArticle({ published: published || null, title, text, ...(url.trim() ? { url: url.trim() } : {}) });
        setOutcome(result.duplicate ? t('news.duplicate') : result.relevant ? t('news.found', { count: result.candidates }) : t('news.irrelevant'));
        if (!result.duplicate) {
          setTitle('');
          setUrl('');
          setText('');
        }
        onSubmitted(result);
      },
      () => t('news.failed'),
    );
  };

  if (!open) {
    return (
      <div className="article-form-closed">
        <button type="button" data-verb="news.ingest" onClick={() => setOpen(true)}>
          {t('news.pasteArticle')}
        </button>
        {outcome && (
          <p className="hint" role="status">
            {outcome}
          </p>
        )}
      </div>
    );
  }

  return (
    <form className="article-form" onSubmit={(event) => void submit(event)} onChange={changed} noValidate>
      <h3>{t('news.pasteArticle')}</h3>
      <div className="filter-row">
        <label data-field="published">
          {t('news.published')}
          <DateInput type="date" value={published} onChange={setPublished} />
        </label>
        <label data-field="url">
          {t('news.url')}
          <input type="url" value={url} onChange={(event) => setUrl(event.target.value)} />
        </label>
      </div>
      <FieldError id={id('published')} message={errors.published} />
      <FieldError id={id('url')} message={errors.url} />
      <label htmlFor="article-title">{t('news.articleTitle')}</label>
      <input id="article-title" data-field="title" value={title} onChange={(event) => setTitle(event.target.value)} />
      <FieldError id={id('title')} message={errors.title} />
      <label htmlFor="article-text">{t('news.text')}</label>
      <textarea
        id="article-text"
        data-field="text"
        rows={6}
        value={text}
        onChange={(event) => setText(event.target.value)}
        aria-invalid={Boolean(errors.text)}
        aria-describedby={errors.text ? id('text') : undefined}
      />
      <FieldError id={id('text')} message={errors.text} />
      {errors.form && <p className="form-error">{errors.form}</p>}
      {outcome && (
        <p className="hint" role="status" data-testid="article-outcome">
          {outcome}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy} data-verb="news.ingest">
          {t('news.submitArticle')}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
