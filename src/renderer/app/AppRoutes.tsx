import { Navigate, Route, Routes } from 'react-router';
import { CaseloadPage } from '../features/cases/CaseloadPage';
import { CasePage } from '../features/cases/CasePage';
import { ContactsPage } from '../features/contacts/ContactsPage';
import { FamiliesPage } from '../features/families/FamiliesPage';
import { FamilyPage } from '../features/families/FamilyPage';
import { AppLayout } from './AppLayout';

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<CaseloadPage />} />
        <Route path="cases/:id" element={<CasePage />} />
        <Route path="families" element={<FamiliesPage />} />
        <Route path="families/:id" element={<FamilyPage />} />
        <Route path="contacts" element={<ContactsPage />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Route>
    </Routes>
  );
}
