/** Trial periods with objective data. */
export * from './trials-service';
