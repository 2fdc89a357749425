import { webApp } from '../vite.shared.ts';

export default webApp('admin');
