import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createDefaultClient } from './api/client.ts';
import { App } from './App.tsx';
import { MissingToken } from './components/MissingToken.tsx';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const setup = createDefaultClient();
createRoot(container).render(
  <StrictMode>{setup.ok ? <App client={setup.client} /> : <MissingToken />}</StrictMode>,
);
