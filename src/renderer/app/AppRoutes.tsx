import { lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { AppLayout } from './AppLayout';

// Each screen is its own chunk, loaded on first visit (AppLayout shows a loader meanwhile), so the
// first paint after unlock carries only the shell and the dashboard (the one screen loaded eagerly).
const AgreementPage = lazy(() => import('../features/agreements/AgreementPage').then((module) => ({ default: module.AgreementPage })));
const CalendarPage = lazy(() => import('../features/deadlines/CalendarPage').then((module) => ({ default: module.CalendarPage })));
const SchoolCalendarsPage = lazy(() => import('../features/calendars/SchoolCalendarsPage').then((module) => ({ default: module.SchoolCalendarsPage })));
const CaseloadPage = lazy(() => import('../features/cases/CaseloadPage').then((module) => ({ default: module.CaseloadPage })));
const CasePage = lazy(() => import('../features/cases/CasePage').then((module) => ({ default: module.CasePage })));
const ContactsPage = lazy(() => import('../features/contacts/ContactsPage').then((module) => ({ default: module.ContactsPage })));
const FamiliesPage = lazy(() => import('../features/families/FamiliesPage').then((module) => ({ default: module.FamiliesPage })));
const FamilyPage = lazy(() => import('../features/families/FamilyPage').then((module) => ({ default: module.FamilyPage })));
const RulesPage = lazy(() => import('../features/jurisdictions/RulesPage').then((module) => ({ default: module.RulesPage })));
const MeetingPage = lazy(() => import('../features/meetings/MeetingPage').then((module) => ({ default: module.MeetingPage })));
const SearchPage = lazy(() => import('../features/search/SearchPage').then((module) => ({ default: module.SearchPage })));
const SettingsPage = lazy(() => import('../features/settings/SettingsPage').then((module) => ({ default: module.SettingsPage })));
const TimeReportPage = lazy(() => import('../features/time/TimeReportPage').then((module) => ({ default: module.TimeReportPage })));

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
