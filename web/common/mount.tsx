/** Starts a UI: the OAuth callback route, and everything else behind the sign-in. */
import { StrictMode, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router';
import './styles.css';
import { Callback, RequireSignIn } from './ui.tsx';

export function mount(App: ComponentType): void {
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
