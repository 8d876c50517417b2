// Export, document titles: the titles of the given documents (those the exported entities and relationships cite),
// in document order. The service asks for a page of documents at a time, after the rows, and writes the titles last,
// as a dataset file lists them.
//
// :param documents => ['000_eac32558cbc5d9ab.txt', '003_67bdc8ecb5f52f54.txt']

MATCH (entry:Document)
WHERE entry.document IN $documents
RETURN entry.document AS document, entry.title AS title, entry.url AS url
ORDER BY document;
