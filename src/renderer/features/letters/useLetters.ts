import { useQuery } from '@tanstack/react-query';
import { callMethod } from '../../api/use-api';

export function useLetterTemplates() {
  return useQuery({ queryKey: ['letter-templates'], queryFn: () => callMethod('letters.templates', {}), staleTime: Infinity });
}
