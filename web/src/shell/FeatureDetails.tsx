import { useTranslation } from 'react-i18next';
import type { Axes, Borders, Posts, Sections } from '../api/types';
import { formatNumber, nationName } from '../i18n/format';
import type { MapSelection } from '../map/OperationalMap';
import { THREAT_COLOURS } from '../map/palette';
import { ReleaseBadge } from './ReleaseBadge';

interface FeatureDetailsProps {
  selection: MapSelection;
  sections: Sections | null;
  borders: Borders | null;
  axes: Axes | null;
  posts: Posts | null;
}

/** Details of the fixed geography: sections, borders, axes and posts. */
export function FeatureDetails({ selection, sections, borders, axes, posts }: FeatureDetailsProps) {
  const { t, i18n } = useTranslation();
  const km = (value: number) => t('details.km', { value: formatNumber(value, i18n.language) });
  if (selection.kind === 'section') {
    const section = sections?.features.find((feature) => feature.properties.id === selection.id)?.properties;
    if (!section) return null;
    return (
      <article className="details" data-testid="feature-details">
        <h2>{t('details.section', { id: section.id })}</h2>
        <dl>
          <dt>{t('details.threat')}</dt>
          <dd>
            <span className="swatch dot" style={{ background: THREAT_COLOURS[section.threatLevel] }} aria-hidden="true" />
            {t(`threat.${section.threatLevel}`)}
          </dd>
          <dt>{t('details.length')}</dt>
          <dd>{km(section.lengthKm)}</dd>
        </dl>
      </article>
    );
  }
  if (selection.kind === 'border') {
    const border = borders?.features.find((feature) => feature.properties.id === selection.id)?.properties;
    if (!border) return null;
    return (
      <article className="details" data-testid="feature-details">
        <h2>{t('details.border', { id: border.id })}</h2>
        <dl>
          <dt>{t('details.nation')}</dt>
          <dd>{border.nations.map((nation) => nationName(nation, i18n.language)).join(' – ')}</dd>
          <dt>{t('details.length')}</dt>
          <dd>{km(border.lengthKm)}</dd>
        </dl>
      </article>
    );
  }
  if (selection.kind === 'axis') {
    const axis = axes?.features.find((feature) => feature.properties.id === selection.id)?.properties;
    if (!axis) return null;
    return (
      <article className="details" data-testid="feature-details">
        <h2>{axis.name}</h2>
        <p>{t('details.axis')}</p>
      </article>
    );
  }
  if (selection.kind === 'post') {
    const post = posts?.features.find((feature) => feature.properties.id === selection.id)?.properties;
    if (!post) return null;
    return (
      <article className="details" data-testid="feature-details">
        <h2>
          {post.name} <ReleaseBadge owner={post.owner} releasableTo={post.releasableTo} />
        </h2>
        <dl>
          <dt>{t('details.kind')}</dt>
          <dd>{t(`postKind.${post.kind}`, { defaultValue: post.kind })}</dd>
          <dt>{t('details.nation')}</dt>
          <dd>{nationName(post.nation, i18n.language)}</dd>
        </dl>
      </article>
    );
  }
  return null;
}
