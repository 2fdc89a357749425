import { mount } from '../common/mount.tsx';
import { AdminApp } from './AdminApp.tsx';
import { adminEn } from './locales/en.ts';
import { adminFr } from './locales/fr.ts';

mount(AdminApp, { en: adminEn, fr: adminFr });
