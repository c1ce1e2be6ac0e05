import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchUsers, setUserPhone, type UserWithPhone } from '../api/endpoints';

/** The administrator's screen: the node's users and the phone number each sends field messages from. */
export function PhonesPanel() {
  const { t } = useTranslation();
  const [users, setUsers] = useState<UserWithPhone[]>([]);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [messages, setMessages] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    fetchUsers().then(setUsers, (error: unknown) => setFailure(error instanceof Error ? error.message : String(error)));
  }, []);

  const save = async (user: UserWithPhone) => {
    const typed = (drafts[user.username] ?? user.phone ?? '').trim();
    try {
      const saved = await setUserPhone(user.username, typed === '' ? null : typed);
      setUsers((list) => list.map((u) => (u.username === saved.username ? { ...u, phone: saved.phone } : u)));
      setDrafts((all) => ({ ...all, [user.username]: saved.phone ?? '' }));
      setMessages((all) => ({ ...all, [user.username]: t('phones.saved') }));
    } catch (error) {
      setMessages((all) => ({ ...all, [user.username]: error instanceof Error ? error.message : String(error) }));
    }
  };

  return (
    <div className="phones-panel">
      <div className="panel-toolbar">
        <h2>{t('phones.title')}</h2>
      </div>
      <p className="hint">{t('phones.hint')}</p>
      {failure && <p className="form-error">{failure}</p>}
      <table className="phones">
        <thead>
          <tr>
            <th>{t('phones.user')}</th>
            <th>{t('phones.phone')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <td>
                {user.displayName}{' '}
                <span className="hint">
                  ({user.username}, {user.nation}, {user.role})
                </span>
              </td>
              <td>
                <input
                  type="tel"
                  aria-label={t('phones.phoneOf', { username: user.username })}
                  value={drafts[user.username] ?? user.phone ?? ''}
                  placeholder="+22376000000"
                  onChange={(e) => setDrafts((all) => ({ ...all, [user.username]: e.target.value }))}
                />
                {messages[user.username] && <span className="hint">{messages[user.username]}</span>}
              </td>
              <td>
                <button type="button" onClick={() => void save(user)}>
                  {t('phones.save')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
