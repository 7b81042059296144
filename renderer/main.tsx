import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createDefaultClient } from './api/client.ts';
import { App } from './App.tsx';
import { MissingToken } from './components/MissingToken.tsx';
import { createI18n } from './i18n/i18n.ts';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const i18n = createI18n();
const setup = createDefaultClient();
createRoot(container).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>{setup.ok ? <App client={setup.client} /> : <MissingToken />}</I18nextProvider>
  </StrictMode>,
);
