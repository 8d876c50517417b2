// The document titles the service shows beside sources (GraphQL `Source.title`), read with the projection, one page
// at a time: documents in order after the last document of the page before ('' for the first). The page is cut by
// the document_document constraint's index. The service reads pages until one comes back short.
//
// :param after => ''
// :param pageSize => 2000

MATCH (entry:Document)
WHERE entry.document > $after
RETURN entry.document AS document, entry.title AS title, entry.url AS url
ORDER BY document
LIMIT $pageSize;
