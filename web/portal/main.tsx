import { mount } from '../common/mount.tsx';
import { PortalApp } from './PortalApp.tsx';

mount(PortalApp);
