import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { App } from './app';
import { SessionProvider } from './session';
import './styles.css';

// The same zod schemas as the API, speaking zh-CN here too.
z.config(z.locales.zhCN());

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <SessionProvider>
      <App />
    </SessionProvider>
  </StrictMode>,
);
