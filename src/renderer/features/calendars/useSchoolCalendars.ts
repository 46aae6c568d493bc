import { useQuery } from '@tanstack/react-query';
import { callMethod, useApiMutation } from '../../api/use-api';

export function useSchoolCalendars(districtId: number | null) {
  return useQuery({
    queryKey: ['school-calendars', districtId],
    queryFn: () => callMethod('calendars.list', districtId === null ? {} : { districtId }),
  });
}

export const useSaveSchoolCalendar = () => useApiMutation('calendars.save');
export const useDeleteSchoolCalendar = () => useApiMutation('calendars.delete');
export const useImportSchoolCalendar = () => useApiMutation('calendars.import');
