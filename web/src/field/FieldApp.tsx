import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldLogin } from './FieldLogin';
import { FieldSession } from './FieldSession';
import { deleteMeta, type Profile, readMeta, writeMeta } from './store';

/**
 * The field app: the login, then the leader's session, which the device keeps (IndexedDB) so that
 * it opens again without a link. A session the node ended keeps the leader recording; only the
 * sending waits for a new login.
 */
export function FieldApp() {
  const { t } = useTranslation();
  const [profile, setProfile] = useState<Profile | null | undefined>(undefined);

  useEffect(() => {
    void readMeta<Profile>('profile').then((held) => setProfile(held ?? null));
  }, []);

  const loggedIn = async (next: Profile) => {
    await writeMeta('profile', next);
    setProfile(next);
  };
  const loggedOut = async () => {
    await deleteMeta('profile');
    setProfile(null);
  };

  if (profile === undefined) return <p className="field-loading">{t('field.loading')}</p>;
  if (!profile) return <FieldLogin onLoggedIn={loggedIn} />;
  return <FieldSession key={profile.id} profile={profile} onLoggedIn={loggedIn} onLoggedOut={loggedOut} />;
}
