/** Consent status per district proposal, and the consent fact it feeds to the deadline engine. */
export * from './consents-service';
