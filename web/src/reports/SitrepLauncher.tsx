import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sitrepUrl } from '../api/endpoints';
import type { User } from '../api/types';
import { DateInput } from '../forms/DateInput';
import { nationName } from '../i18n/format';
import { DAY_MS } from '../../../src/kernel/durations.js';

const WEEK_MS = 7 * DAY_MS;
const day = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The situation report of a period, in the UI's language, opened by the browser in a new tab (a
 * plain link: the session cookie authenticates it and the browser shows or saves the PDF itself).
 */
export function SitrepLauncher({ user, nations }: { user: User; nations: readonly string[] }) {
  const { t, i18n } = useTranslation();
  // The node's own officers may print the version a partner may receive: what that partner sees here.
  const audiences = user.nation === user.nodeNation ? nations : [user.nation];
  const [audience, setAudience] = useState(user.nation);
  const [open, setOpen] = useState(false);
  const [from, setFrom] = useState(() => day(new Date(Date.now() - WEEK_MS)));
  const [to, setTo] = useState(() => day(new Date()));
  const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);
  const valid = isDay(from) && isDay(to) && from <= to;
  const link = (format: 'html' | 'pdf') => sitrepUrl(from, to, i18n.language === 'en' ? 'en' : 'fr', format, audience === user.nation ? undefined : audience);
  const launcher = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  // Like any pop-over, it closes on Escape (focus back on its button) or on a press elsewhere;
  // left open, it covered the map while the officer went on with other work.
  useEffect(() => {
    if (!open) return;
    const pressedElsewhere = (event: PointerEvent) => {
      if (!launcher.current?.contains(event.target as Node)) setOpen(false);
    };
    const escaped = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('pointerdown', pressedElsewhere);
    document.addEventListener('keydown', escaped);
    return () => {
      document.removeEventListener('pointerdown', pressedElsewhere);
      document.removeEventListener('keydown', escaped);
    };
  }, [open]);

  return (
    <div className="sitrep-launcher" ref={launcher}>
      <button
        ref={button}
        type="button"
        aria-label={t('sitrep.button')}
        aria-expanded={open}
        aria-controls="sitrep-popover"
        onClick={() => setOpen((value) => !value)}
      >
        <span className="long-label">{t('sitrep.button')}</span>
        <span className="short-label" aria-hidden="true">
          {t('sitrep.short')}
        </span>
      </button>
      {open && (
        <div className="sitrep-popover" id="sitrep-popover" role="dialog" aria-label={t('sitrep.title')}>
          <h3>{t('sitrep.title')}</h3>
          <div className="filter-row">
            <label>
              {t('filters.from')}
              <DateInput type="date" value={from} onChange={setFrom} />
            </label>
            <label>
              {t('filters.to')}
              <DateInput type="date" value={to} onChange={setTo} />
            </label>
          </div>
          {audiences.length > 1 && (
            <label className="sitrep-audience">
              {t('sitrep.audience')}
              <select value={audience} onChange={(event) => setAudience(event.target.value)} data-testid="sitrep-audience">
                {audiences.map((nation) => (
                  <option key={nation} value={nation}>
                    {nation === user.nation
                      ? t('sitrep.own', { nation: nationName(nation, i18n.language) })
                      : t('sitrep.partner', { nation: nationName(nation, i18n.language) })}
                  </option>
                ))}
              </select>
            </label>
          )}
          {valid ? (
            <div className="patrol-actions">
              <a className="button primary" href={link('html')} target="_blank" rel="noopener" data-testid="sitrep-html">
                {t('sitrep.html')}
              </a>
              <a className="button" href={link('pdf')} target="_blank" rel="noopener" data-testid="sitrep-pdf">
                {t('sitrep.pdf')}
              </a>
            </div>
          ) : (
            <p className="form-error">{t('sitrep.invalid')}</p>
          )}
        </div>
      )}
    </div>
  );
}
