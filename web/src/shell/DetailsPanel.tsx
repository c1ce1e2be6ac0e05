import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Incident, IncidentFeature, User } from '../api/types';
import { IncidentDetails } from '../incidents/IncidentDetails';
import type { MapSelection } from '../map/OperationalMap';
import { SectionDetails } from '../sections/SectionDetails';
import { FeatureDetails } from './FeatureDetails';
import type { ReferenceData } from './useReferenceData';

interface DetailsPanelProps {
  user: User;
  selection: MapSelection | null;
  incident: IncidentFeature | null;
  reference: ReferenceData;
  levelRevision: number;
  partners: readonly string[];
  defaultRelease: readonly string[];
  onOpenSection: (id: string) => void;
  onEditIncident: (incident: Incident) => void;
  onIncidentChanged: (incident: Incident) => void;
  onOverridden: () => void;
}

/** What was picked on the map or in a list: an incident, a section, or a piece of the fixed geography. */
export function DetailsPanel(props: DetailsPanelProps) {
  const { t } = useTranslation();
  const { selection, reference } = props;
  const section =
    selection?.kind === 'section' ? (reference.sections?.features.find((feature) => feature.properties.id === selection.id)?.properties ?? null) : null;
  let shown: ReactNode;
  if (props.incident) {
    shown = (
      <IncidentDetails
        key={props.incident.properties.id}
        incident={props.incident}
        user={props.user}
        onOpenSection={props.onOpenSection}
        onEdit={props.onEditIncident}
        onChanged={props.onIncidentChanged}
      />
    );
  } else if (section) {
    shown = (
      <SectionDetails
        section={section}
        user={props.user}
        revision={props.levelRevision}
        partners={props.partners}
        defaultRelease={props.defaultRelease}
        onOverridden={props.onOverridden}
      />
    );
  } else if (selection && selection.kind !== 'incident' && selection.kind !== 'patrol') {
    shown = <FeatureDetails selection={selection} sections={reference.sections} borders={reference.borders} axes={reference.axes} posts={reference.posts} />;
  } else {
    shown = <p className="empty">{t('details.empty')}</p>;
  }
  return <div className="details-panel">{shown}</div>;
}
