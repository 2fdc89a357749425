/**
 * The roles a link between contacts can have until an admin saves the firm's own list. They are
 * stored as these ids (lower case, as every saved role is) and the admin UI shows each one in the
 * reader's language (`roleNames` in its catalogues); a role an admin adds is shown as written.
 */
export const DEFAULT_ROLES = ['partner', 'director', 'employee', 'accountant', 'lawyer', 'assistant'];

/** Whether a role is one of the defaults, which the UI translates. */
export const isDefaultRole = (role: string) => DEFAULT_ROLES.includes(role);
