import { Navigate, Route, Routes } from 'react-router';
import { AgreementPage } from '../features/agreements/AgreementPage';
import { CalendarPage } from '../features/calendar/CalendarPage';
import { SchoolCalendarsPage } from '../features/calendars/SchoolCalendarsPage';
import { CaseloadPage } from '../features/cases/CaseloadPage';
import { CasePage } from '../features/cases/CasePage';
import { ContactsPage } from '../features/contacts/ContactsPage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { FamiliesPage } from '../features/families/FamiliesPage';
import { FamilyPage } from '../features/families/FamilyPage';
import { RulesPage } from '../features/jurisdictions/RulesPage';
import { MeetingPage } from '../features/meetings/MeetingPage';
import { SearchPage } from '../features/search/SearchPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { TimeReportPage } from '../features/time/TimeReportPage';
import { AppLayout } from './AppLayout';

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<DashboardPage />} />
        <Route path="cases" element={<CaseloadPage />} />
        <Route path="calendar" element={<CalendarPage />} />
        <Route path="rules" element={<RulesPage />} />
        <Route path="calendars" element={<SchoolCalendarsPage />} />
        <Route path="cases/:id" element={<CasePage />} />
        <Route path="agreements/:id" element={<AgreementPage />} />
        <Route path="families" element={<FamiliesPage />} />
        <Route path="families/:id" element={<FamilyPage />} />
        <Route path="contacts" element={<ContactsPage />} />
        <Route path="settings/:section?" element={<SettingsPage />} />
        <Route path="meetings/:id" element={<MeetingPage />} />
        <Route path="search" element={<SearchPage />} />
        <Route path="time" element={<TimeReportPage />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Route>
    </Routes>
  );
}
