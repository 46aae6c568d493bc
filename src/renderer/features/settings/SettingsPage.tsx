import { Tabs } from '@mantine/core';
import { Navigate, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { AuditLog } from '../audit/AuditLog';
import { BackupSettings } from '../backups/BackupSettings';
import { DiagnosticsSettings } from '../diagnostics/DiagnosticsSettings';
import { RetentionSettings } from '../retention/RetentionSettings';
import { SecuritySettings } from './SecuritySettings';

const SECTIONS = [
  { value: 'security', label: 'Security', render: () => <SecuritySettings /> },
  { value: 'backups', label: 'Backups', render: () => <BackupSettings /> },
  { value: 'audit', label: 'Audit log', render: () => <AuditLog /> },
  { value: 'retention', label: 'Retention', render: () => <RetentionSettings /> },
  { value: 'diagnostics', label: 'Diagnostics', render: () => <DiagnosticsSettings /> },
] as const;

/** Settings, one tab per concern; the tab is in the address so a lock and unlock returns to it. */
export function SettingsPage() {
  const navigate = useNavigate();
  const { section } = useParams();
  const current = SECTIONS.find((item) => item.value === section);
  if (!current) return <Navigate to="/settings/security" replace />;

  return (
    <>
      <PageHeader title="Settings" subtitle="How this vault is protected, backed up, audited and kept." />
      <Tabs value={current.value} onChange={(value) => value && navigate(`/settings/${value}`)} keepMounted={false}>
        <Tabs.List mb="md">
          {SECTIONS.map((item) => (
            <Tabs.Tab key={item.value} value={item.value}>
              {item.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {SECTIONS.map((item) => (
          <Tabs.Panel key={item.value} value={item.value} maw={960}>
            {item.render()}
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}
