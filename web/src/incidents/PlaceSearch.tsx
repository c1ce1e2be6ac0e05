import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { searchPlaces } from '../api/endpoints';
import type { Place } from '../api/types';

interface PlaceSearchProps {
  id: string;
  onChoose: (place: Place) => void;
}

/** Gazetteer look-up; the node matches without regard to accents or case. */
export function PlaceSearch({ id, onChoose }: PlaceSearchProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [places, setPlaces] = useState<Place[] | null>(null);
  // The name of the place just chosen fills the box; it is not a new search (the list stayed shut).
  const [chosen, setChosen] = useState<string | null>(null);

  useEffect(() => {
    const text = query.trim();
    if (text.length < 2 || query === chosen) {
      setPlaces(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      searchPlaces(text).then(
        (found) => live && setPlaces(found),
        () => live && setPlaces([]),
      );
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, chosen]);

  return (
    <div className="place-search">
      <label htmlFor={id}>{t('form.placeSearch')}</label>
      <input
        id={id}
        type="search"
        value={query}
        placeholder={t('form.placeSearchHint')}
        autoComplete="off"
        onChange={(event) => setQuery(event.target.value)}
      />
      {places && (
        <ul className="place-results" data-testid="place-results">
          {places.length === 0 && <li className="hint">{t('form.noPlace')}</li>}
          {places.map((place) => (
            <li key={place.id}>
              <button
                type="button"
                onClick={() => {
                  onChoose(place);
                  setChosen(place.name);
                  setPlaces(null);
                  setQuery(place.name);
                }}
              >
                {place.name}
                <span className="hint"> {[place.admin1, place.country].filter(Boolean).join(', ')}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
