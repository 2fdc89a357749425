import { mount } from '../common/mount.tsx';
import { AdminApp } from './AdminApp.tsx';

mount(AdminApp);
