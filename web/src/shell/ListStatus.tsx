import { useTranslation } from 'react-i18next';
import type { LoadedList } from '../api/useLoadedList';

/** What a list read from the node says above its rows: loading, empty, or why it failed. */
export function ListStatus({
  list,
  failure,
  empty,
}: {
  list: Pick<LoadedList<unknown>, 'items' | 'loading' | 'failure'>;
  failure: string | null;
  empty: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      {list.failure && <p className="form-error">{t('error.loading', { message: list.failure })}</p>}
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
      {list.loading && <p className="hint">{t('session.loading')}</p>}
      {!list.loading && list.items.length === 0 && <p className="empty">{empty}</p>}
    </>
  );
}
