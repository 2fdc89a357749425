/**
 * The staff API's record shapes, from the types generated out of docs/openapi.json (`npm run
 * openapi`): what the API declares it answers, which the tests check every answer against.
 */
import type { components } from '../../common/api-types.ts';

export type Schemas = components['schemas'];

export type Contact = Schemas['Contact'];
export type ContactKind = Contact['kind'];
export type ContactLink = Schemas['ContactLink'];
export type AccessState = Schemas['PortalAccess']['state'];
export type DriveItem = Schemas['DriveItem'];
export type SharedItem = Schemas['SharedItem'];
export type AuditEntry = Schemas['AuditEntry'];
export type StaffUser = Schemas['StaffUser'];
export type PortalSettings = Schemas['PortalSettings'];
export type AttachmentControl = PortalSettings['attachments']['upload'];
export type SettingsView = Schemas['SettingsView'];
export type SeatUsage = SettingsView['seatUsage'];
export type { Page } from '../../common/paging.ts';
export type Matter = Schemas['Matter'];
export type MatterSummary = Schemas['MatterSummary'];
export type MatterLists = Schemas['MatterLists'];
export type RequestSummary = Schemas['RequestSummary'];
export type RequestState = RequestSummary['state'];
export type StaffRequest = Schemas['StaffRequestWithFiles'];
export type Involved = Schemas['Involved'];
