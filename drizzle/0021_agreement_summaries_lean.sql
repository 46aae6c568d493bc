-- Stored agreement summaries (agreement_summaries.summary) no longer carry the totals and the
-- worst term, which the dashboard's list never showed; each keeps the three figures that order
-- the list (src/main/services/agreements/agreements-behind.ts, AgreementSummary). The rows are a
-- cache of what the implementation log says today: emptied here, each is computed again in the
-- new shape on the next read.
DELETE FROM `agreement_summaries`;
