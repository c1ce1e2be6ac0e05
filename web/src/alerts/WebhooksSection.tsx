import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addWebhook, fetchWebhooks, switchWebhook } from '../api/endpoints';
import type { Webhook } from '../api/types';
import { useLoadedList } from '../api/useLoadedList';
import { FieldError, errorId } from '../forms/FieldError';
import { useSubmission } from '../forms/useSubmission';
import { ListStatus } from '../shell/ListStatus';
import { useSwitch } from './useSwitch';

const LABELS: Readonly<Record<string, string>> = { url: 'webhooks.url', description: 'webhooks.description' };
const FIELDS = Object.keys(LABELS);

/** How many of a webhook's deliveries are in each state (delivered, pending, failed). */
function deliveryCounts(webhook: Webhook): Map<string, number> {
  const counts = new Map<string, number>();
  for (const delivery of webhook.deliveries ?? []) counts.set(delivery.status, (counts.get(delivery.status) ?? 0) + 1);
  return counts;
}

/** Addresses of the nation's own systems that receive every alert it may see, and how delivery went. */
export function WebhooksSection() {
  const { t } = useTranslation();
  const webhooks = useLoadedList(fetchWebhooks);
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const { busy, errors, run, changed } = useSubmission(FIELDS, LABELS);
  const fieldId = (field: string) => errorId('webhook', field);
  const described = (field: string) => ({ 'data-field': field, ...(errors[field] ? { 'aria-describedby': fieldId(field), 'aria-invalid': true } : {}) });

  const { switching, failure, flip } = useSwitch<Webhook>({
    list: webhooks,
    idOf: (webhook) => webhook.id,
    switched: (webhook, enabled) => ({ ...webhook, enabled }),
    send: (webhook, enabled) => switchWebhook(webhook.id, enabled),
    failed: t('webhooks.failed'),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await run(
      async () => {
        const added = await addWebhook({ url: url.trim(), ...(description.trim() ? { description: description.trim() } : {}) });
        webhooks.setItems((current) => [...current, added]);
        setUrl('');
        setDescription('');
      },
      () => t('webhooks.failed'),
    );
  };

  return (
    <section className="webhooks" aria-labelledby="webhooks-title">
      <h3 id="webhooks-title">{t('webhooks.title')}</h3>
      <ListStatus list={webhooks} failure={failure} empty={t('webhooks.empty')} />
      <ul className="rule-list">
        {webhooks.items.map((webhook) => (
          <li key={webhook.id} className={`rule-row${webhook.enabled ? '' : ' disabled'}`} data-webhook-id={webhook.id}>
            <div className="rule-main">
              <code>{webhook.url}</code>
            </div>
            {webhook.description && <p className="row-meta">{webhook.description}</p>}
            <p className="row-meta">
              {[...deliveryCounts(webhook)]
                .map(([status, count]) => t(`webhooks.status.${status}`, { count, defaultValue: `${count} ${status}` }))
                .join(' · ') || t('webhooks.noDelivery')}
            </p>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={webhook.enabled}
                data-verb="webhook.manage"
                disabled={switching === webhook.id}
                onChange={(event) => void flip(webhook, event.target.checked)}
              />
              {t('webhooks.enabled')}
            </label>
          </li>
        ))}
      </ul>
      <form className="rule-form" onSubmit={(event) => void submit(event)} onChange={changed} noValidate aria-label={t('webhooks.add')}>
        <label htmlFor="webhook-url">{t('webhooks.url')}</label>
        <input id="webhook-url" type="url" value={url} onChange={(event) => setUrl(event.target.value)} placeholder="https://" {...described('url')} />
        <FieldError id={fieldId('url')} message={errors.url} />
        <label htmlFor="webhook-description">{t('webhooks.description')}</label>
        <input id="webhook-description" value={description} onChange={(event) => setDescription(event.target.value)} {...described('description')} />
        <FieldError id={fieldId('description')} message={errors.description} />
        {errors.form && (
          <p className="form-error" role="alert">
            {errors.form}
          </p>
        )}
        <button type="submit" disabled={busy} data-verb="webhook.manage">
          {t('webhooks.add')}
        </button>
      </form>
    </section>
  );
}
