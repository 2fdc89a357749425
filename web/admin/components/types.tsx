/** The API's record shapes, taken from the backend's own types so the two cannot drift apart. */
export type { AccessState, Contact, ContactKind, ContactLink, DriveItem } from '../../../shared/domain/model.ts';
export type { AuditEntry, Page, StaffUser } from '../../../shared/domain/ports.ts';
export type { PortalSettings, AttachmentControl, SeatUsage, SettingsView } from '../../../shared/domain/settings.ts';
export type { SharedItem } from '../../../shared/services/sharing.ts';
