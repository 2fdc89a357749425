import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router';
import '../common/styles.css';
import { Callback, RequireSignIn } from '../common/ui.tsx';
import { PortalApp } from './PortalApp.tsx';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <Routes>
        <Route path="/callback" element={<Callback />} />
        <Route
          path="/*"
          element={
            <RequireSignIn>
              <PortalApp />
            </RequireSignIn>
          }
        />
      </Routes>
    </BrowserRouter>
  </StrictMode>,
);
