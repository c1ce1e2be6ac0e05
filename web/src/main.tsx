import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setApiLanguage } from './api/client';
import { requestFirstReads } from './api/endpoints';
import { App } from './App';
import { initialLanguage, startI18n } from './i18n';
import { NO_FILTER, toQuery } from './incidents/filters';
import './styles.css';

// The first reads leave now, before the translations, React and the map are ready.
setApiLanguage(initialLanguage());
requestFirstReads(toQuery(NO_FILTER));

const root = document.getElementById('root');
if (root) {
  void startI18n().then(() => {
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
}
