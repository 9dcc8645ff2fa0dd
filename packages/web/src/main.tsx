import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/app';
import { I18nProvider } from './i18n/i18n';
import { TransparencyPage } from './pages/transparency-page';
import './styles.css';

// The public pages need no login and have their own address; everything else is the console.
const publicPage = /^\/(transparence|transparency)\/?$/.test(window.location.pathname);

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <I18nProvider>{publicPage ? <TransparencyPage /> : <App />}</I18nProvider>
  </StrictMode>,
);
