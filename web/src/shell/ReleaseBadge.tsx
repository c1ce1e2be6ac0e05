import { useTranslation } from 'react-i18next';

interface ReleaseBadgeProps {
  owner: string;
  releasableTo: readonly string[];
}

/** Who owns a record and who may see it, e.g. "ML → SN" or "ML · national". */
export function ReleaseBadge({ owner, releasableTo }: ReleaseBadgeProps) {
  const { t } = useTranslation();
  const partners = releasableTo.filter((nation) => nation !== owner);
  const national = partners.length === 0;
  const text = national ? t('release.nationalOnly', { owner }) : t('release.sharedWith', { owner, partners: partners.join(', ') });
  const title = national ? t('release.titleNational', { owner }) : t('release.title', { owner, partners: partners.join(', ') });
  return (
    <span className={`release-badge${national ? ' national' : ''}`} title={title} data-testid="release-badge">
      {text}
    </span>
  );
}
