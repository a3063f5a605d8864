import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { installPlainIssues } from '../../domain/plain-issues';
import { App } from './app';
import { SessionProvider } from './session';
import './styles.css';

// The same zod schemas and the same plain zh-CN messages as the API.
installPlainIssues();

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <SessionProvider>
      <App />
    </SessionProvider>
  </StrictMode>,
);
