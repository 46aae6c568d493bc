/** IEPs (the IEP meeting fact's own record), measurable goals and progress data. */
export * from './ieps-service';
export * from './progress-import';
