/** Starts a UI: its languages, the OAuth callback route, and everything else behind the sign-in. */
import { StrictMode, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router';
import './styles.css';
import { startI18n, type Catalogue } from './i18n.ts';
import { Callback, RequireSignIn } from './ui.tsx';

/** `catalogue`: the UI's own messages in each language (the common ones are added). */
export function mount(App: ComponentType, catalogue: { en: Catalogue; fr: Catalogue }): void {
  startI18n(catalogue);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <BrowserRouter>
        <Routes>
          <Route path="/callback" element={<Callback />} />
          <Route
            path="/*"
            element={
              <RequireSignIn>
                <App />
              </RequireSignIn>
            }
          />
        </Routes>
      </BrowserRouter>
    </StrictMode>,
  );
}
