import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { FieldApp } from './FieldApp';
import { startFieldI18n } from './i18n';
import './field.css';

// The service worker keeps the app on the device; without one (a plain-HTTP address), it still runs online.
if ('serviceWorker' in navigator) {
  window.addEventListener('load', () => void navigator.serviceWorker.register('/field/sw.js', { scope: '/field/' }).catch(() => undefined));
}

const root = document.getElementById('root');
if (root) {
  void startFieldI18n().then(() => {
    createRoot(root).render(
      <StrictMode>
        <FieldApp />
      </StrictMode>,
    );
  });
}
