import { useQuery } from '@tanstack/react-query';
import { callMethod, useApiMutation } from '../../api/use-api';
import { DEADLINE_KEYS } from '../deadlines/useDeadlines';

export function useSchoolCalendars(districtId: number | null) {
  return useQuery({
    queryKey: ['school-calendars', districtId],
    queryFn: () => callMethod('calendars.list', districtId === null ? {} : { districtId }),
  });
}

/** School days and closures move every school-day deadline of the district's cases. */
const CALENDAR_KEYS = [['school-calendars'], ...DEADLINE_KEYS];

export const useSaveSchoolCalendar = () => useApiMutation('calendars.save', CALENDAR_KEYS);
export const useDeleteSchoolCalendar = () => useApiMutation('calendars.delete', CALENDAR_KEYS);
export const useImportSchoolCalendar = () => useApiMutation('calendars.import', CALENDAR_KEYS);
