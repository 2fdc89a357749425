import { mount } from '../common/mount.tsx';
import { portalEn } from './locales/en.ts';
import { portalFr } from './locales/fr.ts';
import { PortalApp } from './PortalApp.tsx';

mount(PortalApp, { en: portalEn, fr: portalFr });
