// Verdict spans (docs/decisions/0053-agreement-from-verdict-spans.md): per derived position,
// the intervals of its plain verdict and of each aim, so that an agreement counts and pages
// an organisation's plain topics on a date from these indexes. Not :Entity.
CREATE INDEX verdict_span_pair IF NOT EXISTS FOR (s:VerdictSpan) ON (s.pairKey);
CREATE INDEX verdict_span_count IF NOT EXISTS FOR (s:VerdictSpan) ON (s.holderId, s.verdict, s.until, s.from);
CREATE INDEX verdict_span_page IF NOT EXISTS FOR (s:VerdictSpan) ON (s.holderId, s.verdict, s.targetId, s.from, s.until);
CREATE INDEX verdict_span_aim IF NOT EXISTS FOR (s:VerdictSpan) ON (s.holderId, s.aimId, s.until, s.from);
