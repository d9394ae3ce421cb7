-- The recommendations list's search index (issue 9), built and kept current by the database.
--
-- "SearchText" holds one row per searchable text of a recommendation: its code, its title, its
-- text, and each evidence note that is not removed. Triggers on "Recommendation" and
-- "EvidenceNote" keep it current in the writing transaction, whichever code writes (the app, an
-- import, the CLI, the benchmark's generator). "SearchIndex" is an FTS5 index over it with the
-- trigram tokenizer, which answers `body LIKE '%term%'` (three characters or more; LIKE ignores the
-- case of ASCII letters) from the index instead of reading every text; it is kept current from
-- "SearchText" by triggers.
-- Prisma Migrate does not manage these objects (lib/db/external-tables.ts); the app reads
-- "SearchText" as a model (prisma/schema.prisma) and "SearchIndex" with raw SQL, and writes neither.

CREATE TABLE "SearchText" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "recommendationId" TEXT NOT NULL,
    -- code | title | text | note
    "field" TEXT NOT NULL,
    "noteId" TEXT,
    "body" TEXT NOT NULL
);
CREATE INDEX "SearchText_recommendationId_idx" ON "SearchText"("recommendationId");
CREATE UNIQUE INDEX "SearchText_noteId_key" ON "SearchText"("noteId");

INSERT INTO "SearchText" ("recommendationId", "field", "body")
    SELECT "id", 'code', "code" FROM "Recommendation"
    UNION ALL SELECT "id", 'title', "title" FROM "Recommendation"
    UNION ALL SELECT "id", 'text', "text" FROM "Recommendation";
INSERT INTO "SearchText" ("recommendationId", "field", "noteId", "body")
    SELECT "recommendationId", 'note', "id", "body" FROM "EvidenceNote" WHERE "deletedAt" IS NULL;

CREATE VIRTUAL TABLE "SearchIndex" USING fts5(
    "recommendationId" UNINDEXED,
    "body",
    content = 'SearchText',
    content_rowid = 'id',
    tokenize = 'trigram'
);
INSERT INTO "SearchIndex" ("SearchIndex") VALUES ('rebuild');

-- The index follows "SearchText" (FTS5's external-content pattern).
CREATE TRIGGER "SearchText_index_insert" AFTER INSERT ON "SearchText" BEGIN
    INSERT INTO "SearchIndex" ("rowid", "recommendationId", "body") VALUES (new."id", new."recommendationId", new."body");
END;
CREATE TRIGGER "SearchText_index_delete" AFTER DELETE ON "SearchText" BEGIN
    INSERT INTO "SearchIndex" ("SearchIndex", "rowid", "recommendationId", "body") VALUES ('delete', old."id", old."recommendationId", old."body");
END;
CREATE TRIGGER "SearchText_index_update" AFTER UPDATE ON "SearchText" BEGIN
    INSERT INTO "SearchIndex" ("SearchIndex", "rowid", "recommendationId", "body") VALUES ('delete', old."id", old."recommendationId", old."body");
    INSERT INTO "SearchIndex" ("rowid", "recommendationId", "body") VALUES (new."id", new."recommendationId", new."body");
END;

-- "SearchText" follows the recommendations...
CREATE TRIGGER "Recommendation_search_insert" AFTER INSERT ON "Recommendation" BEGIN
    INSERT INTO "SearchText" ("recommendationId", "field", "body")
        VALUES (new."id", 'code', new."code"), (new."id", 'title', new."title"), (new."id", 'text', new."text");
END;
CREATE TRIGGER "Recommendation_search_update" AFTER UPDATE OF "code", "title", "text" ON "Recommendation"
WHEN old."code" IS NOT new."code" OR old."title" IS NOT new."title" OR old."text" IS NOT new."text" BEGIN
    UPDATE "SearchText" SET "body" = new."code" WHERE "recommendationId" = new."id" AND "field" = 'code' AND "body" IS NOT new."code";
    UPDATE "SearchText" SET "body" = new."title" WHERE "recommendationId" = new."id" AND "field" = 'title' AND "body" IS NOT new."title";
    UPDATE "SearchText" SET "body" = new."text" WHERE "recommendationId" = new."id" AND "field" = 'text' AND "body" IS NOT new."text";
END;
CREATE TRIGGER "Recommendation_search_delete" AFTER DELETE ON "Recommendation" BEGIN
    DELETE FROM "SearchText" WHERE "recommendationId" = old."id";
END;

-- ...and their evidence notes: a removed note (deletedAt set) leaves the index, a restored one returns.
CREATE TRIGGER "EvidenceNote_search_insert" AFTER INSERT ON "EvidenceNote" WHEN new."deletedAt" IS NULL BEGIN
    INSERT INTO "SearchText" ("recommendationId", "field", "noteId", "body") VALUES (new."recommendationId", 'note', new."id", new."body");
END;
CREATE TRIGGER "EvidenceNote_search_update" AFTER UPDATE OF "body", "deletedAt", "recommendationId" ON "EvidenceNote"
WHEN old."body" IS NOT new."body" OR (old."deletedAt" IS NULL) IS NOT (new."deletedAt" IS NULL) OR old."recommendationId" IS NOT new."recommendationId" BEGIN
    DELETE FROM "SearchText" WHERE "noteId" = old."id";
    INSERT INTO "SearchText" ("recommendationId", "field", "noteId", "body")
        SELECT new."recommendationId", 'note', new."id", new."body" WHERE new."deletedAt" IS NULL;
END;
CREATE TRIGGER "EvidenceNote_search_delete" AFTER DELETE ON "EvidenceNote" BEGIN
    DELETE FROM "SearchText" WHERE "noteId" = old."id";
END;
