import { useQuery } from '@tanstack/react-query';
import { callMethod } from '../../api/use-api';

export function useLetterTemplates() {
  return useQuery({ queryKey: ['letter-templates'], queryFn: () => callMethod('letters.templates', {}), staleTime: Infinity });
}

/** An exported letter becomes a document and a timeline event of the case. */
export const LETTER_EXPORT_KEYS = [['documents'], ['events'], ['cases'], ['families'], ['binder-plan'], ['deadlines'], ['dashboard']];
