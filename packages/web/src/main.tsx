import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/app';
import { I18nProvider } from './i18n/i18n';
import { TransparencyPage } from './pages/transparency-page';
import { VerifierPage } from './pages/verifier-page';
import './styles.css';

// The public pages need no login and have their own address; everything else is the console.
const path = window.location.pathname;
const transparency = /^\/(transparence|transparency)\/?$/.test(path);
const verifier = /^\/(verifier|verification)\/?$/.test(path);

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <I18nProvider>{verifier ? <VerifierPage /> : transparency ? <TransparencyPage /> : <App />}</I18nProvider>
  </StrictMode>,
);
