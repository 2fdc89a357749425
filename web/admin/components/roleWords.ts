/** A link's role in the reader's language: a default role by its catalogue name, one an admin added as written. */
import type { TFunction } from 'i18next';
import { isDefaultRole } from '../../../shared/domain/roles.ts';

export const roleWords = (role: string, t: TFunction) => (isDefaultRole(role) ? t(`roleNames.${role}`) : role);
