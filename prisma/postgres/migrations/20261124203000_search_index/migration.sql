-- The recommendations list's search index (issue 9), built and kept current by the database.
--
-- "SearchText" holds one row per searchable text of a recommendation: its code, its title, its
-- text, and each evidence note that is not removed. Triggers on "Recommendation" and
-- "EvidenceNote" keep it current in the writing transaction, whichever code writes (the app, an
-- import, the CLI, the benchmark's generator). A pg_trgm GIN index on its "body" answers
-- `body ILIKE '%term%'` (three characters or more) from the index instead of reading every text.
-- Prisma Migrate does not manage these objects (lib/db/external-tables.ts); the app reads
-- "SearchText" (prisma/schema.prisma) and never writes it.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE "SearchText" (
    "id" INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
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

CREATE INDEX "SearchText_body_trgm_idx" ON "SearchText" USING gin ("body" gin_trgm_ops);

-- "SearchText" follows the recommendations...
CREATE FUNCTION "Recommendation_search"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO "SearchText" ("recommendationId", "field", "body")
            VALUES (NEW."id", 'code', NEW."code"), (NEW."id", 'title', NEW."title"), (NEW."id", 'text', NEW."text");
    ELSIF TG_OP = 'UPDATE' THEN
        UPDATE "SearchText" SET "body" = NEW."code" WHERE "recommendationId" = NEW."id" AND "field" = 'code' AND "body" IS DISTINCT FROM NEW."code";
        UPDATE "SearchText" SET "body" = NEW."title" WHERE "recommendationId" = NEW."id" AND "field" = 'title' AND "body" IS DISTINCT FROM NEW."title";
        UPDATE "SearchText" SET "body" = NEW."text" WHERE "recommendationId" = NEW."id" AND "field" = 'text' AND "body" IS DISTINCT FROM NEW."text";
    ELSE
        DELETE FROM "SearchText" WHERE "recommendationId" = OLD."id";
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER "Recommendation_search_insert" AFTER INSERT ON "Recommendation"
    FOR EACH ROW EXECUTE FUNCTION "Recommendation_search"();
CREATE TRIGGER "Recommendation_search_update" AFTER UPDATE OF "code", "title", "text" ON "Recommendation"
    FOR EACH ROW WHEN (OLD."code" IS DISTINCT FROM NEW."code" OR OLD."title" IS DISTINCT FROM NEW."title" OR OLD."text" IS DISTINCT FROM NEW."text")
    EXECUTE FUNCTION "Recommendation_search"();
CREATE TRIGGER "Recommendation_search_delete" AFTER DELETE ON "Recommendation"
    FOR EACH ROW EXECUTE FUNCTION "Recommendation_search"();

-- ...and their evidence notes: a removed note (deletedAt set) leaves the index, a restored one returns.
CREATE FUNCTION "EvidenceNote_search"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        DELETE FROM "SearchText" WHERE "noteId" = OLD."id";
    END IF;
    IF TG_OP <> 'DELETE' AND NEW."deletedAt" IS NULL THEN
        INSERT INTO "SearchText" ("recommendationId", "field", "noteId", "body") VALUES (NEW."recommendationId", 'note', NEW."id", NEW."body");
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER "EvidenceNote_search_insert" AFTER INSERT ON "EvidenceNote"
    FOR EACH ROW EXECUTE FUNCTION "EvidenceNote_search"();
CREATE TRIGGER "EvidenceNote_search_update" AFTER UPDATE OF "body", "deletedAt", "recommendationId" ON "EvidenceNote"
    FOR EACH ROW WHEN (OLD."body" IS DISTINCT FROM NEW."body" OR (OLD."deletedAt" IS NULL) IS DISTINCT FROM (NEW."deletedAt" IS NULL)
                       OR OLD."recommendationId" IS DISTINCT FROM NEW."recommendationId")
    EXECUTE FUNCTION "EvidenceNote_search"();
CREATE TRIGGER "EvidenceNote_search_delete" AFTER DELETE ON "EvidenceNote"
    FOR EACH ROW EXECUTE FUNCTION "EvidenceNote_search"();
