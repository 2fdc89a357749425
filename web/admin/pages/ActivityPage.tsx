import { AuditList } from '../components/AuditList.tsx';

/** The firm's whole audit trail, newest first; the API lets only admins see it and says so to others. */
export function ActivityPage() {
  return (
    <>
      <h1>Activity</h1>
      <AuditList path="/audit" showContact />
    </>
  );
}
