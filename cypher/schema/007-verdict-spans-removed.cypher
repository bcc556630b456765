// Verdict spans are gone (docs/decisions/0067-verdict-spans-removed.md): a graph loaded
// before holds the four indexes decision 0053 created; dropped here (nothing when absent).
// Their nodes are deleted after the schema, in batches (src/derived/remove-verdict-spans.ts).
DROP INDEX verdict_span_pair IF EXISTS;
DROP INDEX verdict_span_count IF EXISTS;
DROP INDEX verdict_span_page IF EXISTS;
DROP INDEX verdict_span_aim IF EXISTS;
