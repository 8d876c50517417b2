// Asks nothing: the answer's bookmark names the last transaction committed in the database, by any client, and
// moves with every commit (recorded Query API exchanges 33-45). The service polls it and reloads its projection
// when it moves.

RETURN 1 AS alive;
