// Upserts the titles a dataset gives the documents its sources cite (its `documents` list), one node per document,
// in the import's own transaction: an import that fails or is cancelled leaves no title behind. A later dataset's
// title for the same document replaces the earlier one (constraint document_document keeps one node per document).
// $rows: [{document, properties: {document, title, url}}]. Returns how many rows were written.

UNWIND $rows AS row
MERGE (document:Document {document: row.document})
SET document = row.properties
RETURN count(*) AS written;
